"""Small hand-made instances with known optima, shared by the engine tests."""

from __future__ import annotations

import itertools

from fairmatch.scheduling.engine import (
    AFTERNOON,
    MORNING,
    Meeting,
    Participant,
    Problem,
    Slot,
    Table,
)


def make_problem(
    *,
    participants: int,
    meetings: list[Meeting],
    slots: int = 3,
    tables: int = 1,
    forbidden: dict[int, set[int]] | None = None,
    sessions: list[str] | None = None,
    hosts: set[int] | None = None,
    table_languages: dict[int, set[str]] | None = None,
) -> Problem:
    forbidden = forbidden or {}
    hosts = hosts or set()
    table_languages = table_languages or {}
    return Problem(
        participants=tuple(
            Participant(
                name=f"P{i + 1}",
                forbidden_slots=frozenset(forbidden.get(i, set())),
                is_host=i in hosts,
            )
            for i in range(participants)
        ),
        meetings=tuple(meetings),
        slots=tuple(
            Slot(day=0, session=(sessions[s] if sessions else MORNING)) for s in range(slots)
        ),
        tables=tuple(
            Table(name=str(t + 1), languages=frozenset(table_languages.get(t, set())))
            for t in range(tables)
        ),
        name="hand-made",
    )


def pair(first: int, second: int, **extra: object) -> Meeting:
    return Meeting(participants=(first, second), **extra)  # type: ignore[arg-type]


SMALL_DZN = """% three participants, two slots
nBusiness = 3;
nMeetings = 2;
nTables = 1;
nTotalSlots = 2;
nMorningSlots = 1;
requested = [|1, 2,3,
|1, 3,3,
|];
nMeetingsBusiness = [2,1,1];
meetingsxBusiness = [{2,3},{2},{3}];
forbidden = [{0},{0},{0}];
"""

__all__ = ["AFTERNOON", "MORNING", "SMALL_DZN", "make_problem", "pair"]


def placements(problem, domains):
    """Brute force: every valid choice of an allowed slot or none per meeting (one meeting
    per participant and slot, at most one meeting per table and slot)."""
    for choice in itertools.product(*[(None, *domain) for domain in domains]):
        seats, per_slot = set(), {}
        valid = True
        for meeting, slot in enumerate(choice):
            if slot is None:
                continue
            per_slot[slot] = per_slot.get(slot, 0) + 1
            for participant in problem.meetings[meeting].participants:
                valid = valid and (participant, slot) not in seats
                seats.add((participant, slot))
        if valid and all(count <= len(problem.tables) for count in per_slot.values()):
            yield choice
