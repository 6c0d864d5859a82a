"""Entry point of the child processes that race CP-SAT in the breaks phase (MaxSAT and the
busy-profile decomposition).

They run in processes because RC2 cannot be interrupted: the parent terminates them at the
time limit or once the result is in.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from .drops import Drops
from .maxsat import encode, feasible_slots, solve_maxsat, without_breaks
from .messages import Bound, Feasible, Optimal, Unsatisfiable
from .problem import Problem

NICE_AFTER_FEASIBLE = 10


def solve_in_child(
    problem: Problem,
    domains: Sequence[Sequence[int]],
    cap: int | None,
    connection: Any,
    feasible_first: bool = False,
    profile_seconds: float = 0.0,
    tables_by_busy: bool = False,
    zero_break_seconds: float = 0.0,
    drops: Drops | None = None,
) -> None:
    """Entry point of a child process. Messages (messages.py) go back through the pipe,
    in order: ``Feasible`` first when ``feasible_first``; ``Bound`` whenever a lower bound
    is proven; then ``Optimal``, or ``Unsatisfiable`` when no schedule meets the hard
    clauses. After the feasible schedule, a SAT call looks for one without breaks for at
    most ``zero_break_seconds``; with ``profile_seconds``, the busy-profile decomposition
    (profiles.py) runs at most that long before RC2. ``tables_by_busy`` chooses the
    encoding of the table limit (maxsat.encode); ``drops`` (drops.py), when not every
    meeting fits, the meetings left out at the proven most placed."""

    def report(cost: int) -> None:
        connection.send(Bound(cost))

    try:
        encoding = encode(
            problem, domains=domains, cap=cap, tables_by_busy=tables_by_busy, drops=drops
        )
        if feasible_first:
            slots = feasible_slots(problem, encoding=encoding)
            if slots is None:
                connection.send(Unsatisfiable())
                return
            connection.send(Feasible(tuple(slots)))
            answer, unbroken = without_breaks(
                problem, encoding=encoding, seconds=zero_break_seconds
            )
            if answer and unbroken is not None:
                connection.send(Optimal(0, tuple(unbroken), "a SAT call without breaks"))
                return
            if answer is False:
                report(1)
        if profile_seconds > 0:
            from .profiles import solve_by_profiles  # OR-Tools: 0.6 s to import, only here

            found = solve_by_profiles(
                problem,
                domains=domains,
                cap=cap,
                encoding=encoding,
                seconds=profile_seconds,
                on_bound=report,
                drops=drops,
            )
            if found is not None:
                connection.send(
                    Optimal(found[0], tuple(found[1]), "the busy-profile decomposition")
                )
                return
        if feasible_first:
            # From here this child only backs up the other one: it yields the CPU to it
            # and to CP-SAT (measured: at equal priority, RC2 over Glucose lost ticf-14crafa).
            os.nice(NICE_AFTER_FEASIBLE)
        result = solve_maxsat(
            problem,
            domains=domains,
            cap=cap,
            on_bound=report,
            encoding=encoding,
        )
        if result is None:
            connection.send(Unsatisfiable())
        else:
            connection.send(Optimal(result[0], tuple(result[1]), "MaxSAT (RC2)"))
    except (BrokenPipeError, EOFError, OSError):
        return
    finally:
        connection.close()
