"""Book-keeping of one ``solve`` call shared by its phases: the deadline, a request to stop,
progress reports, timings and messages, and the CP-SAT solvers it starts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .problem import Problem, Progress

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

ProgressCallback = Callable[[Progress], None]
StopCallback = Callable[[], bool]
# How often a running CP-SAT search polls ``should_stop`` (between solution callbacks).
STOP_POLL_SECONDS = 0.1


@dataclass
class Run:
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
    # The quick SAT call (quick.py) showed that no schedule placing every meeting is free of
    # breaks: the race's child skips its own such call.
    zero_breaks_refuted: bool = False
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
        # Imported here: a solve answered before any search never loads OR-Tools (0.6 s).
        from ortools.sat.python import cp_model

        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(time_limit, 0.01)
        solver.parameters.num_workers = workers or self.workers
        solver.parameters.random_seed = self.seed % (2**31)
        return solver
