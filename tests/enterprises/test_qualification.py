"""Rules stored per edition and role are evaluated and re-evaluated on every change."""

from decimal import Decimal

import pytest

from fairmatch.enterprises.domain.qualification import refresh_edition, refresh_participation
from fairmatch.enterprises.models import RuleResult
from tests.factories import (
    DelegateFactory,
    DemandFactory,
    ExchangeRateFactory,
    ParticipationFactory,
    QualificationRuleFactory,
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
    with django_assert_max_num_queries(14):
        refresh_edition(first.edition)
    for _ in range(10):
        DemandFactory(participation__edition=first.edition)
    with django_assert_max_num_queries(14):
        refresh_edition(first.edition)
