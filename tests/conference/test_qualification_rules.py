"""The pure qualification engine: every rule kind, currency edge cases, messages."""

from decimal import Decimal

import pytest
from django.utils.translation import override

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
    Outcome,
    RequiredFields,
    RuleError,
    Verdict,
    evaluate,
    overall_outcome,
    parse_rule,
)
from fairmatch.enterprises.interfaces.messages import render_message

RATES = {"USD": Decimal(1), "JPY": Decimal("0.0066"), "EUR": Decimal("1.08")}
EIGHT_MILLION = MinContractValue(amount_usd=Decimal("8000000"))
OUTSOURCING_MANAGER = Localized("Outsourcing manager", "外包经理")
RANKS = {
    20: Localized("Manager", "经理"),
    30: OUTSOURCING_MANAGER,
    40: Localized("Director", "总监"),
}


def facts(**overrides: object) -> ApplicationFacts:
    values: dict[str, object] = {"country": "JP", "host_country": "CN"}
    values.update(overrides)
    return ApplicationFacts(**values)  # type: ignore[arg-type]


def demand(amount: str, currency: str = "USD", field: str = "software") -> DemandFacts:
    return DemandFacts(field_code=field, value=Money(Decimal(amount), currency))


def test_exactly_eight_million_dollars_passes() -> None:
    verdict = evaluate(EIGHT_MILLION, facts(demands=(demand("8000000"),)), RATES)
    assert verdict.outcome == Outcome.PASS


def test_one_cent_below_eight_million_fails_with_the_amounts() -> None:
    verdict = evaluate(EIGHT_MILLION, facts(demands=(demand("7999999.99"),)), RATES)
    assert verdict.outcome == Outcome.FAIL
    assert render_message(verdict.reason, "en") == (
        "Contracts on offer are worth USD 7,999,999.99; at least USD 8 M is required."
    )


def test_yen_demand_is_converted_and_the_evidence_shows_both_amounts() -> None:
    verdict = evaluate(EIGHT_MILLION, facts(demands=(demand("1400000000", "JPY"),)), RATES)
    assert verdict.outcome == Outcome.PASS
    assert verdict.evidence is not None
    assert render_message(verdict.evidence, "en") == (
        "largest demand JPY 1.4 bn = USD 9.2 M >= USD 8 M"
    )


def test_the_largest_demand_decides_not_the_sum() -> None:
    demands = (demand("5000000"), demand("4000000", "EUR"))
    assert evaluate(EIGHT_MILLION, facts(demands=demands), RATES).outcome == Outcome.FAIL
    by_sum = MinContractValue(amount_usd=Decimal("8000000"), basis="sum")
    verdict = evaluate(by_sum, facts(demands=demands), RATES)
    assert verdict.outcome == Outcome.PASS
    assert render_message(verdict.evidence, "en") == "2 demands together = USD 9.3 M >= USD 8 M"


def test_a_currency_without_rate_needs_review_and_names_the_currency() -> None:
    verdict = evaluate(EIGHT_MILLION, facts(demands=(demand("900000000", "INR"),)), RATES)
    assert verdict.outcome == Outcome.REVIEW
    assert render_message(verdict.reason, "en") == (
        "No exchange rate for INR is set; the organiser will check the value."
    )


def test_no_demand_fails() -> None:
    assert evaluate(EIGHT_MILLION, facts(), RATES).outcome == Outcome.FAIL


def test_rank_rule_any_attending_delegate() -> None:
    rule = MinDelegateRank(rank_level=30, rank_name=OUTSOURCING_MANAGER)
    junior = DelegateFacts("Kenji Sato", 20, RANKS[20])
    senior = DelegateFacts("Aiko Tanaka", 40, RANKS[40])
    absent_senior = DelegateFacts("Absent Boss", 60, Localized("CEO"), is_attending=False)
    assert evaluate(rule, facts(delegates=(junior, senior)), RATES).outcome == Outcome.PASS
    failing = evaluate(rule, facts(delegates=(junior, absent_senior)), RATES)
    assert failing.outcome == Outcome.FAIL
    assert render_message(failing.reason, "en") == (
        "The most senior attending delegate, Kenji Sato, is Manager; "
        "Outsourcing manager or above is required."
    )


def test_rank_rule_all_attending_delegates() -> None:
    rule = MinDelegateRank(rank_level=30, rank_name=OUTSOURCING_MANAGER, scope="all")
    delegates = (DelegateFacts("A", 40, RANKS[40]), DelegateFacts("B", 20, RANKS[20]))
    assert evaluate(rule, facts(delegates=delegates), RATES).outcome == Outcome.FAIL
    assert evaluate(rule, facts(delegates=delegates[:1]), RATES).outcome == Outcome.PASS


def test_rank_exactly_at_the_minimum_passes() -> None:
    rule = MinDelegateRank(rank_level=30, rank_name=OUTSOURCING_MANAGER)
    delegate = DelegateFacts("C", 30, OUTSOURCING_MANAGER)
    assert evaluate(rule, facts(delegates=(delegate,)), RATES).outcome == Outcome.PASS


