"""Read side of the published schedule: a participant's agenda and the table plan."""

import datetime
import secrets
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import IntegrityError

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Delegate, Participation
from fairmatch.scheduling.domain.problem import interpreter_language
from fairmatch.scheduling.models import CalendarFeed, Meeting, NegotiationTable, Release


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


def latest_release(edition: Edition) -> Release | None:
    return Release.objects.filter(edition=edition).order_by("-number").first()


def _meetings_of(release: Release, keys: list[str]) -> dict[int, Meeting]:
    return Meeting.objects.select_related(
        "first__enterprise", "second__enterprise", "request__demand__field", "table"
    ).in_bulk([int(key) for key in keys])


def agenda_for(*, participation: Participation, release: Release | None = None) -> Agenda:
    """The participation's meetings in the release (default: the latest), in time order."""
    edition = participation.edition
    release = release or latest_release(edition)
    if release is None:
        return Agenda(edition=edition, release=None, participation=participation, items=[])
    zone = ZoneInfo(edition.timezone)
    mine = [
        key for key, entry in release.snapshot.items() if participation.pk in entry["participants"]
    ]
    meetings = _meetings_of(release, mine)
    tables = {table.number: table for table in NegotiationTable.objects.filter(edition=edition)}
    items = []
    for key in mine:
        entry = release.snapshot[key]
        meeting = meetings.get(int(key))
        if meeting is None:
            continue
        other = meeting.second if meeting.first_id == participation.pk else meeting.first
        demand = meeting.request.demand
        items.append(
            AgendaItem(
                meeting_id=meeting.pk,
                starts_at=datetime.datetime.fromisoformat(entry["starts"]).astimezone(zone),
                ends_at=datetime.datetime.fromisoformat(entry["ends"]).astimezone(zone),
                table=tables.get(entry["table"]),
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
