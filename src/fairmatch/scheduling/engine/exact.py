"""The exact phases for instances one CP-SAT model can hold: placement (maximise the placed
weight), then breaks (fewest, under the fairness spread), raced against the MaxSAT children
(race.py) when every meeting fits."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence

from ortools.sat.python import cp_model

from .breaks import breaks_per_participant, forced_breaks, uniform_cap
from .drops import Drops
from .greedy import quick_start
from .model import ModelOptions, SlotModel, build_slot_model
from .problem import Problem, Status
from .race import Race, start_race
from .run import Run

PLACEMENT_SHARE = 0.3
# The shares of the time left that the MaxSAT children have to themselves before CP-SAT
# joins them: for the placement (until they know whether every meeting fits) and the breaks.
# The same with fixed meetings: CP-SAT joining at once took RC2's core on the 22-slot
# variants (forum-14-fix40 unproved in 60 s, 29 s with the wait; tic-13crafc-fix40, which
# had asked for it, 5 - 7 s with the wait against 8 - 14 s; docs/scheduling.md).
PLACEMENT_WAIT_SHARE = 0.1
CHILDREN_ALONE_SHARE = 0.5
# CP-SAT statuses with a schedule.
_FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)
# Returned by the breaks phase when its constraints (fairness) admit no schedule at all.
_PROVEN_INFEASIBLE: tuple[dict[int, int], bool] = ({}, False)


def solve_exact(
    problem: Problem,
    *,
    run: Run,
    domains: Sequence[Sequence[int]],
    free: list[int],
    locked: Mapping[int, int],
    fairness: int | None,
    use_maxsat: bool,
    drops: Drops | None = None,
) -> tuple[dict[int, int], Status, bool]:
    """Placement, then breaks; ``drops`` (drops.py) are the meetings every schedule placing
    the proven most leaves out, when counting determines them."""
    phase_start = time.monotonic()
    forced = forced_breaks(problem, locked=locked, domains=domains)
    run.breaks_lower_bound = max(run.breaks_lower_bound, sum(forced))
    cap = uniform_cap(problem, fairness)
    if cap is not None and max(forced, default=0) > cap:
        # Known before any search (it took the race a restart: ticf-14crafa-fix40).
        worst = max(range(len(forced)), key=forced.__getitem__)
        run.messages.append(
            f"no schedule placing the most meetings keeps breaks within a spread of {fairness}"
            f" (participant {worst + 1}'s fixed meetings leave at least {forced[worst]}); "
            "the fairness rule was dropped"
        )
        fairness = None
    race = start_race(
        problem,
        run=run,
        domains=domains,
        locked=locked,
        fairness=fairness,
        use_maxsat=use_maxsat,
        drops=drops,
    )
    # Starting the children: the first solve in a process also starts the fork server, which
    # imports OR-Tools and PySAT (about 1 s of CPU; several seconds of wall on a busy host).
    run.timings["race start"] = time.monotonic() - phase_start
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
            drops=drops,
        )
    finally:
        phase_start = time.monotonic()
        race.stop()
        run.timings["race stop"] = time.monotonic() - phase_start


def _place_then_minimise(
    problem: Problem,
    *,
    run: Run,
    domains: Sequence[Sequence[int]],
    free: list[int],
    locked: Mapping[int, int],
    fairness: int | None,
    use_maxsat: bool,
    race: Race,
    drops: Drops | None,
) -> tuple[dict[int, int], Status, bool]:
    phase_start = time.monotonic()
    if race.children:
        # The second child's SAT call shows within seconds whether every meeting fits (all
        # JAIR instances: 0.1 - 4 s); CP-SAT beside it would only slow it down.
        race.wait(run, seconds=run.left() * PLACEMENT_WAIT_SHARE, until=race.answers_placement)
    status, solver, placing = None, None, None
    start: dict[int, int] | None = None
    if not race.settles_placement():
        start = quick_start(problem, domains=domains, locked=locked, seed=run.seed)
        run.report("greedy", placed_weight=problem.weight_of(start), breaks=None)
        if problem.weight_of(start) >= run.upper_bound:
            # The counting bound is met: the placement is proven without a search.
            status = cp_model.OPTIMAL
        else:
            placing = build_slot_model(
                problem,
                domains=domains,
                free=free,
                locked=locked,
                options=ModelOptions(with_breaks=False, symmetry_breaking=False),
            )
            placing.model.maximize(placing.weight_expr)
            # Proven: CP-SAT may stop as soon as a schedule meets it.
            placing.model.add(placing.weight_expr <= run.upper_bound)
            placing.hint(start)
            # The MaxSAT children take the other cores while they run.
            solver = run.solver(run.left() * PLACEMENT_SHARE, workers=1 if race.children else None)
            status = run.run_solver(
                solver,
                placing.model,
                Reporter(run, "placement", placing, placing=True),
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
        # A complete, fair schedule already: shown at once, while the proof goes on.
        run.report(
            "placement",
            placed_weight=best_weight,
            breaks=sum(breaks_per_participant(problem, hint)),
        )
    elif solver is not None and placing is not None and status in _FOUND:
        best_weight = round(solver.objective_value)
        run.upper_bound = min(run.upper_bound, math.floor(solver.best_objective_bound + 1e-6))
        hint = placing.read_slots(solver, locked)
    elif start is not None:
        # The greedy start met the bound, or CP-SAT found nothing better in time (a loaded
        # host): it is a valid placement either way.
        hint = start
        best_weight = problem.weight_of(start)
    else:
        run.messages.append("no schedule found within the time limit")
        return dict(locked), Status.UNKNOWN, False
    all_fit = all(m in hint for m in free)
    placement_proven = status == cp_model.OPTIMAL or all_fit or best_weight >= run.upper_bound
    if run.stop_requested():
        return hint, Status.FEASIBLE, False
    if not race.counts(best_weight):
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
        drops=drops,
    )
    fairness_met = fairness is not None
    if result is _PROVEN_INFEASIBLE and fairness is not None:
        run.messages.append(
            f"no schedule placing the most meetings keeps breaks within a spread of {fairness}; "
            "the fairness rule was dropped"
        )
        fairness_met = False
        race.stop()
        race = start_race(
            problem,
            run=run,
            domains=domains,
            locked=locked,
            fairness=None,
            use_maxsat=use_maxsat,
            drops=drops,
        )
        if not race.counts(best_weight):
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
            drops=drops,
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
    run: Run,
    domains: Sequence[Sequence[int]],
    free: list[int],
    locked: Mapping[int, int],
    fairness: int | None,
    best_weight: int,
    all_fit: bool,
    hint: Mapping[int, int],
    race: Race,
    drops: Drops | None,
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
            # As many meetings placed as the children place: their problem is this one,
            # their bounds count.
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
            # At the bound, which meetings go is known up to a choice within each group.
            drops=drops if drops is not None and best_weight >= drops.weight else None,
        ),
    )
    built.model.minimize(built.breaks_expr)
    restart = race.take_restart()
    built.hint(restart if restart is not None else hint)
    restarted = restart is not None
    while True:
        # One CP-SAT worker beside the children, unless it restarts from the SAT call's
        # schedule: improving that one needs CP-SAT's neighbourhood search (two workers).
        solver = run.solver(run.left(), workers=None if restarted or not racing else 1)
        race.solver = solver
        reporter = Reporter(run, "breaks", built, placing=False, race=race)
        status = run.run_solver(
            solver, built.model, reporter, stop_when=race.decided if racing else None
        )
        restart = race.take_restart()
        if restart is not None and run.left() > 0.5 and race.optimal is None:
            built.model.clear_hints()  # type: ignore[no-untyped-call]
            built.hint(restart)
            restarted = True
            continue
        break
    race.stop()
    if race.optimal is not None:
        return race.take_optimal(run), True
    if (race.counts(best_weight) and race.unsatisfiable) or status == cp_model.INFEASIBLE:
        return _PROVEN_INFEASIBLE
    if race.counts(best_weight):
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
    return built.read_slots(solver, locked), proven


class Reporter(cp_model.CpSolverSolutionCallback):
    def __init__(
        self,
        run: Run,
        phase: str,
        built: SlotModel,
        placing: bool,
        race: Race | None = None,
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
