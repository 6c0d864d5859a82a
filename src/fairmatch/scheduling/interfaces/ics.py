"""The agenda as an iCalendar feed; event ids are stable across releases."""

from django.conf import settings
from icalendar import Calendar, Event, vText

from fairmatch.scheduling.domain.agendas import Agenda


def event_uid(meeting_id: int) -> str:
    """The same meeting keeps its id in every release, so calendars update it in place."""
    host = settings.SITE_URL.split("://")[-1].split("/")[0].split(":")[0] or "fairmatch"
    return f"meeting-{meeting_id}@{host}"


def agenda_calendar(agenda: Agenda, *, title: str, texts: dict[str, str]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Fairmatch//negotiation agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", agenda.edition.timezone)
    stamp = agenda.release.published_at if agenda.release else None
    for item in agenda.items:
        event = Event()
        event.add("uid", event_uid(item.meeting_id))
        event.add("dtstart", item.starts_at)
        event.add("dtend", item.ends_at)
        if stamp is not None:
            event.add("dtstamp", stamp)
        event.add("sequence", agenda.release.number if agenda.release else 0)
        event.add("summary", texts["summary"] % {"name": item.counterpart.enterprise.display_name})
        location = texts["table"] % {"table": item.table.number} if item.table else ""
        if item.table and item.table.zone:
            location += f" ({item.table.zone})"
        event["location"] = vText(location)
        description = [item.demand] if item.demand else []
        if item.interpreter:
            description.append(texts["interpreter"] % {"language": item.interpreter})
        event.add("description", "\n".join(description))
        calendar.add_component(event)
    return calendar.to_ical()
