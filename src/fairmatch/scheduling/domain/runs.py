"""Solver runs: queued as background tasks, reporting progress, applied to the schedule.

A run works on a snapshot of the problem taken when it starts; applying it later writes
its placements into the meetings that are still scheduled, leaving locked ones and manual
decisions (placed or taken off the grid by hand) as they are. A run started after a release
changes it as little as it can (the engine's reference), and records what it moves. Before
anything is written the organiser sees what applying would change against the latest
release, counted as publication counts it. Only one run per edition may be queued or
running at a time.
"""

import itertools
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.scheduling import engine
from fairmatch.scheduling.domain.grid import SLOT_REMOVED
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.domain.problem import (
    StoredProblem,
    build_problem,
    holds_its_place,
    sync_meetings,
)
from fairmatch.scheduling.domain.releases import preview_publication, projected_placements
from fairmatch.scheduling.models import (
    PLACED_STATES,
    ManualDecision,
    Meeting,
    MeetingState,
    NegotiationTable,
    Release,
    RunStatus,
    ScheduleRun,
    Slot,
)

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
    latest = Release.objects.filter(edition=edition).order_by("-number").first()
    stored = build_problem(edition, reference=latest)
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
            "manual": Meeting.objects.filter(edition=edition, state=MeetingState.SCHEDULED)
            .exclude(manual="")
            .count(),
            "release": latest.number if latest else None,
        },
        reference_release=latest,
    )
    record_action(actor=user, action="schedule.run", target=run, data=run.inputs)
    transaction.on_commit(lambda: execute_run_task.enqueue(run.pk))
    return run


@dataclass(frozen=True)
class Figures:
    """What a schedule achieves: meetings placed (of how many) and breaks, counted as the
    engine counts them (an idle run of slots between two meetings of one participant on
    one day)."""

    placed: int
    meetings: int
    breaks: int | None


def figures_in_use(edition: Edition) -> Figures:
    """The working schedule's figures (the schedule in use: what the board shows)."""
    rows = Meeting.objects.filter(edition=edition, state=MeetingState.SCHEDULED).values_list(
        "first_id", "second_id", "slot__index", "slot__session__date"
    )
    busy: dict[tuple[int, Any], list[int]] = {}
    placed = meetings = 0
    for first_id, second_id, index, day in rows:
        meetings += 1
        if index is None:
            continue
        placed += 1
        for person in (first_id, second_id):
            busy.setdefault((person, day), []).append(index)
    breaks = 0
    for indices in busy.values():
        indices.sort()
        breaks += sum(1 for a, b in itertools.pairwise(indices) if b - a > 1)
    return Figures(placed=placed, meetings=meetings, breaks=breaks)


def verdict(run_placed: int, run_breaks: int | None, in_use: Figures) -> str:
    """ "better", "worse" or "same": more meetings placed wins, then fewer breaks."""
    if run_placed != in_use.placed:
        return "better" if run_placed > in_use.placed else "worse"
    if run_breaks is None or in_use.breaks is None or run_breaks == in_use.breaks:
        return "same"
    return "better" if run_breaks < in_use.breaks else "worse"


def has_result(run: ScheduleRun) -> bool:
    """A run that finished with placements to apply (not failed, not cancelled)."""
    return run.status == RunStatus.FINISHED and bool(run.assignments)


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
                "table": stored.table_for(index, placement).pk,
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
        stored = build_problem(run.edition, reference=run.reference_release)
        started = time.monotonic()
        solution = engine.solve(
            stored.problem,
            time_limit=run.time_limit,
            seed=run.seed,
            fairness=run.fairness,
            progress=writer,
            should_stop=writer.should_stop,
        )
        # The wall time of the solve (its timings overlap: "total" spans the phases).
        seconds = time.monotonic() - started
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
        seconds=round(seconds, 2),
        assignments=_assignments(stored, solution),
        moved={
            "meetings": [stored.meetings[m].pk for m in solution.moved],
            "participants": [stored.participants[p].pk for p in solution.moved_participants],
        },
    )
    run.refresh_from_db()
    return run


@task()
def execute_run_task(run_pk: int) -> str:
    """Background task: one solver run."""
    return execute_run(run_pk).status


@dataclass(frozen=True)
class ApplyPreview:
    """What applying a run changes against the latest release (None: nothing published),
    counted as publication counts: meetings moved, unplaced and newly placed, and the
    participants who would be mailed."""

    release_number: int | None
    moved: int
    unplaced: int
    placed: int
    mailed: int


