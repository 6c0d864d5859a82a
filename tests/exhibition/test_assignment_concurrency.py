"""Two organisers giving the same booth to two exhibitors at once: never both (PostgreSQL).

The first test is the demonstration of the race the floor plan's lock prevents: the same
checks ``assign`` makes (``assign_conflicts``), run without ``lock_floor_plan``, let both
organisers past them, and only the database's unique key stops the second write, as a
crash (a server error for that organiser). The second test shows ``assign``, which takes
the lock before it checks, gives the booth to exactly one and refuses the other with the
conflict named. A trigger slows every assignment insert in the database, so the window
between checking and writing is wide open whatever the machine's speed.
"""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from fairmatch.exhibition.domain import assignments
from fairmatch.exhibition.models import BoothAssignment
from tests.exhibition.allocation_helpers import booth, exhibitor, hall_with_booths
from tests.factories import OrganiserFactory

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contest():
    hall = hall_with_booths(count=2)
    rivals = [exhibitor(hall.edition, name="Alpha"), exhibitor(hall.edition, name="Beta")]
    organisers = [OrganiserFactory(), OrganiserFactory()]
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE OR REPLACE FUNCTION fairmatch_test_slow_insert() RETURNS trigger AS "
            "$$ BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END; $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER fairmatch_test_slow BEFORE INSERT ON exhibition_boothassignment "
            "FOR EACH ROW EXECUTE FUNCTION fairmatch_test_slow_insert()"
        )
    yield booth(hall, "1"), rivals, organisers
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER fairmatch_test_slow ON exhibition_boothassignment")
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


def test_demonstration_without_the_lock_both_organisers_pass_the_checks(contest):
    target, rivals, _organisers = contest
    passed: list[int] = []

    def assign_without_lock(index, barrier):
        try:
            with transaction.atomic():
                conflicts = assignments.assign_conflicts(
                    application=rivals[index], booth=target, version=target.version
                )
                barrier.wait()  # both have checked the free booth before either writes
                if conflicts:
                    return "refused"
                passed.append(index)
                BoothAssignment.objects.create(booth=target, application=rivals[index])
                return "assigned"
        except IntegrityError:
            return "crashed on the unique key"

    assert run_together(assign_without_lock) == ["assigned", "crashed on the unique key"]
    assert sorted(passed) == [0, 1]  # the double assignment: both were told the booth is free


def test_with_the_lock_exactly_one_organiser_gets_the_booth(contest):
    target, rivals, organisers = contest
    answers: dict[int, list[str]] = {}

    def assign(index, barrier):
        barrier.wait()
        try:
            assignments.assign(
                application=rivals[index],
                booth=target,
                version=target.version,
                user=organisers[index],
            )
        except assignments.AssignmentError as error:
            answers[index] = error.conflicts
            return "refused"
        return "assigned"

    assert run_together(assign) == ["assigned", "refused"]
    holder = BoothAssignment.objects.select_related("application__participation__enterprise").get(
        booth=target
    )
    [(loser, conflicts)] = answers.items()
    assert holder.application != rivals[loser]
    assert conflicts == [
        "Booth A-1 changed since your page was loaded; reload it and try again.",
        f"Booth A-1 is already taken by {holder.application.participation.enterprise.name_en}.",
    ]
    assert BoothAssignment.objects.count() == 1
