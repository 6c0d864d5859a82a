"""The published schedule as plain data, for scripts (``fairmatch schedule export``)."""

from typing import Any
from zoneinfo import ZoneInfo

from fairmatch.conference.models import Edition
from fairmatch.scheduling.domain.releases import latest_release
from fairmatch.scheduling.models import Meeting, MeetingState, ReleaseEntry


def _side(participation: Any) -> dict[str, Any]:
    enterprise = participation.enterprise
    return {
        "participation": participation.pk,
        "enterprise": {
            "id": enterprise.pk,
            "name": enterprise.name_original,
            "name_en": enterprise.name_en,
            "country": str(enterprise.country.code),
        },
        "delegates": [
            {"name": d.full_name, "title": d.title}
            for d in participation.delegates.all()
            if d.is_attending
        ],
    }


def export_release(edition: Edition) -> dict[str, Any]:
    """The latest release: each meeting with both sides, times with offset, table, state;
    and the accepted meetings it leaves without a place, with the reason.

    Times and tables are the release's frozen rows; the sides (with their delegates) and
    the states are as they are now.
    """
    release = latest_release(edition)
    zone = ZoneInfo(edition.timezone)
    released = (
        {entry.meeting_id: entry for entry in ReleaseEntry.objects.filter(release=release)}
        if release
        else {}
    )
    meetings = (
        Meeting.objects.filter(edition=edition)
        .select_related("first__enterprise", "second__enterprise")
        .prefetch_related("first__delegates", "second__delegates")
        .order_by("pk")
    )
    placed, unplaced = [], []
    for meeting in meetings:
        entry = released.get(meeting.pk)
        if entry is not None:
            placed.append(
                {
                    "id": meeting.pk,
                    "participants": [_side(meeting.first), _side(meeting.second)],
                    "start": entry.starts_at.astimezone(zone).isoformat(),
                    "end": entry.ends_at.astimezone(zone).isoformat(),
                    "table": entry.table_number,
                    "state": meeting.state,
                }
            )
        elif meeting.state == MeetingState.SCHEDULED:
            unplaced.append(
                {
                    "id": meeting.pk,
                    "participants": [_side(meeting.first), _side(meeting.second)],
                    "reason": meeting.unplaced_reason or "not placed in this release",
                }
            )
    placed.sort(key=lambda item: (item["start"], item["table"] or 0))
    return {
        "edition": edition.slug,
        "timezone": edition.timezone,
        "release": (
            {
                "number": release.number,
                "name": release.name,
                "published_at": release.published_at.isoformat(),
            }
            if release
            else None
        ),
        "meetings": placed,
        "unplaced": unplaced,
    }
