"""``solve``: the engine's entry point, from a Problem to a proven-as-far-as-possible Solution.

Phases: checks (locked clashes, allowed slots, counting bound) -> placement (CP-SAT,
maximise placed weight) -> breaks (CP-SAT minimising breaks under the fairness spread,
raced against RC2 MaxSAT and the busy-profile decomposition when every meeting fits) ->
tables -> explanations. Instances too large for one exact model go through a greedy start
and large-neighbourhood search instead.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ortools.sat.python import cp_model

from . import children, profiles, reference
from .children import solve_in_child
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
from .model import ModelOptions, SlotModel, build_slot_model
from .problem import Placement, Problem, Progress, Solution, Status
from .reference_start import start_near_reference
from .tables import assign_tables
from .validation import validate

ProgressCallback = Callable[[Progress], None]
StopCallback = Callable[[], bool]
# How often a running CP-SAT search polls ``should_stop`` (between solution callbacks).
STOP_POLL_SECONDS = 0.1
# The busy-profile decomposition's share of the time limit before the second child turns to
# RC2 (alone it proved tic-13crafc, forumt-14crafe and tic-14crafc in 1 - 7 s).
PROFILE_SHARE = 0.3
PROFILE_MIN_SECONDS = 5.0
# Before them, the share of the time limit of a SAT call for a schedule without breaks.
ZERO_BREAK_SHARE = 0.2

# Above this many (meeting, slot) booleans one exact model is too slow: use LNS instead.
EXACT_MODEL_LIMIT = 12_000
PLACEMENT_SHARE = 0.3
# The shares of the time left that the MaxSAT children have to themselves before CP-SAT
# joins them: for the placement (until they know whether every meeting fits) and the breaks.
PLACEMENT_WAIT_SHARE = 0.1
CHILDREN_ALONE_SHARE = 0.5
# How often the parent looks at the children while it waits for them.
WAIT_POLL_SECONDS = 0.02
# How often the local search counts the breaks of its current schedule for the progress.
BREAKS_COUNTED_EVERY = 0.5
# CP-SAT statuses with a schedule.
_FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)
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
    # The breaks of the best schedule found so far, repeated by phases that do not count them.
    last_breaks: int | None = None
    last_counted: float = 0.0

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
        stop_when: Callable[[], bool] | None = None,
    ) -> Any:
        """``solver.solve`` that also stops, between solutions, when ``should_stop`` (or
        ``stop_when``) says so."""
        if self.should_stop is None and stop_when is None:
            return solver.solve(model, callback)
        finished = threading.Event()

        def poll() -> None:
            while not finished.wait(STOP_POLL_SECONDS):
                if self.stop_requested() or (stop_when is not None and stop_when()):
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
        if breaks is None:
            breaks = self.last_breaks
        else:
            self.last_breaks = breaks
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
    def __init__(
        self,
        run: _Run,
        phase: str,
        built: SlotModel,
        placing: bool,
        race: _Race | None = None,
    ):
        super().__init__()
        self.run, self.phase, self.built, self.placing = run, phase, built, placing
        self.race = race

    def on_solution_callback(self) -> None:
        if self.run.stop_requested():
            self.stop_search()
        if self.race is not None and self.race.on_solution(round(self.objective_value)):
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
    ``seed`` fixes CP-SAT's choices: with ``workers=1`` a search that ends before the limit
    returns the same schedule each time; with more, the first member of the race to prove
    the optimum gives it (the same objective, not always the same schedule).
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
    if problem.reference is not None and size > reference.EXACT_LIMIT:
        return _solve_around_reference(
            problem,
            run=run,
            domains=domains,
            locked=locked,
            fairness=fairness,
            workers=workers,
            use_maxsat=use_maxsat,
        )
    if problem.reference is not None:
        slots, status, fairness_met = reference.solve_near_reference(
            problem, run=run, domains=domains, free=free, locked=locked, fairness=fairness
        )
    elif size <= EXACT_MODEL_LIMIT:
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


def _solve_around_reference(
    problem: Problem,
    *,
    run: _Run,
    domains: Sequence[Sequence[int]],
    locked: Mapping[int, int],
    fairness: int | None,
    workers: int,
    use_maxsat: bool,
) -> Solution:
    """Too large for the exact levels: the reference meetings that still fit stay fixed and
    the others are fitted around them; the moves are not proven fewest."""
    kept, _start = start_near_reference(problem, domains=domains, locked=locked)
    around = solve(
        reference.fix_kept(problem, kept),
        time_limit=run.left(),
        seed=run.seed,
        fairness=fairness,
        progress=run.progress,
        workers=workers,
        use_maxsat=use_maxsat,
        should_stop=run.should_stop,
    )
    moved, people = reference.moves(problem, around.placements)
    run.timings["total"] = time.monotonic() - run.started
    return replace(
        around,
        status=Status.FEASIBLE if around.status == Status.OPTIMAL else around.status,
        placeable_upper_bound=max(run.upper_bound, around.placed_weight),
        breaks_lower_bound=0,
        timings={**run.timings, **{k: v for k, v in around.timings.items() if k != "total"}},
        messages=(
            *around.messages,
            f"{len(kept)} meetings kept at their reference place and fixed; the others were "
            "fitted around them (moves not proven fewest)",
        ),
        moved=moved,
        moved_participants=people,
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
    race = _start_race(
        problem, run=run, domains=domains, locked=locked, fairness=fairness, use_maxsat=use_maxsat
    )
    try:
        return _place_then_minimise(
            problem,
            run=run,
            domains=domains,
            free=free,
            locked=locked,
            fairness=fairness,
            use_maxsat=use_maxsat,
            race=race,
        )
    finally:
        race.stop()


def _start_race(
    problem: Problem,
    *,
    run: _Run,
    domains: Sequence[Sequence[int]],
    locked: Mapping[int, int],
    fairness: int | None,
    use_maxsat: bool,
) -> _Race:
    """MaxSAT children for the all-placed problem, started at once when it may apply.

    They solve "every meeting placed, fewest breaks" from the start, so when every meeting
    fits the answer can come before the placement phase ends; their results only count once
    a schedule placing every meeting is known.
    """
    race = _Race(run=run)
    cap = _uniform_cap(problem, fairness)
    if (
        use_maxsat
        and not locked
        and run.workers >= 2
        and (fairness is None or cap is not None)
        and not any(m.language for m in problem.meetings)
        and all(domains)
    ):
        race.start(
            problem,
            domains=domains,
            cap=cap,
            profile_seconds=max(PROFILE_MIN_SECONDS, PROFILE_SHARE * run.left()),
            zero_break_seconds=ZERO_BREAK_SHARE * run.left(),
        )
    return race


def _place_then_minimise(
    problem: Problem,
    *,
    run: _Run,
    domains: Sequence[Sequence[int]],
    free: list[int],
    locked: Mapping[int, int],
    fairness: int | None,
    use_maxsat: bool,
    race: _Race,
) -> tuple[dict[int, int], Status, bool]:
    phase_start = time.monotonic()
    if race.children:
        # The second child's SAT call shows within seconds whether every meeting fits (all
        # JAIR instances: 0.1 - 4 s); CP-SAT beside it would only slow it down.
        race.wait(run, seconds=run.left() * PLACEMENT_WAIT_SHARE, until=race.answers_placement)
    status, solver, placing = None, None, None
    if not race.settles_placement():
        placing = build_slot_model(
            problem,
            domains=domains,
            free=free,
            locked=locked,
            options=ModelOptions(with_breaks=False, symmetry_breaking=False),
        )
        placing.model.maximize(placing.weight_expr)
        # The MaxSAT children take the other cores while they run.
        solver = run.solver(run.left() * PLACEMENT_SHARE, workers=1 if race.children else None)
        status = run.run_solver(
            solver,
            placing.model,
            _Reporter(run, "placement", placing, placing=True),
            stop_when=race.settles_placement if race.children else None,
        )
    run.timings["placement"] = time.monotonic() - phase_start
    if race.optimal is not None:
        # Every meeting placed, breaks proven minimal (under the fairness cap when given).
        return race.take_optimal(run), Status.OPTIMAL, fairness is not None
    if race.feasible is not None:
        # The SAT call placed every meeting (under the fairness cap): nothing to maximise.
        hint = {m: s for m, s in enumerate(race.feasible) if s >= 0}
        best_weight = sum(problem.meetings[m].weight for m in hint)
    elif solver is not None and placing is not None and status in _FOUND:
        best_weight = round(solver.objective_value)
        run.upper_bound = min(run.upper_bound, math.floor(solver.best_objective_bound + 1e-6))
        hint = _read_slots(solver, placing, locked)
    else:
        run.messages.append("no schedule found within the time limit")
        return dict(locked), Status.UNKNOWN, False
    all_fit = all(m in hint for m in free)
    placement_proven = status == cp_model.OPTIMAL or all_fit
    if run.stop_requested():
        return hint, Status.FEASIBLE, False
    if not all_fit:
        race.stop()

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
        race=race,
    )
    fairness_met = fairness is not None
    if result is _PROVEN_INFEASIBLE and fairness is not None:
        run.messages.append(
            f"no schedule placing the most meetings keeps breaks within a spread of {fairness}; "
            "the fairness rule was dropped"
        )
        fairness_met = False
        race.stop()
        race = _start_race(
            problem, run=run, domains=domains, locked=locked, fairness=None, use_maxsat=use_maxsat
        )
        if not all_fit:
            race.stop()
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
            race=race,
        )
        race.stop()
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
    race: _Race,
) -> tuple[dict[int, int], bool] | None:
    """Best slots and whether proven optimal; _PROVEN_INFEASIBLE, or None when out of time.

    ``race`` holds the MaxSAT children (none when they do not apply): RC2 over Glucose, and
    a SAT call for a first fair schedule followed by the busy-profile decomposition and RC2
    on the other encoding of the table limit. Both report each lower bound they prove;
    CP-SAT waits for them a while, then stops as soon as its best schedule meets one. A fair
    schedule from the SAT call restarts CP-SAT from it when CP-SAT has none yet.
    """
    racing = bool(race.children)
    if racing:
        with race.lock:
            # Every meeting fits: the children's problem is this one, their bounds count.
            race.bounds_count = True
            run.breaks_lower_bound = max(run.breaks_lower_bound, race.bound)
        # Measured on the JAIR instances: CP-SAT beside the children proved none of them
        # sooner and slowed the proofs of the hardest ones by half (forum-13crafb 52 s
        # against 26 s alone). It waits, and its model is built only if they have not
        # settled the phase by then.
        race.wait(
            run,
            seconds=run.left() * CHILDREN_ALONE_SHARE,
            until=race.decided,
            placed_weight=best_weight,
        )
    if race.optimal is not None:
        return race.take_optimal(run), True
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
    restart = race.take_restart()
    _hint(built, restart if restart is not None else hint)
    restarted = restart is not None
    while True:
        # One CP-SAT worker beside the children, unless it restarts from the SAT call's
        # schedule: improving that one needs CP-SAT's neighbourhood search (two workers).
        solver = run.solver(run.left(), workers=None if restarted or not racing else 1)
        race.solver = solver
        reporter = _Reporter(run, "breaks", built, placing=False, race=race)
        status = run.run_solver(
            solver, built.model, reporter, stop_when=race.decided if racing else None
        )
        restart = race.take_restart()
        if restart is not None and run.left() > 0.5 and race.optimal is None:
            built.model.clear_hints()  # type: ignore[no-untyped-call]
            _hint(built, restart)
            restarted = True
            continue
        break
    race.stop()
    if race.optimal is not None:
        return race.take_optimal(run), True
    if (all_fit and race.unsatisfiable) or status == cp_model.INFEASIBLE:
        return _PROVEN_INFEASIBLE
    if all_fit:
        run.breaks_lower_bound = max(run.breaks_lower_bound, race.bound)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if race.feasible is not None:
            # CP-SAT found nothing, but the SAT call's fair schedule is a valid answer.
            return {m: s for m, s in enumerate(race.feasible) if s >= 0}, False
        return None
    run.breaks_lower_bound = max(
        run.breaks_lower_bound, math.ceil(solver.best_objective_bound - 1e-6)
    )
    value = round(solver.objective_value)
    proven = status == cp_model.OPTIMAL or value <= run.breaks_lower_bound
    if proven and status != cp_model.OPTIMAL:
        run.messages.append("breaks proven optimal: CP-SAT's schedule meets MaxSAT's lower bound")
    return _read_slots(solver, built, locked), proven


def _hint(built: SlotModel, slots: Mapping[int, int] | Sequence[int]) -> None:
    lookup = dict(enumerate(slots)) if isinstance(slots, Sequence) else slots
    for (meeting, slot), variable in built.choice.items():
        built.model.add_hint(variable, 1 if lookup.get(meeting) == slot else 0)


def _uniform_cap(problem: Problem, fairness: int | None) -> int | None:
    """With a participant who can never have a break, the spread rule is a cap per person."""
    if fairness is None:
        return None
    degrees = [len(meetings) for meetings in problem.meetings_of()]
    return fairness if min(degrees, default=0) <= 1 else None


class _Race:
    """The MaxSAT child processes racing the breaks phase, and what they sent back.

    Watcher threads read each child's pipe; whatever they learn may end the CP-SAT search
    (an optimum, a proof that no fair schedule exists, a lower bound CP-SAT's best meets, or
    a first fair schedule to restart from).
    """

    def __init__(self, *, run: _Run):
        self.run = run
        self.lock = threading.Lock()
        self.children: list[tuple[Any, Any, threading.Thread]] = []
        self.solver: cp_model.CpSolver | None = None
        self.bound = 0
        self.cp_best: int | None = None
        self.optimal: tuple[int, list[int]] | None = None
        self.optimal_by = ""
        self.unsatisfiable = False
        self.feasible: list[int] | None = None
        self.restart: list[int] | None = None
        self.bounds_count = False

    def start(
        self,
        problem: Problem,
        *,
        domains: Sequence[Sequence[int]],
        cap: int | None,
        profile_seconds: float,
        zero_break_seconds: float,
    ) -> None:
        # Child processes, because RC2 cannot be interrupted and the time limit must hold.
        context = _child_context()
        # Two encodings of the table limit (maxsat.encode): each proves some of the JAIR
        # instances several times sooner than the other.
        for second in (False, True):
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(
                target=solve_in_child,
                args=(problem, [tuple(d) for d in domains], cap, sending),
                kwargs={
                    "feasible_first": second,
                    "zero_break_seconds": zero_break_seconds if second else 0.0,
                    "profile_seconds": profile_seconds if second else 0.0,
                    "tables_by_busy": second,
                },
                daemon=True,
            )
            process.start()
            sending.close()
            watcher = threading.Thread(target=self._watch, args=(receiving,), daemon=True)
            watcher.start()
            self.children.append((process, receiving, watcher))

    def _watch(self, connection: Any) -> None:
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                return
            with self.lock:
                stop = self._receive(message)
                solver = self.solver
            if stop and solver is not None:
                solver.stop_search()
            if message[0] in ("optimal", "unsatisfiable"):
                return

    def _receive(self, message: tuple[Any, ...]) -> bool:
        """Record a child's message; whether the CP-SAT search should stop."""
        kind = message[0]
        if kind == "optimal":
            if self.optimal is None:
                self.optimal = (int(message[1]), list(message[2]))
                self.optimal_by = str(message[3])
            return True
        if kind == "unsatisfiable":
            self.unsatisfiable = True
            return True
        if kind == "bound":
            self.bound = max(self.bound, int(message[1]))
            if self.bounds_count:
                self.run.breaks_lower_bound = max(self.run.breaks_lower_bound, self.bound)
            return self.bounds_count and self.cp_best is not None and self.cp_best <= self.bound
        if kind == "feasible":
            self.feasible = list(message[1])
            if self.cp_best is None:
                self.restart = self.feasible
                return True
        return False

    def on_solution(self, value: int) -> bool:
        """CP-SAT found a schedule of ``value`` breaks; whether it is proven optimal now."""
        with self.lock:
            self.cp_best = value if self.cp_best is None else min(self.cp_best, value)
            return value <= self.bound and bool(self.children) and self.bounds_count

    def take_optimal(self, run: _Run) -> dict[int, int]:
        """A child's optimal schedule; its cost becomes the run's proven lower bound."""
        assert self.optimal is not None
        cost, slots = self.optimal
        run.breaks_lower_bound = max(run.breaks_lower_bound, cost)
        run.messages.append(f"breaks proven optimal by {self.optimal_by}")
        return {m: s for m, s in enumerate(slots) if s >= 0}

    def decided(self) -> bool:
        """Whether a child has settled the phase (an optimum or no fair schedule)."""
        with self.lock:
            return self.optimal is not None or self.unsatisfiable

    def settles_placement(self) -> bool:
        """Whether a child has shown that every meeting fits (so placement is done)."""
        with self.lock:
            return self.optimal is not None or self.feasible is not None

    def answers_placement(self) -> bool:
        """Whether a child has said if every meeting fits (under the fairness cap)."""
        with self.lock:
            return self.optimal is not None or self.unsatisfiable or self.feasible is not None

    def wait(
        self,
        run: _Run,
        *,
        seconds: float,
        until: Callable[[], bool],
        placed_weight: int | None = None,
    ) -> None:
        """Wait until ``until()``, the children's end, a stop request, or ``seconds``; with
        ``placed_weight``, each new lower bound on breaks is reported as progress."""
        deadline = time.monotonic() + seconds
        reported = None
        while time.monotonic() < deadline and not run.stop_requested() and not until():
            if not any(process.is_alive() for process, _, _ in self.children):
                return
            if placed_weight is not None and run.breaks_lower_bound != reported:
                reported = run.breaks_lower_bound
                run.report("breaks", placed_weight=placed_weight, breaks=None)
            time.sleep(WAIT_POLL_SECONDS)

    def take_restart(self) -> list[int] | None:
        with self.lock:
            restart, self.restart = self.restart, None
            return restart if self.cp_best is None else None

    def stop(self) -> None:
        for process, connection, watcher in self.children:
            if process.is_alive():
                process.terminate()
            process.join(timeout=5)
            watcher.join(timeout=1)
            connection.close()
        self.children = []


