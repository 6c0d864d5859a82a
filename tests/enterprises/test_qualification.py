"""Rules stored per edition and role are evaluated and re-evaluated on every change."""

from decimal import Decimal

import pytest
from django.utils.translation import override

from fairmatch.conference.domain.rules import create_rule, set_exchange_rate, update_rule
from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.domain.applications import application_changed, profile_changed
from fairmatch.enterprises.domain.qualification import refresh_edition, refresh_participation
from fairmatch.enterprises.interfaces.messages import render_message
from fairmatch.enterprises.models import Enterprise, Participation, RuleResult, State
from tests.factories import (
    DelegateFactory,
    DemandFactory,
    EditionFactory,
    ExchangeRateFactory,
    FieldFactory,
    OrganiserFactory,
    ParticipationFactory,
    QualificationRuleFactory,
    UserFactory,
    reference_ladder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def buyer_application():
    ladder = reference_ladder()
    participation = ParticipationFactory(enterprise__country="JP")
    QualificationRuleFactory(edition=participation.edition)
    QualificationRuleFactory(
        edition=participation.edition,
        kind="min_delegate_rank",
        parameters={"rank_level": ladder["outsourcing_manager"].level},
    )
    QualificationRuleFactory(
        edition=participation.edition,
        role="provider",
        kind="allowed_countries",
        parameters={"groups": ["domestic"]},
    )
    DelegateFactory(participation=participation, rank=ladder["director"])
    return participation


def test_only_the_rules_of_the_applicants_roles_apply(buyer_application):
    DemandFactory(participation=buyer_application, value=Decimal("9000000"))
    refresh_participation(buyer_application)
    kinds = sorted(RuleResult.objects.values_list("rule__kind", "outcome"))
    assert kinds == [("min_contract_value", "pass"), ("min_delegate_rank", "pass")]
    buyer_application.refresh_from_db()
    assert buyer_application.rule_outcome == "pass"


def test_an_added_rate_turns_review_into_pass(buyer_application):
    DemandFactory(participation=buyer_application, value=Decimal("1400000000"), currency="JPY")
    refresh_participation(buyer_application)
    buyer_application.refresh_from_db()
    assert buyer_application.rule_outcome == "review"
    ExchangeRateFactory(edition=buyer_application.edition, currency="JPY")
    refresh_edition(buyer_application.edition)
    buyer_application.refresh_from_db()
    assert buyer_application.rule_outcome == "pass"


def test_a_raised_minimum_fails_the_application(buyer_application):
    DemandFactory(participation=buyer_application, value=Decimal("9000000"))
    rule = buyer_application.edition.rules.get(kind="min_contract_value")
    rule.parameters = {"amount_usd": "10000000"}
    rule.save()
    refresh_edition(buyer_application.edition)
    buyer_application.refresh_from_db()
    assert buyer_application.rule_outcome == "fail"


def test_a_misconfigured_rule_asks_for_review_instead_of_crashing(buyer_application):
    DemandFactory(participation=buyer_application, value=Decimal("9000000"))
    QualificationRuleFactory(edition=buyer_application.edition, parameters={"amount_usd": "x"})
    refresh_participation(buyer_application)
    buyer_application.refresh_from_db()
    assert buyer_application.rule_outcome == "review"


def test_refreshing_an_edition_takes_constant_queries(django_assert_max_num_queries):
    first = ParticipationFactory()
    QualificationRuleFactory(edition=first.edition)
    for _ in range(3):
        DemandFactory(participation__edition=first.edition)
    # 14, and one for the exhibition parts (their fields: one more where any is written).
    with django_assert_max_num_queries(15):
        refresh_edition(first.edition)
    for _ in range(10):
        DemandFactory(participation__edition=first.edition)
    with django_assert_max_num_queries(15):
        refresh_edition(first.edition)


# Admissions stay true: an admitted application whose reviewed facts change, or that a
# changed rule or rate judges worse, goes back to review with the reasons.


@pytest.fixture
def admitted():
    """A Japanese buyer qualified on USD 9.2 M, a director, in software; four buyer rules."""
    ladder = reference_ladder()
    edition = EditionFactory(name_en="Dalian 2027")
    participation = ParticipationFactory(
        edition=edition, enterprise__country="JP", enterprise__name_original="Acme Japan"
    )
    participation.enterprise.fields.add(FieldFactory())
    rules = {
        "value": QualificationRuleFactory(edition=edition),
        "rank": QualificationRuleFactory(
            edition=edition,
            kind="min_delegate_rank",
            parameters={"rank_level": ladder["outsourcing_manager"].level},
        ),
        "country": QualificationRuleFactory(
            edition=edition, kind="allowed_countries", parameters={"groups": ["foreign"]}
        ),
        "fields": QualificationRuleFactory(
            edition=edition, kind="required_fields", parameters={"fields": ["software"]}
        ),
    }
    DemandFactory(participation=participation, value=Decimal("9200000"))
    DelegateFactory(participation=participation, full_name="Sato Ken", rank=ladder["director"])
    refresh_participation(participation)
    workflow.submit(participation=participation, user=None)
    workflow.qualify(participation=participation, user=OrganiserFactory())
    participation.refresh_from_db()
    assert (participation.state, participation.rule_outcome) == (State.QUALIFIED, "pass")
    participation.ladder, participation.rules = ladder, rules
    return participation


def reasons_of(participation, language="en"):
    change = participation.state_changes.last()
    with override(language):
        return [render_message(reason) for reason in change.reasons]


def test_a_lower_contract_value_sends_it_back_to_review_saying_what_changed(admitted):
    admitted.demands.update(value=Decimal("6000000"))
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.SUBMITTED, "fail")
    assert reasons_of(admitted) == ["Contract value changed from USD 9.2 M to USD 6 M."]
    assert reasons_of(admitted, "zh-hans") == ["合同金额由USD 920万改为USD 600万。"]
    entry = AuditEntry.objects.get(action="participation.back_to_review")
    assert entry.note == "Contract value changed from USD 9,200,000 to USD 6,000,000."


