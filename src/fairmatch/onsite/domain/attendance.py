"""Meetings held or missed, marked on the day by either party or by staff at the tables.

One function, ``mark_meeting``, makes every transition, checked against ``TRANSITIONS``:

=============  ===========  ==================================================
from           to           who
=============  ===========  ==================================================
(unmarked)     held         either participant, or staff
(unmarked)     missed       either participant (the other did not come), staff
held           held         the other participant confirms (nothing changes)
missed         missed       the other participant agrees (nothing changes)
held           missed       staff only (a correction)
missed         held         staff only (a correction)
=============  ===========  ==================================================

A held meeting keeps its place (``MeetingState.HELD``). A missed meeting leaves the grid
(``MeetingState.NO_SHOW``; its slot and table are kept on the attendance row), which frees
the table for the same-day rescheduling; with ``place_again`` it waits instead for a new
place later that day (``scheduling.domain.sameday.reschedule_waiting``).
"""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Participation
from fairmatch.onsite.models import Absent, MarkedAs, MeetingAttendance, Outcome
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.models import Meeting, MeetingState, NegotiationTable

# (from, to) -> who may make the move.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    ("", Outcome.HELD): frozenset({MarkedAs.PARTICIPANT, MarkedAs.STAFF}),
    ("", Outcome.MISSED): frozenset({MarkedAs.PARTICIPANT, MarkedAs.STAFF}),
    (Outcome.HELD, Outcome.HELD): frozenset({MarkedAs.PARTICIPANT, MarkedAs.STAFF}),
    (Outcome.MISSED, Outcome.MISSED): frozenset({MarkedAs.PARTICIPANT, MarkedAs.STAFF}),
    (Outcome.HELD, Outcome.MISSED): frozenset({MarkedAs.STAFF}),
    (Outcome.MISSED, Outcome.HELD): frozenset({MarkedAs.STAFF}),
}


class AttendanceError(Exception):
    """The meeting cannot be marked so; the message says why."""


def _side(meeting: Meeting, participation: Participation) -> str:
    if participation.pk == meeting.first_id:
        return Absent.FIRST
    if participation.pk == meeting.second_id:
        return Absent.SECOND
    raise AttendanceError(_("This is not one of your meetings."))


def _check_started(
    meeting: Meeting, attendance: MeetingAttendance | None, now: datetime.datetime
) -> None:
    slot = meeting.slot if meeting.slot_id else (attendance.slot if attendance else None)
    if slot is None:
        raise AttendanceError(_("This meeting has no place in the schedule."))
    if slot.starts_at > now:
        raise AttendanceError(_("A meeting can be marked only once it has started."))


def _leave_grid(meeting: Meeting, attendance: MeetingAttendance, place_again: bool) -> None:
    if meeting.slot_id is not None:
        attendance.slot = meeting.slot
        attendance.table_number = meeting.table.number if meeting.table_id else None
    meeting.slot = meeting.table = None
    meeting.locked = False
    if place_again:
        meeting.state = MeetingState.SCHEDULED
        meeting.unplaced_reason = _("missed; waiting for a new place today")
    else:
        meeting.state = MeetingState.NO_SHOW
        meeting.unplaced_reason = _("missed")


def _back_on_grid(meeting: Meeting, attendance: MeetingAttendance) -> None:
    """A correction from missed to held: the meeting takes its old place back if free."""
    if meeting.slot_id is None and attendance.slot_id is not None:
        table = NegotiationTable.objects.filter(
            edition_id=meeting.edition_id, number=attendance.table_number
        ).first()
        taken = Meeting.objects.filter(slot_id=attendance.slot_id, table=table).exists()
        if table is not None and not taken:
            meeting.slot_id, meeting.table = attendance.slot_id, table
    meeting.state = MeetingState.HELD
    meeting.unplaced_reason = ""


@transaction.atomic
def mark_meeting(
    *,
    meeting: Meeting,
    outcome: str,
    user: Any,
    participation: Participation | None = None,
    absent: str = "",
    place_again: bool = False,
    now: datetime.datetime | None = None,
) -> MeetingAttendance:
    """Mark the meeting held or missed, as one of its participants (``participation``) or
    as staff (``participation=None``; then ``absent`` says who did not come to a missed
    meeting; a participant's missed meeting is one the other side did not come to).

    Side effects, in order: the working schedule's lock; the meeting's state (and, if
    missed, its place); the attendance row; one audit entry.
    """
    now = now or timezone.now()
    lock_working_schedule(meeting.edition_id)
    meeting = Meeting.objects.select_related("slot", "table").get(pk=meeting.pk)
    attendance = MeetingAttendance.objects.filter(meeting=meeting).first()
    marked_as = MarkedAs.STAFF if participation is None else MarkedAs.PARTICIPANT
    if outcome not in Outcome.values:
        raise AttendanceError(_("Mark the meeting held or missed."))
    side = "" if participation is None else _side(meeting, participation)
    if meeting.state == MeetingState.CANCELLED:
        raise AttendanceError(_("This meeting was cancelled."))
    _check_started(meeting, attendance, now)
    current = attendance.outcome if attendance else ""
    if attendance is not None and attendance.place_again and meeting.slot_id is not None:
        # Missed, then placed again later today: the new place starts afresh.
        current = attendance.first_says = attendance.second_says = ""
    allowed = TRANSITIONS.get((current, outcome), frozenset())
    if marked_as not in allowed:
        raise AttendanceError(
            _("This meeting is marked %(outcome)s already; staff at the tables can correct it.")
            % {"outcome": Outcome(current).label}
        )
    if outcome == Outcome.MISSED:
        if side:
            absent = Absent.SECOND if side == Absent.FIRST else Absent.FIRST
        if absent not in Absent.values:
            raise AttendanceError(_("Say who did not come."))
    else:
        absent = ""
    if attendance is None:
        attendance = MeetingAttendance(meeting=meeting)
    changed = current != outcome
    if side == Absent.FIRST:
        attendance.first_says = outcome
    elif side == Absent.SECOND:
        attendance.second_says = outcome
    if changed or marked_as == MarkedAs.STAFF:
        attendance.outcome = outcome
        attendance.absent = absent
        attendance.marked_by = user if getattr(user, "pk", None) else None
        attendance.marked_as = marked_as
        attendance.marked_at = now
        if outcome == Outcome.MISSED:
            _leave_grid(meeting, attendance, place_again)
            attendance.place_again = place_again
        else:
            _back_on_grid(meeting, attendance)
            attendance.place_again = False
        meeting.version += 1
        meeting.save()
    attendance.save()
    record_action(
        actor=user,
        action=f"onsite.meeting_{outcome}",
        target=meeting,
        data={"as": marked_as, "absent": absent, "changed": changed},
    )
    return attendance
