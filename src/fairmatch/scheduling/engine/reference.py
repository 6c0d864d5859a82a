"""Solving again near a reference schedule (in the product: the latest published release).

Objective, lexicographic: (1) the greatest placed weight; (2) the fewest meetings moved away
from their reference slot, a reference meeting left without a place counting as moved;
(3) the fewest breaks, under the fairness spread when it can hold (dropped otherwise, as in
the plain solve). The search starts from the reference meetings that still fit, with the
others placed greedily (reference_start.py); when that start meets the counting bound on
placed weight and the lower bound on moves, levels (1) and (2) are proven at once. Otherwise
each is one CP-SAT solve on the slot model, the optimum of (1) a constraint of (2), with the
best schedule so far as hint. Level (3) re-places, with the moves capped at their optimum,
the meetings that can still change: none but those without a reference place when nothing
moved; every meeting on small instances; else a neighbourhood of what moved.

Tables come afterwards (tables.assign_tables with ``keep``): a meeting that stays in its
reference slot keeps its reference table wherever the slot allows, which is the smaller
change (the slot model does not see tables). Beyond ``EXACT_LIMIT`` (meeting, slot)
booleans the models are too large: the reference meetings that still fit are fixed and the
plain solve fits the others around them (``fix_kept``), without a proof of the fewest moves.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from .breaks import breaks_per_participant
from .domains import allowed_slots
from .model import ModelOptions, build_slot_model
from .problem import Placement, Problem, Status
from .reference_start import MoveCost, moves_lower_bound, start_near_reference

if TYPE_CHECKING:
    from .run import Run

# Above this many (meeting, slot) booleans the exact levels are replaced by fix_kept.
EXACT_LIMIT = 200_000
# Up to this many (meeting, slot) booleans the breaks level re-places every meeting (as the
# plain solve's exact model); beyond, only a neighbourhood of what moved (see _movable).
BREAKS_EXACT_LIMIT = 12_000
# The neighbourhood of the start's unplaced meetings re-placed first: participants' rings,
# and its share of the placement's time (per solve).
NEARBY_RINGS = 2
NEARBY_SHARE = 0.5
# Shares of the time left: placement, then moves; the breaks get the rest.
PLACEMENT_SHARE = 0.3
MOVES_SHARE = 0.5
_FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)
# The breaks level's answer when its constraints (the fairness spread) admit no schedule.
_NO_FAIR_SCHEDULE = "no fair schedule"


def fix_kept(problem: Problem, kept: Mapping[int, Placement]) -> Problem:
    """The problem with the kept reference meetings fixed where they are kept (and no
    reference): the plain solve then fits the other meetings around them."""
    meetings = tuple(
        replace(info, fixed_slot=kept[index].slot, fixed_table=kept[index].table)
        if index in kept
        else info
        for index, info in enumerate(problem.meetings)
    )
    return replace(problem, meetings=meetings, reference=None)


def tables_to_keep(problem: Problem, slots: Mapping[int, int]) -> dict[int, int]:
    """The reference tables of the meetings that stay in their reference slot."""
    reference = problem.reference or ()
    return {
        meeting: placement.table
        for meeting, placement in enumerate(reference)
        if placement is not None and slots.get(meeting) == placement.slot
    }


def moves(
    problem: Problem, placements: Sequence[Placement | None]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The meetings whose place differs from the reference, and their participants."""
    if problem.reference is None:
        return (), ()
    moved = tuple(
        meeting
        for meeting, placement in enumerate(problem.reference)
        if placement is not None and placements[meeting] != placement
    )
    people = sorted({p for meeting in moved for p in problem.meetings[meeting].participants})
    return moved, tuple(people)


