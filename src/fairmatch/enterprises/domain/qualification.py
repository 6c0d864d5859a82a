"""Runs the pure qualification engine on stored applications and keeps the results.

It also keeps admissions true: an admitted application whose facts (those the rules read)
changed since the organiser's review, or that a changed rule or exchange rate now judges
worse, goes back to review (``workflow.back_to_review``) with the reasons.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Case, F, QuerySet, Value, When
from django.utils.functional import Promise
from django.utils.translation import override

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.domain.rules import rank_names
from fairmatch.conference.models import (
    Edition,
    Field,
    QualificationRule,
    Role,
    RuleKind,
)
from fairmatch.conference.qualification import (
    ApplicationFacts,
    DelegateFacts,
    DemandFacts,
    Localized,
    Message,
    Money,
    Outcome,
    Rule,
    RuleError,
    Verdict,
    evaluate,
    overall_outcome,
    parse_rule,
)
from fairmatch.conference.qualification.changes import (
    changed_facts,
    facts_from_json,
    facts_read,
    facts_to_json,
)
from fairmatch.conference.qualification.messages import gettext_noop
from fairmatch.conference.qualification.rules import SEVERITY
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.models import Participation, RuleOutcome, RuleResult


@dataclass(frozen=True)
class RuleCheck:
    rule: QualificationRule
    verdict: Verdict


def with_application(queryset: QuerySet[Participation]) -> QuerySet[Participation]:
    """Everything the rules look at, fetched in a constant number of queries."""
    return queryset.select_related("enterprise", "edition").prefetch_related(
        "enterprise__fields",
        "demands",
        "capabilities",
        "delegates__rank",
        "exhibitor_application__fields",
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

    @classmethod
    def facts_only(cls) -> "EditionContext":
        """Enough to read an application's facts (one query), not to judge them."""
        fields = {f.pk: f for f in Field.objects.all()}
        return cls(
            rules=(),
            rates={},
            ranks={},
            fields_by_id=fields,
            field_names={f.code: Localized(f.name_en, f.name_zh) for f in fields.values()},
        )


def application_facts(participation: Participation, context: EditionContext) -> ApplicationFacts:
    enterprise = participation.enterprise
    codes = {f.code for f in enterprise.fields.all()}
    codes |= {context.fields_by_id[d.field_id].code for d in participation.demands.all()}
    codes |= {context.fields_by_id[c.field_id].code for c in participation.capabilities.all()}
    codes |= _exhibited_field_codes(participation)
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


def _exhibited_field_codes(participation: Participation) -> set[str]:
    """The fields an exhibitor shows at its booth (its exhibition part, kept by the
    exhibition app under the reverse name ``exhibitor_application``)."""
    if not participation.is_exhibitor:
        return set()
    # The reverse one-to-one raises an AttributeError subclass when the part is not written.
    part = getattr(participation, "exhibitor_application", None)
    return {field.code for field in part.fields.all()} if part is not None else set()


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


def refresh_rule_results(
    participations: Iterable[Participation], context: EditionContext
) -> dict[tuple[int, int], str]:
    """Re-evaluate and store the rule results and overall outcome of the given participations.

    Returns the new outcome of each (participation, rule) pair that applies. The caller
    holds the transaction.
    """
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
    # One UPDATE, one branch per outcome (bulk_update builds one branch per row: slow for
    # the thousands of rows an import touches).
    by_outcome: dict[str, list[int]] = {}
    for participation in participations:
        by_outcome.setdefault(participation.rule_outcome, []).append(participation.pk)
    if by_outcome:
        Participation.objects.filter(pk__in=[p.pk for p in participations]).update(
            rule_outcome=Case(
                *[When(pk__in=pks, then=Value(outcome)) for outcome, pks in by_outcome.items()],
                default=F("rule_outcome"),
            )
        )
    return {(result.participation.pk, result.rule.pk): result.outcome for result in results}


def facts_for_review(participation: Participation) -> dict[str, Any]:
    """What the rules read of the participation now, as kept when the organiser admits it."""
    fresh = with_application(Participation.objects.filter(pk=participation.pk)).get()
    return _reviewable_facts(fresh, EditionContext.facts_only())


def _reviewable_facts(participation: Participation, context: EditionContext) -> dict[str, Any]:
    return {
        "roles": participation.roles,
        **facts_to_json(application_facts(participation, context)),
    }


def _both_languages(text: str | Promise) -> Localized:
    with override("en"):
        english = str(text)
    with override("zh-hans"):
        chinese = str(text)
    return Localized(english, chinese)


def _roles(roles: Iterable[str]) -> tuple[Localized, ...]:
    return tuple(_both_languages(Role(role).label) for role in sorted(roles))


def _parsed_rules(rules: Iterable[QualificationRule], context: EditionContext) -> list[Rule]:
    parsed = []
    for rule in rules:
        try:
            parsed.append(
                parse_rule(kind=rule.kind, parameters=rule.parameters, rank_names=context.ranks)
            )
        except RuleError:
            continue  # a misconfigured rule reads nothing; it asks for review by itself
    return parsed