def test_any_change_of_a_fact_a_rule_reads_counts_even_if_the_rule_still_passes(admitted):
    admitted.demands.update(value=Decimal("12000000"))
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.SUBMITTED, "pass")
    assert reasons_of(admitted) == ["Contract value changed from USD 9.2 M to USD 12 M."]


def test_another_currency_is_another_contract_value(admitted):
    admitted.demands.update(currency="JPY")
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.SUBMITTED, "review")
    assert reasons_of(admitted) == ["Contract value changed from USD 9.2 M to JPY 9.2 M."]


def test_an_added_demand_lists_the_values_before_and_after(admitted):
    DemandFactory(participation=admitted, value=Decimal("500000"), currency="EUR")
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert reasons_of(admitted) == [
        "Contract values changed from USD 9.2 M to EUR 500 k, USD 9.2 M."
    ]


def test_a_lower_delegate_rank_sends_it_back(admitted):
    admitted.delegates.update(rank=admitted.ladder["manager"])
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.SUBMITTED, "fail")
    assert reasons_of(admitted) == [
        "Attending delegates changed from Sato Ken: Director to Sato Ken: Manager."
    ]
    assert reasons_of(admitted, "zh-hans") == ["出席代表由Sato Ken：总监改为Sato Ken：经理。"]


def test_a_country_change_in_the_profile_sends_it_back(admitted, client):
    member = UserFactory(enterprise=admitted.enterprise)
    client.force_login(member)
    enterprise = admitted.enterprise
    response = client.post(
        "/my/enterprise/",
        {
            "name_original": enterprise.name_original,
            "name_en": enterprise.name_en,
            "country": "CN",
            "kind": enterprise.kind,
            "fields": [field.pk for field in enterprise.fields.all()],
            "description_language": "en",
        },
    )
    assert response.status_code == 302
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.SUBMITTED, "fail")
    assert reasons_of(admitted) == ["Country changed from JP to CN."]


def test_other_fields_and_roles_are_named(admitted):
    admitted.enterprise.fields.set([FieldFactory(code="animation", name_en="Animation")])
    admitted.demands.update(field=FieldFactory(code="animation"))
    admitted.enterprise.kind = Enterprise.Kind.BOTH
    admitted.enterprise.save()
    QualificationRuleFactory(
        edition=admitted.edition,
        role="provider",
        kind="allowed_countries",
        parameters={"countries": ["JP"]},
    )
    profile_changed(enterprise=admitted.enterprise)
    admitted.refresh_from_db()
    assert admitted.state == State.SUBMITTED
    assert reasons_of(admitted) == [
        "Roles changed from buyer (negotiator) to buyer (negotiator), provider (negotiator).",
        "Fields changed from Software to Animation.",
    ]


def test_a_change_no_rule_reads_leaves_the_admission_alone(admitted):
    admitted.rules["rank"].delete()
    admitted.delegates.update(rank=admitted.ladder["staff"], title="Intern")
    admitted.enterprise.description = "Now also games."
    admitted.enterprise.save()
    profile_changed(enterprise=admitted.enterprise)
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert admitted.state == State.QUALIFIED
    assert admitted.state_changes.count() == 2  # submitted, qualified


@pytest.mark.parametrize("state", [State.WAITING_CONFIRMATION, State.CONFIRMED])
def test_waiting_and_confirmed_admissions_go_back_too(admitted, state):
    if state == State.CONFIRMED:
        workflow.confirm(participation=admitted, user=None)
    else:
        admitted.state = State.SUBMITTED
        admitted.save()
        workflow.put_on_waiting_list(participation=admitted, user=OrganiserFactory())
    admitted.demands.update(value=Decimal("6000000"))
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert admitted.state == State.SUBMITTED
    assert admitted.state_changes.last().from_state == state


