"""``allocate``: booths to exhibitors, most exhibitors placed first, then the best score on
the weighted wishes, with the proven bound beside it.

The phases, each timed: prepare (locks, candidates, neighbours, footfall), start (a maximum
matching proves how many can be placed and gives a first allocation, best on the wishes
that need no neighbour), search (CP-SAT, hinted with the start; its solutions and bounds
are reported as they come), and the report of every wish.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from .evaluate import score, wishes
from .messages import Message
from .model import Allocation, Problem, Progress, Status
from .model_cp import BuiltModel, build
from .prepare import Prepared, prepare
from .start import best_matching

ProgressCallback = Callable[[Progress], None]
StopCallback = Callable[[], bool]
STOP_POLL_SECONDS = 0.1


def allocate(
    problem: Problem,
    *,
    time_limit: float = 60,
    workers: int = 2,
    progress: ProgressCallback | None = None,
    should_stop: StopCallback | None = None,
    seed: int = 0,
) -> Allocation:
    """Allocate booths to the problem's exhibitors within ``time_limit`` seconds.

    Hard: each exhibitor gets at most one booth, of an area within its range and of the
    type it asks for; a booth holds at most one exhibitor; blocked booths stay empty
    (unless locked there); locked exhibitors keep their booth. As many exhibitors are
    placed as any allocation can place; the rest get a reason. Then the weighted wishes
    (``problem.weights``) are maximised. The result says which wishes were met and why.
    """
    started = time.monotonic()
    deadline = started + time_limit
    timings: dict[str, float] = {}
    messages: list[Message] = []

    def report(phase: str, placed: int, objective: float | None, bound: float | None) -> None:
        if progress is not None:
            progress(Progress(phase, time.monotonic() - started, placed, objective, bound))

    prepared = prepare(problem)
    timings["prepare"] = time.monotonic() - started

    mark = time.monotonic()
    start = best_matching(prepared)
    placeable = len(start)
    start_score = score(prepared, start)
    timings["start"] = time.monotonic() - mark
    report("start", placeable, float(start_score), None)

    mark = time.monotonic()
    booth_of, objective, bound, status = _search(
        prepared,
        start,
        start_score,
        placeable,
        deadline=deadline,
        workers=workers,
        seed=seed,
        report=report,
        should_stop=should_stop,
        messages=messages,
    )
    timings["search"] = time.monotonic() - mark

    mark = time.monotonic()
    result = _result(prepared, booth_of, objective, bound, status, placeable)
    timings["report"] = time.monotonic() - mark
    return Allocation(
        status=status,
        assignments=result[0],
        unassigned=result[1],
        objective=float(objective),
        bound=float(bound),
        gap=relative_gap(objective, bound),
        seconds=time.monotonic() - started,
        wishes=wishes(prepared, booth_of),
        conflicts=tuple(prepared.conflicts),
        placed=len(booth_of),
        placeable=placeable,
        messages=tuple(messages),
        timings=timings,
    )


def relative_gap(objective: float, bound: float) -> float:
    """How far the objective may still be from the optimum, relative to the bound."""
    if bound <= objective:
        return 0.0
    return (bound - objective) / max(1.0, abs(bound))


def _search(
    prepared: Prepared,
    start: dict[int, int],
    start_score: int,
    placeable: int,
    *,
    deadline: float,
    workers: int,
    seed: int,
    report: Callable[[str, int, float | None, float | None], None],
    should_stop: StopCallback | None,
    messages: list[Message],
) -> tuple[dict[int, int], int, int, Status]:
    exhibitors = range(len(prepared.exhibitors))
    built = build(prepared, exhibitors=exhibitors, placed=placeable, hint=start)
    left = deadline - time.monotonic()
    if left <= 0.05 or (should_stop is not None and should_stop()):
        return start, start_score, _trivial_bound(built), Status.FEASIBLE
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = left
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    callback = _Reporter(built, placeable, report)
    solver.best_bound_callback = callback.on_bound
    code = _solve(solver, built.model, callback, should_stop, messages)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        booth_of = {
            e: b for e, row in built.choice.items() for b, var in row.items() if solver.value(var)
        }
        objective = round(solver.objective_value)
        bound = max(objective, round(solver.best_objective_bound))
        status = Status.OPTIMAL if code == cp_model.OPTIMAL else Status.FEASIBLE
        if objective < start_score:  # cannot happen with the hint kept, but never go back
            return start, start_score, bound, Status.FEASIBLE
        return booth_of, objective, bound, status
    if code == cp_model.INFEASIBLE:
        # The start satisfies every constraint, so this means a bug, not a hard problem.
        raise RuntimeError("the allocation model rejected its own start")
    bound = _trivial_bound(built)
    return start, start_score, bound, Status.FEASIBLE


def _trivial_bound(built: BuiltModel) -> int:
    """The sum of every positive term: no allocation can score more."""
    return sum(c for entries in built.terms.values() for c, _ in entries if c > 0)


class _Reporter(cp_model.CpSolverSolutionCallback):
    def __init__(
        self,
        built: BuiltModel,
        placed: int,
        report: Callable[[str, int, float | None, float | None], None],
    ) -> None:
        super().__init__()
        self.placed = placed
        self.report = report
        self.objective: float | None = None
        self.bound: float | None = None
        self.lock = threading.Lock()

    def on_solution_callback(self) -> None:
        with self.lock:
            self.objective = self.objective_value
            self.bound = self.best_objective_bound
            self.report("search", self.placed, self.objective, self.bound)

    def on_bound(self, bound: float) -> None:
        with self.lock:
            self.bound = bound
            self.report("search", self.placed, self.objective, bound)


def _solve(
    solver: cp_model.CpSolver,
    model: cp_model.CpModel,
    callback: cp_model.CpSolverSolutionCallback,
    should_stop: StopCallback | None,
    messages: list[Message],
) -> int:
    """``solver.solve`` that also stops, between solutions, when ``should_stop`` says so."""
    if should_stop is None:
        return int(solver.solve(model, callback))
    finished = threading.Event()

    def poll() -> None:
        while not finished.wait(STOP_POLL_SECONDS):
            if should_stop():
                messages.append(Message("stopped"))
                solver.stop_search()
                return

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    try:
        return int(solver.solve(model, callback))
    finally:
        finished.set()
        poller.join()


def _result(
    prepared: Prepared,
    booth_of: dict[int, int],
    objective: int,
    bound: int,
    status: Status,
    placeable: int,
) -> tuple[dict[str, str], dict[str, Message]]:
    booths = prepared.problem.booths
    assignments = {prepared.exhibitors[e].key: booths[b].key for e, b in sorted(booth_of.items())}
    unassigned: dict[str, Message] = {}
    for e, spec in enumerate(prepared.exhibitors):
        if e in booth_of:
            continue
        reason = prepared.unassigned.get(e)
        if reason is None:
            count = len(prepared.candidates[e])
            from .messages import size_text

            size = size_text(spec.min_area, spec.max_area, spec.kind)
            reason = Message("no_free_booth_of_size", {"size": size, "count": count})
        unassigned[spec.key] = reason
    del objective, bound, status, placeable
    return assignments, unassigned
