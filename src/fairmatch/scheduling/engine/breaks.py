"""Counting breaks: the one definition every part of the engine uses.

A break is a maximal run of idle slots between two meetings of the same participant on the
same day; idle time before the first or after the last meeting of a day is free.

The solver's parts (model constants, the large-instance search, the reference levels, the
final report) all count with ``count_breaks``; ``verify.py`` keeps its own count on purpose,
so that a mistake here cannot hide in both places.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
