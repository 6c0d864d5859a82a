"""Solver runs: queued as background tasks, reporting progress, applied to the schedule.

A run works on a snapshot of the problem taken when it starts; applying it later writes
its placements into the meetings that are still scheduled, leaving locked ones where they
are. Only one run per edition may be queued or running at a time.
"""

import logging
import threading
import time
from typing import Any

from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.scheduling import engine
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.domain.problem import StoredProblem, build_problem, sync_meetings
from fairmatch.scheduling.models import Meeting, MeetingState, RunStatus, ScheduleRun

PROGRESS_EVERY_SECONDS = 1.0
logger = logging.getLogger(__name__)


class RunError(Exception):
    """A run cannot start or be applied; the message says why."""


@transaction.atomic
def start_run(
    *, edition: Edition, user: Any, time_limit: int = 60, fairness: int = 2, seed: int = 0
) -> ScheduleRun:
    """Queue a solver run on the edition's accepted meetings."""
    lock_working_schedule(edition.pk)
    if ScheduleRun.objects.filter(
        edition=edition, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
    ).exists():
        raise RunError(_("A run is already in progress; wait for it or cancel it."))
    sync_meetings(edition)
    stored = build_problem(edition)
    if not stored.problem.meetings:
        raise RunError(_("There is no accepted meeting to schedule yet."))
    if not stored.problem.slots:
        raise RunError(_("The grid has no slot: add negotiation sessions first."))
    if not stored.problem.tables:
        raise RunError(_("The grid has no table: add the hall's tables first."))
    run = ScheduleRun.objects.create(
        edition=edition,
        created_by=user if getattr(user, "pk", None) else None,
        time_limit=time_limit,
        fairness=fairness,
        seed=seed,
        meetings=len(stored.problem.meetings),
        inputs={
            "meetings": len(stored.problem.meetings),
            "participants": len(stored.problem.participants),
            "slots": len(stored.problem.slots),
            "tables": len(stored.problem.tables),
            "locked": sum(m.locked for m in stored.meetings),
        },
    )
    record_action(actor=user, action="schedule.run", target=run, data=run.inputs)
    transaction.on_commit(lambda: execute_run_task.enqueue(run.pk))
    return run


def cancel_run(*, run: ScheduleRun, user: Any) -> None:
    """Ask a queued or running run to stop; it ends as cancelled and is never applied."""
    updated = ScheduleRun.objects.filter(
        pk=run.pk, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
    ).update(cancel_requested=True)
    if not updated:
        raise RunError(_("This run is not in progress."))
    ScheduleRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.CANCELLED, finished_at=timezone.now()
    )
    record_action(actor=user, action="schedule.run.cancel", target=run)


class _ProgressWriter:
    """Saves the engine's progress on the run, at most once a second; notices cancellation."""

    def __init__(self, run_pk: int) -> None:
        self.run_pk = run_pk
        self.last = 0.0
        self.cancelled = False
        self.thread = threading.current_thread()
        self.last_stop_check = 0.0

    def should_stop(self) -> bool:
        """Asked by the solver between steps: has the organiser cancelled the run?"""
        now = time.monotonic()
        if not self.cancelled and now - self.last_stop_check >= PROGRESS_EVERY_SECONDS:
            self.last_stop_check = now
            try:
                self.cancelled = ScheduleRun.objects.filter(
                    pk=self.run_pk, cancel_requested=True
                ).exists()
            except DatabaseError:
                logger.debug("cancellation of run %s not checked", self.run_pk, exc_info=True)
            finally:
                if threading.current_thread() is not self.thread:
                    connection.close()
        return self.cancelled

    def __call__(self, progress: engine.Progress) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_EVERY_SECONDS:
            return
        self.last = now
        # The solver reports from its own threads; progress is best effort, never fatal.
        try:
            ScheduleRun.objects.filter(pk=self.run_pk).update(
                progress={
                    "phase": progress.phase,
                    "seconds": round(progress.seconds, 1),
                    "placed": progress.placed_weight,
                    "upper_bound": progress.placeable_upper_bound,
                    "breaks": progress.breaks,
                    "breaks_lower_bound": progress.breaks_lower_bound,
                }
            )
            self.cancelled = ScheduleRun.objects.filter(
                pk=self.run_pk, cancel_requested=True
            ).exists()
        except DatabaseError:
            logger.debug("progress of run %s not saved", self.run_pk, exc_info=True)
        finally:
            if threading.current_thread() is not self.thread:
                connection.close()


