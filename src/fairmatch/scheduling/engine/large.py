"""Instances too large for one exact model: a greedy start, Kempe chains to place more, then
large-neighbourhood search (lns.py). Nothing is proven but what the counting bound gives."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

from .breaks import breaks_per_participant
from .greedy import greedy_slots
from .kempe import kempe_fill
from .problem import Problem, Status
from .run import Run

# How often the local search counts the breaks of its current schedule for the progress.
BREAKS_COUNTED_EVERY = 0.5


def solve_large(
    problem: Problem,
    *,
    run: Run,
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
    run.report(
        "greedy",
        placed_weight=problem.weight_of(slots),
        breaks=sum(breaks_per_participant(problem, slots)),
    )
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
    run.report(
        "chains",
        placed_weight=problem.weight_of(slots),
        breaks=sum(breaks_per_participant(problem, slots)),
    )
    # OR-Tools is loaded after the first schedule is shown (a second of CPU).
    from .lns import improve

    phase_start = time.monotonic()
    # Keep time for tables and explanations, which are linear in the meetings: 5 s, or a
    # second per 8,000 meetings (the IMEX fair's 86,000 ended 2.6 s past 300 s with 5 s).
    reserve = min(0.1 * (run.deadline - run.started), max(5.0, len(problem.meetings) / 8000))

    def on_step(current: Mapping[int, int]) -> None:
        # Counting the breaks is linear in the meetings: at most twice a second.
        breaks = None
        if time.monotonic() - run.last_counted >= BREAKS_COUNTED_EVERY:
            run.last_counted = time.monotonic()
            breaks = sum(breaks_per_participant(problem, current))
        run.report("search", placed_weight=problem.weight_of(current), breaks=breaks)

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
    breaks = breaks_per_participant(problem, slots)
    fairness_met = fairness is None or max(breaks) - min(breaks) <= fairness
    proven = problem.weight_of(slots) == run.upper_bound and sum(breaks) == 0
    return slots, Status.OPTIMAL if proven else Status.FEASIBLE, fairness_met
