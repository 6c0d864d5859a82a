"""Large-neighbourhood search for instances too large for one exact model.

Each step frees the meetings of a few connected participants (around an unplaced meeting or
a participant with breaks), locks everything else, and lets CP-SAT re-place them with the
current schedule as hint; a step is kept when placed weight rises, or holds with fewer breaks.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .breaks import count_breaks
from .model import ModelOptions, build_slot_model, language_capacity
from .problem import Problem

NEIGHBOURHOOD_MEETINGS = 700
STEP_SECONDS = 4.0


@dataclass
class SearchState:
    """The schedule being improved, with per-participant and per-slot occupancy."""

    problem: Problem
    slots: dict[int, int]
    busy: list[dict[int, int]]
    usage: list[int]
    # Per (slot, language): placed meetings needing an interpreter of that language.
    languages: Counter[tuple[int, str]] = field(default_factory=Counter)
    # Participants whose breaks may have changed since they were last counted, and the counts.
    breaks: dict[int, int] = field(default_factory=dict)

    @classmethod
    def start(cls, problem: Problem, slots: dict[int, int]) -> SearchState:
        busy: list[dict[int, int]] = [{} for _ in problem.participants]
        usage = [0] * len(problem.slots)
        state = cls(problem, {}, busy, usage)
        for meeting, slot in slots.items():
            state.put(meeting, slot)
        return state

    def put(self, meeting: int, slot: int) -> None:
        self.slots[meeting] = slot
        self.usage[slot] += 1
        info = self.problem.meetings[meeting]
        if info.language is not None:
            self.languages[slot, info.language] += 1
        for participant in info.participants:
            self.busy[participant][slot] = meeting
            self.breaks.pop(participant, None)

    def remove(self, meeting: int) -> None:
        slot = self.slots.pop(meeting)
        self.usage[slot] -= 1
        info = self.problem.meetings[meeting]
        if info.language is not None:
            self.languages[slot, info.language] -= 1
        for participant in info.participants:
            del self.busy[participant][slot]
            self.breaks.pop(participant, None)

    def breaks_of(self, participant: int) -> int:
        # Counted again only after the participant's meetings moved.
        count = self.breaks.get(participant)
        if count is None:
            count = self.breaks[participant] = count_breaks(self.problem, self.busy[participant])
        return count


def improve(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    slots: dict[int, int],
    locked: Mapping[int, int],
    meetings_of: Sequence[Sequence[int]],
    deadline: float,
    seed: int,
    break_cap: int | None,
    workers: int,
    on_step: Callable[[dict[int, int]], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> dict[int, int]:
    """Improve ``slots`` (meeting -> slot) until ``deadline`` (a time.monotonic() value)."""
    rng = random.Random(seed)
    state = SearchState.start(problem, slots)
    capacity = language_capacity(problem)
    step = 0
    # Building a step's model takes seconds on large fairs: no step starts that cannot end.
    overhead = 0.0
    while time.monotonic() < deadline - 0.5 - overhead:
        if should_stop is not None and should_stop():
            break
        step += 1
        unplaced = [m for m in range(len(problem.meetings)) if m not in state.slots and domains[m]]
        with_breaks = [p for p in range(len(problem.participants)) if state.breaks_of(p) > 0]
        if not unplaced and not with_breaks:
            break
        if unplaced and (step % 3 != 0 or not with_breaks):
            center = problem.meetings[rng.choice(unplaced)].participants[rng.randrange(2)]
        else:
            center = rng.choice(with_breaks)
        free = _neighbourhood(
            problem,
            center=center,
            meetings_of=meetings_of,
            state=state,
            domains=domains,
            locked=locked,
            rng=rng,
        )
        overhead = _solve_step(
            problem,
            state=state,
            free=free,
            domains=domains,
            meetings_of=meetings_of,
            time_limit=min(STEP_SECONDS, deadline - overhead - time.monotonic()),
            seed=seed + step,
            break_cap=break_cap,
            workers=workers,
            should_stop=should_stop,
            capacity=capacity,
        )
        if on_step is not None:
            on_step(state.slots)
    return dict(state.slots)


def _neighbourhood(
    problem: Problem,
    *,
    center: int,
    meetings_of: Sequence[Sequence[int]],
    state: SearchState,
    domains: Sequence[Sequence[int]],
    locked: Mapping[int, int],
    rng: random.Random,
) -> list[int]:
    """Meetings of participants reached from ``center`` through meetings, breadth first."""
    chosen: set[int] = set()
    seen = {center}
    frontier = [center]
    while frontier and len(chosen) < NEIGHBOURHOOD_MEETINGS:
        participant = frontier.pop(0)
        meetings = [m for m in meetings_of[participant] if m not in locked and domains[m]]
        rng.shuffle(meetings)
        for meeting in meetings:
            chosen.add(meeting)
            for other in problem.meetings[meeting].participants:
                if other not in seen:
                    seen.add(other)
                    frontier.append(other)
    return sorted(chosen)


def _solve_step(
    problem: Problem,
    *,
    state: SearchState,
    free: list[int],
    domains: Sequence[Sequence[int]],
    meetings_of: Sequence[Sequence[int]],
    time_limit: float,
    seed: int,
    break_cap: int | None,
    workers: int,
    should_stop: Callable[[], bool] | None = None,
    capacity: Mapping[tuple[int, frozenset[str]], int] | None = None,
) -> float:
    """One step; returns the seconds spent before the search (to budget the next step)."""
    built_at = time.monotonic()
    if time_limit <= 0.2 or not free:
        return 0.0
    free_set = set(free)
    touched = sorted({p for m in free for p in problem.meetings[m].participants})
    locked_here: dict[int, int] = {}
    for participant in touched:
        for slot, meeting in state.busy[participant].items():
            if meeting not in free_set:
                locked_here[meeting] = slot
    before_weight = sum(problem.meetings[m].weight for m in free if m in state.slots)
    before_breaks = sum(state.breaks_of(p) for p in touched)
    elsewhere = list(state.usage)
    for meeting in free:
        if meeting in state.slots:
            elsewhere[state.slots[meeting]] -= 1
    for slot in locked_here.values():
        elsewhere[slot] -= 1
    # Interpreters taken by meetings outside the neighbourhood (locked ones count in the model).
    languages_elsewhere = Counter(state.languages)
    for meeting in [*free, *locked_here]:
        language = problem.meetings[meeting].language
        if language is not None and meeting in state.slots:
            languages_elsewhere[state.slots[meeting], language] -= 1
    free_or_none = free_set | {-1}
    local_domains = {
        m: [
            s
            for s in domains[m]
            if all(
                state.busy[p].get(s, -1) in free_or_none for p in problem.meetings[m].participants
            )
        ]
        for m in free
    }
    full_domains: list[Sequence[int]] = [()] * len(problem.meetings)
    for meeting, domain in local_domains.items():
        full_domains[meeting] = domain
    built = build_slot_model(
        problem,
        domains=full_domains,
        free=free,
        locked=locked_here,
        options=ModelOptions(
            break_cap=break_cap,
            only_touched_participants=True,
            symmetry_breaking=False,
        ),
        tables_used_elsewhere=elsewhere,
        meetings_of=meetings_of,
        language_capacity=capacity,
        languages_used_elsewhere=languages_elsewhere,
    )
    # Placed weight first: one more meeting outweighs every break in the neighbourhood.
    big = len(touched) * len(problem.slots) + 1
    built.model.maximize(
        cp_model.LinearExpr.weighted_sum([built.weight_expr, built.breaks_expr], [big, -1])
    )
    for (meeting, slot), variable in built.choice.items():
        built.model.add_hint(variable, 1 if state.slots.get(meeting) == slot else 0)
    overhead = time.monotonic() - built_at
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed % (2**31)
    status = solver.solve(built.model, _StopCheck(should_stop))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return overhead
    after_weight = sum(problem.meetings[m].weight * solver.value(built.placed[m]) for m in free)
    after_breaks = int(solver.value(built.breaks_expr)) - sum(built.constant_breaks.values())
    if (after_weight, -after_breaks) < (before_weight, -before_breaks):
        return overhead
    for meeting in free:
        if meeting in state.slots:
            state.remove(meeting)
    for (meeting, slot), variable in built.choice.items():
        if solver.boolean_value(variable):
            state.put(meeting, slot)
    return overhead


class _StopCheck(cp_model.CpSolverSolutionCallback):
    """Ends a step's search at its next solution once ``should_stop`` returns True."""

    def __init__(self, should_stop: Callable[[], bool] | None):
        super().__init__()
        self.should_stop = should_stop

    def on_solution_callback(self) -> None:
        if self.should_stop is not None and self.should_stop():
            self.stop_search()
