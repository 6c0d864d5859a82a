"""Seeded variants of the JAIR 2022 instances, in the paper's three families.

- ``forbidden``: participant-slot pairs made unavailable at 0.3 % and 0.7 % of all pairs
  (at least one pair);
- ``fixed``: 20 % and 40 % of the meetings fixed to a slot;
- ``precedence``: 15 and 25 precedences, each between two meetings of one participant.

The paper's own variant files are not public in our copy of the benchmark, so these are our
own draws of the same kinds, reproducible by seed: the same (instance, family, seed) always
gives the same variant, independent of Python's hash randomisation. Fixed slots are drawn
so that the fixed meetings never clash among themselves (no participant twice in a slot, no
more meetings in a slot than tables); they may still leave other meetings without a place,
which is what the placement bound is for. Precedences always point from the meeting listed
first in the instance to the later one, so they never form a cycle.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace

from fairmatch.scheduling.engine import Problem


@dataclass(frozen=True, slots=True)
class Family:
    """One variant family at one strength: ``name`` is the suffix of the variant's name."""

    name: str
    kind: str
    amount: float


FAMILIES = (
    Family("forb03", "forbidden", 0.003),
    Family("forb07", "forbidden", 0.007),
    Family("fix20", "fixed", 0.20),
    Family("fix40", "fixed", 0.40),
    Family("prec15", "precedence", 15),
    Family("prec25", "precedence", 25),
)
FAMILY_NAMES = tuple(family.name for family in FAMILIES)


def family_named(name: str) -> Family:
    for family in FAMILIES:
        if family.name == name:
            return family
    raise ValueError(f"unknown variant family {name!r} (known: {', '.join(FAMILY_NAMES)})")


def make_variant(problem: Problem, family: Family, *, seed: int) -> Problem:
    """The ``family`` variant of ``problem`` drawn with ``seed`` (named ``name-family``)."""
    rng = random.Random(f"{seed}:{problem.name}:{family.name}")
    if family.kind == "forbidden":
        variant = _forbid(problem, density=family.amount, rng=rng)
    elif family.kind == "fixed":
        variant = _fix(problem, share=family.amount, rng=rng)
    else:
        variant = _precede(problem, count=int(family.amount), rng=rng)
    return replace(variant, name=f"{problem.name}-{family.name}")


def _forbid(problem: Problem, *, density: float, rng: random.Random) -> Problem:
    pairs = [(p, s) for p in range(len(problem.participants)) for s in range(len(problem.slots))]
    count = max(1, round(density * len(pairs)))
    added: dict[int, set[int]] = {}
    for participant, slot in rng.sample(pairs, count):
        added.setdefault(participant, set()).add(slot)
    participants = tuple(
        replace(info, forbidden_slots=info.forbidden_slots | frozenset(added.get(index, ())))
        for index, info in enumerate(problem.participants)
    )
    return replace(problem, participants=participants)


def _fix(problem: Problem, *, share: float, rng: random.Random) -> Problem:
    target = round(share * len(problem.meetings))
    order = list(range(len(problem.meetings)))
    rng.shuffle(order)
    busy: set[tuple[int, int]] = set()
    used: Counter[int] = Counter()
    fixed: dict[int, int] = {}
    for meeting in order:
        if len(fixed) == target:
            break
        info = problem.meetings[meeting]
        first, second = (problem.participants[p] for p in info.participants)
        forbidden = first.forbidden_slots | second.forbidden_slots
        candidates = [
            slot
            for slot in range(len(problem.slots))
            if slot not in forbidden
            and (info.session is None or problem.slots[slot].session == info.session)
            and used[slot] < len(problem.open_tables(slot))
            and all((p, slot) not in busy for p in info.participants)
        ]
        if not candidates:
            continue
        slot = rng.choice(candidates)
        fixed[meeting] = slot
        used[slot] += 1
        busy.update((p, slot) for p in info.participants)
    meetings = tuple(
        replace(info, fixed_slot=fixed[index]) if index in fixed else info
        for index, info in enumerate(problem.meetings)
    )
    return replace(problem, meetings=meetings)


def _precede(problem: Problem, *, count: int, rng: random.Random) -> Problem:
    meetings_of = [own for own in problem.meetings_of() if len(own) >= 2]
    pairs: set[tuple[int, int]] = set()
    attempts = 0
    while len(pairs) < count and meetings_of and attempts < 100 * count:
        attempts += 1
        first, second = sorted(rng.sample(rng.choice(meetings_of), 2))
        pairs.add((first, second))
    before: dict[int, list[int]] = {}
    for first, second in sorted(pairs):
        before.setdefault(second, []).append(first)
    meetings = tuple(
        replace(info, after=tuple(sorted({*info.after, *before[index]})))
        if index in before
        else info
        for index, info in enumerate(problem.meetings)
    )
    return replace(problem, meetings=meetings)
