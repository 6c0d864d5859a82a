"""Where each meeting may go: its allowed slots, before any search."""

from __future__ import annotations

from collections.abc import Mapping

from .problem import Problem


def language_tables(problem: Problem, *, slot: int, language: str) -> int:
    """How many tables open in ``slot`` have an interpreter of ``language``."""
    return sum(
        1 for table in problem.open_tables(slot) if language in problem.tables[table].languages
    )


def allowed_slots(
    problem: Problem, *, locked: Mapping[int, int] | None = None
) -> list[tuple[int, ...]]:
    """For each meeting, the slots it may use given sessions, forbidden and fixed slots.

    ``locked`` maps meetings to slots already decided: other meetings lose those slots for
    the locked meetings' participants, and a meeting that must come before (after) a locked
    one loses its slots from the locked one's on (up to it). Locked meetings get their own
    slot as domain.
    """
    locked = locked or {}
    busy: set[tuple[int, int]] = set()
    for meeting_index, slot in locked.items():
        for participant in problem.meetings[meeting_index].participants:
            busy.add((participant, slot))
    # Precedences with a locked meeting bound the other one's slot (when it is placed).
    slot_count = len(problem.slots)
    earliest = [0] * len(problem.meetings)
    latest = [slot_count - 1] * len(problem.meetings)
    for index, meeting in enumerate(problem.meetings):
        for before in meeting.after:
            if before in locked:
                earliest[index] = max(earliest[index], locked[before] + 1)
            if index in locked:
                latest[before] = min(latest[before], locked[index] - 1)
    # Per slot, computed once: whether a table is open, and the tables per interpreter
    # language (asked per meeting and slot, this was most of the time on large fairs).
    opened = [bool(problem.open_tables(slot)) for slot in range(slot_count)]
    languages = {m.language for m in problem.meetings if m.language is not None}
    interpreters = {
        language: [
            language_tables(problem, slot=slot, language=language) > 0 for slot in range(slot_count)
        ]
        for language in languages
    }
    domains: list[tuple[int, ...]] = []
    for index, meeting in enumerate(problem.meetings):
        if index in locked:
            domains.append((locked[index],))
            continue
        first, second = meeting.participants
        forbidden = (
            problem.participants[first].forbidden_slots
            | problem.participants[second].forbidden_slots
        )
        candidates = (
            range(len(problem.slots)) if meeting.fixed_slot is None else (meeting.fixed_slot,)
        )
        domains.append(
            tuple(
                slot
                for slot in candidates
                if slot not in forbidden
                and earliest[index] <= slot <= latest[index]
                and (meeting.session is None or problem.slots[slot].session == meeting.session)
                and (first, slot) not in busy
                and (second, slot) not in busy
                and opened[slot]
                and (meeting.language is None or interpreters[meeting.language][slot])
            )
        )
    return domains
