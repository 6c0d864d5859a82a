"""Seeded fair-like instances for the scheduler's scale benchmark and the engine tests.

Two days of morning and afternoon sessions (16 to 20 slots in all), buyers who host and
providers who visit, tables = meetings / slots + 15 %, and a third of the participants
available for half a day only (their other slots are forbidden).
"""

from __future__ import annotations

import random

from fairmatch.scheduling.engine import (
    AFTERNOON,
    MORNING,
    Meeting,
    Participant,
    Problem,
    Slot,
    Table,
)


def generate_fair(
    *, participants: int, meetings_per_participant: float = 5.0, seed: int = 0
) -> Problem:
    """A fair of ``participants`` (half buyers) with about participants x 5 meetings."""
    rng = random.Random(seed)
    per_session = rng.randint(4, 5)
    slots = tuple(
        Slot(day=day, session=session)
        for day in range(2)
        for session in (MORNING, AFTERNOON)
        for _ in range(per_session)
    )
    half_days = [
        [index for index, slot in enumerate(slots) if slot.day == day and slot.session == session]
        for day in range(2)
        for session in (MORNING, AFTERNOON)
    ]
    buyers = participants // 2
    people = []
    usable: list[int] = []
    for index in range(participants):
        forbidden: frozenset[int] = frozenset()
        if rng.random() < 1 / 3:
            kept = set(rng.choice(half_days))
            forbidden = frozenset(s for s in range(len(slots)) if s not in kept)
        people.append(
            Participant(name=f"P{index + 1}", forbidden_slots=forbidden, is_host=index < buyers)
        )
        usable.append(len(slots) - len(forbidden))
    target = round(participants * meetings_per_participant)
    load = [0] * participants
    pairs: set[tuple[int, int]] = set()
    meeting_list: list[Meeting] = []
    attempts = 0
    while len(meeting_list) < target and attempts < target * 20:
        attempts += 1
        buyer = rng.randrange(buyers)
        provider = buyers + rng.randrange(participants - buyers)
        if (buyer, provider) in pairs:
            continue
        # Popular buyers are realistic, but nobody asks for more than it can attend.
        if load[buyer] >= usable[buyer] or load[provider] >= usable[provider]:
            continue
        pairs.add((buyer, provider))
        load[buyer] += 1
        load[provider] += 1
        meeting_list.append(Meeting(participants=(buyer, provider)))
    table_count = max(1, round(len(meeting_list) / len(slots) * 1.15))
    return Problem(
        participants=tuple(people),
        meetings=tuple(meeting_list),
        slots=slots,
        tables=tuple(Table(name=str(i + 1)) for i in range(table_count)),
        name=f"fair-{participants}-seed{seed}",
    )
