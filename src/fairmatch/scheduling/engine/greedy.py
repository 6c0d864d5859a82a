"""A fast first schedule for instances too large for one exact model.

Meetings of the busiest participants go first; each takes the free slot that extends the
runs of both participants (fewest new breaks), so the local search starts close.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence

from .domains import language_tables
from .kempe import kempe_fill
from .problem import Problem


def greedy_slots(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    locked: Mapping[int, int],
    meetings_of: Sequence[Sequence[int]],
    seed: int,
) -> dict[int, int]:
    """Slot per placed meeting (locked ones included); meetings that fit nowhere are left out."""
    rng = random.Random(seed)
    slot_count = len(problem.slots)
    capacity = [len(problem.open_tables(slot)) for slot in range(slot_count)]
    busy: list[set[int]] = [set() for _ in problem.participants]
    placed: dict[int, int] = {}
    # Interpreters: tables of each language per slot, less the meetings placed there.
    languages = {m.language for m in problem.meetings if m.language is not None}
    interpreters = {
        (slot, language): language_tables(problem, slot=slot, language=language)
        for slot in range(slot_count)
        for language in languages
    }
    for meeting, slot in locked.items():
        placed[meeting] = slot
        capacity[slot] -= 1
        language = problem.meetings[meeting].language
        if language is not None:
            interpreters[slot, language] -= 1
        for participant in problem.meetings[meeting].participants:
            busy[participant].add(slot)
    day = [info.day for info in problem.slots]
    order = [m for m in range(len(problem.meetings)) if m not in locked and domains[m]]
    tie = {m: rng.random() for m in order}
    order.sort(
        key=lambda m: (
            -max(len(meetings_of[p]) for p in problem.meetings[m].participants),
            len(domains[m]),
            tie[m],
        )
    )
    # The slots before and after each slot on the same day (-1: none).
    previous = [s - 1 if s > 0 and day[s - 1] == day[s] else -1 for s in range(slot_count)]
    following = [
        s + 1 if s + 1 < slot_count and day[s + 1] == day[s] else -1 for s in range(slot_count)
    ]
    for meeting in order:
        first, second = problem.meetings[meeting].participants
        language = problem.meetings[meeting].language
        own_first, own_second = busy[first], busy[second]
        best_slot, best_score = -1, None
        for slot in domains[meeting]:
            if capacity[slot] <= 0 or slot in own_first or slot in own_second:
                continue
            if language is not None and interpreters[slot, language] <= 0:
                continue
            score = 0
            before, after = previous[slot], following[slot]
            for own in (own_first, own_second):
                if not own:
                    continue
                neighbours = (before in own) + (after in own)
                # Adjacent to an existing run: good; far from all of them: a likely break.
                score += 3 * neighbours - (1 if neighbours == 0 else 0)
            key = (score, -slot)
            if best_score is None or key > best_score:
                best_slot, best_score = slot, key
        if best_slot >= 0:
            placed[meeting] = best_slot
            capacity[best_slot] -= 1
            if language is not None:
                interpreters[best_slot, language] -= 1
            busy[first].add(best_slot)
            busy[second].add(best_slot)
    return placed


def quick_start(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    locked: Mapping[int, int],
    seed: int,
    chain_seconds: float = 0.5,
) -> dict[int, int]:
    """``greedy_slots``, then alternating chains (kempe.py, at most ``chain_seconds``), made
    valid for every rule: a meeting placed no later than one it must
    follow, or needing an interpreter (whose tables greedy does not count), is left out. A
    first schedule in milliseconds, a hint for the search and its fallback."""
    meetings_of = problem.meetings_of()
    slots = greedy_slots(
        problem, domains=domains, locked=locked, meetings_of=meetings_of, seed=seed
    )
    slots = kempe_fill(
        problem,
        domains=domains,
        slots=slots,
        locked=locked,
        meetings_of=meetings_of,
        deadline=time.monotonic() + chain_seconds,
    )
    for meeting in sorted(slots):
        if meeting in locked:
            continue
        info = problem.meetings[meeting]
        if info.language is not None or any(
            before in slots and slots[before] >= slots[meeting] for before in info.after
        ):
            del slots[meeting]
    # Precedences bind placed meetings only: leaving one out never breaks another.
    return slots
