"""Runs the pure qualification engine on stored applications and keeps the results."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.domain.rules import rank_names
from fairmatch.conference.models import Edition, Field, QualificationRule
from fairmatch.conference.qualification import (
    ApplicationFacts,
    DelegateFacts,
    DemandFacts,
    Localized,
    Message,
    Money,
    Outcome,
    RuleError,
    Verdict,
    evaluate,
    overall_outcome,
    parse_rule,
)
from fairmatch.conference.qualification.messages import gettext_noop
from fairmatch.enterprises.models import Participation, RuleResult


@dataclass(frozen=True)
class RuleCheck:
    rule: QualificationRule
    verdict: Verdict


def with_application(queryset: QuerySet[Participation]) -> QuerySet[Participation]:
    """Everything the rules look at, fetched in a constant number of queries."""
    return queryset.select_related("enterprise", "edition").prefetch_related(
        "enterprise__fields", "demands", "capabilities", "delegates__rank"
    )


def field_names() -> dict[str, Localized]:
    return {f.code: Localized(f.name_en, f.name_zh) for f in Field.objects.all()}


@dataclass(frozen=True)
class EditionContext:
    """What evaluating any participation of an edition needs, loaded once."""

    rules: tuple[QualificationRule, ...]
    rates: dict[str, Decimal]
    ranks: dict[int, Localized]
    fields_by_id: dict[int, Field]
    field_names: dict[str, Localized]

    @classmethod
    def load(cls, edition: Edition) -> "EditionContext":
        fields = {f.pk: f for f in Field.objects.all()}
        return cls(
            rules=tuple(edition.rules.filter(is_active=True)),
            rates=exchange_rates(edition),
            ranks=rank_names(),
            fields_by_id=fields,
            field_names={f.code: Localized(f.name_en, f.name_zh) for f in fields.values()},
        )


def application_facts(participation: Participation, context: EditionContext) -> ApplicationFacts:
    enterprise = participation.enterprise
    codes = {f.code for f in enterprise.fields.all()}
    codes |= {context.fields_by_id[d.field_id].code for d in participation.demands.all()}
    codes |= {context.fields_by_id[c.field_id].code for c in participation.capabilities.all()}
    return ApplicationFacts(
        country=str(enterprise.country.code),
        host_country=str(participation.edition.host_country.code),
        field_codes=frozenset(codes),
        demands=tuple(
            DemandFacts(
                field_code=context.fields_by_id[d.field_id].code,
                value=Money(d.value, d.currency),
            )
            for d in participation.demands.all()
        ),
        delegates=tuple(
            DelegateFacts(
                full_name=d.full_name,
                rank_level=d.rank.level,
                rank_name=Localized(d.rank.name_en, d.rank.name_zh),
                is_attending=d.is_attending,
            )
            for d in participation.delegates.all()
        ),
        field_names=context.field_names,
    )


def check_rules(participation: Participation, context: EditionContext) -> list[RuleCheck]:
    """Judge the participation by every active rule of its roles, without saving anything."""
    facts = application_facts(participation, context)
    roles = set(participation.roles)
    checks = []
    for rule in context.rules:
        if rule.role not in roles:
            continue
        try:
            parsed = parse_rule(
                kind=rule.kind, parameters=rule.parameters, rank_names=context.ranks
            )
        except RuleError as error:
            verdict = Verdict(
                Outcome.REVIEW,
                Message(
                    gettext_noop(
                        "This rule is set up wrongly (%(problem)s); the organiser will check."
                    ),
                    {"problem": str(error)},
                ),
            )
        else:
            verdict = evaluate(parsed, facts, context.rates)
        checks.append(RuleCheck(rule=rule, verdict=verdict))
    return checks


@transaction.atomic
def refresh_rule_results(participations: Iterable[Participation], context: EditionContext) -> None:
    """Re-evaluate and store the rule results and overall outcome of the given participations."""
    participations = list(participations)
    results = []
    for participation in participations:
        checks = check_rules(participation, context)
        participation.rule_outcome = overall_outcome(check.verdict for check in checks).value
        results += [
            RuleResult(
                participation=participation,
                rule=check.rule,
                outcome=check.verdict.outcome.value,
                reason=check.verdict.reason.to_json(),
                evidence=check.verdict.evidence.to_json() if check.verdict.evidence else {},
            )
            for check in checks
        ]
    RuleResult.objects.filter(participation__in=participations).delete()
    RuleResult.objects.bulk_create(results)
    Participation.objects.bulk_update(participations, ["rule_outcome"])


def refresh_participation(participation: Participation) -> None:
    """Called after the applicant changed anything the rules look at."""
    fresh = with_application(Participation.objects.filter(pk=participation.pk)).get()
    refresh_rule_results([fresh], EditionContext.load(fresh.edition))
    participation.rule_outcome = fresh.rule_outcome


def refresh_edition(edition: Edition) -> None:
    """Called after the organiser changed a rule or an exchange rate."""
    participations = with_application(edition.participations.all())
    refresh_rule_results(participations, EditionContext.load(edition))


def on_rules_changed(sender: Any, *, edition: Edition, **kwargs: Any) -> None:
    """Receiver of ``conference.domain.rules.rules_changed``: verdicts follow the rules."""
    refresh_edition(edition)
