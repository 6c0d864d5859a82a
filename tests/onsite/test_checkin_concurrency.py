"""Two scanners checking in the same badge at once record one check-in (PostgreSQL).

The first test shows the race the lock prevents: a check-then-write without the badge's row
lock lets both scanners past the check, and only the unique key stops the second write.
The second test shows ``check_in`` lets exactly one through and tells the other scanner
the badge is in already. A trigger slows every check-in insert in the database, so the
window between reading and writing is wide open whatever the machine's speed.
"""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from fairmatch.onsite.domain.checkin import check_in
from fairmatch.onsite.models import CheckIn
from tests.onsite.helpers import day_edition

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def badge():
    _edition, _meeting, buyer_badge, _ = day_edition()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE OR REPLACE FUNCTION fairmatch_test_slow_insert() RETURNS trigger AS "
            "$$ BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END; $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER fairmatch_test_slow BEFORE INSERT ON onsite_checkin "
            "FOR EACH ROW EXECUTE FUNCTION fairmatch_test_slow_insert()"
        )
    yield buyer_badge
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER fairmatch_test_slow ON onsite_checkin")
        cursor.execute("DROP FUNCTION fairmatch_test_slow_insert()")


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


def test_without_the_lock_both_scanners_pass_the_check(badge):
    def scan_without_lock(index, barrier):
        try:
            with transaction.atomic():
                seen = CheckIn.objects.filter(badge=badge).exists()
                barrier.wait()  # both have read "not checked in" before either writes
                if seen:
                    return "already"
                CheckIn.objects.create(badge=badge, at=timezone.now(), method="scan")
                return "checked in"
        except IntegrityError:
            return "crashed on the unique key"

    assert run_together(scan_without_lock) == ["checked in", "crashed on the unique key"]


def test_with_the_lock_one_check_in_and_one_already(badge):
    def scan(index, barrier):
        barrier.wait()
        result = check_in(badge=badge, user=None, method="scan")
        return "checked in" if result.created else "already"

    assert run_together(scan) == ["already", "checked in"]
    assert CheckIn.objects.filter(badge=badge).count() == 1
