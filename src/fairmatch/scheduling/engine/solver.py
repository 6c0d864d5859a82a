"""``solve``: the engine's entry point, from a Problem to a proven-as-far-as-possible Solution.

Phases: checks (locked clashes, allowed slots, counting bound) -> placement (CP-SAT,
maximise placed weight) -> breaks (CP-SAT minimising breaks under the fairness spread,
raced against RC2 MaxSAT and the busy-profile decomposition when every meeting fits) ->
tables -> explanations. Instances too large for one exact model go through a greedy start
and large-neighbourhood search instead.

Modules: run.py (the book-keeping of one call), exact.py (the exact phases), race.py and
children.py (the MaxSAT processes), large.py (the large-instance path), reference.py.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .bounds import placement_bound
from .breaks import breaks_per_participant
from .diagnostics import (
    fixed_context,
    locked_conflicts,
    placeable_counts,
    unplaced_reason,
    usable_slots,
)
from .domains import allowed_slots
from .drops import forced_drops
from .problem import Placement, Problem, Solution, Status
from .quick import QUICK_SAT_SECONDS, QUICK_SAT_SHARE, unbroken_schedule, worth_trying
from .run import ProgressCallback, Run, StopCallback
from .tables import assign_tables
from .validation import validate

# Above this many (meeting, slot) booleans one exact model is too slow: use LNS instead.
EXACT_MODEL_LIMIT = 12_000
# The modules of the search (exact.py, large.py, reference.py) load OR-Tools, and are
# imported where they are needed: a solve answered by the checks or the quick SAT call
# (quick.py) starts in a tenth of the time.


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
    bound = placement_bound(problem, domains)
    run = Run(
        problem=problem,
        started=started,
        deadline=started + time_limit,
        seed=seed,
        workers=max(1, workers),
        progress=progress,
        upper_bound=bound.weight,
        should_stop=should_stop,
    )
    run.timings["checks"] = time.monotonic() - started
    if conflicts:
        return _infeasible(problem, conflicts=conflicts, run=run, fairness=fairness)
    run.messages.extend(bound.explain())
    free = [m for m in range(len(problem.meetings)) if m not in locked and domains[m]]
    size = sum(len(domains[m]) for m in free)
    if problem.reference is None and size <= EXACT_MODEL_LIMIT:
        quick = _quick_answer(problem, run=run, domains=domains, fairness=fairness)
        if quick is not None:
            return quick
    if problem.reference is not None:
        from . import reference
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
        from .exact import solve_exact

        slots, status, fairness_met = solve_exact(
            problem,
            run=run,
            domains=domains,
            free=free,
            locked=locked,
            fairness=fairness,
            use_maxsat=use_maxsat,
            drops=forced_drops(problem, domains, bound),
        )
    else:
        from .large import solve_large

        slots, status, fairness_met = solve_large(
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


def _quick_answer(
    problem: Problem,
    *,
    run: Run,
    domains: Sequence[Sequence[int]],
    fairness: int | None,
) -> Solution | None:
    """The solution when one SAT call finds every meeting placed without a break (optimal);
    None otherwise, remembering a refuted call so the race's child does not repeat it."""
    if not worth_trying(problem, domains=domains, upper_bound=run.upper_bound):
        return None
    phase_start = time.monotonic()
    seconds = min(QUICK_SAT_SECONDS, QUICK_SAT_SHARE * run.left())
    answer, slots = unbroken_schedule(problem, domains=domains, seconds=seconds)
    run.timings["quick"] = time.monotonic() - phase_start
    if answer is False:
        run.zero_breaks_refuted = True
    if slots is None:
        return None
    run.messages.append("breaks proven optimal by a SAT call without breaks, before any search")
    return _finish(
        problem,
        run=run,
        slots=slots,
        status=Status.OPTIMAL,
        domains=domains,
        fairness=fairness,
        fairness_met=True,
    )


def _solve_around_reference(
    problem: Problem,
    *,
    run: Run,
    domains: Sequence[Sequence[int]],
    locked: Mapping[int, int],
    fairness: int | None,
    workers: int,
    use_maxsat: bool,
) -> Solution:
    """Too large for the exact levels: the reference meetings that still fit stay fixed and
    the others are fitted around them; the moves are not proven fewest."""
    from . import reference
    from .reference_start import start_near_reference

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


def _finish(
    problem: Problem,
    *,
    run: Run,
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
        from . import reference

        tables = assign_tables(problem, slots, keep=reference.tables_to_keep(problem, slots))
    run.timings["tables"] = time.monotonic() - phase_start
    placements: list[Placement | None] = [None] * len(problem.meetings)
    reasons: dict[int, str] = {}
    usable = usable_slots(problem, domains)
    counts = placeable_counts(problem, domains)
    context = fixed_context(problem)
    for meeting in range(len(problem.meetings)):
        table = tables.get(meeting)
        if meeting in slots and table is not None:
            placements[meeting] = Placement(slot=slots[meeting], table=table)
        elif meeting in slots:
            slots_without_table = slots[meeting]
            reasons[meeting] = f"no suitable table left in slot {slots_without_table + 1}"
        else:
            reasons[meeting] = unplaced_reason(
                problem,
                meeting=meeting,
                domains=domains,
                usable=usable,
                placeable_counts=counts,
                context=context,
            )
    kept = {m: p.slot for m, p in enumerate(placements) if p is not None}
    moved: tuple[int, ...] = ()
    moved_participants: tuple[int, ...] = ()
    if problem.reference is not None:
        from . import reference

        moved, moved_participants = reference.moves(problem, placements)
    breaks = breaks_per_participant(problem, kept)
    weight = problem.weight_of(kept)
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
    problem: Problem, *, conflicts: list[str], run: Run, fairness: int | None
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