def _plan(run: ScheduleRun, meetings: dict[int, Meeting]) -> dict[int, tuple[Any, Any, str]]:
    """Slot id, table id and reason per scheduled meeting that the run may change; locked
    meetings and manual decisions are left out (they stay as they are). A run's place that
    a meeting held since it started now takes (a table, or a participant's slot), or that
    the grid no longer has, is refused."""
    slots = set(
        Slot.objects.filter(session__edition_id=run.edition_id).values_list("pk", flat=True)
    )
    tables = set(
        NegotiationTable.objects.filter(edition_id=run.edition_id).values_list("pk", flat=True)
    )
    held = [m for m in meetings.values() if holds_its_place(m)]
    tables_taken = {(m.slot_id, m.table_id) for m in held}
    people_taken = {(m.slot_id, person) for m in held for person in (m.first_id, m.second_id)}
    plan: dict[int, tuple[Any, Any, str]] = {
        pk: (None, None, _("accepted after this run started"))
        for pk, m in meetings.items()
        if not holds_its_place(m) and m.manual != ManualDecision.REMOVED
    }
    for key, outcome in run.assignments.items():
        meeting = meetings.get(int(key))
        if meeting is None or meeting.pk not in plan:
            continue
        slot_id, table_id = outcome.get("slot"), outcome.get("table")
        if slot_id is not None and (slot_id not in slots or table_id not in tables):
            plan[meeting.pk] = (None, None, SLOT_REMOVED)
            continue
        if slot_id is not None and (
            (slot_id, table_id) in tables_taken
            or (slot_id, meeting.first_id) in people_taken
            or (slot_id, meeting.second_id) in people_taken
        ):
            plan[meeting.pk] = (None, None, _("its place was taken by a meeting locked meanwhile"))
            continue
        plan[meeting.pk] = (slot_id, table_id, outcome.get("reason", "")[:300])
    return plan


def _preview(run: ScheduleRun, meetings: dict[int, Meeting]) -> ApplyPreview:
    plan = _plan(run, meetings)
    places = {
        pk: (m.slot_id, m.table_id)
        for pk, m in meetings.items()
        if pk not in plan and m.slot_id is not None
    }
    places.update(
        {pk: (slot, table) for pk, (slot, table, _reason) in plan.items() if slot is not None}
    )
    preview = preview_publication(
        edition=run.edition, after=projected_placements(run.edition, places)
    )
    return ApplyPreview(
        release_number=preview.latest.number if preview.latest else None,
        moved=len(preview.changes.moved),
        unplaced=len(preview.changes.cancelled),
        placed=len(preview.changes.added),
        mailed=preview.mailed,
    )


def _scheduled(edition_id: int) -> dict[int, Meeting]:
    meetings = Meeting.objects.filter(edition_id=edition_id, state__in=PLACED_STATES)
    return {m.pk: m for m in meetings.order_by("pk")}


def _check_applicable(run: ScheduleRun) -> None:
    if not has_result(run):
        raise RunError(_("Only a finished run can be applied."))


def preview_apply(*, run: ScheduleRun) -> ApplyPreview:
    """What applying the run would change now, before anything is written."""
    run = ScheduleRun.objects.select_related("edition").get(pk=run.pk)
    _check_applicable(run)
    return _preview(run, _scheduled(run.edition_id))


@transaction.atomic
def apply_run(*, run: ScheduleRun, user: Any, expected: ApplyPreview | None = None) -> int:
    """Write a finished run's placements into the schedule; locked meetings and manual
    decisions stay as they are.

    With ``expected`` (the preview the organiser confirmed), it is refused when the changes
    are no longer those: the schedule or a release changed meanwhile. Returns how many
    meetings it placed. Refused while another run is in progress.
    """
    lock_working_schedule(run.edition_id)
    run = ScheduleRun.objects.select_related("edition").get(pk=run.pk)
    _check_applicable(run)
    meetings = _scheduled(run.edition_id)
    if expected is not None and _preview(run, meetings) != expected:
        raise RunError(
            _("The schedule changed since you reviewed this run; review the changes again.")
        )
    plan = _plan(run, meetings)
    # Clear the run's meetings first so the unique (slot, table) rule holds while writing.
    Meeting.objects.filter(pk__in=list(plan)).update(slot=None, table=None)
    placed = 0
    for pk, (slot_id, table_id, reason) in plan.items():
        meeting = meetings[pk]
        meeting.slot_id, meeting.table_id = slot_id, table_id
        meeting.unplaced_reason = reason
        meeting.version += 1
        placed += slot_id is not None
    Meeting.objects.bulk_update(
        [meetings[pk] for pk in plan], ["slot", "table", "unplaced_reason", "version"]
    )
    ScheduleRun.objects.filter(pk=run.pk).update(applied_at=timezone.now())
    record_action(actor=user, action="schedule.apply", target=run, data={"placed": placed})
    return placed
