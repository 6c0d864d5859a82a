"""Two acceptances at once must not exceed a participant's meeting limit (PostgreSQL).

The first test shows the race the lock prevents: a check-then-write without the row lock
lets both acceptances through. The second shows the domain function lets one through.
A trigger slows every update of a request down in the database, so the window between
counting and writing is wide open whatever the machine's speed.
"""

import threading

import pytest
from django.db import connection, transaction

from fairmatch.matching.domain import requests
from fairmatch.matching.models import MeetingRequest, RequestState
from tests.matching.helpers import buyer, edition_with_policy, provider

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def popular_buyer_with_two_pending():
    edition = edition_with_policy(meetings_per_participant=2)
    popular = buyer(edition)
    accepted = requests.send_request(requester=provider(edition), recipient=popular, user=None)
    requests.accept_request(request=accepted, user=None)
    pending = [
        requests.send_request(requester=provider(edition), recipient=popular, user=None)
        for _ in range(2)
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE OR REPLACE FUNCTION fairmatch_test_slow_update() RETURNS trigger AS "
            "$$ BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END; $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER fairmatch_test_slow BEFORE UPDATE ON matching_meetingrequest "
            "FOR EACH ROW EXECUTE FUNCTION fairmatch_test_slow_update()"
        )
    yield popular, pending
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER fairmatch_test_slow ON matching_meetingrequest")
        cursor.execute("DROP FUNCTION fairmatch_test_slow_update()")


def run_together(work, count=2):
    barrier = threading.Barrier(count)
    outcomes: list[str] = []

    def run(index):
        try:
            work(index, barrier)
            outcomes.append("accepted")
        except requests.RequestError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_without_the_lock_both_acceptances_pass_the_check(popular_buyer_with_two_pending):
    popular, pending = popular_buyer_with_two_pending

    def accept_without_lock(index, barrier):
        with transaction.atomic():
            room = requests.accepted_meetings(popular) < 2
            barrier.wait()  # both have read the count before either writes
            if not room:
                raise requests.RequestError("full")
            MeetingRequest.objects.filter(pk=pending[index].pk).update(state=RequestState.ACCEPTED)

    assert run_together(accept_without_lock) == ["accepted", "accepted"]
    assert requests.accepted_meetings(popular) == 3  # over the limit of 2


def test_with_the_lock_exactly_one_acceptance_wins(popular_buyer_with_two_pending):
    popular, pending = popular_buyer_with_two_pending

    def accept(index, barrier):
        barrier.wait()
        requests.accept_request(request=pending[index], user=None)

    assert run_together(accept) == ["accepted", "refused"]
    assert requests.accepted_meetings(popular) == 2
