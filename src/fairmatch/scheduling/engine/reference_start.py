"""A first schedule near a reference, and a bound on the meetings that must move.

The reference meetings that still fit together keep their slot and table; the others, and
the meetings without a reference place, are then put greedily where both participants, a
suitable table and the precedences allow. When that start already places the counting
bound and moves no more meetings than ``moves_lower_bound``, it is optimal for the first two
levels of reference.py and no search is needed: the usual case after a small change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from .domains import language_tables
from .model import SlotModel
from .problem import Placement, Problem


@dataclass
class Occupancy:
    """Who is busy when, which tables are taken, and how many tables each slot has left."""

    problem: Problem
    capacity: list[int]
    busy: set[tuple[int, int]] = field(default_factory=set)
    tables: set[tuple[int, int]] = field(default_factory=set)
    slots: dict[int, int] = field(default_factory=dict)
    followers: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def around(cls, problem: Problem, locked: Mapping[int, int]) -> Occupancy:
        """The occupancy of the locked meetings alone."""
        capacity = [len(problem.open_tables(slot)) for slot in range(len(problem.slots))]
        occupancy = cls(problem=problem, capacity=capacity)
        for meeting, info in enumerate(problem.meetings):
            for before in info.after:
                occupancy.followers.setdefault(before, []).append(meeting)
        for meeting, slot in locked.items():
            occupancy.put(meeting, slot, problem.meetings[meeting].fixed_table)
        return occupancy

    def fits(self, meeting: int, slot: int) -> bool:
        """Whether both participants are free in ``slot``, a table is left there and the
        meeting keeps its precedences with the meetings already placed."""
        info = self.problem.meetings[meeting]
        if self.capacity[slot] <= 0 or any((p, slot) in self.busy for p in info.participants):
            return False
        earlier = (self.slots.get(m) for m in info.after)
        later = (self.slots.get(m) for m in self.followers.get(meeting, ()))
        return not any(s is not None and s >= slot for s in earlier) and not any(
            s is not None and s <= slot for s in later
        )

    def table_for(self, meeting: int, slot: int, wanted: int | None = None) -> int | None:
        """``wanted`` when it is open, free and suits the meeting; otherwise (without
        ``wanted``) the free table with the fewest interpreters that suits it."""
        language = self.problem.meetings[meeting].language
        candidates = self.problem.open_tables(slot) if wanted is None else (wanted,)
        suitable = [
            table
            for table in candidates
            if table in self.problem.open_tables(slot)
            and (slot, table) not in self.tables
            and (language is None or language in self.problem.tables[table].languages)
        ]
        return min(suitable, key=lambda t: (len(self.problem.tables[t].languages), t), default=None)

    def put(self, meeting: int, slot: int, table: int | None) -> None:
        self.slots[meeting] = slot
        self.capacity[slot] -= 1
        self.busy.update((p, slot) for p in self.problem.meetings[meeting].participants)
        if table is not None:
            self.tables.add((slot, table))


def start_near_reference(
    problem: Problem, *, domains: Sequence[Sequence[int]], locked: Mapping[int, int]
) -> tuple[dict[int, Placement], dict[int, int]]:
    """The kept reference meetings and the start (meeting -> slot): those, the locked ones
    and the other meetings placed greedily. Both are valid schedules.

    In meeting order, a reference meeting keeps its slot and table if both are still allowed
    and free; then one whose table is lost keeps its slot at another suitable table (the
    smaller change); the rest, most constrained first, take the free slot next to most of
    their participants' meetings (fewest new breaks), the earliest among equals.
    """
    reference = problem.reference or ()
    occupancy = Occupancy.around(problem, locked)
    kept: dict[int, Placement] = {}
    staying = [
        m
        for m, placement in enumerate(reference)
        if placement is not None and m not in locked and placement.slot in domains[m]
    ]
    for any_table in (False, True):
        for meeting in staying:
            placement = reference[meeting]
            if meeting in kept or placement is None or not occupancy.fits(meeting, placement.slot):
                continue
            wanted = None if any_table else placement.table
            table = occupancy.table_for(meeting, placement.slot, wanted)
            if table is not None:
                kept[meeting] = Placement(slot=placement.slot, table=table)
                occupancy.put(meeting, placement.slot, table)
    waiting = [m for m in range(len(problem.meetings)) if m not in occupancy.slots and domains[m]]
    waiting.sort(key=lambda m: (len(domains[m]), m))
    for meeting in waiting:
        best: tuple[int, int, int] | None = None
        for slot in domains[meeting]:
            if not occupancy.fits(meeting, slot):
                continue
            table = occupancy.table_for(meeting, slot)
            if table is None:
                continue
            score = _neighbours(problem, occupancy, meeting=meeting, slot=slot)
            if best is None or score > best[0]:
                best = (score, slot, table)
        if best is not None:
            occupancy.put(meeting, best[1], best[2])
    return kept, dict(occupancy.slots)


def _neighbours(problem: Problem, occupancy: Occupancy, *, meeting: int, slot: int) -> int:
    day = problem.slots[slot].day
    return sum(
        1
        for participant in problem.meetings[meeting].participants
        for other in (slot - 1, slot + 1)
        if 0 <= other < len(problem.slots)
        and problem.slots[other].day == day
        and (participant, other) in occupancy.busy
    )


def moves_lower_bound(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    free: Sequence[int],
    locked: Mapping[int, int],
) -> int:
    """Free reference meetings that move in every schedule: those whose reference slot is no
    longer allowed, and in each slot those beyond its tables left (or beyond its interpreter
    tables of a language)."""
    reference = problem.reference or ()
    forced = 0
    staying: Counter[int] = Counter()
    by_language: Counter[tuple[int, str]] = Counter()
    for meeting in free:
        placement = reference[meeting]
        if placement is None:
            continue
        if placement.slot not in domains[meeting]:
            forced += 1
            continue
        staying[placement.slot] += 1
        language = problem.meetings[meeting].language
        if language is not None:
            by_language[placement.slot, language] += 1
    tables_left = [len(problem.open_tables(slot)) for slot in range(len(problem.slots))]
    language_used: Counter[tuple[int, str]] = Counter()
    for meeting, slot in locked.items():
        tables_left[slot] -= 1
        language = problem.meetings[meeting].language
        if language is not None:
            language_used[slot, language] += 1
    for slot, count in staying.items():
        language_excess = sum(
            max(0, n - (language_tables(problem, slot=s, language=lang) - language_used[s, lang]))
            for (s, lang), n in by_language.items()
            if s == slot
        )
        forced += max(count - max(tables_left[slot], 0), language_excess)
    return forced


@dataclass(frozen=True)
class MoveCost:
    """What leaving the reference costs: a meeting out of its reference slot (or without a
    place) costs ``slot_move``, more than all table-only changes together; one that stays in
    its slot though its reference table is lost there (closed, without the interpreter, or
    taken by a locked meeting) costs 1. Only free meetings count: locked ones cannot change.
    """

    reference_slot: Mapping[int, int]
    table_lost: frozenset[int]
    slot_move: int

    @classmethod
    def of(cls, problem: Problem, *, free: Sequence[int], locked: Mapping[int, int]) -> MoveCost:
        reference = problem.reference or ()
        taken = {
            (slot, problem.meetings[m].fixed_table)
            for m, slot in locked.items()
            if problem.meetings[m].fixed_table is not None
        }
        reference_slot: dict[int, int] = {}
        lost: set[int] = set()
        for meeting in free:
            placement = reference[meeting]
            if placement is None:
                continue
            reference_slot[meeting] = placement.slot
            language = problem.meetings[meeting].language
            if (
                placement.table not in problem.open_tables(placement.slot)
                or (placement.slot, placement.table) in taken
                or (
                    language is not None
                    and language not in problem.tables[placement.table].languages
                )
            ):
                lost.add(meeting)
        return cls(reference_slot, frozenset(lost), len(reference_slot) + 1)

    def value(self, slots: Mapping[int, int], meetings: Iterable[int]) -> int:
        total = 0
        for meeting in meetings:
            slot = self.reference_slot.get(meeting)
            if slot is None:
                continue
            if slots.get(meeting) != slot:
                total += self.slot_move
            elif meeting in self.table_lost:
                total += 1
        return total

    def expression(self, built: SlotModel, meetings: Iterable[int]) -> cp_model.LinearExprT:
        constant = 0
        terms: list[cp_model.LinearExprT] = []
        for meeting in meetings:
            slot = self.reference_slot.get(meeting)
            if slot is None:
                continue
            literal = built.choice.get((meeting, slot))
            if literal is None:
                constant += self.slot_move
                continue
            constant += self.slot_move
            terms.append(
                (1 - self.slot_move if meeting in self.table_lost else -self.slot_move) * literal
            )
        return constant + sum(terms)
