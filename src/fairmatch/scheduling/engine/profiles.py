"""Lower bounds from busy profiles, and optimal schedules from them (logic-based Benders).

The relaxation forgets which meeting takes which slot and keeps, per participant, only the
slots it is busy in: as many as its meetings, enough of them in each meeting's allowed
slots, at most the fairness cap of breaks, and per slot an even number of busy participants
of at most twice the tables. Its LP (CP-SAT, linearization level 2) counts what clause
learning cannot: on the ten-slot JAIR instances, where a third of the participants are busy
in every slot, it proves the optimum in under a second (tic-13crafc 4, forumt-14crafe 5),
where RC2 could not prove even the first bound in a minute.

An optimal profile is then handed to a SAT solver as assumptions over the busy variables of
the MaxSAT encoding. If meetings fit it, the schedule has exactly the relaxation's breaks,
which are a proven lower bound: it is optimal. If not, the unsatisfiable core (a few busy
values that cannot hold together) becomes a clause of the relaxation and it is solved again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model
from pysat.solvers import Solver

from .drops import Drops
from .maxsat import Encoding, read_slots, solve_until
from .model import Literal, ModelOptions, day_breaks
from .problem import Problem

# CP-SAT's deterministic time (work done, not seconds: the same under load) of the first
# solve, one worker: 0.08 - 0.25 on the ten-slot JAIR instances, where the method proves
# the optimum; 0.54 - 1.35 on the 22-slot ones, where its bound is weak.
PER_SOLVE_WORK = 0.4


@dataclass
class ProfileRelaxation:
    """The relaxation's model and its busy booleans per (participant, usable slot)."""

    model: cp_model.CpModel
    busy: dict[tuple[int, int], cp_model.IntVar]


def build_relaxation(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    cap: int | None,
    drops: Drops | None = None,
) -> ProfileRelaxation:
    """The busy-profile relaxation of "place every meeting, fewest breaks" (with ``drops``:
    every meeting but those drops.py proves must go)."""
    model = cp_model.CpModel()
    slot_count = len(problem.slots)
    days = problem.slots_by_day()
    busy: dict[tuple[int, int], cp_model.IntVar] = {}
    busy_per_slot: list[list[cp_model.IntVar]] = [[] for _ in range(slot_count)]
    total_breaks = []
    for participant, all_meetings in enumerate(problem.meetings_of()):
        meetings = [m for m in all_meetings if domains[m]]
        if not meetings:
            continue
        own: dict[int, Literal] = dict.fromkeys(range(slot_count), 0)
        for slot in sorted({slot for meeting in meetings for slot in domains[meeting]}):
            variable = model.new_bool_var(f"busy{participant}_s{slot}")
            own[slot] = busy[participant, slot] = variable
            busy_per_slot[slot].append(variable)
        degree = len(meetings) if drops is None else drops.degrees[participant]
        required = meetings if drops is None else [m for m in meetings if drops.required(m)]
        if degree is None:
            model.add_linear_constraint(sum(own.values()), len(required), len(meetings))
        else:
            model.add(sum(own.values()) == degree)
        # Hall's condition per distinct allowed set: its meetings need that many busy slots.
        for allowed in {frozenset(domains[meeting]) for meeting in required}:
            needed = sum(1 for meeting in required if allowed.issuperset(domains[meeting]))
            model.add(sum(own[slot] for slot in allowed) >= needed)
        breaks = []
        for day_slots in days:
            on_day = day_breaks(
                model,
                participant=participant,
                day_slots=day_slots,
                busy=own,
                degree=len(meetings) if degree is None else degree,
                exact_degree=len(days) == 1 and degree is not None,
                options=ModelOptions(),
            )
            if on_day is not None:
                breaks.append(on_day)
        if cap is not None:
            model.add(sum(breaks) <= cap)
        total_breaks.extend(breaks)
    for slot, literals in enumerate(busy_per_slot):
        meetings_here = model.new_int_var(0, len(problem.open_tables(slot)), f"meetings_s{slot}")
        model.add(sum(literals) == 2 * meetings_here)
    model.minimize(sum(total_breaks))
    return ProfileRelaxation(model=model, busy=busy)


def solve_by_profiles(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    cap: int | None,
    encoding: Encoding,
    seconds: float,
    solve_work: float = PER_SOLVE_WORK,
    on_bound: Callable[[int], None] = lambda bound: None,
    seed: int = 0,
    drops: Drops | None = None,
) -> tuple[int, list[int]] | None:
    """Optimal (total breaks, slot per meeting) if found within ``seconds``, else None.

    ``on_bound`` receives each proven lower bound on the breaks of a schedule placing every
    meeting (under the cap). ``encoding`` is the MaxSAT encoding of the same problem. It
    gives up when the first solve of the relaxation takes more than ``solve_work`` (CP-SAT's
    deterministic time): then it is not the easy counting problem this method relies on.
    Later solves, with cuts, may take longer (tic-13crafc: three times the first).
    """
    deadline = time.monotonic() + seconds
    relaxation = build_relaxation(problem, domains=domains, cap=cap, drops=drops)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.linearization_level = 2
    solver.parameters.random_seed = seed
    solver.parameters.max_deterministic_time = solve_work  # the first solve only
    keys = {variable: key for key, variable in encoding.busy.items()}
    with Solver(name="g4", bootstrap_with=encoding.wcnf.hard) as oracle:
        while (left := deadline - time.monotonic()) > 0:
            solver.parameters.max_time_in_seconds = left
            if solver.solve(relaxation.model) != cp_model.OPTIMAL:
                return None
            solver.parameters.max_deterministic_time = math.inf
            bound = round(solver.objective_value)
            on_bound(bound)
            profile = {key: solver.boolean_value(v) for key, v in relaxation.busy.items()}
            assumptions = [
                variable if profile[key] else -variable for key, variable in encoding.busy.items()
            ]
            fits = solve_until(oracle, assumptions, deadline)
            if fits is None:
                return None
            if fits:
                return bound, read_slots(problem, oracle.get_model(), encoding.choice)
            _cut(relaxation, oracle.get_core(), keys=keys, profile=profile)
    return None


def _cut(
    relaxation: ProfileRelaxation,
    core: Sequence[int],
    *,
    keys: Mapping[int, tuple[int, int]],
    profile: Mapping[tuple[int, int], bool],
) -> None:
    """Forbid the busy values of the core together; restart from the last profile."""
    clause = []
    for literal in core:
        variable = relaxation.busy[keys[abs(literal)]]
        clause.append(variable.Not() if literal > 0 else variable)
    relaxation.model.add_bool_or(clause)
    relaxation.model.clear_hints()  # type: ignore[no-untyped-call]
    for key, variable in relaxation.busy.items():
        relaxation.model.add_hint(variable, profile[key])
