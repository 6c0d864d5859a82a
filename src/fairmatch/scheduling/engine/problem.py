"""Typed input and output of the scheduling engine.

Every index is 0-based inside the engine; the `.dzn` and JSON formats are 1-based and
convert at their boundary (``dzn.py``, ``solution_io.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

MORNING = "morning"
AFTERNOON = "afternoon"


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone who attends meetings; a host (a buyer receiving providers) keeps one table."""

    name: str
    forbidden_slots: frozenset[int] = frozenset()
    is_host: bool = False


@dataclass(frozen=True, slots=True)
class Meeting:
    """A requested one-to-one meeting between two participants.

    ``session`` restricts it to slots of that session (None: any). ``fixed_slot`` (and
    optionally ``fixed_table``) lock it: it must take place exactly there. ``after`` lists
    meetings that must take place in an earlier slot when both are placed. ``language``
    asks for a table with an interpreter of that language.
    """

    participants: tuple[int, int]
    weight: int = 1
    session: str | None = None
    fixed_slot: int | None = None
    fixed_table: int | None = None
    after: tuple[int, ...] = ()
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table; ``languages`` are the interpreters it has."""

    name: str
    languages: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Slot:
    """A time slot; slots are ordered and grouped in days and sessions.

    ``tables`` lists the indices of the tables open in this slot (None: all of them).
    """

    day: int = 0
    session: str = MORNING
    tables: tuple[int, ...] | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """A scheduling instance: who meets whom, when it may happen and where.

    ``reference`` (one entry per meeting, None where a meeting had no place) is a schedule
    to stay close to, e.g. the published one: the solver then moves as few of its meetings
    as it can once the most weight is placed (see reference.py).
    """

    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    name: str = ""
    reference: tuple[Placement | None, ...] | None = None

    def open_tables(self, slot: int) -> tuple[int, ...]:
        """Indices of the tables open in ``slot``."""
        opened = self.slots[slot].tables
        return tuple(range(len(self.tables))) if opened is None else opened

    def slots_by_day(self) -> list[list[int]]:
        """The slot indices of each day, days in order of first appearance."""
        days: dict[int, list[int]] = {}
        for slot, slot_info in enumerate(self.slots):
            days.setdefault(slot_info.day, []).append(slot)
        return list(days.values())

    def weight_of(self, meetings: Iterable[int]) -> int:
        """The summed weight of ``meetings`` (indices; a mapping's keys)."""
        return sum(self.meetings[m].weight for m in meetings)

    def meetings_of(self) -> list[list[int]]:
        """For each participant, the indices of its meetings (in meeting order)."""
        by_participant: list[list[int]] = [[] for _ in self.participants]
        for index, meeting in enumerate(self.meetings):
            first, second = meeting.participants
            by_participant[first].append(index)
            by_participant[second].append(index)
        return by_participant


class Status(StrEnum):
    """How far the solver got: proven optimal, a feasible schedule, proven infeasible, or none."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Placement:
    """Where and when a meeting takes place."""

    slot: int
    table: int


@dataclass(frozen=True, slots=True)
class Progress:
    """A progress report, sent to the ``progress`` callback while solving."""

    phase: str
    seconds: float
    placed_weight: int
    placeable_upper_bound: int
    breaks: int | None
    breaks_lower_bound: int


@dataclass(frozen=True, slots=True)
class Solution:
    """The schedule and what is proven about it.

    ``placements[m]`` is None for an unplaced meeting, whose reason is in
    ``unplaced_reasons[m]``. ``placeable_upper_bound`` is a proven upper bound on the
    weight that any schedule can place; ``breaks_lower_bound`` a proven lower bound on the
    total breaks of any schedule placing ``placed_weight``.
    """

    status: Status
    placements: tuple[Placement | None, ...]
    unplaced_reasons: Mapping[int, str]
    breaks: tuple[int, ...]
    placed_weight: int
    placeable_upper_bound: int
    total_breaks: int
    breaks_lower_bound: int
    fairness: int | None
    fairness_met: bool
    timings: Mapping[str, float] = field(default_factory=dict)
    messages: tuple[str, ...] = ()
    moved: tuple[int, ...] = ()
    moved_participants: tuple[int, ...] = ()

    @property
    def placed_count(self) -> int:
        return sum(placement is not None for placement in self.placements)

    @property
    def objective(self) -> tuple[int, int]:
        """Lexicographic objective: (placed weight, to maximise; breaks, to minimise)."""
        return (self.placed_weight, self.total_breaks)
