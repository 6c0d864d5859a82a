"""Seeded fair-like instances for the scheduler's scale benchmark and the engine tests.

Two days of morning and afternoon sessions (16 to 20 slots in all), buyers who host and
providers who visit, tables = meetings / slots + 15 %, and a third of the participants
available for half a day only (their other slots are forbidden).
"""

from __future__ import annotations

import random
from dataclasses import replace

from fairmatch.scheduling.engine import (
    AFTERNOON,
    MORNING,
    Meeting,
    Participant,
    Problem,
    Slot,
    Table,
)

# The largest trade fairs with hosted-buyer programmes (issue 17): 15,000 participants,
# 86,000 pre-scheduled meetings over three days of 18 slots, interpreters at some tables.
IMEX_PARTICIPANTS = 15_000
IMEX_MEETINGS = 86_000
IMEX_DAYS = 3
IMEX_SLOTS_PER_SESSION = 9
IMEX_LANGUAGES = ("zh", "ja", "es", "ar")
# The share of meetings needing an interpreter, and of tables that have one (per language).
IMEX_INTERPRETED_SHARE = 0.04
IMEX_INTERPRETER_TABLE_SHARE = 0.02


def generate_fair(
    *,
    participants: int,
    meetings_per_participant: float = 5.0,
    seed: int = 0,
    days: int = 2,
    slots_per_session: int | None = None,
) -> Problem:
    """A fair of ``participants`` (half buyers) with about participants x 5 meetings; with
    ``slots_per_session`` given, that many slots per session (else 4 or 5, drawn)."""
    rng = random.Random(seed)
    per_session = rng.randint(4, 5) if slots_per_session is None else slots_per_session
    slots = tuple(
        Slot(day=day, session=session)
        for day in range(days)
        for session in (MORNING, AFTERNOON)
        for _ in range(per_session)
    )
    half_days = [
        [index for index, slot in enumerate(slots) if slot.day == day and slot.session == session]
        for day in range(days)
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


def generate_imex(*, seed: int = 0) -> Problem:
    """An IMEX-size fair: 15,000 participants, about 86,000 meetings, three days of 18 slots,
    a third of the participants there for half a day; a few meetings need an interpreter of
    one of four languages, which a few tables have."""
    fair = generate_fair(
        participants=IMEX_PARTICIPANTS,
        meetings_per_participant=IMEX_MEETINGS / IMEX_PARTICIPANTS,
        seed=seed,
        days=IMEX_DAYS,
        slots_per_session=IMEX_SLOTS_PER_SESSION,
    )
    rng = random.Random(f"imex:{seed}")
    meetings = tuple(
        replace(meeting, language=rng.choice(IMEX_LANGUAGES))
        if rng.random() < IMEX_INTERPRETED_SHARE
        else meeting
        for meeting in fair.meetings
    )
    per_language = max(1, round(IMEX_INTERPRETER_TABLE_SHARE * len(fair.tables)))
    tables = tuple(
        replace(table, languages=frozenset({IMEX_LANGUAGES[index // per_language]}))
        if index < per_language * len(IMEX_LANGUAGES)
        else table
        for index, table in enumerate(fair.tables)
    )
    return replace(fair, meetings=meetings, tables=tables, name=f"imex-seed{seed}")
