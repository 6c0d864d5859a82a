"""Meetings at exhibitors' booths: the booth as a location of the schedule.

A meeting takes place at a booth when its request says so (``MeetingRequest.at_booth``:
asked by the requester, agreed by the recipient's acceptance) and one of the two sides is
an exhibitor that accepts meetings at its booth and has a booth on the published floor
plan (the latest plan release; the recipient's booth when both have one).

Each such booth is a ``NegotiationTable`` row linked to it (numbered from
``BOOTH_TABLE_NUMBERS`` on, so ordinary tables keep their numbers); runs never give it to
another meeting, and a booth meeting goes to its booth only. One meeting per slot at a
booth needs no constraint of its own: the exhibitor attends every meeting held at its
booth, and nobody has two meetings in one slot.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max

from fairmatch.conference.models import Edition
from fairmatch.exhibition.models import Booth, PlanRelease, PlanReleaseEntry
from fairmatch.scheduling.models import Meeting, NegotiationTable

BOOTH_TABLE_NUMBERS = 30000  # booth locations are numbered from here (a small integer column)


def published_booths(edition: Edition) -> dict[int, int]:
    """Participation id -> booth id on the latest published floor plan, for the exhibitors
    that accept meetings at their booth."""
    release = PlanRelease.objects.filter(edition=edition).order_by("-number").first()
    if release is None:
        return {}
    return dict(
        PlanReleaseEntry.objects.filter(
            release=release,
            booth__isnull=False,
            participation__exhibitor_application__meetings_at_booth=True,
        ).values_list("participation_id", "booth_id")
    )


def published_places(edition: Edition) -> dict[int, tuple[str, str, str]]:
    """Booth id -> (hall in English, hall in Chinese, booth number) as the latest floor
    plan release froze them: what delegates were told, even when the working plan has
    renamed the hall or renumbered the booth since."""
    release = PlanRelease.objects.filter(edition=edition).order_by("-number").first()
    if release is None:
        return {}
    return {
        entry.booth_id: (entry.hall.name_en, entry.hall.name_zh, entry.booth_code)
        for entry in PlanReleaseEntry.objects.filter(
            release=release, booth__isnull=False, hall__isnull=False
        ).select_related("hall")
        if entry.booth_id is not None and entry.hall is not None
    }


def booth_of(meeting: Meeting, booths: dict[int, int]) -> int | None:
    """The booth where the meeting takes place, or None (at a negotiation table)."""
    if not meeting.request.at_booth:
        return None
    recipient, requester = meeting.request.recipient_id, meeting.request.requester_id
    return booths.get(recipient) or booths.get(requester)


@transaction.atomic
def booth_tables(edition: Edition, booth_ids: Iterable[int]) -> dict[int, NegotiationTable]:
    """Booth id -> its location row, created for booths that have none yet."""
    wanted = set(booth_ids)
    found = {
        table.booth_id: table
        for table in NegotiationTable.objects.filter(edition=edition, booth_id__in=wanted)
    }
    missing = sorted(wanted - set(found))
    if missing:
        last = NegotiationTable.objects.filter(
            edition=edition, number__gte=BOOTH_TABLE_NUMBERS
        ).aggregate(last=Max("number"))["last"]
        start = (last or BOOTH_TABLE_NUMBERS - 1) + 1

        booths = Booth.objects.select_related("hall").in_bulk(missing)
        created = NegotiationTable.objects.bulk_create(
            NegotiationTable(
                edition=edition,
                number=start + offset,
                zone=f"{booths[booth_id].hall.code}-{booths[booth_id].code}",
                booth_id=booth_id,
            )
            for offset, booth_id in enumerate(missing)
        )
        if not all(table.pk for table in created):  # databases that return no keys
            created = list(NegotiationTable.objects.filter(edition=edition, booth_id__in=missing))
        found.update({table.booth_id: table for table in created})
    return found


def booth_locations(edition: Edition, meetings: list[Meeting]) -> dict[int, NegotiationTable]:
    """Meeting id -> the booth location it must take place at, for the booth meetings."""
    booths = published_booths(edition)
    if not booths:
        return {}
    where = {m.pk: booth_of(m, booths) for m in meetings}
    tables = booth_tables(edition, {b for b in where.values() if b is not None})
    return {pk: tables[booth] for pk, booth in where.items() if booth is not None}
