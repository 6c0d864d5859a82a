"""Read side of what the platform proposes to one delegate: recommendations and suggestions.

A counterpart the delegate has turned down (a request from it declined, or "no thanks"
said about it) is proposed no more; neither are counterparts no longer listed. Where only new
ideas belong (the delegate's home), counterparts already asked or met are left out as well.
"""

from django.db.models import Q, QuerySet

from fairmatch.enterprises.models import Participation
from fairmatch.matching.domain.directory import LISTED_STATES
from fairmatch.matching.models import (
    MeetingRequest,
    Recommendation,
    RequestState,
    Suggestion,
    SuggestionRun,
    Wish,
    WishLevel,
)
from fairmatch.matching.models.requests import ACTIVE_STATES


def declined_counterparts(*, viewer: Participation) -> set[int]:
    """Participations the viewer turned down: it declined their request or said no thanks."""
    declined = set(
        MeetingRequest.objects.filter(recipient=viewer, state=RequestState.DECLINED).values_list(
            "requester_id", flat=True
        )
    )
    declined |= set(
        Wish.objects.filter(wisher=viewer, level=WishLevel.NO_THANKS).values_list(
            "target_id", flat=True
        )
    )
    return declined


def engaged_counterparts(*, viewer: Participation) -> set[int]:
    """Participations with a request to or from the viewer waiting for an answer or accepted."""
    pairs = MeetingRequest.objects.filter(
        Q(requester=viewer) | Q(recipient=viewer), state__in=ACTIVE_STATES
    ).values_list("requester_id", "recipient_id")
    return {other for pair in pairs for other in pair if other != viewer.pk}


def _left_out(viewer: Participation, *, new_only: bool) -> set[int]:
    left_out = declined_counterparts(viewer=viewer)
    if new_only:
        left_out |= engaged_counterparts(viewer=viewer)
    return left_out


def recommendations_for(
    *, viewer: Participation, new_only: bool = False
) -> QuerySet[Recommendation]:
    """The viewer's stored recommendations, best first, without turned-down counterparts
    (nor, with ``new_only``, those already asked or met)."""
    return (
        Recommendation.objects.filter(participation=viewer, counterpart__state__in=LISTED_STATES)
        .exclude(counterpart_id__in=_left_out(viewer, new_only=new_only))
        .select_related("counterpart__enterprise")
        .order_by("rank")
    )


def suggestions_for(*, viewer: Participation, new_only: bool = False) -> list[Suggestion]:
    """The latest suggestion run's meetings for the viewer, without turned-down counterparts
    (nor, with ``new_only``, those already asked or met)."""
    latest_run = SuggestionRun.objects.filter(edition_id=viewer.edition_id).first()
    if latest_run is None:
        return []
    declined = _left_out(viewer, new_only=new_only)
    return list(
        Suggestion.objects.filter(run=latest_run)
        .filter(Q(buyer=viewer) | Q(provider=viewer))
        .filter(buyer__state__in=LISTED_STATES, provider__state__in=LISTED_STATES)
        .exclude(buyer_id__in=declined)
        .exclude(provider_id__in=declined)
        .select_related("run", "buyer__enterprise", "provider__enterprise")
        .order_by("-score")
    )