def solve_near_reference(
    problem: Problem,
    *,
    run: Run,
    domains: Sequence[Sequence[int]],
    free: Sequence[int],
    locked: Mapping[int, int],
    fairness: int | None,
) -> tuple[dict[int, int], Status, bool]:
    """Slots per placed meeting, the status, and whether the fairness spread holds."""
    phase_start = time.monotonic()
    _, start = start_near_reference(problem, domains=domains, locked=locked)
    cost = MoveCost.of(problem, free=free, locked=locked)
    least = cost.slot_move * moves_lower_bound(problem, domains=domains, free=free, locked=locked)
    run.timings["start"] = time.monotonic() - phase_start
    placed = _place_then_move_least(
        problem,
        run=run,
        domains=domains,
        free=free,
        locked=locked,
        start=start,
        cost=cost,
        least=least,
    )
    if placed is None:
        # The start is a valid schedule: never worse than nothing.
        run.messages.append("no schedule found within the time limit; the greedy start is kept")
        return start, Status.FEASIBLE, False
    slots, best_weight, placement_proven, moves_proven = placed
    run.report("moves", placed_weight=best_weight, breaks=None)
    if run.stop_requested():
        return slots, Status.FEASIBLE, False

    phase_start = time.monotonic()
    fewest_moves = cost.value(slots, free)
    movable, exact = _movable(
        problem, domains=domains, free=free, slots=slots, fewest_moves=fewest_moves
    )
    fairness_met = fairness is not None
    if not movable:
        # Nothing may change any more: the breaks are those of this schedule.
        run.breaks_lower_bound = sum(breaks_per_participant(problem, slots))
        run.timings["breaks"] = time.monotonic() - phase_start
        proven = placement_proven and moves_proven
        return slots, Status.OPTIMAL if proven else Status.FEASIBLE, fairness_met
    result = _fewest_breaks(
        problem,
        run=run,
        movable=movable,
        cost=cost,
        slots=slots,
        locked=locked,
        fairness=fairness,
        best_weight=best_weight,
        fewest_moves=fewest_moves,
    )
    if result == _NO_FAIR_SCHEDULE and fairness is not None:
        run.messages.append(
            f"no schedule placing the most meetings and moving the fewest keeps breaks within "
            f"a spread of {fairness}; the fairness rule was dropped"
        )
        fairness_met = False
        result = _fewest_breaks(
            problem,
            run=run,
            movable=movable,
            cost=cost,
            slots=slots,
            locked=locked,
            fairness=None,
            best_weight=best_weight,
            fewest_moves=fewest_moves,
        )
    run.timings["breaks"] = time.monotonic() - phase_start
    if not isinstance(result, tuple):
        run.messages.append("breaks were not minimised within the time limit")
        return slots, Status.FEASIBLE, False
    slots, breaks_proven = result
    if not exact:
        run.breaks_lower_bound = 0  # a bound for the neighbourhood only
        run.messages.append(
            "breaks minimised around the moved and new meetings only (not proven fewest)"
        )
    proven = placement_proven and moves_proven and breaks_proven and exact
    return slots, Status.OPTIMAL if proven else Status.FEASIBLE, fairness_met


