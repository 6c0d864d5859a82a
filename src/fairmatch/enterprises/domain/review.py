"""The organiser's side of qualification: the review queue (read) and decisions (write)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from fairmatch.conference.models import Edition
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.models import (
    Capability,
    Demand,
    Participation,
    RuleOutcome,
    RuleResult,
    State,
)

ROLES = ("buyer", "provider", "exhibitor")
BUYER_KINDS = ("buyer", "both")
PROVIDER_KINDS = ("provider", "both")


@dataclass(frozen=True)
class QueueFilters:
    """What the organiser narrows the queue to; an empty value does not filter."""

    state: str = ""
    country: str = ""
    field: str = ""
    role: str = ""
    outcome: str = ""
    search: str = ""  # part of any of the enterprise's names
    sort: str = "name"  # a key of SORTS


# How the queue may be ordered; the primary key last keeps pages stable.
SORTS = {
    "name": ("enterprise__name_en", "pk"),
    "country": ("enterprise__country", "enterprise__name_en", "pk"),
    "state": ("state", "enterprise__name_en", "pk"),
    "submitted": ("submitted_at", "pk"),
    "-submitted": ("-submitted_at", "-pk"),
}


def role_condition(role: str) -> Q:
    """Participations judged in ``role`` (buyer, provider or exhibitor)."""
    if role == "buyer":
        return Q(is_negotiator=True, enterprise__kind__in=BUYER_KINDS)
    if role == "provider":
        return Q(is_negotiator=True, enterprise__kind__in=PROVIDER_KINDS)
    if role == "exhibitor":
        return Q(is_exhibitor=True)
    raise ValueError(f"unknown role {role!r}")


def field_condition(code: str) -> Q:
    """Participations whose enterprise, demands or capabilities are in the field ``code``."""
    return (
        Q(enterprise__fields__code=code)
        | Q(pk__in=Demand.objects.filter(field__code=code).values("participation_id"))
        | Q(pk__in=Capability.objects.filter(field__code=code).values("participation_id"))
    )


def review_queue(*, edition: Edition, filters: QueueFilters) -> QuerySet[Participation]:
    """The edition's participations for review, filtered, with what each row shows prefetched.

    The rows carry their enterprise (with fields) and only their rule results that did not
    pass (``open_results``), so a page of any length costs the same few queries.
    """
    queryset = Participation.objects.filter(edition=edition)
    if filters.state:
        queryset = queryset.filter(state=filters.state)
    else:  # drafts are not applications yet, as the figures count them
        queryset = queryset.exclude(state=State.DRAFT)
    if filters.search:
        queryset = queryset.filter(
            Q(enterprise__name_en__icontains=filters.search)
            | Q(enterprise__name_original__icontains=filters.search)
        )
    if filters.country:
        queryset = queryset.filter(enterprise__country=filters.country)
    if filters.role:
        queryset = queryset.filter(role_condition(filters.role))
    if filters.outcome:
        queryset = queryset.filter(rule_outcome=filters.outcome)
    if filters.field:
        matching = Participation.objects.filter(field_condition(filters.field)).values("pk")
        queryset = queryset.filter(pk__in=matching)
    open_results = RuleResult.objects.exclude(outcome=RuleOutcome.PASS).select_related("rule")
    return (
        # The exhibition part (kept by the exhibition app) shows the booth size asked.
        queryset.select_related("enterprise", "exhibitor_application")
        .prefetch_related(
            "enterprise__fields",
            Prefetch("rule_results", queryset=open_results, to_attr="open_results"),
        )
        .order_by(*SORTS.get(filters.sort, SORTS["name"]))
    )


def draft_count(*, edition: Edition) -> int:
    """Applications still being written: the queue and the figures leave them out."""
    return Participation.objects.filter(edition=edition, state=State.DRAFT).count()


def participation_for_review(*, edition: Edition, pk: int) -> Participation:
    """One participation of the edition with everything its review page shows."""
    return (
        Participation.objects.filter(edition=edition)
        .select_related("enterprise", "edition")
        .prefetch_related(
            "enterprise__fields",
            "enterprise__members",
            "delegates__rank",
            "demands__field",
            "demands__cooperation_kind",
            "capabilities__field",
            "capabilities__cooperation_kind",
            Prefetch("rule_results", queryset=RuleResult.objects.select_related("rule")),
            "state_changes__actor",
            "confirmation_requests",
        )
        .get(pk=pk)
    )


def organiser_decisions(*, participation: Participation) -> list[State]:
    """The states the organiser may move the participation to now."""
    return workflow.allowed_targets(state=participation.state, actor_role=workflow.Actor.ORGANISER)


def decide(*, participation: Participation, target: str, user: Any, note: str = "") -> None:
    """Apply one organiser decision through the workflow; ``TransitionError`` says why not.

    Side effects are the workflow's: state change record, audit entry, e-mail.
    """
    try:
        transition = workflow.DECISIONS[State(target)]
    except (KeyError, ValueError) as error:
        raise workflow.TransitionError(str(error)) from error
    transition(participation=participation, user=user, note=note)


@dataclass
class BulkOutcome:
    """What a bulk action did: how many participations changed, and which could not, why."""

    changed: list[Participation] = field(default_factory=list)
    refused: list[tuple[Participation, str]] = field(default_factory=list)


def bulk_decide(
    *, participations: Iterable[Participation], target: str, user: Any, note: str = ""
) -> BulkOutcome:
    """Apply the same decision to each participation, one workflow transition each."""
    outcome = BulkOutcome()
    for participation in participations:
        try:
            decide(participation=participation, target=target, user=user, note=note)
        except workflow.TransitionError as error:
            outcome.refused.append((participation, str(error)))
        else:
            outcome.changed.append(participation)
    return outcome