def _child_context() -> Any:
    """Where the children start: a fork server that has imported their modules once.

    Spawning imports them afresh for every child (0.7 s with OR-Tools, a third of the time
    on the small JAIR instances); forking this process instead is unsafe, as its threads
    (CP-SAT's, a web server's) may hold locks. Spawn where there is no fork server.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([children.__name__, profiles.__name__])
    return context


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
    run.report("greedy", placed_weight=_weight(problem, slots), breaks=sum(_breaks(problem, slots)))
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
    run.report("chains", placed_weight=_weight(problem, slots), breaks=sum(_breaks(problem, slots)))
    phase_start = time.monotonic()
    # Keep time for tables and explanations, which are linear in the meetings.
    reserve = min(0.1 * (run.deadline - run.started), 5.0)

    def on_step(current: Mapping[int, int]) -> None:
        # Counting the breaks is linear in the meetings: at most twice a second.
        breaks = None
        if time.monotonic() - run.last_counted >= BREAKS_COUNTED_EVERY:
            run.last_counted = time.monotonic()
            breaks = sum(_breaks(problem, current))
        run.report("search", placed_weight=_weight(problem, current), breaks=breaks)

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
    if problem.reference is None:
        tables = assign_tables(problem, slots)
    else:
        tables = assign_tables(problem, slots, keep=reference.tables_to_keep(problem, slots))
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
    moved, moved_participants = reference.moves(problem, placements)
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
        moved=moved,
        moved_participants=moved_participants,
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
