"""Read side of the published schedule: a participant's agenda and the table plan."""

import datetime
import secrets
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import IntegrityError
from django.db.models import Q

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Delegate, Participation
from fairmatch.scheduling.domain.problem import interpreter_language
from fairmatch.scheduling.models import CalendarFeed, NegotiationTable, Release, ReleaseEntry


@dataclass(frozen=True)
class AgendaItem:
    meeting_id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    table: NegotiationTable | None
    counterpart: Participation
    demand: str
    interpreter: str | None


@dataclass(frozen=True)
class Agenda:
    edition: Edition
    release: Release | None
    participation: Participation
    items: list[AgendaItem]


def latest_release(edition: Edition, *, with_snapshot: bool = False) -> Release | None:
    """The newest release; its frozen snapshot (large) is loaded only when asked for."""
    releases = Release.objects.filter(edition=edition).order_by("-number")
    if not with_snapshot:
        releases = releases.defer("snapshot", "changes")
    return releases.first()


def agenda_for(*, participation: Participation, release: Release | None = None) -> Agenda:
    """The participation's meetings in the release (default: the latest), in time order."""
    edition = participation.edition
    release = release or latest_release(edition)
    if release is None:
        return Agenda(edition=edition, release=None, participation=participation, items=[])
    zone = ZoneInfo(edition.timezone)
    entries = (
        ReleaseEntry.objects.filter(release=release)
        .filter(Q(first=participation) | Q(second=participation))
        .select_related(
            "meeting__first__enterprise",
            "meeting__second__enterprise",
            "meeting__request__demand__field",
        )
    )
    tables = {table.number: table for table in NegotiationTable.objects.filter(edition=edition)}
    items = []
    for entry in entries:
        meeting = entry.meeting
        other = meeting.second if meeting.first_id == participation.pk else meeting.first
        demand = meeting.request.demand
        items.append(
            AgendaItem(
                meeting_id=meeting.pk,
                starts_at=entry.starts_at.astimezone(zone),
                ends_at=entry.ends_at.astimezone(zone),
                table=tables.get(entry.table_number),
                counterpart=other,
                demand=f"{demand.field.name}: {demand.description[:120]}" if demand else "",
                interpreter=interpreter_language(meeting.first, meeting.second),
            )
        )
    items.sort(key=lambda item: item.starts_at)
    return Agenda(edition=edition, release=release, participation=participation, items=items)


def feed_for(delegate: Delegate) -> CalendarFeed:
    """The delegate's calendar feed, created with a fresh secret token on first use."""
    feed = CalendarFeed.objects.filter(delegate=delegate).first()
    if feed is not None:
        return feed
    try:
        return CalendarFeed.objects.create(delegate=delegate, token=secrets.token_urlsafe(32))
    except IntegrityError:  # created meanwhile by a concurrent request
        return CalendarFeed.objects.get(delegate=delegate)
