"""Two confirmations of one intention at once leave exactly one answer (PostgreSQL).

The first test shows the race the row lock prevents: a check-then-write without the lock
lets both answers through. The second shows the domain function lets one through. A
trigger slows every update of an intention down in the database, so the window between
reading the state and writing it is wide open whatever the machine's speed.
"""

import threading

import pytest
from django.db import connection, transaction

from fairmatch.outcomes.domain import intentions
from fairmatch.outcomes.models import Intention, IntentionState
from tests.outcomes.helpers import held_meeting, terms

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def waiting_intention():
    meeting = held_meeting()
    intention = intentions.record_intention(
        meeting=meeting, participation=meeting.first, user=None, terms=terms()
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE OR REPLACE FUNCTION fairmatch_test_slow_update() RETURNS trigger AS "
            "$$ BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END; $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER fairmatch_test_slow BEFORE UPDATE ON outcomes_intention "
            "FOR EACH ROW EXECUTE FUNCTION fairmatch_test_slow_update()"
        )
    yield intention
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER fairmatch_test_slow ON outcomes_intention")
        cursor.execute("DROP FUNCTION fairmatch_test_slow_update()")


def run_together(work, count=2):
    barrier = threading.Barrier(count)
    outcomes: list[str] = []

    def run(index):
        try:
            work(index, barrier)
            outcomes.append("answered")
        except intentions.IntentionError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_without_the_lock_both_answers_pass_the_check(waiting_intention):
    answers = [IntentionState.CONFIRMED, IntentionState.DISPUTED]

    def answer_without_lock(index, barrier):
        with transaction.atomic():
            state = Intention.objects.get(pk=waiting_intention.pk).state
            barrier.wait()  # both have read the state before either writes
            if state != IntentionState.RECORDED:
                raise intentions.IntentionError("already answered")
            Intention.objects.filter(pk=waiting_intention.pk).update(state=answers[index])

    assert run_together(answer_without_lock) == ["answered", "answered"]


def test_with_the_lock_exactly_one_confirmation_wins(waiting_intention):
    counterpart = waiting_intention.counterpart

    def confirm(index, barrier):
        barrier.wait()
        intentions.confirm_intention(
            intention=Intention.objects.get(pk=waiting_intention.pk),
            participation=counterpart,
            user=None,
        )

    assert run_together(confirm) == ["answered", "refused"]
    assert Intention.objects.get(pk=waiting_intention.pk).state == IntentionState.CONFIRMED
