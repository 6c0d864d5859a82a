"""Allocation runs with the real engine: solved as tasks, cancelled, applied keeping locks."""

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.exhibition.domain import runs
from fairmatch.exhibition.models import AllocationRun, AllocationStatus, BoothAssignment
from tests.exhibition.allocation_helpers import booth, exhibitor, hall_with_booths
from tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db


def plan():
    return sorted(
        (a.booth.code, a.application.participation.enterprise.name_en, a.locked)
        for a in BoothAssignment.objects.select_related("booth", "application__participation")
    )


def test_a_run_without_confirmed_exhibitors_is_refused():
    hall = hall_with_booths(count=2)
    with pytest.raises(runs.RunError, match="no confirmed exhibitor"):
        runs.start_run(edition=hall.edition, user=OrganiserFactory())
    assert not AllocationRun.objects.exists()


def test_a_run_places_every_exhibitor_and_is_applied(django_capture_on_commit_callbacks):
    hall = hall_with_booths(count=4)
    organiser = OrganiserFactory()
    for name in ("A", "B", "C"):
        exhibitor(hall.edition, name=name)
    big = exhibitor(hall.edition, name="Big", min_area=18, max_area=20)
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(
            edition=hall.edition, user=organiser, time_limit=10, weights={"preferred_hall": 5}
        )
    run.refresh_from_db()
    assert run.status == AllocationStatus.FINISHED
    assert run.weights["preferred_hall"] == 5
    assert run.result["inputs"] == {"exhibitors": 4, "booths": 4, "blocked": 0, "locked": 0}
    assert len(run.result["assignments"]) == 3
    assert list(run.result["unassigned"]) == [f"e{big.pk}"]
    assert run.result["unassigned"][f"e{big.pk}"]["id"] in {
        "no_booth_of_size",
        "no_booth_for_size",
    }
    assert run.objective is not None and run.bound is not None and run.seconds is not None
    assert run.result["placeable"] == 3
    # The engine's first report was saved as the run's progress (the page polls it).
    assert {"phase", "seconds", "placed"} <= set(run.progress)
    assert plan() == []  # nothing changes until the run is applied
    applied = runs.apply_run(run=run, user=organiser)
    assert (applied.placed, applied.kept_locked, applied.skipped) == (3, 0, {})
    assert sorted(name for _code, name, _locked in plan()) == ["A", "B", "C"]
    assert sorted(AuditEntry.objects.values_list("action", flat=True)) == [
        "exhibition.apply",
        "exhibition.run",
    ]


def test_applying_keeps_locked_booths_and_frees_the_others(django_capture_on_commit_callbacks):
    hall = hall_with_booths(count=3)
    organiser = OrganiserFactory()
    locked, free = exhibitor(hall.edition, name="Locked"), exhibitor(hall.edition, name="Free")
    BoothAssignment.objects.create(booth=booth(hall, "3"), application=locked, locked=True)
    BoothAssignment.objects.create(booth=booth(hall, "2"), application=free)
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=hall.edition, user=organiser, time_limit=10)
    run.refresh_from_db()
    assert run.result["inputs"]["locked"] == 1
    assert run.result["assignments"][f"e{locked.pk}"] == f"b{booth(hall, '3').pk}"
    # Meanwhile the organiser locks booth 1 for the free exhibitor: the run's booth for it
    # is not written over the lock.
    BoothAssignment.objects.filter(application=free).update(booth=booth(hall, "1"), locked=True)
    version = booth(hall, "3").version
    applied = runs.apply_run(run=run, user=organiser)
    assert applied.kept_locked == 2
    assert plan() == [("1", "Free", True), ("3", "Locked", True)]
    assert booth(hall, "3").version == version  # a kept lock is not a change


def test_cancelling_a_queued_run_ends_it_unsolved():
    hall = hall_with_booths(count=2)
    exhibitor(hall.edition, name="A")
    organiser = OrganiserFactory()
    run = runs.start_run(edition=hall.edition, user=organiser)  # its task waits for commit
    runs.cancel_run(run=run, user=organiser)
    run.refresh_from_db()
    assert (run.status, run.cancel_requested) == (AllocationStatus.CANCELLED, True)
    assert runs.execute_run(run.pk).status == AllocationStatus.CANCELLED
    with pytest.raises(runs.RunError, match="not in progress"):
        runs.cancel_run(run=run, user=organiser)
    with pytest.raises(runs.RunError, match="Only a finished run"):
        runs.apply_run(run=run, user=organiser)


def test_a_run_cancelled_while_running_stops_and_is_never_applied():
    hall = hall_with_booths(count=2)
    exhibitor(hall.edition, name="A")
    run = AllocationRun.objects.create(
        edition=hall.edition, status=AllocationStatus.QUEUED, time_limit=30, result={}
    )
    AllocationRun.objects.filter(pk=run.pk).update(cancel_requested=True)
    finished = runs.execute_run(run.pk)
    assert finished.status == AllocationStatus.CANCELLED
    assert not runs.has_result(finished)


def test_only_one_run_at_a_time():
    hall = hall_with_booths(count=2)
    exhibitor(hall.edition, name="A")
    AllocationRun.objects.create(edition=hall.edition, status=AllocationStatus.RUNNING)
    with pytest.raises(runs.RunError, match="already in progress"):
        runs.start_run(edition=hall.edition, user=None)
