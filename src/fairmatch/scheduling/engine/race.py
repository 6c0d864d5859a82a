"""The race: MaxSAT child processes beside CP-SAT, for "every meeting placed, fewest breaks".

Child processes, because RC2 cannot be interrupted and the time limit must hold. Watcher
threads read each child's pipe (typed messages, messages.py); whatever they learn may end
the CP-SAT search: an optimum, a proof that no fair schedule exists, a lower bound CP-SAT's
best meets, or a first fair schedule to restart from.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from . import children, profiles
from .breaks import uniform_cap
from .children import solve_in_child
from .drops import Drops
from .messages import FINAL, Bound, ChildMessage, Feasible, Optimal, Unsatisfiable
from .problem import Problem
from .run import Run

# The busy-profile decomposition's share of the time limit before the second child turns to
# RC2 (alone it proved tic-13crafc, forumt-14crafe and tic-14crafc in 1 - 7 s).
PROFILE_SHARE = 0.3
PROFILE_MIN_SECONDS = 5.0
# Before them, the share of the time limit of a SAT call for a schedule without breaks.
ZERO_BREAK_SHARE = 0.2
# How often the parent looks at the children while it waits for them.
WAIT_POLL_SECONDS = 0.02


def start_race(
    problem: Problem,
    *,
    run: Run,
    domains: Sequence[Sequence[int]],
    locked: Mapping[int, int],
    fairness: int | None,
    use_maxsat: bool,
    drops: Drops | None = None,
) -> Race:
    """MaxSAT children for the all-placed problem, started at once when it may apply.

    They solve "every meeting placed, fewest breaks" from the start, so when every meeting
    fits the answer can come before the placement phase ends; their results only count once
    a schedule placing every meeting is known. When counting proves that not every meeting
    fits and ``drops`` (drops.py) says which go in every schedule placing the proven most,
    their problem is that one instead, and their results count once a schedule meets the
    bound.
    """
    race = Race(run=run)
    # A bound for every schedule (the breaks fixed meetings force): CP-SAT may stop at it.
    race.bound = run.breaks_lower_bound
    cap = uniform_cap(problem, fairness)
    total = problem.weight_of(range(len(problem.meetings)))
    if all(domains) and run.upper_bound >= total:
        drops, race.target = None, total
    elif drops is not None and drops.weight <= run.upper_bound:
        race.target = drops.weight
    else:
        return race  # their problem would be unsatisfiable, or is unknown
    if (
        use_maxsat
        and run.workers >= 2
        and (fairness is None or cap is not None)
        and not any(m.language for m in problem.meetings)
    ):
        race.start(
            problem,
            domains=domains,
            cap=cap,
            profile_seconds=max(PROFILE_MIN_SECONDS, PROFILE_SHARE * run.left()),
            # Refuted already by the quick call, or by the breaks fixed meetings force.
            zero_break_seconds=0.0
            if run.zero_breaks_refuted or run.breaks_lower_bound > 0
            else ZERO_BREAK_SHARE * run.left(),
            drops=drops,
        )
    return race


@dataclass(frozen=True, slots=True)
class _Child:
    """A child process, the end of its pipe the parent reads, and the thread reading it."""

    process: Any
    connection: Any
    watcher: threading.Thread


class Race:
    """The MaxSAT child processes racing the breaks phase, and what they sent back.

    Watcher threads read each child's pipe; whatever they learn may end the CP-SAT search
    (an optimum, a proof that no fair schedule exists, a lower bound CP-SAT's best meets, or
    a first fair schedule to restart from).
    """

    def __init__(self, *, run: Run):
        self.run = run
        self.lock = threading.Lock()
        self.children: list[_Child] = []
        self.solver: cp_model.CpSolver | None = None
        self.bound = 0
        self.cp_best: int | None = None
        self.optimal: tuple[int, list[int]] | None = None
        self.optimal_by = ""
        self.unsatisfiable = False
        self.feasible: list[int] | None = None
        self.restart: list[int] | None = None
        self.bounds_count = False
        # The weight every schedule of the children's problem places (None: no children).
        self.target: int | None = None

    def start(
        self,
        problem: Problem,
        *,
        domains: Sequence[Sequence[int]],
        cap: int | None,
        profile_seconds: float,
        zero_break_seconds: float,
        drops: Drops | None = None,
    ) -> None:
        # Child processes, because RC2 cannot be interrupted and the time limit must hold.
        context = child_context()
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
                    "drops": drops,
                },
                daemon=True,
            )
            process.start()
            sending.close()
            watcher = threading.Thread(target=self._watch, args=(receiving,), daemon=True)
            watcher.start()
            self.children.append(_Child(process, receiving, watcher))

    def _watch(self, connection: Any) -> None:
        while True:
            try:
                message: ChildMessage = connection.recv()
            except (EOFError, OSError):
                return
            with self.lock:
                stop = self._receive(message)
                solver = self.solver
            if stop and solver is not None:
                solver.stop_search()
            if isinstance(message, FINAL):
                return

    def _receive(self, message: ChildMessage) -> bool:
        """Record a child's message; whether the CP-SAT search should stop."""
        match message:
            case Optimal(cost=cost, slots=slots, method=method):
                if self.optimal is None:
                    self.optimal = (cost, list(slots))
                    self.optimal_by = method
                return True
            case Unsatisfiable():
                self.unsatisfiable = True
                return True
            case Bound(cost=cost):
                self.bound = max(self.bound, cost)
                if self.bounds_count:
                    self.run.breaks_lower_bound = max(self.run.breaks_lower_bound, self.bound)
                return self.bounds_count and self.cp_best is not None and self.cp_best <= self.bound
            case Feasible(slots=slots):
                self.feasible = list(slots)
                if self.cp_best is None:
                    self.restart = self.feasible
                    return True
        return False

    def on_solution(self, value: int) -> bool:
        """CP-SAT found a schedule of ``value`` breaks; whether it is proven optimal now."""
        with self.lock:
            self.cp_best = value if self.cp_best is None else min(self.cp_best, value)
            return value <= self.bound and bool(self.children) and self.bounds_count

    def take_optimal(self, run: Run) -> dict[int, int]:
        """A child's optimal schedule; its cost becomes the run's proven lower bound."""
        assert self.optimal is not None
        cost, slots = self.optimal
        run.breaks_lower_bound = max(run.breaks_lower_bound, cost)
        run.messages.append(f"breaks proven optimal by {self.optimal_by}")
        return {m: s for m, s in enumerate(slots) if s >= 0}

    def counts(self, placed_weight: int) -> bool:
        """Whether the children's problem is the breaks phase's: a schedule placing
        ``placed_weight`` is known, as much as every schedule of theirs places."""
        return self.target is not None and placed_weight >= self.target

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
        run: Run,
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
            if not any(child.process.is_alive() for child in self.children):
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
        for child in self.children:
            if child.process.is_alive():
                child.process.terminate()
            child.process.join(timeout=5)
            child.watcher.join(timeout=1)
            child.connection.close()
        self.children = []


def child_context() -> Any:
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
