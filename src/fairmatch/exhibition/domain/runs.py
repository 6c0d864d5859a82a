"""Booth allocation runs: queued as background tasks, reporting progress, compared, applied.

A run solves a snapshot of the exhibition taken when it runs (the confirmed exhibitors, the
booths, the locked assignments of the working plan). Applying it later writes its booths
into the working plan: locked assignments stay as they are, and a booth or an exhibitor
that changed since (blocked, taken by a lock, resized out of the asked range, withdrawn)
is left out with the reason counted. Only one run per edition may be queued or running at
a time; publishing waits for it.
"""

import dataclasses
import logging
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.exhibition.domain.allocation import (
    booth_key,
    build_problem,
    confirmed_exhibitors,
    default_weights,
    exhibitor_key,
    key_id,
)
from fairmatch.exhibition.domain.locks import lock_booths, lock_floor_plan
from fairmatch.exhibition.engine import allocate
from fairmatch.exhibition.models import AllocationRun, AllocationStatus, Booth, BoothAssignment

PROGRESS_EVERY_SECONDS = 1.0
WORKERS = min(8, os.cpu_count() or 1)
ACTIVE = (AllocationStatus.QUEUED, AllocationStatus.RUNNING)
logger = logging.getLogger(__name__)


class RunError(Exception):
    """A run cannot start, stop or be applied; the message says why."""


def run_in_progress(edition: Edition) -> bool:
    return AllocationRun.objects.filter(edition=edition, status__in=ACTIVE).exists()


@transaction.atomic
def start_run(
    *, edition: Edition, user: Any, time_limit: int = 60, weights: dict[str, Any] | None = None
) -> AllocationRun:
    """Queue an allocation run on the edition's confirmed exhibitors.

    Side effects, in order: the run is written and audited; after commit its task is queued.
    """
    lock_floor_plan(edition.pk)
    if run_in_progress(edition):
        raise RunError(_("An allocation run is already in progress; wait for it or cancel it."))
    stored = build_problem(edition, weights=weights)
    if not stored.exhibitors:
        raise RunError(_("There is no confirmed exhibitor to place yet."))
    if stored.booths == stored.blocked:
        raise RunError(_("The floor plan has no booth to allocate: add booths first."))
    chosen = default_weights() | {
        name: value for name, value in (weights or {}).items() if name in default_weights()
    }
    run = AllocationRun.objects.create(
        edition=edition,
        created_by=user if getattr(user, "pk", None) else None,
        time_limit=time_limit,
        weights=chosen,
        progress={},
        result={
            "inputs": {
                "exhibitors": stored.exhibitors,
                "booths": stored.booths,
                "blocked": stored.blocked,
                "locked": stored.locked,
            }
        },
    )
    record_action(
        actor=user,
        action="exhibition.run",
        target=run,
        data={"time_limit": time_limit, "weights": chosen, **run.result["inputs"]},
    )
    transaction.on_commit(lambda: execute_run_task.enqueue(run.pk))
    return run


def cancel_run(*, run: AllocationRun, user: Any) -> None:
    """Ask a queued or running run to stop; it ends as cancelled and is never applied."""
    updated = AllocationRun.objects.filter(pk=run.pk, status__in=ACTIVE).update(
        cancel_requested=True
    )
    if not updated:
        raise RunError(_("This run is not in progress."))
    AllocationRun.objects.filter(pk=run.pk, status=AllocationStatus.QUEUED).update(
        status=AllocationStatus.CANCELLED, finished_at=timezone.now()
    )
    record_action(actor=user, action="exhibition.run.cancel", target=run)


