"""``solve``: the engine's entry point, from a Problem to a proven-as-far-as-possible Solution.

Phases: checks (locked clashes, allowed slots, counting bound) -> placement (CP-SAT,
maximise placed weight) -> breaks (CP-SAT minimising breaks under the fairness spread,
raced against RC2 MaxSAT when every meeting fits) -> tables -> explanations. Instances too
large for one exact model go through a greedy start and large-neighbourhood search instead.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from .diagnostics import (
    locked_conflicts,
    placeable_counts,
    placeable_upper_bound,
    unplaced_reason,
    usable_slots,
)
from .domains import allowed_slots
from .greedy import greedy_slots
from .kempe import kempe_fill
from .lns import improve
from .maxsat import solve_in_child
from .model import ModelOptions, SlotModel, build_slot_model
from .problem import Placement, Problem, Progress, Solution, Status
from .tables import assign_tables
from .validation import validate

ProgressCallback = Callable[[Progress], None]
StopCallback = Callable[[], bool]
# How often a running CP-SAT search polls ``should_stop`` (between solution callbacks).
STOP_POLL_SECONDS = 0.1

# Above this many (meeting, slot) booleans one exact model is too slow: use LNS instead.
EXACT_MODEL_LIMIT = 12_000
PLACEMENT_SHARE = 0.3
# Returned by the breaks phase when its constraints (fairness) admit no schedule at all.
_PROVEN_INFEASIBLE: tuple[dict[int, int], bool] = ({}, False)


@dataclass
class _Run:
    """Book-keeping shared by the phases of one solve call."""

    problem: Problem
    started: float
    deadline: float
    seed: int
    workers: int
    progress: ProgressCallback | None
    upper_bound: int
    should_stop: StopCallback | None = None
    stopped: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    breaks_lower_bound: int = 0

    def left(self) -> float:
        if self.stop_requested():
            return 0.0
        return max(0.0, self.deadline - time.monotonic())

    def stop_requested(self) -> bool:
        """Whether the caller asked to stop; remembered once asked (a message says so)."""
        if not self.stopped and self.should_stop is not None and self.should_stop():
            self.stopped = True
            self.messages.append("stopped on request; the best schedule found so far is returned")
        return self.stopped

    def run_solver(
        self,
        solver: cp_model.CpSolver,
        model: cp_model.CpModel,
        callback: cp_model.CpSolverSolutionCallback | None = None,
    ) -> Any:
        """``solver.solve`` that also stops when ``should_stop`` says so between solutions."""
        if self.should_stop is None:
            return solver.solve(model, callback)
        finished = threading.Event()

        def poll() -> None:
            while not finished.wait(STOP_POLL_SECONDS):
                if self.stop_requested():
                    solver.stop_search()
                    return

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        try:
            return solver.solve(model, callback)
        finally:
            finished.set()
            poller.join()

    def report(self, phase: str, *, placed_weight: int, breaks: int | None) -> None:
        if self.progress is not None:
            self.progress(
                Progress(
                    phase=phase,
                    seconds=time.monotonic() - self.started,
                    placed_weight=placed_weight,
                    placeable_upper_bound=self.upper_bound,
                    breaks=breaks,
                    breaks_lower_bound=self.breaks_lower_bound,
                )
            )

    def solver(self, time_limit: float, *, workers: int | None = None) -> cp_model.CpSolver:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
        solver.parameters.num_workers = workers or self.workers
        solver.parameters.random_seed = self.seed % (2**31)
        return solver


class _Reporter(cp_model.CpSolverSolutionCallback):
    def __init__(self, run: _Run, phase: str, built: SlotModel, placing: bool):
        super().__init__()
        self.run, self.phase, self.built, self.placing = run, phase, built, placing

    def on_solution_callback(self) -> None:
        if self.run.stop_requested():
            self.stop_search()
        weight = round(self.value(self.built.weight_expr))
        breaks = None if self.placing else round(self.value(self.built.breaks_expr))
        if not self.placing:
            self.run.breaks_lower_bound = max(
                self.run.breaks_lower_bound, math.ceil(self.best_objective_bound - 1e-6)
            )
        self.run.report(self.phase, placed_weight=weight, breaks=breaks)


def solve(
    problem: Problem,
    *,
    time_limit: float,
    seed: int = 0,
    fairness: int | None = 2,
    progress: ProgressCallback | None = None,
    workers: int = 2,
    use_maxsat: bool = True,
    should_stop: StopCallback | None = None,
) -> Solution:
    """Schedule ``problem`` within ``time_limit`` seconds (see the module docstring).

    ``fairness`` is the largest allowed spread of breaks between participants (None: no
    rule); it is dropped, and the Solution says so, when it cannot hold with the most
    meetings placed. Meetings with a fixed slot are locked there (and at their fixed table).
    ``should_stop`` is polled during the search (solution callbacks, between phases and
    search steps); once it returns True the best schedule found so far is returned.
    """
    started = time.monotonic()
    validate(problem)
    locked = {
        m: info.fixed_slot for m, info in enumerate(problem.meetings) if info.fixed_slot is not None
    }
    conflicts = locked_conflicts(problem, locked=locked)
    domains = allowed_slots(problem, locked=locked)
    run = _Run(
        problem=problem,
        started=started,
        deadline=started + time_limit,
        seed=seed,
        workers=max(1, workers),
        progress=progress,
        upper_bound=placeable_upper_bound(problem, domains),
        should_stop=should_stop,
    )
    run.timings["checks"] = time.monotonic() - started
    if conflicts:
        return _infeasible(problem, conflicts=conflicts, run=run, fairness=fairness)
    free = [m for m in range(len(problem.meetings)) if m not in locked and domains[m]]
    size = sum(len(domains[m]) for m in free)
    if size <= EXACT_MODEL_LIMIT:
        slots, status, fairness_met = _solve_exact(
            problem,
            run=run,
            domains=domains,
            free=free,
            locked=locked,
            fairness=fairness,
            use_maxsat=use_maxsat,
        )
    else:
        slots, status, fairness_met = _solve_large(
            problem, run=run, domains=domains, locked=locked, fairness=fairness
        )
    return _finish(
        problem,
        run=run,
        slots=slots,
        status=status,
        domains=domains,
        fairness=fairness,
        fairness_met=fairness_met,
    )


def _solve_exact(
    problem: Problem,
    *,
    run: _Run,
    domains: Sequence[Sequence[int]],
    free: list[int],
    locked: Mapping[int, int],
    fairness: int | None,
    use_maxsat: bool,
) -> tuple[dict[int, int], Status, bool]:
    phase_start = time.monotonic()
    placing = build_slot_model(
        problem,
        domains=domains,
        free=free,
        locked=locked,
        options=ModelOptions(with_breaks=False, symmetry_breaking=False),
    )
    placing.model.maximize(placing.weight_expr)
    solver = run.solver(run.left() * PLACEMENT_SHARE)
    status = run.run_solver(
        solver, placing.model, _Reporter(run, "placement", placing, placing=True)
    )
    run.timings["placement"] = time.monotonic() - phase_start
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        run.messages.append("no schedule found within the time limit")
        return dict(locked), Status.UNKNOWN, False
    best_weight = round(solver.objective_value)
    run.upper_bound = min(run.upper_bound, math.floor(solver.best_objective_bound + 1e-6))
    placement_proven = status == cp_model.OPTIMAL
    hint = _read_slots(solver, placing, locked)
    all_fit = all(m in hint for m in free)
    if run.stop_requested():
        return hint, Status.FEASIBLE, False

    phase_start = time.monotonic()
    result = _minimise_breaks(
        problem,
        run=run,
        domains=domains,
        free=free,
        locked=locked,
        fairness=fairness,
        best_weight=best_weight,
        all_fit=all_fit,
        hint=hint,
        use_maxsat=use_maxsat,
    )
    fairness_met = fairness is not None
    if result is _PROVEN_INFEASIBLE and fairness is not None:
        run.messages.append(
            f"no schedule placing the most meetings keeps breaks within a spread of {fairness}; "
            "the fairness rule was dropped"
        )
        fairness_met = False
        result = _minimise_breaks(
            problem,
            run=run,
            domains=domains,
            free=free,
            locked=locked,
            fairness=None,
            best_weight=best_weight,
            all_fit=all_fit,
            hint=hint,
            use_maxsat=use_maxsat,
        )
    run.timings["breaks"] = time.monotonic() - phase_start
    if result is None or result is _PROVEN_INFEASIBLE:
        run.messages.append("breaks were not minimised within the time limit")
        return hint, Status.FEASIBLE, False
    slots, breaks_proven = result
    proven = placement_proven and breaks_proven
    return slots, Status.OPTIMAL if proven else Status.FEASIBLE, fairness_met


def _minimise_breaks(
    problem: Problem,
    *,
    run: _Run,
    domains: Sequence[Sequence[int]],
    free: list[int],
    locked: Mapping[int, int],
    fairness: int | None,
    best_weight: int,
    all_fit: bool,
    hint: Mapping[int, int],
    use_maxsat: bool,
) -> tuple[dict[int, int], bool] | None:
    """Best slots and whether proven optimal; _PROVEN_INFEASIBLE, or None when out of time."""
    built = build_slot_model(
        problem,
        domains=domains,
        free=free,
        locked=locked,
        options=ModelOptions(
            must_place=all_fit,
            min_placed_weight=None if all_fit else best_weight,
            fairness=fairness,
        ),
    )
    built.model.minimize(built.breaks_expr)
    for (meeting, slot), variable in built.choice.items():
        built.model.add_hint(variable, 1 if hint.get(meeting) == slot else 0)
    cap = _uniform_cap(problem, fairness)
    race = (
        use_maxsat
        and all_fit
        and not locked
        and run.workers >= 2
        and (fairness is None or cap is not None)
        and not any(m.language for m in problem.meetings)
    )
    maxsat = _start_maxsat(problem, domains=domains, cap=cap) if race else None
    solver = run.solver(run.left(), workers=run.workers - 1 if race else run.workers)
    watcher = _watch(maxsat, solver) if maxsat is not None else None
    status = run.run_solver(solver, built.model, _Reporter(run, "breaks", built, placing=False))
    maxsat_result = _stop_maxsat(maxsat, watcher)
    if maxsat_result is not None:
        cost, slots_list = maxsat_result
        run.breaks_lower_bound = cost
        run.messages.append("breaks proven optimal by MaxSAT (RC2)")
        return {m: s for m, s in enumerate(slots_list) if s >= 0}, True
    if status == cp_model.INFEASIBLE:
        return _PROVEN_INFEASIBLE
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    run.breaks_lower_bound = max(
        run.breaks_lower_bound, math.ceil(solver.best_objective_bound - 1e-6)
    )
    return _read_slots(solver, built, locked), status == cp_model.OPTIMAL


def _uniform_cap(problem: Problem, fairness: int | None) -> int | None:
    """With a participant who can never have a break, the spread rule is a cap per person."""
    if fairness is None:
        return None
    degrees = [len(meetings) for meetings in problem.meetings_of()]
    return fairness if min(degrees, default=0) <= 1 else None


@dataclass
class _MaxSatRun:
    process: Any
    connection: Any
    result: tuple[int, list[int]] | None = None


def _start_maxsat(
    problem: Problem, *, domains: Sequence[Sequence[int]], cap: int | None
) -> _MaxSatRun:
    # A child process, because RC2 cannot be interrupted and the time limit must hold.
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(
        target=solve_in_child,
        args=(problem, [tuple(d) for d in domains], cap, sending),
        daemon=True,
    )
    process.start()
    sending.close()
    return _MaxSatRun(process=process, connection=receiving)


def _watch(maxsat: _MaxSatRun, solver: cp_model.CpSolver) -> threading.Thread:
    def wait() -> None:
        try:
            maxsat.result = maxsat.connection.recv()
        except (EOFError, OSError):
            return
        if maxsat.result is not None:
            solver.stop_search()

    thread = threading.Thread(target=wait, daemon=True)
    thread.start()
    return thread


def _stop_maxsat(
    maxsat: _MaxSatRun | None, watcher: threading.Thread | None
) -> tuple[int, list[int]] | None:
    if maxsat is None or watcher is None:
        return None
    if maxsat.process.is_alive():
        maxsat.process.terminate()
    maxsat.process.join(timeout=5)
    watcher.join(timeout=1)
    maxsat.connection.close()
    return maxsat.result


def _read_slots(
    solver: cp_model.CpSolver, built: SlotModel, locked: Mapping[int, int]
) -> dict[int, int]:
    slots = dict(locked)
    for (meeting, slot), variable in built.choice.items():
        if solver.boolean_value(variable):
            slots[meeting] = slot
    return slots


def _solve_large(
    problem: Problem,
    *,
    run: _Run,
    domains: Sequence[Sequence[int]],
    locked: Mapping[int, int],
    fairness: int | None,
) -> tuple[dict[int, int], Status, bool]:
    phase_start = time.monotonic()
    meetings_of = problem.meetings_of()
    slots = greedy_slots(
        problem, domains=domains, locked=locked, meetings_of=meetings_of, seed=run.seed
    )
    run.timings["greedy"] = time.monotonic() - phase_start
    run.report("greedy", placed_weight=_weight(problem, slots), breaks=None)
    phase_start = time.monotonic()
    slots = kempe_fill(
        problem,
        domains=domains,
        slots=slots,
        locked=locked,
        meetings_of=meetings_of,
        deadline=run.started + 0.5 * (run.deadline - run.started),
        should_stop=run.stop_requested,
    )
    run.timings["chains"] = time.monotonic() - phase_start
    run.report("chains", placed_weight=_weight(problem, slots), breaks=None)
    phase_start = time.monotonic()
    # Keep time for tables and explanations, which are linear in the meetings.
    reserve = min(0.1 * (run.deadline - run.started), 5.0)

    def on_step(current: Mapping[int, int]) -> None:
        run.report("search", placed_weight=_weight(problem, current), breaks=None)

    slots = improve(
        problem,
        domains=domains,
        slots=slots,
        locked=locked,
        meetings_of=meetings_of,
        deadline=run.deadline - reserve,
        seed=run.seed,
        break_cap=None,
        workers=run.workers,
        on_step=on_step,
        should_stop=run.stop_requested,
    )
    run.timings["search"] = time.monotonic() - phase_start
    breaks = _breaks(problem, slots)
    fairness_met = fairness is None or max(breaks) - min(breaks) <= fairness
    proven = _weight(problem, slots) == run.upper_bound and sum(breaks) == 0
    return slots, Status.OPTIMAL if proven else Status.FEASIBLE, fairness_met


def _weight(problem: Problem, slots: Mapping[int, int]) -> int:
    return sum(problem.meetings[m].weight for m in slots)


def _breaks(problem: Problem, slots: Mapping[int, int]) -> list[int]:
    own: list[list[int]] = [[] for _ in problem.participants]
    for meeting, slot in slots.items():
        for participant in problem.meetings[meeting].participants:
            own[participant].append(slot)
    result = []
    for busy in own:
        busy.sort()
        result.append(
            sum(
                1
                for a, b in itertools.pairwise(busy)
                if b - a > 1 and problem.slots[a].day == problem.slots[b].day
            )
        )
    return result


def _finish(
    problem: Problem,
    *,
    run: _Run,
    slots: dict[int, int],
    status: Status,
    domains: Sequence[Sequence[int]],
    fairness: int | None,
    fairness_met: bool,
) -> Solution:
    phase_start = time.monotonic()
    tables = assign_tables(problem, slots)
    run.timings["tables"] = time.monotonic() - phase_start
    placements: list[Placement | None] = [None] * len(problem.meetings)
    reasons: dict[int, str] = {}
    usable = usable_slots(problem, domains)
    counts = placeable_counts(problem, domains)
    for meeting in range(len(problem.meetings)):
        table = tables.get(meeting)
        if meeting in slots and table is not None:
            placements[meeting] = Placement(slot=slots[meeting], table=table)
        elif meeting in slots:
            slots_without_table = slots[meeting]
            reasons[meeting] = f"no suitable table left in slot {slots_without_table + 1}"
        else:
            reasons[meeting] = unplaced_reason(
                problem, meeting=meeting, domains=domains, usable=usable, placeable_counts=counts
            )
    kept = {m: p.slot for m, p in enumerate(placements) if p is not None}
    breaks = _breaks(problem, kept)
    weight = _weight(problem, kept)
    run.timings["total"] = time.monotonic() - run.started
    run.report("done", placed_weight=weight, breaks=sum(breaks))
    return Solution(
        status=status,
        placements=tuple(placements),
        unplaced_reasons=reasons,
        breaks=tuple(breaks),
        placed_weight=weight,
        placeable_upper_bound=max(run.upper_bound, weight),
        total_breaks=sum(breaks),
        breaks_lower_bound=min(run.breaks_lower_bound, sum(breaks)),
        fairness=fairness,
        fairness_met=fairness_met
        and (fairness is None or max(breaks, default=0) - min(breaks, default=0) <= fairness),
        timings=dict(run.timings),
        messages=tuple(run.messages),
    )


def _infeasible(
    problem: Problem, *, conflicts: list[str], run: _Run, fairness: int | None
) -> Solution:
    run.timings["total"] = time.monotonic() - run.started
    return Solution(
        status=Status.INFEASIBLE,
        placements=(None,) * len(problem.meetings),
        unplaced_reasons={m: "the instance is infeasible" for m in range(len(problem.meetings))},
        breaks=(0,) * len(problem.participants),
        placed_weight=0,
        placeable_upper_bound=0,
        total_breaks=0,
        breaks_lower_bound=0,
        fairness=fairness,
        fairness_met=False,
        timings=dict(run.timings),
        messages=tuple(conflicts),
    )
