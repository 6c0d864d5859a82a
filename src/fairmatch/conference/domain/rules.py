"""Write side of the organiser's rule configuration: qualification rules and exchange rates.

Every change is audited and then announced with ``rules_changed``, inside the change's
transaction: the enterprises app, which keeps the verdicts, re-evaluates every application
of the edition on it, so the review queue and the applicants always see verdicts by the
rules in force. (Conference is the lower layer: it knows nothing of applications.)
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.dispatch import Signal

from fairmatch.conference.models import Edition, ExchangeRate, QualificationRule, Rank
from fairmatch.conference.qualification import Localized, RuleError, parse_rule
from fairmatch.core.domain.audit import record_action

RATE_PLACES = Decimal("1e-10")  # ExchangeRate.usd_per_unit keeps ten decimal places

# Sent with ``edition`` after a rule or an exchange rate of that edition changed, inside the
# change's transaction (a receiver's error undoes the change); ``rule`` (with ``added``) or
# ``currency`` says what changed, so that receivers can give it as a reason.
rules_changed = Signal()


class RateError(ValueError):
    """An exchange rate cannot be stored; the message says why."""


def rank_names() -> dict[int, Localized]:
    """The rank ladder as the qualification engine names it: level -> English and Chinese."""
    return {rank.level: Localized(rank.name_en, rank.name_zh) for rank in Rank.objects.all()}


def validate_rule(*, kind: str, parameters: Mapping[str, Any]) -> None:
    """Raise ``RuleError`` (naming the parameter) unless the rule can be evaluated."""
    parse_rule(kind=kind, parameters=parameters, rank_names=rank_names())


def create_rule(
    *, edition: Edition, role: str, kind: str, parameters: dict[str, Any], actor: Any
) -> QualificationRule:
    """Add an active rule. Side effects: audit entry, ``rules_changed`` for the edition."""
    validate_rule(kind=kind, parameters=parameters)
    with transaction.atomic():
        rule = QualificationRule.objects.create(
            edition=edition, role=role, kind=kind, parameters=parameters
        )
        record_action(actor=actor, action="rule.created", target=rule, data=_rule_data(rule))
        _announce(edition, rule=rule, added=True)
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
        _announce(rule.edition, rule=rule)
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
        _announce(rule.edition, rule=rule)
    return rule


def delete_rule(*, rule: QualificationRule, actor: Any) -> None:
    """Remove a rule and its stored results. Side effects as ``create_rule``."""
    edition = rule.edition
    with transaction.atomic():
        record_action(actor=actor, action="rule.deleted", target=rule, data=_rule_data(rule))
        rule.delete()
        _announce(edition)


def set_exchange_rate(
    *, edition: Edition, currency: str, units_per_usd: Decimal, actor: Any
) -> ExchangeRate:
    """Store how many units of ``currency`` one US dollar buys (replacing an earlier rate).

    Side effects: audit entry, ``rules_changed`` for the edition.
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
        _announce(edition, currency=currency)
    return rate


def delete_exchange_rate(*, rate: ExchangeRate, actor: Any) -> None:
    """Remove a rate; demands in that currency then need review. Side effects as above."""
    edition = rate.edition
    with transaction.atomic():
        record_action(
            actor=actor, action="rate.deleted", target=rate, data={"currency": rate.currency}
        )
        rate.delete()
        _announce(edition, currency=rate.currency)


def _announce(
    edition: Edition,
    *,
    rule: QualificationRule | None = None,
    added: bool = False,
    currency: str | None = None,
) -> None:
    rules_changed.send(
        sender=QualificationRule, edition=edition, rule=rule, added=added, currency=currency
    )


def _rule_data(rule: QualificationRule) -> dict[str, Any]:
    return {"role": rule.role, "kind": rule.kind, "parameters": rule.parameters}


__all__ = [
    "RateError",
    "RuleError",
    "create_rule",
    "delete_exchange_rate",
    "delete_rule",
    "rank_names",
    "rules_changed",
    "set_exchange_rate",
    "set_rule_active",
    "update_rule",
    "validate_rule",
]