def _assignments(stored: StoredProblem, solution: engine.Solution) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for index, meeting in enumerate(stored.meetings):
        placement = solution.placements[index]
        if placement is None:
            result[str(meeting.pk)] = {"reason": solution.unplaced_reasons.get(index, "")}
        else:
            result[str(meeting.pk)] = {
                "slot": stored.slots[placement.slot].pk,
                "table": stored.tables[placement.table].pk,
            }
    return result


def execute_run(run_pk: int) -> ScheduleRun:
    """Solve the run's problem (in a worker) and store the result on the run."""
    claimed = ScheduleRun.objects.filter(pk=run_pk, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING
    )
    run = ScheduleRun.objects.select_related("edition").get(pk=run_pk)
    if not claimed:
        return run
    writer = _ProgressWriter(run_pk)
    try:
        stored = build_problem(run.edition)
        solution = engine.solve(
            stored.problem,
            time_limit=run.time_limit,
            seed=run.seed,
            fairness=run.fairness,
            progress=writer,
            should_stop=writer.should_stop,
        )
    except Exception as error:  # the run records any failure instead of vanishing
        ScheduleRun.objects.filter(pk=run_pk).update(
            status=RunStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    cancelled = ScheduleRun.objects.filter(pk=run_pk, cancel_requested=True).exists()
    ScheduleRun.objects.filter(pk=run_pk).update(
        status=RunStatus.CANCELLED if cancelled else RunStatus.FINISHED,
        finished_at=timezone.now(),
        solver_status=solution.status.value,
        placed=solution.placed_count,
        placeable_upper_bound=solution.placeable_upper_bound,
        breaks=solution.total_breaks,
        breaks_lower_bound=solution.breaks_lower_bound,
        seconds=round(sum(solution.timings.values()), 2),
        assignments=_assignments(stored, solution),
    )
    run.refresh_from_db()
    return run


@task()
def execute_run_task(run_pk: int) -> str:
    """Background task: one solver run."""
    return execute_run(run_pk).status


@transaction.atomic
def apply_run(*, run: ScheduleRun, user: Any) -> int:
    """Write a finished run's placements into the schedule; locked meetings stay put.

    Returns how many meetings it placed. Refused while another run is in progress.
    """
    edition = lock_working_schedule(run.edition_id)
    run = ScheduleRun.objects.get(pk=run.pk)
    if run.status != RunStatus.FINISHED:
        raise RunError(_("Only a finished run can be applied."))
    meetings = {
        m.pk: m
        for m in Meeting.objects.filter(edition=edition, state=MeetingState.SCHEDULED).order_by(
            "pk"
        )
    }
    # Clear unlocked placements first so the unique (slot, table) rule holds while writing.
    Meeting.objects.filter(pk__in=[pk for pk, m in meetings.items() if not m.locked]).update(
        slot=None, table=None
    )
    placed = 0
    for meeting in meetings.values():
        if not meeting.locked:
            meeting.slot_id = meeting.table_id = None
            meeting.unplaced_reason = _("accepted after this run started")[:300]
            meeting.version += 1
    # Meetings locked since the run started win; a clashing placement stays unplaced.
    tables_taken = {(m.slot_id, m.table_id) for m in meetings.values() if m.locked}
    people_taken = {
        (m.slot_id, person)
        for m in meetings.values()
        if m.locked
        for person in (m.first_id, m.second_id)
    }
    for key, outcome in run.assignments.items():
        meeting = meetings.get(int(key))
        if meeting is None or meeting.locked:
            continue
        slot_id = outcome.get("slot")
        if slot_id is not None and (
            (slot_id, outcome.get("table")) in tables_taken
            or (slot_id, meeting.first_id) in people_taken
            or (slot_id, meeting.second_id) in people_taken
        ):
            meeting.unplaced_reason = _("its place was taken by a meeting locked meanwhile")
            continue
        meeting.slot_id = outcome.get("slot")
        meeting.table_id = outcome.get("table")
        meeting.unplaced_reason = outcome.get("reason", "")[:300]
        placed += meeting.slot_id is not None
    Meeting.objects.bulk_update(
        [m for m in meetings.values() if not m.locked],
        ["slot", "table", "unplaced_reason", "version"],
    )
    ScheduleRun.objects.filter(pk=run.pk).update(applied_at=timezone.now())
    record_action(actor=user, action="schedule.apply", target=run, data={"placed": placed})
    return placed
