"""Write side of the organiser's rule configuration: qualification rules and exchange rates.

Every change is audited and then re-evaluates every application of the edition, so the
review queue and the applicants always see verdicts by the rules in force.
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction

from fairmatch.conference.models import Edition, ExchangeRate, QualificationRule
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.domain.qualification import (
    rank_names,
    rate_changed,
    refresh_edition,
    rule_changed,
)
from fairmatch.enterprises.qualification import RuleError, parse_rule

RATE_PLACES = Decimal("1e-10")  # ExchangeRate.usd_per_unit keeps ten decimal places


class RateError(ValueError):
    """An exchange rate cannot be stored; the message says why."""


def validate_rule(*, kind: str, parameters: Mapping[str, Any]) -> None:
    """Raise ``RuleError`` (naming the parameter) unless the rule can be evaluated."""
    parse_rule(kind=kind, parameters=parameters, rank_names=rank_names())


def create_rule(
    *, edition: Edition, role: str, kind: str, parameters: dict[str, Any], actor: Any
) -> QualificationRule:
    """Add an active rule. Side effects: audit entry, re-evaluation of the edition."""
    validate_rule(kind=kind, parameters=parameters)
    with transaction.atomic():
        rule = QualificationRule.objects.create(
            edition=edition, role=role, kind=kind, parameters=parameters
        )
        record_action(actor=actor, action="rule.created", target=rule, data=_rule_data(rule))
        refresh_edition(edition, causes=[rule_changed(rule, added=True)])
    return rule


def update_rule(
    *, rule: QualificationRule, role: str, parameters: dict[str, Any], actor: Any
) -> QualificationRule:
    """Change a rule's role and parameters (its kind stays). Side effects as ``create_rule``."""
    validate_rule(kind=rule.kind, parameters=parameters)
    with transaction.atomic():
        before = _rule_data(rule)
        rule.role, rule.parameters = role, parameters
        rule.save(update_fields=["role", "parameters", "updated_at"])
        record_action(
            actor=actor,
            action="rule.changed",
            target=rule,
            data={"before": before, "after": _rule_data(rule)},
        )
        refresh_edition(rule.edition, causes=[rule_changed(rule)])
    return rule


def set_rule_active(*, rule: QualificationRule, is_active: bool, actor: Any) -> QualificationRule:
    """Switch a rule on or off without losing its settings. Side effects as ``create_rule``."""
    with transaction.atomic():
        rule.is_active = is_active
        rule.save(update_fields=["is_active", "updated_at"])
        record_action(
            actor=actor,
            action="rule.activated" if is_active else "rule.deactivated",
            target=rule,
            data=_rule_data(rule),
        )
        refresh_edition(rule.edition, causes=[rule_changed(rule)])
    return rule


def delete_rule(*, rule: QualificationRule, actor: Any) -> None:
    """Remove a rule and its stored results. Side effects as ``create_rule``."""
    edition = rule.edition
    with transaction.atomic():
        record_action(actor=actor, action="rule.deleted", target=rule, data=_rule_data(rule))
        rule.delete()
        refresh_edition(edition)


def set_exchange_rate(
    *, edition: Edition, currency: str, units_per_usd: Decimal, actor: Any
) -> ExchangeRate:
    """Store how many units of ``currency`` one US dollar buys (replacing an earlier rate).

    Side effects: audit entry, re-evaluation of the edition.
    """
    currency = currency.strip().upper()
    if currency == "USD":
        raise RateError("USD needs no exchange rate")
    if units_per_usd <= 0:
        raise RateError("the rate must be positive")
    usd_per_unit = (Decimal(1) / units_per_usd).quantize(RATE_PLACES)
    if usd_per_unit <= 0:
        raise RateError("the rate is too large to store")
    with transaction.atomic():
        rate, created = ExchangeRate.objects.update_or_create(
            edition=edition, currency=currency, defaults={"usd_per_unit": usd_per_unit}
        )
        record_action(
            actor=actor,
            action="rate.created" if created else "rate.changed",
            target=rate,
            data={"currency": currency, "units_per_usd": str(units_per_usd)},
        )
        refresh_edition(edition, causes=[rate_changed(currency)])
    return rate


def delete_exchange_rate(*, rate: ExchangeRate, actor: Any) -> None:
    """Remove a rate; demands in that currency then need review. Side effects as above."""
    edition = rate.edition
    with transaction.atomic():
        record_action(
            actor=actor, action="rate.deleted", target=rate, data={"currency": rate.currency}
        )
        rate.delete()
        refresh_edition(edition, causes=[rate_changed(rate.currency)])


def _rule_data(rule: QualificationRule) -> dict[str, Any]:
    return {"role": rule.role, "kind": rule.kind, "parameters": rule.parameters}


__all__ = [
    "RateError",
    "RuleError",
    "create_rule",
    "delete_exchange_rate",
    "delete_rule",
    "set_exchange_rate",
    "set_rule_active",
    "update_rule",
    "validate_rule",
]
