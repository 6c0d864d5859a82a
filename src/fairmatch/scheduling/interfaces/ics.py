"""The agenda as an iCalendar feed; event ids are stable across releases.

Every text goes through the library's TEXT value type, which escapes backslashes, commas,
semicolons and line breaks, so no user text can end a property or start a new one. The
calendar name is an extension property that the library would otherwise write raw: it is
declared as TEXT. One-line properties (name, summary, location) get line breaks as spaces.
Times are written in the edition's time zone with its VTIMEZONE block, so clients show the
conference's own clock whatever their zone.
"""

import functools
import re

from django.conf import settings
from icalendar import Calendar, Event, Timezone

from fairmatch.scheduling.domain.agendas import Agenda

_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # not allowed in iCalendar text


# Part of every cached feed's key: bump it when the feed's layout changes.
ICS_FORMAT = 2


def event_uid(meeting_id: int) -> str:
    """The same meeting keeps its id in every release, so calendars update it in place."""
    host = settings.SITE_URL.split("://")[-1].split("/")[0].split(":")[0] or "fairmatch"
    return f"meeting-{meeting_id}@{host}"


def one_line(text: str) -> str:
    """The text for a one-line property: no control characters, line breaks as spaces."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text))


def _text(text: str) -> str:
    return _CONTROLS.sub("", text)


def agenda_calendar(agenda: Agenda, *, title: str, texts: dict[str, str]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Fairmatch//negotiation agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", one_line(title), parameters={"VALUE": "TEXT"})
    calendar.add("x-wr-timezone", agenda.edition.timezone, parameters={"VALUE": "TEXT"})
    stamp = agenda.release.published_at if agenda.release else None
    for item in agenda.items:
        event = Event()
        event.add("uid", event_uid(item.meeting_id))
        event.add("dtstart", item.starts_at)
        event.add("dtend", item.ends_at)
        if stamp is not None:
            event.add("dtstamp", stamp)
        event.add("sequence", agenda.release.number if agenda.release else 0)
        event.add("summary", one_line(texts["summary"] % {"name": item.counterpart_name}))
        location = texts["table"] % {"table": item.table_number} if item.table_number else ""
        if item.table_number and item.table_zone:
            location += f" ({item.table_zone})"
        if item.booth_code:  # at an exhibitor's booth: the hall and booth, not the table
            location = item.table
        event.add("location", one_line(location))
        description = [item.demand] if item.demand else []
        if item.interpreter:
            description.append(texts["interpreter"] % {"language": item.interpreter})
        event.add("description", _text("\n".join(description)))
        calendar.add_component(event)
    # Times carry the edition's TZID; RFC 5545 wants its VTIMEZONE in the same file.
    zones = [_vtimezone(tzid) for tzid in sorted(calendar.get_missing_tzids())]
    calendar.subcomponents[:0] = [zone for zone in zones if zone is not None]
    return calendar.to_ical()


@functools.lru_cache(maxsize=32)
def _vtimezone(tzid: str) -> Timezone | None:
    """The zone's VTIMEZONE (None for a zone the library does not know), worked out once per
    process: it walks decades of transitions, most of a feed's build time. Calendars only
    read it when they write themselves, so one copy serves them all."""
    try:
        return Timezone.from_tzid(tzid)
    except ValueError:
        return None