def changes_since_review(
    *, reviewed: dict[str, Any], current: dict[str, Any], context: EditionContext
) -> list[Message]:
    """The changes, among the facts the active rules of either roles read, since review."""
    before_roles, after_roles = set(reviewed.get("roles", [])), set(current["roles"])
    rules = [rule for rule in context.rules if rule.role in before_roles | after_roles]
    reasons = []
    if {r.pk for r in rules if r.role in before_roles} != {
        r.pk for r in rules if r.role in after_roles
    }:
        reasons.append(
            Message(
                gettext_noop("Roles changed from %(before)s to %(after)s."),
                {"before": _roles(before_roles), "after": _roles(after_roles)},
            )
        )
    reasons += changed_facts(
        reads=facts_read(_parsed_rules(rules, context)),
        before=facts_from_json(reviewed, field_names=context.field_names),
        after=facts_from_json(current, field_names=context.field_names),
    )
    return reasons


def _keep_admission_true(participation: Participation, context: EditionContext) -> None:
    """Send an admitted participation back to review if what was reviewed changed."""
    if participation.state not in workflow.ADMITTED_STATES:
        return
    current = _reviewable_facts(participation, context)
    if participation.reviewed_facts is None:
        # Admitted before the reviewed facts were kept: what it holds now is the baseline.
        participation.reviewed_facts = current
        Participation.objects.filter(pk=participation.pk).update(reviewed_facts=current)
        return
    reasons = changes_since_review(
        reviewed=participation.reviewed_facts, current=current, context=context
    )
    if reasons:
        workflow.back_to_review(participation=participation, reasons=reasons)


def refresh_participation(participation: Participation) -> None:
    """Called after the applicant changed anything the rules look at.

    Side effects: the rule results are stored anew; an admitted participation whose
    reviewed facts changed goes back to review (``workflow.back_to_review``).
    """
    fresh = with_application(Participation.objects.filter(pk=participation.pk)).get()
    context = EditionContext.load(fresh.edition)
    with transaction.atomic():
        refresh_rule_results([fresh], context)
        _keep_admission_true(fresh, context)
    participation.rule_outcome = fresh.rule_outcome
    participation.state = fresh.state


def rule_changed(rule: QualificationRule, *, added: bool = False) -> Message:
    """The reason given when a change of ``rule`` sends an admission back to review."""
    template = (
        gettext_noop("The organiser added the rule “%(rule)s”.")
        if added
        else gettext_noop("The organiser changed the rule “%(rule)s”.")
    )
    return Message(template, {"rule": _rule_name(rule)})


def rate_changed(currency: str) -> Message:
    """The reason given when a change of an exchange rate sends an admission back to review."""
    return Message(
        gettext_noop("The organiser changed the exchange rate of %(currency)s."),
        {"currency": currency},
    )


def _rule_name(rule: QualificationRule) -> Localized:
    # The choices' lazy labels (get_*_display() gives the active language only).
    role, kind = _both_languages(Role(rule.role).label), _both_languages(RuleKind(rule.kind).label)
    return Localized(f"{role.en}: {kind.en}", f"{role.zh}：{kind.zh}")


def _worse(*, before: str | None, after: str) -> bool:
    """A rule now judges worse than at the last evaluation (a new rule counted as passed)."""
    return SEVERITY[Outcome(after)] > SEVERITY[Outcome(before or Outcome.PASS)]


@transaction.atomic
def refresh_edition(edition: Edition, *, causes: Sequence[Message] = ()) -> None:
    """Called after the organiser changed a rule or an exchange rate (``causes`` say which).

    Side effects: every rule result of the edition is stored anew; an admitted participation
    that a rule now judges worse than before (fails, or needs review, where it passed) goes
    back to review, the causes and the rules in question given as reasons.
    """
    participations = list(with_application(edition.participations.all()))
    context = EditionContext.load(edition)
    admitted = [p for p in participations if p.state in workflow.ADMITTED_STATES]
    before = (
        {
            (result.participation_id, result.rule_id): result.outcome
            for result in RuleResult.objects.filter(participation__in=admitted)
        }
        if admitted
        else {}
    )
    rules = {rule.pk: rule for rule in context.rules}
    after = refresh_rule_results(participations, context)
    unknown = [p for p in admitted if p.reviewed_facts is None]
    for participation in unknown:
        participation.reviewed_facts = _reviewable_facts(participation, context)
    if unknown:
        Participation.objects.bulk_update(unknown, ["reviewed_facts"])
    worse: dict[int, list[Message]] = {p.pk: [] for p in admitted}
    for (participation_pk, rule_pk), outcome in after.items():
        previous = before.get((participation_pk, rule_pk))
        if participation_pk in worse and _worse(before=previous, after=outcome):
            worse[participation_pk].append(
                Message(
                    gettext_noop("The rule “%(rule)s” now gives: %(outcome)s."),
                    {
                        "rule": _rule_name(rules[rule_pk]),
                        "outcome": _both_languages(RuleOutcome(outcome).label),
                    },
                )
            )
    for participation in admitted:
        if worse[participation.pk]:
            workflow.back_to_review(
                participation=participation, reasons=[*causes, *worse[participation.pk]]
            )


def on_rules_changed(
    sender: Any,
    *,
    edition: Edition,
    rule: QualificationRule | None = None,
    added: bool = False,
    currency: str | None = None,
    **kwargs: Any,
) -> None:
    """Receiver of ``conference.domain.rules.rules_changed``: verdicts follow the rules, and
    what changed is the reason given to an admission that goes back to review."""
    causes = []
    if rule is not None:
        causes.append(rule_changed(rule, added=added))
    if currency is not None:
        causes.append(rate_changed(currency))
    refresh_edition(edition, causes=causes)
