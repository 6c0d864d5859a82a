"""``allocate``: booths to exhibitors, most exhibitors placed first, then the best score on
the weighted wishes, with the proven bound beside it.

The phases, each timed: prepare (locks, candidates, neighbours, footfall), start (an
assignment problem proves how many can be placed and gives a first allocation, best on the
wishes that need no neighbour, and a bound), search (on small floors the whole CP-SAT
model, hinted with the start, then the local search of lns.py; its allocations and bounds
are reported as they come), and the report of every wish. See docs/exhibition.md.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from .evaluate import score, wishes
from .lns import improve
from .messages import Message, size_text
from .model import Allocation, Problem, Progress, Status
from .model_cp import BuiltModel, build
from .prepare import Prepared, prepare
from .start import assignment_bound, best_matching, separable_bound

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

    def out_of_time() -> bool:
        # The start is always computed (it is the allocation returned at worst); the
        # optional steps before the search are skipped when time is up or a stop asked.
        if should_stop is not None and should_stop():
            if not any(m.id == "stopped" for m in messages):
                messages.append(Message("stopped"))
            return True
        return time.monotonic() >= deadline

    prepared = prepare(problem)
    timings["prepare"] = time.monotonic() - started

    mark = time.monotonic()
    unary_best = best_matching(prepared)
    placeable = len(unary_best)
    bound = separable_bound(prepared, unary_best)
    if not out_of_time():
        bound = min(bound, assignment_bound(prepared))
    start, start_score = unary_best, score(prepared, unary_best)
    if not out_of_time():
        clustered = best_matching(prepared, group_fields=True)
        clustered_score = score(prepared, clustered)
        if clustered_score > start_score:
            start, start_score = clustered, clustered_score
    timings["start"] = time.monotonic() - mark
    report("start", placeable, float(start_score), float(bound))

    mark = time.monotonic()
    search = _Search(prepared, placeable, deadline, workers, seed, report, should_stop, messages)
    booth_of, objective, proven, status = search.run(start, start_score, bound)
    timings["search"] = time.monotonic() - mark

    mark = time.monotonic()
    assignments, unassigned = _result(prepared, booth_of)
    found = wishes(prepared, booth_of)
    timings["report"] = time.monotonic() - mark
    return Allocation(
        status=status,
        assignments=assignments,
        unassigned=unassigned,
        objective=float(objective),
        bound=float(proven),
        gap=relative_gap(objective, proven),
        seconds=time.monotonic() - started,
        wishes=found,
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


# Up to this many exhibitor-booth choices the whole model is solved at once (and small
# floors are proven optimal); above, the local search of lns.py improves the start (a
# 500-exhibitor fair has some 80,000 choices, a 2,000-exhibitor one over a million).
WHOLE_MODEL_CHOICES = 20_000
# The whole model's share of the time; the local search, which finds better allocations
# sooner on all but the smallest floors, takes the rest.
WHOLE_MODEL_SHARE = 0.3


class _Search:
    """The search after the start: the whole model where it is small enough, then the
    local search, until the deadline or a request to stop."""

    def __init__(
        self,
        prepared: Prepared,
        placeable: int,
        deadline: float,
        workers: int,
        seed: int,
        report: Callable[[str, int, float | None, float | None], None],
        should_stop: StopCallback | None,
        messages: list[Message],
    ) -> None:
        self.prepared = prepared
        self.placeable = placeable
        self.deadline = deadline
        self.workers = workers
        self.seed = seed
        self.report = report
        self.should_stop = should_stop
        self.messages = messages

    def run(
        self, start: dict[int, int], start_score: int, bound: int
    ) -> tuple[dict[int, int], int, int, Status]:
        """The best allocation found, its score, the proven bound and the status."""
        # Every exhibitor that could be placed is in the whole model, not only the start's:
        # where more of them fit a size than there are booths, the model chooses who.
        members = [
            e
            for e, options in enumerate(self.prepared.candidates)
            if options and e not in self.prepared.unassigned
        ]
        choices = sum(len(self.prepared.candidates[e]) for e in members)
        stopping = self.should_stop is not None and self.should_stop()
        if choices > WHOLE_MODEL_CHOICES or stopping or time.monotonic() >= self.deadline:
            return self._local(start, start_score, bound)
        built = build(self.prepared, exhibitors=members, placed=len(start), hint=start)
        left = self.deadline - time.monotonic()
        solved = self._solve(built, WHOLE_MODEL_SHARE * left, 0, None)
        booth_of, objective = dict(start), start_score
        if solved is not None:
            found, code, model_bound = solved
            found_score = score(self.prepared, found)
            if found_score >= start_score:
                booth_of, objective = found, found_score
            if code == cp_model.OPTIMAL:
                return booth_of, objective, objective, Status.OPTIMAL
            bound = max(objective, min(bound, model_bound))
        # Not proven within its share of the time: the local search takes the rest.
        return self._local(booth_of, objective, bound)

    def _local(
        self, start: dict[int, int], start_score: int, bound: int
    ) -> tuple[dict[int, int], int, int, Status]:
        def on_better(_: dict[int, int], value: int) -> None:
            self.report("search", self.placeable, float(value), float(bound))

        def stop() -> bool:
            if self.should_stop is not None and self.should_stop():
                if not any(m.id == "stopped" for m in self.messages):
                    self.messages.append(Message("stopped"))
                return True
            return False

        booth_of = improve(
            self.prepared,
            start,
            deadline=self.deadline,
            seed=self.seed,
            workers=self.workers,
            on_better=on_better,
            should_stop=stop,
        )
        objective = score(self.prepared, booth_of)
        if objective >= bound:
            return booth_of, objective, objective, Status.OPTIMAL
        return booth_of, objective, bound, Status.FEASIBLE

    def _solve(
        self, built: BuiltModel, seconds: float, offset: int, fixed_bound: int | None
    ) -> tuple[dict[int, int], int, int] | None:
        if seconds <= 0.05 or (self.should_stop is not None and self.should_stop()):
            return None
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = seconds
        solver.parameters.num_workers = max(1, self.workers)
        solver.parameters.random_seed = self.seed
        callback = _Reporter(self.placeable, self.report, offset, fixed_bound)
        solver.best_bound_callback = callback.on_bound
        code = _solve(solver, built.model, callback, self.should_stop, self.messages)
        if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if code == cp_model.INFEASIBLE:
                # The start satisfies every constraint: this is a bug, not a hard problem.
                raise RuntimeError("the allocation model rejected its own start")
            return None
        found = {
            e: b for e, row in built.choice.items() for b, var in row.items() if solver.value(var)
        }
        return found, code, round(solver.best_objective_bound)


class _Reporter(cp_model.CpSolverSolutionCallback):
    """Reports each solution and each better bound: ``offset`` adds the score of the parts
    not in this model; ``fixed_bound``, when given, is reported instead of this model's."""

    def __init__(
        self,
        placed: int,
        report: Callable[[str, int, float | None, float | None], None],
        offset: int,
        fixed_bound: int | None,
    ) -> None:
        super().__init__()
        self.placed = placed
        self.report = report
        self.offset = offset
        self.fixed_bound = fixed_bound
        self.objective: float | None = None
        self.lock = threading.Lock()

    def _bound(self, bound: float) -> float:
        return float(self.fixed_bound) if self.fixed_bound is not None else bound

    def on_solution_callback(self) -> None:
        with self.lock:
            self.objective = self.offset + self.objective_value
            bound = self._bound(self.offset + self.best_objective_bound)
            self.report("search", self.placed, self.objective, bound)

    def on_bound(self, bound: float) -> None:
        with self.lock:
            self.report("search", self.placed, self.objective, self._bound(self.offset + bound))


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
                if not any(m.id == "stopped" for m in messages):
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
    prepared: Prepared, booth_of: dict[int, int]
) -> tuple[dict[str, str], dict[str, Message]]:
    """Booth keys per exhibitor key, and a reason for each exhibitor left without one."""
    booths = prepared.problem.booths
    assignments = {prepared.exhibitors[e].key: booths[b].key for e, b in sorted(booth_of.items())}
    unassigned: dict[str, Message] = {}
    for e, spec in enumerate(prepared.exhibitors):
        if e in booth_of:
            continue
        reason = prepared.unassigned.get(e)
        if reason is None:
            size = size_text(spec.min_area, spec.max_area, spec.kind)
            reason = Message(
                "no_free_booth_of_size", {"size": size, "count": len(prepared.candidates[e])}
            )
        unassigned[spec.key] = reason
    return assignments, unassigned
