"""Re-solving against a published schedule: meetings moved and seconds after small changes."""

from __future__ import annotations

import random
import time
from argparse import ArgumentParser
from collections import Counter
from dataclasses import replace
from typing import Any, TextIO

from fairmatch.scheduling.engine import (
    AFTERNOON,
    MORNING,
    Meeting,
    Participant,
    Placement,
    Problem,
    Slot,
    Table,
    solve,
    verify,
)


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds per solve")
    parser.add_argument("--seed", type=int, default=0)


def demo_sized(seed: int) -> Problem:
    """A fair shaped like the demo conference: 390 participants (130 buyers who host), 745
    meetings, three days of two sessions of eight slots, tables = meetings / slots + 15 %
    (18), four of them with an interpreter (two Japanese, two Korean), one meeting in twenty
    needing one; like the demo, nobody has marked a slot unavailable."""
    rng = random.Random(seed)
    slots = tuple(
        Slot(day=day, session=part)
        for day in range(3)
        for part in (MORNING, AFTERNOON)
        for _ in range(8)
    )
    buyers, providers = 130, 260
    people = [
        Participant(name=f"P{index + 1}", is_host=index < buyers)
        for index in range(buyers + providers)
    ]
    pairs: set[tuple[int, int]] = set()
    meetings: list[Meeting] = []
    while len(meetings) < 745:
        pair = (rng.randrange(buyers), buyers + rng.randrange(providers))
        if pair in pairs:
            continue
        pairs.add(pair)
        language = rng.choice(("ja", "ko")) if rng.random() < 0.05 else None
        meetings.append(Meeting(participants=pair, language=language))
    interpreters = ["ja", "ja", "ko", "ko"]
    tables = tuple(
        Table(
            name=str(number + 1),
            languages=frozenset({interpreters[number]})
            if number < len(interpreters)
            else frozenset(),
        )
        for number in range(18)
    )
    return Problem(
        participants=tuple(people),
        meetings=tuple(meetings),
        slots=slots,
        tables=tables,
        name=f"demo-sized-seed{seed}",
    )


def _scenarios(
    problem: Problem, released: tuple[Placement | None, ...], seed: int
) -> list[tuple[str, Problem]]:
    rng = random.Random(seed + 1)
    # A busy participant who cannot come to two of the slots it meets in.
    busiest = max(
        range(len(problem.participants)),
        key=lambda p: sum(1 for m in problem.meetings if p in m.participants),
    )
    own_slots = sorted(
        released[m].slot  # type: ignore[union-attr]
        for m, meeting in enumerate(problem.meetings)
        if busiest in meeting.participants and released[m] is not None
    )
    away = frozenset(own_slots[:2])
    participants = list(problem.participants)
    participants[busiest] = replace(
        participants[busiest], forbidden_slots=participants[busiest].forbidden_slots | away
    )
    unavailable = replace(problem, participants=tuple(participants), reference=released)
    # Ten requests accepted after the release, between people who are already there.
    existing = {tuple(m.participants) for m in problem.meetings}
    added: list[Meeting] = []
    while len(added) < 10:
        pair = (rng.randrange(130), 130 + rng.randrange(260))
        if pair not in existing:
            existing.add(pair)
            added.append(Meeting(participants=pair))
    grown = replace(
        problem, meetings=(*problem.meetings, *added), reference=(*released, *([None] * len(added)))
    )
    # One table fewer in the first session (a table broke).
    first_session = tuple(range(17))
    closed = replace(
        problem,
        slots=tuple(
            replace(slot, tables=first_session) if index < 8 else slot
            for index, slot in enumerate(problem.slots)
        ),
        reference=released,
    )
    # A buyer with six meetings who can now come on one half-day only (the one where it
    # already has the most): its other meetings must fit there, moving partners' meetings.
    buyer = next(
        b for b in range(130) if sum(1 for m in problem.meetings if b in m.participants) == 6
    )
    own = Counter(
        released[m].slot // 8  # type: ignore[union-attr]
        for m, meeting in enumerate(problem.meetings)
        if buyer in meeting.participants and released[m] is not None
    )
    half_day = own.most_common(1)[0][0]
    participants = list(problem.participants)
    participants[buyer] = replace(
        participants[buyer],
        forbidden_slots=frozenset(s for s in range(len(problem.slots)) if s // 8 != half_day),
    )
    squeezed = replace(problem, participants=tuple(participants), reference=released)
    return [
        ("unchanged", replace(problem, reference=released)),
        ("a buyer there for one half-day only", squeezed),
        ("one participant away for 2 slots", unavailable),
        ("10 new meetings", grown),
        ("a table closed for a session", closed),
    ]


def run(options: dict[str, Any], out: TextIO) -> int:
    limit, seed = options["time_limit"], options["seed"]
    problem = demo_sized(seed)
    started = time.monotonic()
    first = solve(problem, time_limit=limit, seed=seed)
    out.write(
        f"{problem.name}: {len(problem.participants)} participants, {len(problem.meetings)} "
        f"meetings, {len(problem.slots)} slots, {len(problem.tables)} tables; first solve "
        f"placed {first.placed_count} in {time.monotonic() - started:.1f} s\n"
    )
    released = first.placements
    again = solve(problem, time_limit=limit, seed=seed + 1)
    differing = sum(
        1 for a, b in zip(released, again.placements, strict=True) if a is not None and a != b
    )
    out.write(f"solved again without the reference (seed {seed + 1}): {differing} meetings moved\n")
    out.write(
        f"{'scenario':<34}{'placed':>7}{'moved':>6}{'people':>7}{'breaks':>7}"
        f"{'status':>9}{'placement':>10}{'moves':>7}{'breaks s':>9}{'total s':>8}  valid\n"
    )
    for label, changed in _scenarios(problem, released, seed):
        started = time.monotonic()
        solution = solve(changed, time_limit=limit, seed=seed)
        seconds = time.monotonic() - started
        check = verify(changed, solution.placements)
        timings = solution.timings
        out.write(
            f"{label:<34}{solution.placed_count:>7}{len(solution.moved):>6}"
            f"{len(solution.moved_participants):>7}{solution.total_breaks:>7}"
            f"{solution.status.value:>9}{timings.get('placement', 0):>10.1f}"
            f"{timings.get('moves', 0):>7.1f}{timings.get('breaks', 0):>9.1f}{seconds:>8.1f}"
            f"  {'yes' if check.is_valid else 'NO'}\n"
        )
        out.flush()
    return 0