def test_an_application_not_admitted_is_only_re_evaluated(admitted):
    admitted.state = State.REJECTED
    admitted.save()
    admitted.demands.update(value=Decimal("6000000"))
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.REJECTED, "fail")


def test_an_admission_without_kept_facts_takes_todays_as_reviewed(admitted):
    Participation.objects.filter(pk=admitted.pk).update(reviewed_facts=None)
    admitted.refresh_from_db()
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert admitted.state == State.QUALIFIED
    assert admitted.reviewed_facts["demands"][0]["amount"] == "9200000.00"
    admitted.demands.update(value=Decimal("6000000"))
    application_changed(participation=admitted)
    admitted.refresh_from_db()
    assert admitted.state == State.SUBMITTED


def test_a_raised_minimum_sends_it_back_naming_the_rule(admitted):
    update_rule(
        rule=admitted.rules["value"],
        role="buyer",
        parameters={"amount_usd": "10000000"},
        actor=OrganiserFactory(),
    )
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.SUBMITTED, "fail")
    assert reasons_of(admitted) == [
        "The organiser changed the rule “buyer (negotiator): minimum contract value on offer”.",
        "The rule “buyer (negotiator): minimum contract value on offer” now gives: fails.",
    ]
    assert reasons_of(admitted, "zh-hans") == [
        "主办方修改了规则“采购商（参加洽谈）：最低合同金额”。",
        "规则“采购商（参加洽谈）：最低合同金额”现在的结果为：未通过。",
    ]
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-2:] == ["rule.changed", "participation.back_to_review"]


def test_a_rule_change_that_still_passes_leaves_the_admission_alone(admitted):
    update_rule(
        rule=admitted.rules["value"],
        role="buyer",
        parameters={"amount_usd": "9000000"},
        actor=OrganiserFactory(),
    )
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.QUALIFIED, "pass")


def test_a_new_failing_rule_sends_it_back(admitted):
    create_rule(
        edition=admitted.edition,
        role="buyer",
        kind="allowed_countries",
        parameters={"countries": ["US"]},
        actor=OrganiserFactory(),
    )
    admitted.refresh_from_db()
    assert admitted.state == State.SUBMITTED
    assert reasons_of(admitted) == [
        "The organiser added the rule “buyer (negotiator): allowed countries or country groups”.",
        "The rule “buyer (negotiator): allowed countries or country groups” now gives: fails.",
    ]


def test_a_rate_that_lowers_the_value_below_the_minimum_sends_it_back(admitted):
    Participation.objects.filter(pk=admitted.pk).update(state=State.SUBMITTED)
    admitted.demands.update(value=Decimal("1400000000"), currency="JPY")
    set_exchange_rate(
        edition=admitted.edition, currency="JPY", units_per_usd=Decimal("150"), actor=None
    )
    admitted.refresh_from_db()
    workflow.qualify(participation=admitted, user=OrganiserFactory())
    set_exchange_rate(
        edition=admitted.edition, currency="JPY", units_per_usd=Decimal("200"), actor=None
    )
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.SUBMITTED, "fail")
    assert reasons_of(admitted) == [
        "The organiser changed the exchange rate of JPY.",
        "The rule “buyer (negotiator): minimum contract value on offer” now gives: fails.",
    ]


def test_an_organiser_override_stands_while_the_rules_judge_no_worse(admitted):
    admitted.demands.update(value=Decimal("6000000"))
    application_changed(participation=admitted)
    workflow.qualify(participation=admitted, user=OrganiserFactory(), note="strategic partner")
    update_rule(
        rule=admitted.rules["value"],
        role="buyer",
        parameters={"amount_usd": "7000000"},
        actor=OrganiserFactory(),
    )
    admitted.refresh_from_db()
    assert (admitted.state, admitted.rule_outcome) == (State.QUALIFIED, "fail")


def test_the_history_shows_the_automatic_move_and_its_reasons(admitted, client):
    admitted.demands.update(value=Decimal("6000000"))
    application_changed(participation=admitted)
    client.force_login(OrganiserFactory())
    page = client.get(f"/organiser/{admitted.edition.slug}/applications/{admitted.pk}/")
    history = page.content.decode().split('id="history"')[1]
    assert (
        "<td>the platform (automatic)</td><td>Contract value changed from USD 9.2 M to "
        "USD 6 M.</td>"
    ) in history
    client.force_login(UserFactory(enterprise=admitted.enterprise, language="zh-hans"))
    page = client.get(f"/apply/{admitted.edition.slug}/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "<td>系统（自动）</td>\n        <td>合同金额由USD 920万改为USD 600万。</td>" in (
        page.content.decode()
    )
