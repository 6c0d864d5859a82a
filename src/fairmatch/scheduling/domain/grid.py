"""The grid: sessions and tables the organiser sets up, slots generated from the sessions,
and what a grid change does to the meetings placed in it.

Every writer here takes the working schedule's lock first (``domain/locks.py``).
"""

import datetime
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.models import (
    Meeting,
    MeetingState,
    NegotiationSession,
    NegotiationTable,
    Slot,
    Unavailability,
)

# Stored as the message id; the board shows it in the reader's language (``translated``).
SLOT_REMOVED = gettext_noop("its slot was removed from the grid")
MAX_TABLE_NUMBER = 32767  # the column is a small integer


class GridError(Exception):
    """The grid change is refused; the message says why."""


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
    lock_working_schedule(edition.pk)
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
        slot=None,
        table=None,
        locked=False,
        unplaced_reason=SLOT_REMOVED,
        version=F("version") + 1,
    )
    Slot.objects.filter(session__edition=edition).exclude(pk__in=keep).delete()
    return change


@transaction.atomic
def set_unavailable_slots(*, participation: Any, slot_ids: set[int]) -> tuple[int, int]:
    """Replace the slots the participant cannot attend; returns (added, removed)."""
    lock_working_schedule(participation.edition_id)
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


@transaction.atomic
def add_session(*, edition: Edition, session: NegotiationSession, user: Any) -> GridChange:
    """Add a negotiation session (an unsaved row) and cut the grid's slots again.

    Refused when the edition already has a session on that day and part. Audited.
    """
    lock_working_schedule(edition.pk)
    if NegotiationSession.objects.filter(
        edition=edition, date=session.date, part=session.part
    ).exists():
        raise GridError(_("This session already exists; delete it first to change it."))
    session.edition = edition
    session.save()
    change = rebuild_slots(edition)
    record_action(actor=user, action="schedule.grid.session", target=session)
    return change


def meetings_in_session(session: NegotiationSession) -> list[Meeting]:
    """The scheduled meetings placed in the session's slots, in slot order."""
    return list(
        Meeting.objects.filter(slot__session=session, state=MeetingState.SCHEDULED)
        .select_related("first__enterprise", "second__enterprise", "slot", "table")
        .order_by("slot__index")
    )


@transaction.atomic
def delete_session(*, session: NegotiationSession, user: Any) -> int:
    """Delete a session; its placed meetings lose their place (and say why). Audited.

    Takes the lock before it reads the meetings, so a meeting moved into the session
    meanwhile is unplaced too. Returns how many meetings lost their place.
    """
    lock_working_schedule(session.edition_id)
    current = NegotiationSession.objects.filter(pk=session.pk).first()
    if current is None:
        raise GridError(_("This session was deleted meanwhile."))
    record_action(actor=user, action="schedule.grid.delete", target=current)
    lost = Meeting.objects.filter(slot__session=current, state=MeetingState.SCHEDULED).update(
        slot=None,
        table=None,
        locked=False,
        unplaced_reason=SLOT_REMOVED,
        version=F("version") + 1,
    )
    edition = current.edition
    current.delete()
    rebuild_slots(edition)
    return lost


@transaction.atomic
def add_tables(
    *, edition: Edition, count: int, zone: str, interpreter_languages: list[str], user: Any
) -> int:
    """Add ``count`` tables numbered after the last one; returns the first new number."""
    lock_working_schedule(edition.pk)
    # Booth locations (numbered apart, see domain.booths) are not negotiation tables.
    last = (
        NegotiationTable.objects.filter(edition=edition, booth__isnull=True)
        .order_by("-number")
        .first()
    )
    start = (last.number if last else 0) + 1
    if start + count - 1 > MAX_TABLE_NUMBER:
        raise GridError(
            _("Tables are numbered up to %(max)d; add fewer tables.") % {"max": MAX_TABLE_NUMBER}
        )
    NegotiationTable.objects.bulk_create(
        NegotiationTable(
            edition=edition,
            number=start + offset,
            zone=zone,
            interpreter_languages=interpreter_languages,
        )
        for offset in range(count)
    )
    record_action(
        actor=user,
        action="schedule.grid.tables",
        target=edition,
        data={"count": count, "first": start},
    )
    return start
