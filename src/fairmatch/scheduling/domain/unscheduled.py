"""Accepted meetings that the published agenda does not hold (yet): a delegate sees them
on its agenda, marked as not scheduled, instead of wondering where they went."""

from django.db.models import Q

from fairmatch.enterprises.models import Participation
from fairmatch.matching.models import MeetingRequest, RequestState
from fairmatch.scheduling.domain.agendas import Agenda


def accepted_not_scheduled(*, participation: Participation, agenda: Agenda) -> list[MeetingRequest]:
    """The participation's accepted requests whose meeting is not on ``agenda``, oldest
    answer first; each carries its ``counterpart`` (the other participation)."""
    on_agenda = {item.meeting_id for item in agenda.items}
    accepted = (
        MeetingRequest.objects.filter(
            Q(requester=participation) | Q(recipient=participation), state=RequestState.ACCEPTED
        )
        .select_related(
            "requester__enterprise", "recipient__enterprise", "demand__field", "meeting"
        )
        .order_by("answered_at", "pk")
    )
    found = []
    for request in accepted:
        meeting = getattr(request, "meeting", None)
        if meeting is None or meeting.pk not in on_agenda:
            request.counterpart = (  # type: ignore[attr-defined]
                request.recipient if request.requester_id == participation.pk else request.requester
            )
            found.append(request)
    return found