def _place_then_move_least(
    problem: Problem,
    *,
    run: Run,
    domains: Sequence[Sequence[int]],
    free: Sequence[int],
    locked: Mapping[int, int],
    start: Mapping[int, int],
    cost: MoveCost,
    least: int,
) -> tuple[dict[int, int], int, bool, bool] | None:
    """Levels (1) and (2) on one model, each skipped when ``start`` already meets its bound:
    slots, the placed weight, and whether each level is proven; None when no schedule was
    found in time."""
    slots = dict(start)
    best_weight = problem.weight_of(slots)
    placement_proven = best_weight >= run.upper_bound
    if placement_proven and cost.value(slots, free) <= least:
        return slots, best_weight, True, True
    phase_start = time.monotonic()
    if not placement_proven:
        slots = _place_nearby(problem, run=run, free=free, start=slots, cost=cost)
        best_weight = problem.weight_of(slots)
        placement_proven = best_weight >= run.upper_bound
        if placement_proven and cost.value(slots, free) <= least:
            run.timings["placement"] = time.monotonic() - phase_start
            return slots, best_weight, True, True
    placing = build_slot_model(
        problem,
        domains=domains,
        free=free,
        locked=locked,
        options=ModelOptions(with_breaks=False, symmetry_breaking=False),
    )
    if not placement_proven:
        placing.model.maximize(placing.weight_expr)
        placing.hint(slots)
        solver = _solver(run, run.left() * PLACEMENT_SHARE)
        # CP-SAT's own bound stays at the tables' capacity here: stop at the counting bound.
        enough = _StopAt(placing.weight_expr, lambda weight: weight >= run.upper_bound)
        status = run.run_solver(solver, placing.model, enough)
        if status in _FOUND and round(solver.objective_value) > best_weight:
            best_weight = round(solver.objective_value)
            slots = placing.read_slots(solver, locked)
        run.upper_bound = min(run.upper_bound, math.floor(solver.best_objective_bound + 1e-6))
        placement_proven = status == cp_model.OPTIMAL or best_weight >= run.upper_bound
        run.report("placement", placed_weight=best_weight, breaks=None)
    run.timings["placement"] = time.monotonic() - phase_start

    phase_start = time.monotonic()
    placing.model.add(placing.weight_expr >= best_weight)
    moved_expr = cost.expression(placing, free)
    placing.model.minimize(moved_expr)
    placing.model.clear_hints()  # type: ignore[no-untyped-call]
    placing.hint(slots)
    solver = _solver(run, run.left() * MOVES_SHARE)
    enough = _StopAt(moved_expr, lambda moved: moved <= least)
    status = run.run_solver(solver, placing.model, enough)
    if status in _FOUND and round(solver.objective_value) < cost.value(slots, free):
        slots = placing.read_slots(solver, locked)
    moves_proven = status == cp_model.OPTIMAL or cost.value(slots, free) <= least
    run.timings["moves"] = time.monotonic() - phase_start
    return slots, best_weight, placement_proven, moves_proven


def _place_nearby(
    problem: Problem,
    *,
    run: Run,
    free: Sequence[int],
    start: Mapping[int, int],
    cost: MoveCost,
) -> dict[int, int]:
    """The start with more weight placed, if re-placing the meetings within two participants
    of its unplaced ones allows: most weight, then the fewest moves, on that small model
    (everything else stays where the start has it). Usually the missing meetings need only
    a few of their neighbours to move, which the full model finds far more slowly."""
    free_set = set(free)
    meetings_of = problem.meetings_of()
    ring = {m for m in free if m not in start}
    for _ in range(NEARBY_RINGS):
        people = {p for m in ring for p in problem.meetings[m].participants}
        ring |= {m for p in people for m in meetings_of[p] if m in free_set}
    fixed = {m: slot for m, slot in start.items() if m not in ring}
    domains = allowed_slots(problem, locked=fixed)
    movable = [m for m in sorted(ring) if domains[m]]
    built = build_slot_model(
        problem,
        domains=domains,
        free=movable,
        locked=fixed,
        options=ModelOptions(with_breaks=False, symmetry_breaking=False),
    )
    built.model.maximize(built.weight_expr)
    built.hint(start)
    seconds = run.left() * PLACEMENT_SHARE * NEARBY_SHARE
    solver = _solver(run, seconds)
    enough = _StopAt(built.weight_expr, lambda weight: weight >= run.upper_bound)
    status = run.run_solver(solver, built.model, enough)
    weight = round(solver.objective_value) if status in _FOUND else 0
    if weight <= problem.weight_of(start):
        return dict(start)
    slots = built.read_slots(solver, fixed)
    built.model.add(built.weight_expr >= weight)
    moved_expr = cost.expression(built, movable)
    built.model.minimize(moved_expr)
    built.model.clear_hints()  # type: ignore[no-untyped-call]
    built.hint(slots)
    solver = _solver(run, seconds)
    status = run.run_solver(solver, built.model)
    if status in _FOUND:
        slots = built.read_slots(solver, fixed)
    run.report("placement", placed_weight=weight, breaks=None)
    return slots


