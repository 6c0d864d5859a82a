"""The pure engine's account of what changed, among the facts the rules read, since review."""

from decimal import Decimal

from fairmatch.conference.qualification import (
    AllowedCountries,
    ApplicationFacts,
    DelegateFacts,
    DemandFacts,
    Localized,
    Message,
    MinContractValue,
    MinDelegateRank,
    Money,
    RequiredFields,
)
from fairmatch.conference.qualification.changes import (
    changed_facts,
    facts_from_json,
    facts_read,
    facts_to_json,
)
from fairmatch.enterprises.interfaces.messages import render_message

DIRECTOR = Localized("Director", "总监")
NAMES = {"software": Localized("Software", "软件"), "animation": Localized("Animation", "动漫")}
REVIEWED = ApplicationFacts(
    country="JP",
    host_country="CN",
    field_codes=frozenset({"software"}),
    demands=(DemandFacts("software", Money(Decimal("9200000.00"), "USD")),),
    delegates=(
        DelegateFacts("Sato Ken", 40, DIRECTOR),
        DelegateFacts("Ito Mai", 10, Localized("Staff", "职员"), is_attending=False),
    ),
    field_names=NAMES,
)
EVERY_FACT = facts_read(
    [
        AllowedCountries(countries=frozenset({"JP"}), groups=frozenset()),
        RequiredFields(field_codes=frozenset({"software"})),
        MinContractValue(amount_usd=Decimal("8000000")),
        MinDelegateRank(rank_level=30, rank_name=Localized("Outsourcing manager")),
    ]
)


def english(messages: list[Message]) -> list[str]:
    return [render_message(message, "en") for message in messages]


def test_the_kept_facts_read_back_equal():
    assert facts_from_json(facts_to_json(REVIEWED), field_names=NAMES) == REVIEWED


def test_nothing_changed_gives_no_reason():
    same_amount = ApplicationFacts(
        **{
            **REVIEWED.__dict__,
            "demands": (DemandFacts("software", Money(Decimal("9200000"), "USD")),),
        }
    )
    assert changed_facts(reads=EVERY_FACT, before=REVIEWED, after=same_amount) == []


def test_each_changed_fact_is_named_with_before_and_after():
    after = ApplicationFacts(
        country="cn",
        host_country="CN",
        field_codes=frozenset({"software", "animation"}),
        demands=(
            DemandFacts("software", Money(Decimal("6000000"), "USD")),
            DemandFacts("animation", Money(Decimal("1400000000"), "JPY")),
        ),
        delegates=(DelegateFacts("Sato Ken", 20, Localized("Manager", "经理")),),
        field_names=NAMES,
    )
    assert english(changed_facts(reads=EVERY_FACT, before=REVIEWED, after=after)) == [
        "Country changed from JP to CN.",
        "Fields changed from Software to Animation, Software.",
        "Contract values changed from USD 9.2 M to JPY 1.4 bn, USD 6 M.",
        "Attending delegates changed from Sato Ken: Director to Sato Ken: Manager.",
    ]


def test_only_the_facts_the_rules_read_count():
    after = ApplicationFacts(**{**REVIEWED.__dict__, "country": "CN"})
    reads = facts_read([MinContractValue(amount_usd=Decimal("8000000"))])
    assert changed_facts(reads=reads, before=REVIEWED, after=after) == []


def test_a_delegate_who_stops_attending_is_a_change_and_none_left_shows_a_dash():
    after = ApplicationFacts(**{**REVIEWED.__dict__, "delegates": ()})
    assert english(changed_facts(reads=EVERY_FACT, before=REVIEWED, after=after)) == [
        "Attending delegates changed from Sato Ken: Director to —."
    ]


def test_a_list_of_amounts_survives_storage_and_reads_plainly_for_the_log():
    message = Message(
        "Contract values changed from %(before)s to %(after)s.",
        {"before": (Money(Decimal("9200000"), "USD"),), "after": ()},
    )
    assert Message.from_json(message.to_json()) == message
    assert message.in_plain_english() == "Contract values changed from USD 9,200,000 to -."
