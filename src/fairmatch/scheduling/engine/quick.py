"""Answers before any search, in this process: a schedule with every meeting placed and no
break at all, from one SAT call on the MaxSAT encoding. Such a schedule is optimal (no
schedule places more or has fewer breaks), so neither OR-Tools nor the race's processes are
started: nine of the twenty JAIR originals have an optimum of 0 breaks.
"""

from __future__ import annotations

from collections.abc import Sequence

from .problem import Problem

# The SAT call's time: at most this many seconds, and at most this share of the limit.
QUICK_SAT_SECONDS = 1.0
QUICK_SAT_SHARE = 0.05


def worth_trying(problem: Problem, *, domains: Sequence[Sequence[int]], upper_bound: int) -> bool:
    """Whether a schedule placing every meeting can exist and the encoding covers the rules
    (no interpreters: the encoding does not count their tables)."""
    return (
        all(domains)
        and upper_bound >= problem.weight_of(range(len(problem.meetings)))
        and not any(m.language for m in problem.meetings)
    )


def unbroken_schedule(
    problem: Problem, *, domains: Sequence[Sequence[int]], seconds: float
) -> tuple[bool | None, dict[int, int] | None]:
    """(True, slots) for a schedule placing every meeting without a break; (False, None)
    when none exists; (None, None) when ``seconds`` ran out. The fairness spread needs no
    clause: with no breaks at all it is 0."""
    from .maxsat import encode, without_breaks  # PySAT: 0.03 s to import

    encoding = encode(problem, domains=domains, cap=None, tables_by_busy=True)
    answer, slots = without_breaks(problem, encoding=encoding, seconds=seconds)
    if not answer or slots is None:
        return answer, None
    return True, {meeting: slot for meeting, slot in enumerate(slots) if slot >= 0}
