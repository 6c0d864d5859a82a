"""Solver runs: refused without input, solved as tasks, applied keeping locked meetings."""

import time

import pytest

from fairmatch.matching.domain import requests
from fairmatch.scheduling import engine
from fairmatch.scheduling.domain import runs
from fairmatch.scheduling.models import Meeting, RunStatus, ScheduleRun, Slot
from tests.factories import OrganiserFactory
from tests.matching.helpers import buyer
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db


def test_a_run_without_accepted_meetings_is_refused():
    edition = grid_edition()
    with pytest.raises(runs.RunError, match="no accepted meeting"):
        runs.start_run(edition=edition, user=OrganiserFactory())
    assert not ScheduleRun.objects.exists()


def test_a_run_without_tables_is_refused():
    edition = grid_edition(tables=0)
    accepted_meetings(edition, 1)
    with pytest.raises(runs.RunError, match="no table"):
        runs.start_run(edition=edition, user=OrganiserFactory())


def test_a_run_places_every_meeting_and_is_applied(django_capture_on_commit_callbacks):
    edition = grid_edition(slots=4, tables=2)
    accepted_meetings(edition, 4)  # one buyer, four providers: four slots needed
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=edition, user=OrganiserFactory(), time_limit=10)
    run.refresh_from_db()
    assert (run.status, run.solver_status, run.placed, run.meetings) == (
        RunStatus.FINISHED,
        "optimal",
        4,
        4,
    )
    assert run.breaks == 0
    assert Meeting.objects.filter(slot__isnull=False).count() == 0  # not applied yet
    assert runs.apply_run(run=run, user=OrganiserFactory()) == 4
    slots = sorted(Meeting.objects.values_list("slot__index", flat=True))
    assert slots == [0, 1, 2, 3]


def test_a_new_run_keeps_locked_meetings_where_they_are(django_capture_on_commit_callbacks):
    edition = grid_edition(slots=4, tables=2)
    accepted_meetings(edition, 3)
    locked = Meeting.objects.order_by("pk").first()
    locked.slot, locked.table, locked.locked = (
        Slot.objects.get(index=2),
        edition.negotiation_tables.last(),
        True,
    )
    locked.save()
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=edition, user=OrganiserFactory(), time_limit=10)
    runs.apply_run(run=ScheduleRun.objects.get(pk=run.pk), user=None)
    locked.refresh_from_db()
    assert (locked.slot.index, locked.table.number) == (2, 2)
    assert Meeting.objects.filter(slot__isnull=False).count() == 3
    run.refresh_from_db()
    assert run.inputs["locked"] == 1


def test_only_one_run_at_a_time():
    edition = grid_edition()
    accepted_meetings(edition, 1)
    ScheduleRun.objects.create(edition=edition, status=RunStatus.RUNNING)
    with pytest.raises(runs.RunError, match="already in progress"):
        runs.start_run(edition=edition, user=None)


def test_a_cancelled_queued_run_is_never_solved_or_applied():
    edition = grid_edition()
    accepted_meetings(edition, 1)
    run = runs.start_run(edition=edition, user=None)  # on_commit not run: stays queued
    runs.cancel_run(run=run, user=OrganiserFactory())
    assert runs.execute_run(run.pk).status == RunStatus.CANCELLED
    with pytest.raises(runs.RunError, match="Only a finished run"):
        runs.apply_run(run=run, user=None)


def test_a_request_cancelled_after_the_run_leaves_the_schedule(django_capture_on_commit_callbacks):
    edition = grid_edition()
    accepted_meetings(edition, 2)
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=edition, user=None, time_limit=10)
    runs.apply_run(run=run, user=None)
    cancelled = Meeting.objects.order_by("pk").first()
    requests.cancel_request(request=cancelled.request, user=None)
    from fairmatch.scheduling.domain.problem import sync_meetings

    assert sync_meetings(edition) == 1
    cancelled.refresh_from_db()
    assert (cancelled.state, cancelled.slot) == ("cancelled", None)


def test_a_run_cancelled_while_running_ends_cancelled_and_is_never_applied():
    edition = grid_edition(slots=8, tables=3)
    accepted_meetings(edition, 12, buyers=[buyer(edition) for _ in range(3)])
    run = runs.start_run(edition=edition, user=None, time_limit=60)  # stays queued here
    # The worker has picked the run up when the organiser cancels: the solver is asked to
    # stop (``should_stop``) and the run ends as cancelled.
    ScheduleRun.objects.filter(pk=run.pk).update(cancel_requested=True)
    finished = runs.execute_run(run.pk)
    assert finished.status == RunStatus.CANCELLED
    with pytest.raises(runs.RunError, match="Only a finished run"):
        runs.apply_run(run=finished, user=None)


def test_a_run_delivered_again_while_another_worker_solves_it_is_left_alone():
    edition = grid_edition()
    accepted_meetings(edition, 2)
    run = runs.start_run(edition=edition, user=None)  # on_commit not run: stays queued
    ScheduleRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)  # claimed elsewhere
    assert runs.execute_run_task.call(run.pk) == RunStatus.RUNNING
    run.refresh_from_db()
    assert (run.status, run.finished_at, run.solver_status, run.assignments) == (
        RunStatus.RUNNING,
        None,
        "",
        {},
    )


def test_a_finished_run_delivered_again_is_not_solved_again(django_capture_on_commit_callbacks):
    edition = grid_edition()
    accepted_meetings(edition, 2)
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=edition, user=None, time_limit=10)
    finished = ScheduleRun.objects.get(pk=run.pk)
    assert finished.status == RunStatus.FINISHED
    assert runs.execute_run_task.call(run.pk) == RunStatus.FINISHED
    again = ScheduleRun.objects.get(pk=run.pk)
    assert (again.finished_at, again.assignments) == (finished.finished_at, finished.assignments)


def test_the_stored_seconds_are_the_wall_time_of_the_solve():
    # The run stored the sum of the solver's timings, which include their own total: about
    # twice the real time. What is stored now never exceeds the time execute_run took.
    edition = grid_edition(slots=8, tables=3)
    accepted_meetings(edition, 12, buyers=[buyer(edition) for _ in range(3)])
    run = runs.start_run(edition=edition, user=None, time_limit=10)  # stays queued here
    engine.solve  # noqa: B018 (imports the solver now, as a busy worker has it already)
    started = time.monotonic()
    finished = runs.execute_run(run.pk)
    elapsed = time.monotonic() - started
    assert finished.status == RunStatus.FINISHED
    # A solve answered at once (its bound met by the quick start) is stored as 0.00 s.
    assert 0 <= finished.seconds <= elapsed