def _movable(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    free: Sequence[int],
    slots: Mapping[int, int],
    fewest_moves: int,
) -> tuple[list[int], bool]:
    """The meetings the breaks level may re-place, and whether that is exact.

    With no move allowed every reference meeting stays: only the others can change (exact).
    Otherwise the full model when it is small; beyond that, the meetings that moved or have
    no reference place and every meeting of their participants (a neighbourhood).
    """
    changed = [
        m for m in free if (ref := _reference(problem, m)) is None or slots.get(m) != ref.slot
    ]
    if fewest_moves == 0:
        return changed, True
    if sum(len(domains[m]) for m in free) <= BREAKS_EXACT_LIMIT:
        return list(free), True
    touched = {p for m in changed for p in problem.meetings[m].participants}
    unchanged = set(free) - set(changed)
    around = [m for m in unchanged if touched.intersection(problem.meetings[m].participants)]
    return sorted([*changed, *around]), False


def _fewest_breaks(
    problem: Problem,
    *,
    run: Run,
    movable: Sequence[int],
    cost: MoveCost,
    slots: Mapping[int, int],
    locked: Mapping[int, int],
    fairness: int | None,
    best_weight: int,
    fewest_moves: int,
) -> tuple[dict[int, int], bool] | str | None:
    """Level (3): the ``movable`` meetings re-placed with the fewest breaks, the others where
    ``slots`` has them, at that weight and those moves; whether proven. _NO_FAIR_SCHEDULE when
    the constraints admit none, None when none was found in time."""
    movable_set = set(movable)
    fixed = {m: slot for m, slot in slots.items() if m not in movable_set}
    domains = allowed_slots(problem, locked=fixed)
    candidates = [m for m in movable if domains[m]]
    all_fit = all(m in slots for m in candidates)
    built = build_slot_model(
        problem,
        domains=domains,
        free=candidates,
        locked=fixed,
        options=ModelOptions(
            must_place=all_fit,
            min_placed_weight=None if all_fit else best_weight,
            fairness=fairness,
            symmetry_breaking=False,
        ),
    )
    candidate_set = set(candidates)
    others = [m for m in cost.reference_slot if m not in candidate_set]
    built.model.add(cost.expression(built, candidates) + cost.value(slots, others) <= fewest_moves)
    built.model.minimize(built.breaks_expr)
    built.hint(slots)
    solver = _solver(run, run.left())
    status = run.run_solver(solver, built.model)
    if status == cp_model.INFEASIBLE:
        return _NO_FAIR_SCHEDULE
    if status not in _FOUND:
        return None
    run.breaks_lower_bound = max(
        run.breaks_lower_bound, math.ceil(solver.best_objective_bound - 1e-6)
    )
    run.report("breaks", placed_weight=best_weight, breaks=round(solver.objective_value))
    return built.read_slots(solver, fixed), status == cp_model.OPTIMAL


def _reference(problem: Problem, meeting: int) -> Placement | None:
    return None if problem.reference is None else problem.reference[meeting]


def _solver(run: Run, seconds: float) -> cp_model.CpSolver:
    solver = run.solver(seconds)
    # Schedules that are symmetric for the model are not for the moves: symmetry breaking in
    # presolve would fix variables against the hint (the reference) and lose it.
    solver.parameters.symmetry_level = 0
    return solver


class _StopAt(cp_model.CpSolverSolutionCallback):
    """Stops the search at a solution whose ``expression`` value satisfies ``enough``: the
    bound that proves it optimal comes from outside CP-SAT."""

    def __init__(self, expression: cp_model.LinearExprT, enough: Callable[[int], bool]):
        super().__init__()
        self.expression, self.enough = expression, enough

    def on_solution_callback(self) -> None:
        if self.enough(round(self.value(self.expression))):
            self.stop_search()
