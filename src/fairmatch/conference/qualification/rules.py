"""Qualification rules: their parameters, and how each judges an application."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from fairmatch.conference.money import Rates, to_usd
from fairmatch.conference.qualification.countries import KNOWN_GROUPS, country_in_group
from fairmatch.conference.qualification.facts import ApplicationFacts, Localized, Money
from fairmatch.conference.qualification.messages import Message, gettext_noop


class Outcome(StrEnum):
    PASS = "pass"
    REVIEW = "review"
    FAIL = "fail"


SEVERITY = {Outcome.PASS: 0, Outcome.REVIEW: 1, Outcome.FAIL: 2}


class RuleError(ValueError):
    """A rule's parameters are not valid; the message names the parameter."""


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reason: Message
    evidence: Message | None = None


@dataclass(frozen=True)
class MinContractValue:
    amount_usd: Decimal
    basis: str = "largest"  # "largest" demand, or the "sum" of all demands


@dataclass(frozen=True)
class MinDelegateRank:
    rank_level: int
    rank_name: Localized
    scope: str = "any"  # "any" attending delegate, or "all" of them


@dataclass(frozen=True)
class RequiredFields:
    field_codes: frozenset[str]
    mode: str = "any"  # the application covers "any" of the fields, or "all" of them
    # When given, the rule judges only enterprises from these country groups (a domestic
    # exhibitor must work in one of the fields; a foreign one need not): others pass.
    only_groups: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AllowedCountries:
    countries: frozenset[str]
    groups: frozenset[str]


Rule = MinContractValue | MinDelegateRank | RequiredFields | AllowedCountries


