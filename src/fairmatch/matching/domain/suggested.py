"""Read side of what the platform proposes to one delegate: recommendations and suggestions.

A counterpart the delegate has turned down (a request from it declined, or "no thanks"
said about it) is proposed no more; neither are counterparts no longer listed.
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


def recommendations_for(*, viewer: Participation) -> QuerySet[Recommendation]:
    """The viewer's stored recommendations, best first, without turned-down counterparts."""
    return (
        Recommendation.objects.filter(participation=viewer, counterpart__state__in=LISTED_STATES)
        .exclude(counterpart_id__in=declined_counterparts(viewer=viewer))
        .select_related("counterpart__enterprise")
        .order_by("rank")
    )


def suggestions_for(*, viewer: Participation) -> list[Suggestion]:
    """The latest suggestion run's meetings for the viewer, without turned-down counterparts."""
    latest_run = SuggestionRun.objects.filter(edition_id=viewer.edition_id).first()
    if latest_run is None:
        return []
    declined = declined_counterparts(viewer=viewer)
    return list(
        Suggestion.objects.filter(run=latest_run)
        .filter(Q(buyer=viewer) | Q(provider=viewer))
        .filter(buyer__state__in=LISTED_STATES, provider__state__in=LISTED_STATES)
        .exclude(buyer_id__in=declined)
        .exclude(provider_id__in=declined)
        .select_related("run", "buyer__enterprise", "provider__enterprise")
        .order_by("-score")
    )
