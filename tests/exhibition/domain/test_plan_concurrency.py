"""Two organisers adding overlapping booths to one hall at once: one booth (PostgreSQL).

The first test shows the race the hall's lock prevents: checking for overlaps, then
writing, without the lock lets both organisers past the check, and two booths overlap.
The second test shows ``add_booth`` lets exactly one through and refuses the other with
the overlap named. A trigger slows every booth insert, so the window between reading and
writing is wide open whatever the machine's speed.
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction

from fairmatch.exhibition.domain import plan
from fairmatch.exhibition.domain.plan import PlanError
from fairmatch.exhibition.engine.geometry import Rect, overlaps
from fairmatch.exhibition.models import Booth
from tests.exhibition.helpers import hall

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def empty_hall():
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE OR REPLACE FUNCTION fairmatch_test_slow_booth() RETURNS trigger AS "
            "$$ BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END; $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER fairmatch_test_slow_booth BEFORE INSERT ON exhibition_booth "
            "FOR EACH ROW EXECUTE FUNCTION fairmatch_test_slow_booth()"
        )
    yield hall()
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER fairmatch_test_slow_booth ON exhibition_booth")
        cursor.execute("DROP FUNCTION fairmatch_test_slow_booth()")


def run_together(work, count=2):
    barrier = threading.Barrier(count)
    outcomes: list[str] = []

    def run(index):
        try:
            outcomes.append(work(index, barrier))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_without_the_lock_both_booths_are_written_and_overlap(empty_hall):
    def add_without_lock(index, barrier):
        new = Rect(float(index), 0.0, 3.0, 3.0)
        with transaction.atomic():
            clash = any(
                overlaps(new, Rect(float(b.x), float(b.y), float(b.width), float(b.depth)))
                for b in Booth.objects.filter(hall=empty_hall)
            )
            barrier.wait()  # both have seen a free floor before either writes
            if clash:
                return "refused"
            Booth.objects.create(hall=empty_hall, code=f"A{index}", x=index, y=0, width=3, depth=3)
            return "added"

    assert run_together(add_without_lock) == ["added", "added"]
    assert Booth.objects.filter(hall=empty_hall).count() == 2  # overlapping


def test_with_the_lock_one_booth_and_one_refusal(empty_hall):
    def add(index, barrier):
        barrier.wait()
        try:
            plan.add_booth(
                hall=empty_hall,
                code=f"A{index}",
                x=Decimal(index),
                y=0,
                width=3,
                depth=3,
                user=None,
            )
        except PlanError as error:
            other = 1 - index
            assert str(error) == f"Booth H1-A{index} would overlap booth H1-A{other}."
            return "refused"
        return "added"

    assert run_together(add) == ["added", "refused"]
    assert Booth.objects.filter(hall=empty_hall).count() == 1