def _choice(parameters: Mapping[str, Any], name: str, choices: Iterable[str], default: str) -> str:
    value = parameters.get(name, default)
    if value not in choices:
        raise RuleError(f"{name}: must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


def parse_rule(
    *, kind: str, parameters: Mapping[str, Any], rank_names: Mapping[int, Localized]
) -> Rule:
    """Build a rule from its stored kind and parameters; ``RuleError`` names a bad parameter."""
    if kind == "min_contract_value":
        try:
            amount = Decimal(str(parameters["amount_usd"]))
        except (KeyError, InvalidOperation) as error:
            raise RuleError("amount_usd: a number of US dollars is required") from error
        if not amount.is_finite() or amount <= 0:
            raise RuleError("amount_usd: must be a positive number of US dollars")
        basis = _choice(parameters, "basis", ("largest", "sum"), "largest")
        return MinContractValue(amount_usd=amount, basis=basis)
    if kind == "min_delegate_rank":
        level = parameters.get("rank_level")
        if not isinstance(level, int) or level not in rank_names:
            raise RuleError(f"rank_level: {level!r} is not a rank on the ladder")
        scope = _choice(parameters, "scope", ("any", "all"), "any")
        return MinDelegateRank(rank_level=level, rank_name=rank_names[level], scope=scope)
    if kind == "required_fields":
        codes = parameters.get("fields")
        if not isinstance(codes, list) or not codes:
            raise RuleError("fields: at least one field is required")
        mode = _choice(parameters, "mode", ("any", "all"), "any")
        only_groups = parameters.get("only_groups", [])
        if not isinstance(only_groups, list):
            raise RuleError("only_groups: a list of country groups is required")
        unknown = [group for group in only_groups if group not in KNOWN_GROUPS]
        if unknown:
            raise RuleError(f"only_groups: unknown group {unknown[0]!r}")
        return RequiredFields(
            field_codes=frozenset(map(str, codes)), mode=mode, only_groups=frozenset(only_groups)
        )
    if kind == "allowed_countries":
        countries = parameters.get("countries", [])
        groups = parameters.get("groups", [])
        if not isinstance(countries, list) or not isinstance(groups, list):
            raise RuleError("countries, groups: lists are required")
        if not countries and not groups:
            raise RuleError("countries: name at least one country or group")
        unknown = [group for group in groups if group not in KNOWN_GROUPS]
        if unknown:
            raise RuleError(f"groups: unknown group {unknown[0]!r}")
        return AllowedCountries(
            countries=frozenset(str(code).upper() for code in countries),
            groups=frozenset(groups),
        )
    raise RuleError(f"kind: unknown rule kind {kind!r}")


def evaluate(rule: Rule, facts: ApplicationFacts, usd_per_unit: Rates) -> Verdict:
    """Judge one application by one rule."""
    if isinstance(rule, MinContractValue):
        return _evaluate_contract_value(rule, facts, usd_per_unit)
    if isinstance(rule, MinDelegateRank):
        return _evaluate_delegate_rank(rule, facts)
    if isinstance(rule, RequiredFields):
        return _evaluate_required_fields(rule, facts)
    return _evaluate_countries(rule, facts)


def overall_outcome(verdicts: Iterable[Verdict]) -> Outcome:
    """The worst outcome decides: one failed rule fails the application."""
    return max(
        (verdict.outcome for verdict in verdicts), key=SEVERITY.__getitem__, default=Outcome.PASS
    )


def _evaluate_contract_value(
    rule: MinContractValue, facts: ApplicationFacts, usd_per_unit: Rates
) -> Verdict:
    minimum = Money(rule.amount_usd, "USD")
    if not facts.demands:
        return Verdict(
            Outcome.FAIL,
            Message(
                gettext_noop(
                    "No demand has been entered; contracts worth at least %(minimum)s are required."
                ),
                {"minimum": minimum},
            ),
        )
    in_usd = [
        (demand, to_usd(demand.value.amount, demand.value.currency, usd_per_unit))
        for demand in facts.demands
    ]
    missing = sorted({demand.value.currency for demand, usd in in_usd if usd is None})
    if missing:
        return Verdict(
            Outcome.REVIEW,
            Message(
                gettext_noop(
                    "No exchange rate for %(currency)s is set; the organiser will check the value."
                ),
                {"currency": ", ".join(missing)},
            ),
        )
    converted = [(demand, Money(usd, "USD")) for demand, usd in in_usd if usd is not None]
    if rule.basis == "largest":
        demand, offered = max(converted, key=lambda pair: pair[1].amount)
        evidence = Message(
            gettext_noop("largest demand %(original)s = %(converted)s %(comparison)s %(minimum)s"),
            {"original": demand.value, "converted": offered, "minimum": minimum},
        )
    else:
        offered = Money(sum((usd.amount for _, usd in converted), Decimal(0)), "USD")
        evidence = Message(
            gettext_noop("%(count)s demands together = %(converted)s %(comparison)s %(minimum)s"),
            {"count": len(converted), "converted": offered, "minimum": minimum},
        )
    passes = offered.amount >= rule.amount_usd
    evidence.params["comparison"] = ">=" if passes else "<"
    if passes:
        return Verdict(
            Outcome.PASS,
            Message(gettext_noop("Contracts on offer reach %(minimum)s."), {"minimum": minimum}),
            evidence,
        )
    return Verdict(
        Outcome.FAIL,
        Message(
            gettext_noop(
                "Contracts on offer are worth %(offered)s; at least %(minimum)s is required."
            ),
            {"offered": Money(offered.amount, "USD", exact=True), "minimum": minimum},
        ),
        evidence,
    )


def _evaluate_delegate_rank(rule: MinDelegateRank, facts: ApplicationFacts) -> Verdict:
    attending = facts.attending_delegates
    if not attending:
        return Verdict(
            Outcome.FAIL,
            Message(
                gettext_noop(
                    "No attending delegate is named; one of rank %(rank)s or above is required."
                ),
                {"rank": rule.rank_name},
            ),
        )
    senior = [d for d in attending if d.rank_level >= rule.rank_level]
    junior = [d for d in attending if d.rank_level < rule.rank_level]
    if rule.scope == "any" and senior:
        best = max(senior, key=lambda d: d.rank_level)
        return Verdict(
            Outcome.PASS,
            Message(
                gettext_noop("An attending delegate is %(rank)s or above."),
                {"rank": rule.rank_name},
            ),
            Message(
                gettext_noop("%(name)s: %(delegate_rank)s >= %(rank)s"),
                {"name": best.full_name, "delegate_rank": best.rank_name, "rank": rule.rank_name},
            ),
        )
    if rule.scope == "all" and not junior:
        return Verdict(
            Outcome.PASS,
            Message(
                gettext_noop("Every attending delegate is %(rank)s or above."),
                {"rank": rule.rank_name},
            ),
        )
    below = junior if rule.scope == "all" else attending
    shown = max(below, key=lambda d: d.rank_level)
    template = (
        gettext_noop(
            "%(name)s is %(delegate_rank)s; every attending delegate must be %(rank)s or above."
        )
        if rule.scope == "all"
        else gettext_noop(
            "The most senior attending delegate, %(name)s, is %(delegate_rank)s; "
            "%(rank)s or above is required."
        )
    )
    return Verdict(
        Outcome.FAIL,
        Message(
            template,
            {"name": shown.full_name, "delegate_rank": shown.rank_name, "rank": rule.rank_name},
        ),
    )


def _field_names(codes: Iterable[str], facts: ApplicationFacts) -> tuple[Localized, ...]:
    return tuple(facts.field_names.get(code, Localized(code)) for code in sorted(codes))


def _in_any_group(groups: Iterable[str], facts: ApplicationFacts) -> bool:
    country = facts.country.upper()
    return any(
        country_in_group(country=country, group=group, host_country=facts.host_country)
        for group in groups
    )


def _fields_evidence(facts: ApplicationFacts) -> Message:
    if not facts.field_codes:
        return Message(gettext_noop("The application names no field."))
    return Message(
        gettext_noop("fields of the application: %(fields)s"),
        {"fields": _field_names(facts.field_codes, facts)},
    )


def _evaluate_required_fields(rule: RequiredFields, facts: ApplicationFacts) -> Verdict:
    if rule.only_groups and not _in_any_group(rule.only_groups, facts):
        return Verdict(
            Outcome.PASS,
            Message(
                gettext_noop("This rule does not apply to enterprises from %(country)s."),
                {"country": facts.country.upper()},
            ),
        )
    covered = rule.field_codes & facts.field_codes
    missing = rule.field_codes - facts.field_codes
    passes = bool(covered) if rule.mode == "any" else not missing
    if passes:
        return Verdict(
            Outcome.PASS,
            Message(
                gettext_noop("The application covers %(fields)s."),
                {"fields": _field_names(covered, facts)},
            ),
            _fields_evidence(facts),
        )
    template = (
        gettext_noop("The application must cover at least one of these fields: %(fields)s.")
        if rule.mode == "any"
        else gettext_noop("The application must also cover these fields: %(fields)s.")
    )
    return Verdict(
        Outcome.FAIL,
        Message(template, {"fields": _field_names(missing, facts)}),
        _fields_evidence(facts),
    )


def _evaluate_countries(rule: AllowedCountries, facts: ApplicationFacts) -> Verdict:
    country = facts.country.upper()
    allowed = country in rule.countries or any(
        country_in_group(country=country, group=group, host_country=facts.host_country)
        for group in rule.groups
    )
    if allowed:
        return Verdict(
            Outcome.PASS,
            Message(
                gettext_noop("Enterprises from %(country)s may take part."), {"country": country}
            ),
        )
    return Verdict(
        Outcome.FAIL,
        Message(
            gettext_noop("This role is not open to enterprises from %(country)s."),
            {"country": country},
        ),
    )
