"""Counting breaks: the one definition every part of the engine uses.

A break is a maximal run of idle slots between two meetings of the same participant on the
same day; idle time before the first or after the last meeting of a day is free.

The solver's parts (model constants, the large-instance search, the reference levels, the
final report) all count with ``count_breaks``; ``verify.py`` keeps its own count on purpose,
so that a mistake here cannot hide in both places.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from .problem import Problem


def count_breaks(problem: Problem, slots_of_participant: Iterable[int]) -> int:
    """Breaks of one participant busy in ``slots_of_participant`` (in any order)."""
    ordered = sorted(slots_of_participant)
    slots = problem.slots
    return sum(1 for a, b in pairwise(ordered) if b - a > 1 and slots[a].day == slots[b].day)


def breaks_per_participant(problem: Problem, slots: Mapping[int, int]) -> list[int]:
    """Each participant's breaks when meeting ``m`` takes slot ``slots[m]``."""
    own: list[list[int]] = [[] for _ in problem.participants]
    for meeting, slot in slots.items():
        for participant in problem.meetings[meeting].participants:
            own[participant].append(slot)
    return [count_breaks(problem, busy) for busy in own]


def uniform_cap(problem: Problem, fairness: int | None) -> int | None:
    """With a participant who can never have a break, the spread rule is a cap per person."""
    if fairness is None:
        return None
    degrees = [len(meetings) for meetings in problem.meetings_of()]
    return fairness if min(degrees, default=0) <= 1 else None


def fewest_breaks_around(problem: Problem, fixed: Iterable[int], extra: int) -> int:
    """The fewest breaks of a participant busy in the ``fixed`` slots and at most ``extra``
    others: each idle gap between two fixed slots of a day is a break unless every slot of
    it is filled, so the cheapest gaps are filled first."""
    ordered = sorted(fixed)
    slots = problem.slots
    gaps = sorted(
        b - a - 1 for a, b in pairwise(ordered) if b - a > 1 and slots[a].day == slots[b].day
    )
    filled = 0
    for gap in gaps:
        if gap > extra:
            break
        extra -= gap
        filled += 1
    return len(gaps) - filled


def forced_breaks(
    problem: Problem, *, locked: Mapping[int, int], domains: Sequence[Sequence[int]]
) -> list[int]:
    """Per participant, the breaks its fixed meetings force in every schedule: its other
    meetings (those with an allowed slot) fill the gaps between fixed slots at best."""
    forced = []
    for meetings in problem.meetings_of():
        fixed = [locked[m] for m in meetings if m in locked]
        placeable = sum(1 for m in meetings if domains[m])
        forced.append(fewest_breaks_around(problem, fixed, placeable - len(fixed)))
    return forced
