"""What changed, since the organiser's review, among the facts the rules read.

An admitted application stands on the facts the organiser reviewed. ``facts_to_json`` keeps
them at admission; ``changed_facts`` later names each fact that a rule reads and that is no
longer what was reviewed ("Contract value changed from USD 9.2 M to USD 6 M"), whatever the
rules now say: the organiser judged those facts, not the verdicts alone.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from fairmatch.conference.qualification.facts import (
    ApplicationFacts,
    DelegateFacts,
    DemandFacts,
    Localized,
    Money,
)
from fairmatch.conference.qualification.messages import Message, gettext_noop
from fairmatch.conference.qualification.rules import (
    AllowedCountries,
    MinContractValue,
    MinDelegateRank,
    RequiredFields,
    Rule,
)

# The facts each kind of rule reads (what a change to would put its verdict in question).
COUNTRY, FIELDS, CONTRACT_VALUES, DELEGATE_RANKS = (
    "country",
    "fields",
    "contract_values",
    "delegate_ranks",
)
READS: dict[type, str] = {
    AllowedCountries: COUNTRY,
    RequiredFields: FIELDS,
    MinContractValue: CONTRACT_VALUES,
    MinDelegateRank: DELEGATE_RANKS,
}


def facts_to_json(facts: ApplicationFacts) -> dict[str, Any]:
    """The facts as stored with an admitted participation (names of fields left out)."""
    return {
        "country": facts.country,
        "host_country": facts.host_country,
        "fields": sorted(facts.field_codes),
        "demands": [
            {
                "field": demand.field_code,
                "amount": str(demand.value.amount),
                "currency": demand.value.currency,
            }
            for demand in facts.demands
        ],
        "delegates": [
            {
                "name": delegate.full_name,
                "rank_level": delegate.rank_level,
                "rank": {"en": delegate.rank_name.en, "zh": delegate.rank_name.zh},
                "attending": delegate.is_attending,
            }
            for delegate in facts.delegates
        ],
    }


def facts_from_json(
    data: Mapping[str, Any], *, field_names: Mapping[str, Localized]
) -> ApplicationFacts:
    """The stored facts back, with the fields' names as configured now."""
    return ApplicationFacts(
        country=str(data["country"]),
        host_country=str(data["host_country"]),
        field_codes=frozenset(data["fields"]),
        demands=tuple(
            DemandFacts(
                field_code=item["field"], value=Money(Decimal(item["amount"]), item["currency"])
            )
            for item in data["demands"]
        ),
        delegates=tuple(
            DelegateFacts(
                full_name=item["name"],
                rank_level=int(item["rank_level"]),
                rank_name=Localized(item["rank"]["en"], item["rank"].get("zh", "")),
                is_attending=bool(item["attending"]),
            )
            for item in data["delegates"]
        ),
        field_names=dict(field_names),
    )


def facts_read(rules: Iterable[Rule]) -> frozenset[str]:
    """The kinds of fact the given rules read (a rule scoped to country groups reads the
    country too)."""
    rules = list(rules)
    scoped = {COUNTRY} if any(getattr(rule, "only_groups", None) for rule in rules) else set()
    return frozenset({READS[type(rule)] for rule in rules} | scoped)


def _money_key(money: Money) -> tuple[str, Decimal]:
    return (money.currency, money.amount)


def _values(facts: ApplicationFacts) -> tuple[Money, ...]:
    return tuple(sorted((d.value for d in facts.demands), key=_money_key))


def _delegates(facts: ApplicationFacts) -> tuple[Localized, ...]:
    """Attending delegates as "name: rank", in both languages, in a stable order."""
    attending = sorted(facts.attending_delegates, key=lambda d: (d.full_name, d.rank_level))
    return tuple(
        Localized(f"{d.full_name}: {d.rank_name.en}", f"{d.full_name}：{d.rank_name.zh}")
        if d.rank_name.zh
        else Localized(f"{d.full_name}: {d.rank_name.en}")
        for d in attending
    )


def _fields(codes: Iterable[str], facts: ApplicationFacts) -> tuple[Localized, ...]:
    return tuple(facts.field_names.get(code, Localized(code)) for code in sorted(codes))


def changed_facts(
    *, reads: frozenset[str], before: ApplicationFacts, after: ApplicationFacts
) -> list[Message]:
    """One message per kind of fact in ``reads`` that differs between the two, else none."""
    changes = []
    if COUNTRY in reads and before.country.upper() != after.country.upper():
        changes.append(
            Message(
                gettext_noop("Country changed from %(before)s to %(after)s."),
                {"before": before.country.upper(), "after": after.country.upper()},
            )
        )
    if FIELDS in reads and before.field_codes != after.field_codes:
        changes.append(
            Message(
                gettext_noop("Fields changed from %(before)s to %(after)s."),
                {
                    "before": _fields(before.field_codes, after),
                    "after": _fields(after.field_codes, after),
                },
            )
        )
    if CONTRACT_VALUES in reads:
        old, new = _values(before), _values(after)
        # Compared as amounts: "9200000.00" and "9200000" are the same contract value.
        if Counter(map(_money_key, old)) != Counter(map(_money_key, new)):
            single = len(old) == len(new) == 1
            changes.append(
                Message(
                    gettext_noop("Contract value changed from %(before)s to %(after)s.")
                    if single
                    else gettext_noop("Contract values changed from %(before)s to %(after)s."),
                    {"before": old[0], "after": new[0]}
                    if single
                    else {"before": old, "after": new},
                )
            )
    if DELEGATE_RANKS in reads:
        old_delegates, new_delegates = _delegates(before), _delegates(after)
        if old_delegates != new_delegates:
            changes.append(
                Message(
                    gettext_noop("Attending delegates changed from %(before)s to %(after)s."),
                    {"before": old_delegates, "after": new_delegates},
                )
            )
    return changes
