"""Fit unplaced meetings in by swapping two slots along an alternating chain (Kempe chain).

Meeting m = (u, v) waits, u is free in slot a where v is busy, and v is free in slot b.
Follow the chain from v: v's meeting in a, that partner's meeting in b, its partner's
meeting in a, and so on; moving every chain meeting to the other slot of the pair frees v
in a, and m takes a. This is König's argument for colouring the edges of a bipartite graph:
the chain never reaches u there, and elsewhere the swap is simply refused. A swap is only
made when every chain meeting may use both slots and tables suffice, so the schedule stays
valid; it changes no placed meeting's participants, only their slots.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

from .domains import language_tables
from .problem import Problem

# Longer chains are rare and expensive to walk; they are left to the neighbourhood search.
MAX_CHAIN = 400


def kempe_fill(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    slots: dict[int, int],
    locked: Mapping[int, int],
    meetings_of: Sequence[Sequence[int]],
    deadline: float,
    should_stop: Callable[[], bool] | None = None,
) -> dict[int, int]:
    """``slots`` (meeting -> slot) with as many unplaced meetings fitted in as chains allow.

    Meetings in a precedence stay where they are (a swap could break an order); meetings
    needing an interpreter move only where a table of their language is left (counted per
    language: exact when each interpreter table has one language, as tables.py assumes).
    """
    slots = dict(slots)
    slot_count = len(problem.slots)
    capacity = [len(problem.open_tables(slot)) for slot in range(slot_count)]
    usage = [0] * slot_count
    busy: list[dict[int, int]] = [{} for _ in problem.participants]
    ordered = {m for m, info in enumerate(problem.meetings) if info.after}
    ordered.update(before for info in problem.meetings for before in info.after)
    languages = {m.language for m in problem.meetings if m.language is not None}
    interpreters = {
        (slot, language): language_tables(problem, slot=slot, language=language)
        for slot in range(slot_count)
        for language in languages
    }
    for meeting, slot in slots.items():
        usage[slot] += 1
        for participant in problem.meetings[meeting].participants:
            busy[participant][slot] = meeting
        language = problem.meetings[meeting].language
        if language is not None:
            interpreters[slot, language] -= 1
    pinned = {**locked, **dict.fromkeys(ordered, -1)}
    allowed = [frozenset(domain) for domain in domains]
    waiting = [
        m
        for m in range(len(problem.meetings))
        if m not in slots and domains[m] and m not in ordered
    ]
    # Heaviest first: they are worth the most.
    waiting.sort(key=lambda m: -problem.meetings[m].weight)

    def fit(meeting: int) -> bool:
        return _fit(
            problem,
            meeting=meeting,
            domains=domains,
            allowed=allowed,
            slots=slots,
            locked=pinned,
            meetings_of=meetings_of,
            busy=busy,
            usage=usage,
            capacity=capacity,
            interpreters=interpreters,
        )

    def out_of_time(count: int) -> bool:
        return count % 64 == 0 and (
            time.monotonic() > deadline or (should_stop is not None and should_stop())
        )

    left = []
    for count, meeting in enumerate(waiting):
        if out_of_time(count):
            return slots
        if not fit(meeting):
            left.append(meeting)
    # Second pass: a waiting meeting takes a slot where only one of its participants is
    # busy, when the meeting it pushes out fits elsewhere (one more meeting placed).
    for count, meeting in enumerate(left):
        if out_of_time(count):
            break
        _eject(
            problem,
            meeting,
            fit=fit,
            pinned=pinned,
            domains=domains,
            slots=slots,
            busy=busy,
            usage=usage,
            capacity=capacity,
            interpreters=interpreters,
        )
    return slots


def _eject(
    problem: Problem,
    meeting: int,
    *,
    fit: Callable[[int], bool],
    pinned: Mapping[int, int],
    domains: Sequence[Sequence[int]],
    slots: dict[int, int],
    busy: list[dict[int, int]],
    usage: list[int],
    capacity: Sequence[int],
    interpreters: dict[tuple[int, str], int],
) -> bool:
    first, second = problem.meetings[meeting].participants
    weight = problem.meetings[meeting].weight
    for slot in domains[meeting]:
        occupants = {busy[p][slot] for p in (first, second) if slot in busy[p]}
        if len(occupants) != 1:
            continue
        (pushed,) = occupants
        if pushed in pinned or problem.meetings[pushed].weight > weight:
            continue
        moves = [(pushed, slot, None), (meeting, None, slot)]
        if not _interpreters_suffice(problem, moves, interpreters):
            continue
        _remove(problem, pushed, slots=slots, busy=busy, usage=usage)
        _put(problem, meeting, slot, slots=slots, busy=busy, usage=usage)
        _interpret(problem, moves, interpreters)
        if fit(pushed):
            return True
        undo = [(meeting, slot, None), (pushed, None, slot)]
        _remove(problem, meeting, slots=slots, busy=busy, usage=usage)
        _put(problem, pushed, slot, slots=slots, busy=busy, usage=usage)
        _interpret(problem, undo, interpreters)
    return False


def _fit(
    problem: Problem,
    *,
    meeting: int,
    domains: Sequence[Sequence[int]],
    allowed: Sequence[frozenset[int]],
    slots: dict[int, int],
    locked: Mapping[int, int],
    meetings_of: Sequence[Sequence[int]],
    busy: list[dict[int, int]],
    usage: list[int],
    capacity: Sequence[int],
    interpreters: dict[tuple[int, str], int],
) -> bool:
    first, second = problem.meetings[meeting].participants
    language = problem.meetings[meeting].language
    for slot in domains[meeting]:
        if (
            usage[slot] < capacity[slot]
            and slot not in busy[first]
            and slot not in busy[second]
            and (language is None or interpreters[slot, language] > 0)
        ):
            _put(problem, meeting, slot, slots=slots, busy=busy, usage=usage)
            _interpret(problem, [(meeting, None, slot)], interpreters)
            return True
    for free_one, chained in ((first, second), (second, first)):
        # Slots where chained is free and could hold a meeting of its own.
        own = set().union(*(allowed[m] for m in meetings_of[chained]))
        open_slots = sorted(s for s in own if s not in busy[chained])
        for a in domains[meeting]:
            if a in busy[free_one] or a not in busy[chained]:
                continue
            if language is not None and interpreters[a, language] <= 0:
                continue
            for b in open_slots:
                if b == a:
                    continue
                chain = _chain(
                    problem,
                    start=chained,
                    a=a,
                    b=b,
                    avoid=free_one,
                    allowed=allowed,
                    locked=locked,
                    busy=busy,
                )
                if chain is None:
                    continue
                # An odd chain moves one meeting from a to b, an even one none.
                gains_b = len(chain) % 2 == 1
                if gains_b and usage[b] >= capacity[b]:
                    continue
                if not gains_b and usage[a] >= capacity[a]:
                    continue
                moves: list[tuple[int, int | None, int | None]] = [
                    (m, slots[m], b if slots[m] == a else a) for m in chain
                ]
                moves.append((meeting, None, a))
                if not _interpreters_suffice(problem, moves, interpreters):
                    continue
                _swap(problem, chain, a=a, b=b, slots=slots, busy=busy, usage=usage)
                _put(problem, meeting, a, slots=slots, busy=busy, usage=usage)
                _interpret(problem, moves, interpreters)
                return True
    return False


def _interpreters_suffice(
    problem: Problem,
    moves: Sequence[tuple[int, int | None, int | None]],
    interpreters: Mapping[tuple[int, str], int],
) -> bool:
    """Whether the (meeting, from slot or None, to slot or None) moves leave every slot at
    least as many tables of each language as meetings needing it."""
    change: dict[tuple[int, str], int] = {}
    for meeting, source, target in moves:
        language = problem.meetings[meeting].language
        if language is None:
            continue
        if source is not None:
            change[source, language] = change.get((source, language), 0) + 1
        if target is not None:
            change[target, language] = change.get((target, language), 0) - 1
    return all(interpreters[key] + delta >= 0 for key, delta in change.items())


def _interpret(
    problem: Problem,
    moves: Sequence[tuple[int, int | None, int | None]],
    interpreters: dict[tuple[int, str], int],
) -> None:
    for meeting, source, target in moves:
        language = problem.meetings[meeting].language
        if language is not None:
            if source is not None:
                interpreters[source, language] += 1
            if target is not None:
                interpreters[target, language] -= 1


def _chain(
    problem: Problem,
    *,
    start: int,
    a: int,
    b: int,
    avoid: int,
    allowed: Sequence[frozenset[int]],
    locked: Mapping[int, int],
    busy: Sequence[Mapping[int, int]],
) -> list[int] | None:
    """The meetings of the a/b chain from ``start`` (busy in a, free in b), or None."""
    chain: list[int] = []
    participant, here, there = start, a, b
    while here in busy[participant]:
        meeting = busy[participant][here]
        if meeting in locked or there not in allowed[meeting] or len(chain) >= MAX_CHAIN:
            return None
        chain.append(meeting)
        first, second = problem.meetings[meeting].participants
        participant = second if first == participant else first
        if participant in (avoid, start):
            return None
        here, there = there, here
    return chain


def _swap(
    problem: Problem,
    chain: Sequence[int],
    *,
    a: int,
    b: int,
    slots: dict[int, int],
    busy: list[dict[int, int]],
    usage: list[int],
) -> None:
    moves = [(meeting, b if slots[meeting] == a else a) for meeting in chain]
    for meeting, _ in moves:
        _remove(problem, meeting, slots=slots, busy=busy, usage=usage)
    for meeting, slot in moves:
        _put(problem, meeting, slot, slots=slots, busy=busy, usage=usage)


def _put(
    problem: Problem,
    meeting: int,
    slot: int,
    *,
    slots: dict[int, int],
    busy: list[dict[int, int]],
    usage: list[int],
) -> None:
    slots[meeting] = slot
    usage[slot] += 1
    for participant in problem.meetings[meeting].participants:
        busy[participant][slot] = meeting


def _remove(
    problem: Problem,
    meeting: int,
    *,
    slots: dict[int, int],
    busy: list[dict[int, int]],
    usage: list[int],
) -> None:
    slot = slots.pop(meeting)
    usage[slot] -= 1
    for participant in problem.meetings[meeting].participants:
        del busy[participant][slot]