def test_no_attending_delegate_fails() -> None:
    rule = MinDelegateRank(rank_level=30, rank_name=OUTSOURCING_MANAGER)
    assert evaluate(rule, facts(), RATES).outcome == Outcome.FAIL


def test_required_fields_any_and_all() -> None:
    names = {"pharma_rd": Localized("Pharmaceutical R&D", "医药研发")}
    covered = facts(field_codes=frozenset({"software"}), field_names=names)
    any_rule = RequiredFields(field_codes=frozenset({"software", "pharma_rd"}))
    all_rule = RequiredFields(field_codes=frozenset({"software", "pharma_rd"}), mode="all")
    assert evaluate(any_rule, covered, RATES).outcome == Outcome.PASS
    verdict = evaluate(all_rule, covered, RATES)
    assert verdict.outcome == Outcome.FAIL
    assert render_message(verdict.reason, "zh-hans").endswith("医药研发.")


def test_allowed_countries_by_group_and_code() -> None:
    foreign_only = AllowedCountries(countries=frozenset(), groups=frozenset({"foreign"}))
    assert evaluate(foreign_only, facts(country="US"), RATES).outcome == Outcome.PASS
    assert evaluate(foreign_only, facts(country="CN"), RATES).outcome == Outcome.FAIL
    listed = AllowedCountries(countries=frozenset({"KR"}), groups=frozenset({"asean"}))
    assert evaluate(listed, facts(country="KR"), RATES).outcome == Outcome.PASS
    assert evaluate(listed, facts(country="SG"), RATES).outcome == Outcome.PASS
    assert evaluate(listed, facts(country="JP"), RATES).outcome == Outcome.FAIL


def test_overall_outcome_is_the_worst() -> None:
    reason = Message("x")
    assert overall_outcome([]) == Outcome.PASS
    verdicts = [Verdict(Outcome.PASS, reason), Verdict(Outcome.REVIEW, reason)]
    assert overall_outcome(verdicts) == Outcome.REVIEW
    assert overall_outcome([*verdicts, Verdict(Outcome.FAIL, reason)]) == Outcome.FAIL


@pytest.mark.parametrize(
    ("kind", "parameters", "problem"),
    [
        ("min_contract_value", {"amount_usd": "-5"}, "amount_usd"),
        ("min_contract_value", {"amount_usd": "lots"}, "amount_usd"),
        ("min_contract_value", {"amount_usd": "8000000", "basis": "mean"}, "basis"),
        ("min_delegate_rank", {"rank_level": 35}, "rank_level"),
        ("required_fields", {"fields": []}, "fields"),
        ("allowed_countries", {"groups": ["mars"]}, "groups"),
        ("nonsense", {}, "kind"),
    ],
)
def test_bad_rule_parameters_name_the_parameter(kind: str, parameters: dict, problem: str) -> None:
    with pytest.raises(RuleError, match=f"^{problem}:"):
        parse_rule(kind=kind, parameters=parameters, rank_names=RANKS)


def test_messages_survive_storage_and_render_in_chinese() -> None:
    verdict = evaluate(EIGHT_MILLION, facts(demands=(demand("5000000"),)), RATES)
    stored = verdict.reason.to_json()
    assert Message.from_json(stored) == verdict.reason
    assert "USD 5,000,000" in render_message(stored, "zh-hans")
    assert "USD 800万" in render_message(stored, "zh-hans")


def test_required_fields_scoped_to_domestic_enterprises() -> None:
    rule = parse_rule(
        kind="required_fields",
        parameters={"fields": ["software"], "only_groups": ["domestic"]},
        rank_names=RANKS,
    )
    assert rule == RequiredFields(
        field_codes=frozenset({"software"}), only_groups=frozenset({"domestic"})
    )
    foreign = evaluate(rule, facts(country="JP"), RATES)
    assert foreign.outcome == Outcome.PASS
    assert render_message(foreign.reason, "en") == (
        "This rule does not apply to enterprises from JP."
    )
    domestic = evaluate(rule, facts(country="CN"), RATES)
    assert domestic.outcome == Outcome.FAIL
    assert render_message(domestic.evidence, "en") == "The application names no field."
    names = {"software": Localized("Software", "软件")}
    covered = evaluate(
        rule, facts(country="CN", field_codes=frozenset({"software"}), field_names=names), RATES
    )
    assert covered.outcome == Outcome.PASS
    with override("zh-hans"):
        assert render_message(covered.evidence) == "申请涉及的领域：软件"


@pytest.mark.parametrize("only_groups", [["mars"], "domestic"])
def test_required_fields_scope_must_name_known_groups(only_groups: object) -> None:
    with pytest.raises(RuleError, match="only_groups"):
        parse_rule(
            kind="required_fields",
            parameters={"fields": ["software"], "only_groups": only_groups},
            rank_names=RANKS,
        )
