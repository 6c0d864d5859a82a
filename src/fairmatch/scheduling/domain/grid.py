"""The grid: slots generated from the sessions, and what a grid change does to meetings."""

import datetime
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from fairmatch.conference.models import Edition
from fairmatch.scheduling.models import Meeting, NegotiationSession, Slot, Unavailability

SLOT_REMOVED = "its slot was removed from the grid"


@dataclass(frozen=True)
class SlotTimes:
    session_pk: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime


def slot_times(edition: Edition) -> list[SlotTimes]:
    """Every slot of the edition, in order, as aware datetimes in the edition's time zone."""
    zone = ZoneInfo(edition.timezone)
    times = []
    for session in NegotiationSession.objects.filter(edition=edition).order_by("date", "starts_at"):
        start = datetime.datetime.combine(session.date, session.starts_at, tzinfo=zone)
        step = datetime.timedelta(minutes=session.slot_minutes + session.pause_minutes)
        length = datetime.timedelta(minutes=session.slot_minutes)
        for number in range(session.slot_count):
            begins = start + number * step
            times.append(SlotTimes(session.pk, begins, begins + length))
    return times


@dataclass(frozen=True)
class GridChange:
    """What regenerating the slots would do: slots kept, and meetings that lose theirs."""

    slots_before: int
    slots_after: int
    meetings_moved: list[Meeting]


def preview_grid_change(edition: Edition) -> GridChange:
    """Which placed meetings sit in slots that the new sessions no longer have."""
    wanted = {(t.starts_at, t.ends_at) for t in slot_times(edition)}
    existing = list(Slot.objects.filter(session__edition=edition))
    gone = [slot.pk for slot in existing if (slot.starts_at, slot.ends_at) not in wanted]
    moved = list(
        Meeting.objects.filter(slot_id__in=gone)
        .select_related("first__enterprise", "second__enterprise", "slot")
        .order_by("slot__index")
    )
    return GridChange(slots_before=len(existing), slots_after=len(wanted), meetings_moved=moved)


@transaction.atomic
def rebuild_slots(edition: Edition) -> GridChange:
    """Make the slots match the sessions; slots that stay keep their meetings.

    Meetings in removed slots become unplaced (and say why), so the next run or a manual
    edit places them again.
    """
    Edition.objects.select_for_update().get(pk=edition.pk)
    change = preview_grid_change(edition)
    times = slot_times(edition)
    by_time = {(s.starts_at, s.ends_at): s for s in Slot.objects.filter(session__edition=edition)}
    keep = set()
    for index, wanted in enumerate(times):
        slot = by_time.get((wanted.starts_at, wanted.ends_at))
        if slot is None:
            slot = Slot(starts_at=wanted.starts_at, ends_at=wanted.ends_at)
        slot.session_id = wanted.session_pk
        slot.index = index
        slot.save()
        keep.add(slot.pk)
    Meeting.objects.filter(pk__in=[m.pk for m in change.meetings_moved]).update(
        slot=None, table=None, locked=False, unplaced_reason=SLOT_REMOVED
    )
    Slot.objects.filter(session__edition=edition).exclude(pk__in=keep).delete()
    return change


@transaction.atomic
def set_unavailable_slots(*, participation: Any, slot_ids: set[int]) -> tuple[int, int]:
    """Replace the slots the participant cannot attend; returns (added, removed)."""
    valid = set(
        Slot.objects.filter(
            session__edition_id=participation.edition_id, pk__in=slot_ids
        ).values_list("pk", flat=True)
    )
    if valid != slot_ids:
        raise ValueError("unknown slot")
    current = set(
        Unavailability.objects.filter(participation=participation).values_list("slot_id", flat=True)
    )
    Unavailability.objects.filter(participation=participation, slot_id__in=current - valid).delete()
    Unavailability.objects.bulk_create(
        Unavailability(participation=participation, slot_id=slot_id) for slot_id in valid - current
    )
    return len(valid - current), len(current - valid)
