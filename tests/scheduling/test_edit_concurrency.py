"""Two organisers moving two meetings onto the same participant's slot at once (PostgreSQL).

Without the edition lock both checks pass and the participant is double-booked; with
it exactly one move wins. A trigger slows updates down so the race window is wide.
"""

import threading

import pytest
from django.db import connection, transaction
from django.db.models import Q

from fairmatch.scheduling.domain import edits
from fairmatch.scheduling.models import Meeting, NegotiationTable, Slot
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
