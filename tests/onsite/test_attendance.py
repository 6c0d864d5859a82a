"""Meetings held or missed: every transition of ``mark_meeting``'s table, and its refusals."""

import datetime

import pytest

from fairmatch.onsite.domain.attendance import AttendanceError, mark_meeting
from fairmatch.onsite.models import MeetingAttendance
from fairmatch.scheduling.domain import sameday
from fairmatch.scheduling.domain.releases import working_entries
from fairmatch.scheduling.models import MeetingState
from tests.factories import OrganiserFactory
from tests.onsite.helpers import day_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return day_edition()


def _parties(meeting):
    return meeting.first, meeting.second


def test_a_participant_marks_held_and_the_other_confirms(day):
    _edition, meeting, *_ = day
    first, second = _parties(meeting)
    attendance = mark_meeting(meeting=meeting, outcome="held", participation=first, user=None)
    said = (attendance.outcome, attendance.first_says, attendance.second_says)
    assert said == ("held", "held", "")
    assert not attendance.confirmed_by_both
    attendance = mark_meeting(meeting=meeting, outcome="held", participation=second, user=None)
    assert attendance.confirmed_by_both
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.HELD
    # A held meeting keeps its place in the schedule and in what a release would freeze.
    assert meeting.slot is not None
    assert [e.meeting_id for e in working_entries(meeting.edition)] == [meeting.pk]
    assert MeetingAttendance.objects.count() == 1


def test_a_participant_marks_missed_the_other_did_not_come(day):
    _edition, meeting, *_ = day
    first, _second = _parties(meeting)
    slot, table = meeting.slot, meeting.table
    attendance = mark_meeting(meeting=meeting, outcome="missed", participation=first, user=None)
    assert (attendance.outcome, attendance.absent) == ("missed", "second")
    assert (attendance.slot, attendance.table_number) == (slot, table.number)
    meeting.refresh_from_db()
    # The table in that slot is free again for the same-day rescheduling.
    assert (meeting.state, meeting.slot, meeting.table) == (MeetingState.NO_SHOW, None, None)


def test_the_other_participant_agreeing_it_was_missed_changes_nothing(day):
    _edition, meeting, *_ = day
    first, second = _parties(meeting)
    mark_meeting(meeting=meeting, outcome="missed", participation=first, user=None)
    attendance = mark_meeting(meeting=meeting, outcome="missed", participation=second, user=None)
    assert (attendance.outcome, attendance.absent) == ("missed", "second")


def test_a_participant_cannot_contradict_the_other(day):
    _edition, meeting, *_ = day
    first, second = _parties(meeting)
    mark_meeting(meeting=meeting, outcome="held", participation=first, user=None)
    with pytest.raises(AttendanceError, match="staff at the tables can correct it"):
        mark_meeting(meeting=meeting, outcome="missed", participation=second, user=None)
    assert MeetingAttendance.objects.get().outcome == "held"


def test_staff_mark_missed_with_the_absent_side_and_correct_it_back_to_held(day):
    _edition, meeting, *_ = day
    staff = OrganiserFactory()
    slot = meeting.slot
    attendance = mark_meeting(meeting=meeting, outcome="missed", absent="both", user=staff)
    marked = (attendance.absent, attendance.marked_as, attendance.marked_by)
    assert marked == ("both", "staff", staff)
    attendance = mark_meeting(meeting=meeting, outcome="held", user=staff)
    meeting.refresh_from_db()
    assert (attendance.outcome, attendance.absent) == ("held", "")
    assert (meeting.state, meeting.slot) == (MeetingState.HELD, slot)


def test_staff_correct_held_to_missed(day):
    _edition, meeting, *_ = day
    mark_meeting(meeting=meeting, outcome="held", participation=meeting.first, user=None)
    attendance = mark_meeting(meeting=meeting, outcome="missed", absent="first", user=None)
    assert (attendance.outcome, attendance.absent) == ("missed", "first")


def test_staff_must_say_who_did_not_come(day):
    _edition, meeting, *_ = day
    with pytest.raises(AttendanceError, match="Say who did not come"):
        mark_meeting(meeting=meeting, outcome="missed", user=None)


def test_a_meeting_is_marked_only_once_started(day):
    _edition, meeting, *_ = day
    with pytest.raises(AttendanceError, match="once it has started"):
        mark_meeting(
            meeting=meeting,
            outcome="held",
            user=None,
            now=meeting.slot.starts_at - datetime.timedelta(minutes=1),
        )


def test_only_the_meetings_parties_mark_it(day):
    _edition, meeting, *_ = day
    stranger = day_edition()[1].first
    with pytest.raises(AttendanceError, match="not one of your meetings"):
        mark_meeting(meeting=meeting, outcome="held", participation=stranger, user=None)


def test_a_missed_meeting_placed_again_is_fitted_into_a_free_slot_today(day):
    edition, meeting, *_ = day
    attendance = mark_meeting(
        meeting=meeting, outcome="missed", absent="second", place_again=True, user=None
    )
    meeting.refresh_from_db()
    assert attendance.place_again
    assert (meeting.state, meeting.slot) == (MeetingState.SCHEDULED, None)
    outcome = sameday.reschedule_waiting(edition=edition, user=None)
    meeting.refresh_from_db()
    assert outcome.placed == 1
    assert meeting.slot is not None
