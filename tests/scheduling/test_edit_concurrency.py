"""Two organisers changing the schedule at once (PostgreSQL).

Moving two meetings onto the same participant's slot: without the schedule's lock both
checks pass and the participant is double-booked; with it exactly one move wins. A
trigger slows updates down so the race window is wide.

Deleting a session while a meeting is moved into it: unplacing before taking the lock
deadlocks with the move; taking the lock first unplaces the moved meeting as well.
"""

import datetime
import threading
import time

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import Q

from fairmatch.scheduling.domain import edits, grid
from fairmatch.scheduling.domain.grid import rebuild_slots
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.models import Meeting, NegotiationSession, NegotiationTable, Slot
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_meetings_of_one_buyer():
    edition = grid_edition(slots=3, tables=2)
    accepted_meetings(edition, 2)
    first, second = Meeting.objects.order_by("pk")
    first.slot, first.table = Slot.objects.get(index=0), NegotiationTable.objects.get(number=1)
    second.slot, second.table = Slot.objects.get(index=1), NegotiationTable.objects.get(number=1)
    first.save()
    second.save()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE OR REPLACE FUNCTION fairmatch_test_slow_meeting() RETURNS trigger AS "
            "$$ BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END; $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER fairmatch_test_slow_meeting BEFORE UPDATE ON scheduling_meeting "
            "FOR EACH ROW EXECUTE FUNCTION fairmatch_test_slow_meeting()"
        )
    yield first, second
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER fairmatch_test_slow_meeting ON scheduling_meeting")
        cursor.execute("DROP FUNCTION fairmatch_test_slow_meeting()")


def run_together(work):
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def run(index):
        try:
            barrier.wait()
            work(index)
            outcomes.append("moved")
        except edits.EditError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def buyer_meetings_in_last_slot(meeting):
    buyer = meeting.second_id
    return Meeting.objects.filter(Q(first_id=buyer) | Q(second_id=buyer), slot__index=2).count()


def test_without_the_lock_the_participant_is_double_booked(two_meetings_of_one_buyer):
    first, second = two_meetings_of_one_buyer
    meetings = [first, second]

    def move_without_lock(index):
        meeting = meetings[index]
        with transaction.atomic():
            busy = Meeting.objects.filter(
                Q(first_id=meeting.second_id) | Q(second_id=meeting.second_id), slot__index=2
            ).exists()
            if busy:
                raise edits.EditError("busy")
            Meeting.objects.filter(pk=meeting.pk).update(
                slot=Slot.objects.get(index=2), table=NegotiationTable.objects.get(number=index + 1)
            )

    assert run_together(move_without_lock) == ["moved", "moved"]
    assert buyer_meetings_in_last_slot(first) == 2


def test_with_the_lock_exactly_one_move_wins(two_meetings_of_one_buyer):
    first, second = two_meetings_of_one_buyer
    meetings = [first, second]

    def move(index):
        edits.move_meeting(
            meeting=meetings[index],
            slot=Slot.objects.get(index=2),
            table=NegotiationTable.objects.get(number=index + 1),
            version=1,
            user=None,
        )

    assert run_together(move) == ["moved", "refused"]
    assert buyer_meetings_in_last_slot(first) == 1


@pytest.fixture
def a_meeting_beside_a_session_to_delete():
    """A morning session to delete, and a meeting placed in the afternoon."""
    edition = grid_edition(slots=2, tables=1)
    morning = NegotiationSession.objects.get(edition=edition)
    NegotiationSession.objects.create(
        edition=edition,
        date=morning.date,
        part="afternoon",
        starts_at=datetime.time(14, 0),
        slot_count=1,
        slot_minutes=25,
    )
    rebuild_slots(edition)
    accepted_meetings(edition, 1)
    meeting = Meeting.objects.get()
    meeting.slot = Slot.objects.get(session__part="afternoon")
    meeting.table = NegotiationTable.objects.get()
    meeting.save()
    return edition, morning, meeting


def delete_while_the_schedule_is_locked(edition, delete, move):
    """Hold the schedule's lock, start ``delete`` in a thread, let it wait for the lock,
    then ``move`` and commit; returns the errors of both sides."""
    errors: list[str] = []
    backend: list[int] = []

    def deleting():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                backend.append(cursor.fetchone()[0])
            delete()
        except DatabaseError as error:
            errors.append(type(error).__name__)
        finally:
            connection.close()

    thread = threading.Thread(target=deleting)
    try:
        with transaction.atomic():
            lock_working_schedule(edition.pk)
            thread.start()
            for _ in range(400):  # until the deleting side waits for a lock
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT count(*) FROM pg_locks WHERE pid = %s AND NOT granted",
                        [backend[0] if backend else 0],
                    )
                    if cursor.fetchone()[0]:
                        break
                time.sleep(0.025)
            move()
    except DatabaseError as error:
        errors.append(type(error).__name__)
    thread.join()
    return errors


def test_deleting_a_session_before_taking_the_lock_deadlocks_with_a_move(
    a_meeting_beside_a_session_to_delete,
):
    edition, morning, meeting = a_meeting_beside_a_session_to_delete
    first_slot = Slot.objects.get(session=morning, index=0)

    def delete_as_before():  # unplace and delete first, lock (in rebuild_slots) last
        with transaction.atomic():
            Meeting.objects.filter(slot__session=morning).update(slot=None, table=None)
            morning.delete()
            rebuild_slots(edition)

    errors = delete_while_the_schedule_is_locked(
        edition,
        delete_as_before,
        lambda: edits.move_meeting(
            meeting=meeting, slot=first_slot, table=meeting.table, version=1, user=None
        ),
    )
    assert errors == ["OperationalError"]  # one organiser gets a server error


def test_deleting_a_session_takes_the_lock_first_and_unplaces_a_meeting_moved_into_it(
    a_meeting_beside_a_session_to_delete,
):
    edition, morning, meeting = a_meeting_beside_a_session_to_delete
    first_slot = Slot.objects.get(session=morning, index=0)
    errors = delete_while_the_schedule_is_locked(
        edition,
        lambda: grid.delete_session(session=morning, user=None),
        lambda: edits.move_meeting(
            meeting=meeting, slot=first_slot, table=meeting.table, version=1, user=None
        ),
    )
    assert errors == []
    meeting.refresh_from_db()
    assert (meeting.slot, meeting.table, meeting.unplaced_reason, meeting.version) == (
        None,
        None,
        grid.SLOT_REMOVED,
        3,  # moved, then unplaced
    )
    assert not NegotiationSession.objects.filter(pk=morning.pk).exists()