def _number(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


class _ProgressWriter:
    """Saves the engine's progress on the run, at most once a second; notices cancellation."""

    def __init__(self, run_pk: int) -> None:
        self.run_pk = run_pk
        self.last = 0.0
        self.last_stop_check = 0.0
        self.cancelled = False
        self.thread = threading.current_thread()

    def _check_cancelled(self) -> None:
        self.cancelled = AllocationRun.objects.filter(
            pk=self.run_pk, cancel_requested=True
        ).exists()

    def should_stop(self) -> bool:
        """Asked by the engine between steps: has the organiser cancelled the run?"""
        now = time.monotonic()
        if not self.cancelled and now - self.last_stop_check >= PROGRESS_EVERY_SECONDS:
            self.last_stop_check = now
            try:
                self._check_cancelled()
            except DatabaseError:
                logger.debug("cancellation of run %s not checked", self.run_pk, exc_info=True)
            finally:
                if threading.current_thread() is not self.thread:
                    connection.close()
        return self.cancelled

    def __call__(self, progress: Any) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_EVERY_SECONDS:
            return
        self.last = now
        # The engine may report from its own threads; progress is best effort, never fatal.
        try:
            AllocationRun.objects.filter(pk=self.run_pk).update(progress=progress_json(progress))
            self._check_cancelled()
        except DatabaseError:
            logger.debug("progress of run %s not saved", self.run_pk, exc_info=True)
        finally:
            if threading.current_thread() is not self.thread:
                connection.close()


def progress_json(progress: Any) -> dict[str, Any]:
    """The figures of one progress report, as the run's page shows them."""
    values = {
        name: _number(getattr(progress, name, None))
        for name in ("objective", "bound", "seconds", "placed")
    }
    phase = getattr(progress, "phase", "")
    return {name: value for name, value in values.items() if value is not None} | (
        {"phase": str(phase)} if phase else {}
    )


def message_json(message: Any) -> dict[str, Any]:
    """An engine message as stored: its id and parameters (translated when shown)."""
    if hasattr(message, "to_json"):
        return dict(message.to_json())
    if dataclasses.is_dataclass(message) and not isinstance(message, type):
        return _plain(dataclasses.asdict(message))
    return {"id": str(message), "params": {}}


def _plain(value: Any) -> Any:
    """JSON-ready: tuples as lists, enums as their values."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    if hasattr(value, "value") and not isinstance(value, int | float | str | bool):
        return _plain(value.value)
    if value is None or isinstance(value, int | float | str | bool):
        return value
    return str(value)


def wish_kind(wish: Any) -> str:
    """The kind of a wish result's wish (preferred hall, wanted neighbour...)."""
    for name in ("kind", "name", "value"):
        found = getattr(wish, name, None)
        if isinstance(found, str):
            return found
    return str(wish)


def result_json(allocation: Any) -> dict[str, Any]:
    """What the run keeps of the engine's allocation."""
    wishes = {
        key: [
            {
                "kind": wish_kind(item.wish),
                "satisfied": bool(item.satisfied),
                "message": message_json(item.message) if item.message is not None else None,
            }
            for item in results
        ]
        for key, results in allocation.wishes.items()
    }
    return {
        "assignments": dict(allocation.assignments),
        "unassigned": {
            key: message_json(message) for key, message in allocation.unassigned.items()
        },
        "wishes": wishes,
        "conflicts": [message_json(message) for message in allocation.conflicts],
        "notes": [message_json(message) for message in getattr(allocation, "messages", ())],
        "placeable": getattr(allocation, "placeable", None),
        "gap": _number(getattr(allocation, "gap", None)),
    }


def execute_run(run_pk: int) -> AllocationRun:
    """Solve the run's problem (in a worker) and store the result on the run."""
    claimed = AllocationRun.objects.filter(pk=run_pk, status=AllocationStatus.QUEUED).update(
        status=AllocationStatus.RUNNING
    )
    run = AllocationRun.objects.select_related("edition").get(pk=run_pk)
    if not claimed:
        return run
    writer = _ProgressWriter(run_pk)
    try:
        stored = build_problem(run.edition, weights=run.weights)
        allocation = allocate(
            stored.problem,
            time_limit=run.time_limit,
            workers=WORKERS,
            progress=writer,
            should_stop=writer.should_stop,
            seed=0,
        )
    except Exception as error:  # the run records any failure instead of vanishing
        AllocationRun.objects.filter(pk=run_pk).update(
            status=AllocationStatus.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        raise
    cancelled = AllocationRun.objects.filter(pk=run_pk, cancel_requested=True).exists()
    status = getattr(allocation.status, "value", allocation.status)
    AllocationRun.objects.filter(pk=run_pk).update(
        status=AllocationStatus.CANCELLED if cancelled else AllocationStatus.FINISHED,
        finished_at=timezone.now(),
        solver_status=str(status)[:12],
        objective=_number(allocation.objective),
        bound=_number(allocation.bound),
        seconds=round(float(allocation.seconds), 2),
        result=run.result | result_json(allocation),
    )
    run.refresh_from_db()
    return run


@task()
def execute_run_task(run_pk: int) -> str:
    """Background task: one allocation run."""
    return execute_run(run_pk).status


def has_result(run: AllocationRun) -> bool:
    """A run that finished with booths to apply (not failed, not cancelled)."""
    return run.status == AllocationStatus.FINISHED and bool(run.result.get("assignments"))


def gap_pct(objective: float | None, bound: float | None) -> float | None:
    """The distance between the objective and its proven bound, in per cent of the bound
    (0: proven optimal)."""
    if objective is None or bound is None:
        return None
    return round(100 * abs(bound - objective) / max(abs(bound), 1e-9), 2)


@dataclass(frozen=True)
class RunFigures:
    """What a run (or the working plan) achieves, for comparing."""

    placed: int
    exhibitors: int
    objective: float | None
    bound: float | None
    gap: float | None
    wishes_met: dict[str, tuple[int, int]]  # kind -> (met, asked)
    moves: int | None = None  # exhibitors whose booth differs from the working plan's


def working_plan(edition: Edition) -> dict[str, str]:
    """Exhibitor key -> booth key of the working plan (confirmed exhibitors only)."""
    rows = BoothAssignment.objects.filter(
        application__in=confirmed_exhibitors(edition)
    ).values_list("application_id", "booth_id")
    return {exhibitor_key(application): booth_key(booth) for application, booth in rows}


def figures(run: AllocationRun, plan: dict[str, str] | None = None) -> RunFigures:
    """The run's figures; with the working plan, how many exhibitors it would move."""
    result = run.result or {}
    assignments: dict[str, str] = result.get("assignments", {})
    met: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for items in result.get("wishes", {}).values():
        for item in items:
            asked[item["kind"]] += 1
            met[item["kind"]] += bool(item["satisfied"])
    exhibitors = result.get("inputs", {}).get("exhibitors", len(assignments))
    moves = None
    if plan is not None:
        moves = sum(1 for key, booth in assignments.items() if plan.get(key) != booth)
    return RunFigures(
        placed=len(assignments),
        exhibitors=exhibitors,
        objective=run.objective,
        bound=run.bound,
        gap=gap_pct(run.objective, run.bound),
        wishes_met={kind: (met[kind], asked[kind]) for kind in sorted(asked)},
        moves=moves,
    )


def plan_figures(edition: Edition) -> RunFigures:
    """The working plan's figures (placed of confirmed exhibitors) for the comparison."""
    return RunFigures(
        placed=len(working_plan(edition)),
        exhibitors=confirmed_exhibitors(edition).count(),
        objective=None,
        bound=None,
        gap=None,
        wishes_met={},
    )


@dataclass(frozen=True)
class Applied:
    """What applying a run did: booths written, locked ones kept, and those left out."""

    placed: int
    kept_locked: int
    skipped: dict[str, int]


@transaction.atomic
def apply_run(*, run: AllocationRun, user: Any) -> Applied:
    """Write a finished run's booths into the working plan; locked assignments stay.

    Every unlocked assignment of a confirmed exhibitor is replaced by the run's. A run's
    booth that is blocked, gone, held by a locked assignment, or no longer in the
    exhibitor's size range, and an exhibitor no longer confirmed, are left out (counted by
    reason). Every booth whose holder changes gets a new version, so a page showing the old
    plan is refused. Audited. Refused while another run is in progress.
    """
    lock_floor_plan(run.edition_id)
    run = AllocationRun.objects.select_related("edition").get(pk=run.pk)
    if not has_result(run):
        raise RunError(_("Only a finished run can be applied."))
    if AllocationRun.objects.filter(edition=run.edition, status__in=ACTIVE).exists():
        raise RunError(_("Another run is in progress; apply when it has finished."))
    applications = {
        a.pk: a for a in confirmed_exhibitors(run.edition).only("pk", "min_area", "max_area")
    }
    booths = {
        b.pk: b
        for b in lock_booths(
            Booth.objects.filter(hall__edition=run.edition).values_list("pk", flat=True)
        )
    }
    current = list(BoothAssignment.objects.filter(booth__hall__edition=run.edition))
    kept = [a for a in current if a.locked]
    held_booths = {a.booth_id for a in kept}
    held_exhibitors = {a.application_id for a in kept}
    skipped: Counter[str] = Counter()
    new: dict[int, int] = {}
    for key, target in run.result.get("assignments", {}).items():
        application_id, booth_id = key_id(key, "e"), key_id(target, "b")
        if application_id in held_exhibitors:
            continue
        application = applications.get(application_id) if application_id else None
        booth = booths.get(booth_id) if booth_id else None
        if application is None:
            skipped["exhibitor"] += 1
        elif booth is None or booth.is_blocked:
            skipped["booth"] += 1
        elif booth.pk in held_booths or booth.pk in new.values():
            skipped["locked"] += 1
        elif not application.min_area <= booth.area <= application.max_area:
            skipped["size"] += 1
        else:
            new[application.pk] = booth.pk
    before = {a.application_id: a.booth_id for a in current if a not in kept}
    BoothAssignment.objects.filter(pk__in=[a.pk for a in current if a not in kept]).delete()
    BoothAssignment.objects.bulk_create(
        BoothAssignment(application_id=application, booth_id=booth, run=run)
        for application, booth in new.items()
    )
    changed = {booth for application, booth in new.items() if before.get(application) != booth}
    changed |= {booth for application, booth in before.items() if new.get(application) != booth}
    Booth.objects.filter(pk__in=changed).update(version=F("version") + 1)
    AllocationRun.objects.filter(pk=run.pk).update(applied_at=timezone.now())
    applied = Applied(placed=len(new), kept_locked=len(kept), skipped=dict(skipped))
    record_action(
        actor=user,
        action="exhibition.apply",
        target=run,
        data={"placed": applied.placed, "kept_locked": applied.kept_locked, **skipped},
    )
    return applied
