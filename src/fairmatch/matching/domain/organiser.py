"""The organiser's matchmaking actions: the edition's policy, and wishes turned into meetings."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_noop

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Participation
from fairmatch.matching.domain.requests import RequestError, arrange_meeting, policy_for
from fairmatch.matching.models import MatchingPolicy, MeetingRequest, RequestState, Wish, WishLevel


@transaction.atomic
def update_policy(*, policy: MatchingPolicy, changes: dict[str, Any], actor: Any) -> MatchingPolicy:
    """Save the edition's matchmaking settings and audit what changed."""
    stored = MatchingPolicy.objects.filter(pk=policy.pk).first() or policy
    before = {name: str(getattr(stored, name)) for name in changes}
    for name, value in changes.items():
        setattr(policy, name, value)
    policy.full_clean()
    policy.save()
    record_action(
        actor=actor,
        action="matching.policy",
        target=policy,
        data={name: [before[name], str(value)] for name, value in changes.items()},
    )
    return policy


@dataclass
class WishOutcome:
    arranged: int = 0
    skipped: list[str] = field(default_factory=list)


def _wish_pairs(edition: Edition) -> list[tuple[int, int, int]]:
    """(priority, first pk, second pk) for every pair both sides may want; must-meet first."""
    levels: dict[tuple[int, int], dict[int, str]] = {}
    for wish in Wish.objects.filter(edition=edition):
        pair = (min(wish.wisher_id, wish.target_id), max(wish.wisher_id, wish.target_id))
        levels.setdefault(pair, {})[wish.wisher_id] = wish.level
    pairs = []
    for (first, second), by_side in levels.items():
        values = set(by_side.values())
        if WishLevel.NO_THANKS in values:
            continue
        if WishLevel.MUST in values:
            pairs.append((1, first, second))
        elif len(by_side) == 2:  # both would like to meet
            pairs.append((2, first, second))
    return sorted(pairs)


def meetings_from_wishes(*, edition: Edition, organiser: Any) -> WishOutcome:
    """Arrange a meeting for every wished pair (must-meet first) while limits allow."""
    outcome = WishOutcome()
    pairs = _wish_pairs(edition)
    participations = Participation.objects.select_related("enterprise", "edition").in_bulk(
        {pk for _priority, first, second in pairs for pk in (first, second)}
    )
    for priority, first, second in pairs:
        try:
            arrange_meeting(
                first=participations[first],
                second=participations[second],
                organiser=organiser,
                # Message ids, shown in each reader's language (``translated``).
                note=gettext_noop("must meet")
                if priority == 1
                else gettext_noop("both would like to meet"),
            )
            outcome.arranged += 1
        except RequestError as error:
            outcome.skipped.append(
                f"{participations[first].enterprise} – {participations[second].enterprise}: {error}"
            )
    return outcome


@dataclass(frozen=True)
class MatchingFigures:
    pending: int
    accepted: int
    declined: int
    cancelled: int
    participants_with_meetings: int
    participants_listed: int
    meetings_distribution: list[tuple[int, int]]  # (meetings, how many participants)


def matching_figures(edition: Edition) -> MatchingFigures:
    by_state = dict(
        MeetingRequest.objects.filter(edition=edition)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    listed = Participation.objects.filter(
        edition=edition, state__in=["qualified", "confirmed"], is_negotiator=True
    ).annotate(
        meetings=Count(
            "sent_requests", filter=Q(sent_requests__state=RequestState.ACCEPTED), distinct=True
        )
        + Count(
            "received_requests",
            filter=Q(received_requests__state=RequestState.ACCEPTED),
            distinct=True,
        )
    )
    counts = Counter(row.meetings for row in listed)
    return MatchingFigures(
        pending=by_state.get(RequestState.PENDING, 0),
        accepted=by_state.get(RequestState.ACCEPTED, 0),
        declined=by_state.get(RequestState.DECLINED, 0),
        cancelled=by_state.get(RequestState.CANCELLED, 0),
        participants_with_meetings=sum(n for meetings, n in counts.items() if meetings),
        participants_listed=sum(counts.values()),
        meetings_distribution=sorted(counts.items()),
    )


__all__ = ["matching_figures", "meetings_from_wishes", "policy_for", "update_policy"]
