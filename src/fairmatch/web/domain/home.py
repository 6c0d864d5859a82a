"""Read side of the home pages: where a person lands after logging in, and what a delegate's
home shows (next meeting, requests to answer, suggestions, the agenda, what changed)."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation
from fairmatch.matching.domain.directory import LISTED_STATES
from fairmatch.matching.domain.suggested import recommendations_for, suggestions_for
from fairmatch.matching.models import MeetingRequest, Recommendation, RequestState, Suggestion
from fairmatch.scheduling.domain.agendas import Agenda, AgendaItem, agenda_for
from fairmatch.scheduling.domain.unscheduled import accepted_not_scheduled
from fairmatch.scheduling.models import Release
from fairmatch.web.models import HomeVisit

HOME_SUGGESTIONS = 5  # counterparts proposed on the home page; the inbox lists them all
REQUEST_RELATED = ("requester__enterprise", "recipient__enterprise", "demand__field")


def organiser_edition() -> Edition | None:
    """The edition an organiser works on: the latest one not finished."""
    return Edition.objects.exclude(status=Edition.Status.FINISHED).order_by("-start_date").first()


def home_participation(*, user: Any) -> Participation | None:
    """The participation a member lands on: the latest unfinished edition's, a negotiating
    one first; none when the enterprise takes part in no open edition."""
    if not user.is_authenticated or user.enterprise_id is None:
        return None
    return (
        Participation.objects.filter(enterprise_id=user.enterprise_id)
        .exclude(edition__status__in=[Edition.Status.FINISHED, Edition.Status.DRAFT])
        .select_related("edition")
        .order_by("-edition__start_date", "-is_negotiator")
        .first()
    )


def record_visit(
    *, user: Any, edition: Edition, now: datetime.datetime | None = None
) -> datetime.datetime | None:
    """Note that ``user`` opens its home page of ``edition`` now; returns the previous visit."""
    now = now or timezone.now()
    visit, created = HomeVisit.objects.get_or_create(
        user=user, edition=edition, defaults={"seen_at": now}
    )
    if created:
        return None
    previous = visit.seen_at
    HomeVisit.objects.filter(pk=visit.pk).update(seen_at=now)
    return previous


@dataclass(frozen=True)
class AgendaChange:
    """One of the delegate's meetings added, moved or cancelled by a newer release."""

    kind: str  # "added", "moved" or "cancelled"
    item: AgendaItem  # as it is now (as it was, for a cancelled meeting)
    before: AgendaItem | None = None  # where a moved meeting was


@dataclass(frozen=True)
class SinceLastVisit:
    since: datetime.datetime | None
    releases: list[Release] = field(default_factory=list)
    agenda_changes: list[AgendaChange] = field(default_factory=list)
    new_requests: list[MeetingRequest] = field(default_factory=list)
    answered: list[MeetingRequest] = field(default_factory=list)
    new_suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        return not (
            self.releases
            or self.agenda_changes
            or self.new_requests
            or self.answered
            or self.new_suggestions
        )


def _place(item: AgendaItem) -> tuple[datetime.datetime, int | None, str]:
    return (item.starts_at, item.table_number, item.table_zone)


def agenda_changes(
    *, participation: Participation, since: datetime.datetime, agenda: Agenda
) -> list[AgendaChange]:
    """The participation's meetings that releases published after ``since`` added, moved or
    cancelled, against the release that was current at ``since``."""
    if agenda.release is None or agenda.release.published_at <= since:
        return []
    earlier = (
        Release.objects.filter(edition=participation.edition, published_at__lte=since)
        .order_by("-number")
        .first()
    )
    before = {}
    if earlier is not None:
        before = {
            item.meeting_id: item
            for item in agenda_for(participation=participation, release=earlier).items
        }
    after = {item.meeting_id: item for item in agenda.items}
    changes = [AgendaChange("added", after[key]) for key in after.keys() - before.keys()]
    changes += [
        AgendaChange("moved", after[key], before=before[key])
        for key in after.keys() & before.keys()
        if _place(after[key]) != _place(before[key])
    ]
    changes += [AgendaChange("cancelled", before[key]) for key in before.keys() - after.keys()]
    return sorted(changes, key=lambda change: (change.item.starts_at, change.kind))


def since_last_visit(
    *, participation: Participation, since: datetime.datetime | None, agenda: Agenda
) -> SinceLastVisit:
    """What is new for the participation since ``since`` (nothing on a first visit)."""
    if since is None:
        return SinceLastVisit(since=None)
    new_requests = list(
        MeetingRequest.objects.filter(recipient=participation, created_at__gt=since)
        .select_related(*REQUEST_RELATED)
        .order_by("-created_at")
    )
    answered = list(
        MeetingRequest.objects.filter(requester=participation, answered_at__gt=since)
        .select_related(*REQUEST_RELATED)
        .order_by("-answered_at")
    )
    suggestions = [
        suggestion
        for suggestion in suggestions_for(viewer=participation)
        if suggestion.run.created_at > since
    ]
    return SinceLastVisit(
        since=since,
        releases=list(
            Release.objects.filter(edition=participation.edition, published_at__gt=since)
        ),
        agenda_changes=agenda_changes(participation=participation, since=since, agenda=agenda),
        new_requests=new_requests,
        answered=answered,
        new_suggestions=suggestions,
    )


@dataclass(frozen=True)
class DelegateHome:
    participation: Participation
    listed: bool  # qualified or confirmed: the directory, requests and suggestions are open
    agenda: Agenda
    next_meeting: AgendaItem | None
    waiting: list[MeetingRequest]  # received, waiting for the delegate's answer
    unscheduled: list[MeetingRequest]  # accepted, not (yet) on the published agenda
    recommendations: list[Recommendation]
    suggestions: list[Suggestion]
    changes: SinceLastVisit


def delegate_home(
    *,
    participation: Participation,
    since: datetime.datetime | None,
    now: datetime.datetime | None = None,
) -> DelegateHome:
    """Everything a delegate's home page shows, for the participation."""
    now = now or timezone.now()
    agenda = agenda_for(participation=participation)
    listed = participation.state in LISTED_STATES
    waiting: list[MeetingRequest] = []
    unscheduled: list[MeetingRequest] = []
    recommendations: list[Recommendation] = []
    suggestions: list[Suggestion] = []
    if listed:
        waiting = list(
            MeetingRequest.objects.filter(recipient=participation, state=RequestState.PENDING)
            .select_related(*REQUEST_RELATED)
            .order_by("created_at")
        )
        unscheduled = accepted_not_scheduled(participation=participation, agenda=agenda)
        # The home proposes new counterparts: those already asked or met are on the agenda.
        recommendations = list(
            recommendations_for(viewer=participation, new_only=True)[:HOME_SUGGESTIONS]
        )
        suggestions = suggestions_for(viewer=participation, new_only=True)[:HOME_SUGGESTIONS]
    return DelegateHome(
        participation=participation,
        listed=listed,
        agenda=agenda,
        next_meeting=next((item for item in agenda.items if item.ends_at > now), None),
        waiting=waiting,
        unscheduled=unscheduled,
        recommendations=recommendations,
        suggestions=suggestions,
        changes=since_last_visit(participation=participation, since=since, agenda=agenda),
    )
