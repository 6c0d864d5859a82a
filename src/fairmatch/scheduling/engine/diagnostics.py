"""Explanations and quick bounds that need no search: why a meeting cannot be placed,
what upper bound holds on the placeable weight, and which locked meetings clash."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .bounds import placement_bound
from .domains import language_tables
from .problem import Problem


def usable_slots(problem: Problem, domains: Sequence[Sequence[int]]) -> list[set[int]]:
    """Per participant, the slots where at least one of its meetings may take place."""
    usable: list[set[int]] = [set() for _ in problem.participants]
    for meeting, domain in zip(problem.meetings, domains, strict=True):
        for participant in meeting.participants:
            usable[participant].update(domain)
    return usable


def placeable_upper_bound(problem: Problem, domains: Sequence[Sequence[int]]) -> int:
    """An upper bound on the weight any schedule places (bounds.placement_bound)."""
    return placement_bound(problem, domains).weight


@dataclass(frozen=True, slots=True)
class FixedContext:
    """Per participant its fixed meetings; per meeting the fixed ones that must follow it."""

    fixed_of: list[list[int]]
    fixed_successors: dict[int, list[int]]


def fixed_context(problem: Problem) -> FixedContext:
    fixed_of: list[list[int]] = [[] for _ in problem.participants]
    successors: dict[int, list[int]] = {}
    for meeting, info in enumerate(problem.meetings):
        if info.fixed_slot is None:
            continue
        for participant in info.participants:
            fixed_of[participant].append(meeting)
        for before in info.after:
            successors.setdefault(before, []).append(meeting)
    return FixedContext(fixed_of, successors)


def unplaced_reason(
    problem: Problem,
    *,
    meeting: int,
    domains: Sequence[Sequence[int]],
    usable: Sequence[set[int]],
    placeable_counts: Sequence[int],
    context: FixedContext | None = None,
) -> str:
    """A sentence saying why ``meeting`` is left out, most specific cause first
    (``context``: ``fixed_context(problem)``, computed once for many meetings)."""
    info = problem.meetings[meeting]
    first, second = (p + 1 for p in info.participants)
    if not domains[meeting]:
        causes = []
        if info.fixed_slot is not None:
            causes.append(f"its fixed slot {info.fixed_slot + 1}")
        if info.session is not None:
            causes.append(f"session {info.session}")
        if problem.participants[info.participants[0]].forbidden_slots:
            causes.append(f"participant {first}'s unavailable slots")
        if problem.participants[info.participants[1]].forbidden_slots:
            causes.append(f"participant {second}'s unavailable slots")
        if info.language is not None:
            causes.append(f"tables with a {info.language} interpreter")
        for before in info.after:
            fixed = problem.meetings[before].fixed_slot
            if fixed is not None:
                causes.append(
                    f"meeting {before + 1}, fixed to slot {fixed + 1}, which must come before it"
                )
        context = context or fixed_context(problem)
        for participant, label in zip(info.participants, (first, second), strict=True):
            if any(other != meeting for other in context.fixed_of[participant]):
                causes.append(f"participant {label}'s fixed meetings")
        for later in context.fixed_successors.get(meeting, ()):
            slot = problem.meetings[later].fixed_slot
            causes.append(
                f"meeting {later + 1}, fixed to slot {(slot or 0) + 1}, which must come after it"
            )
        return "no slot fits " + (" and ".join(causes) if causes else "its constraints")
    for participant in info.participants:
        count = placeable_counts[participant]
        slots = len(usable[participant])
        if count > slots:
            return f"participant {participant + 1} has {count} meetings and {slots} usable slots"
    return (
        "every slot open to both participants is taken by their other meetings or has no "
        "free table; placing it would displace meetings of greater total weight"
    )


def placeable_counts(problem: Problem, domains: Sequence[Sequence[int]]) -> list[int]:
    """Per participant, how many of its meetings have at least one allowed slot."""
    counts = [0] * len(problem.participants)
    for meeting, domain in zip(problem.meetings, domains, strict=True):
        if domain:
            for participant in meeting.participants:
                counts[participant] += 1
    return counts


def locked_conflicts(problem: Problem, *, locked: Mapping[int, int]) -> list[str]:
    """Clashes among meetings pinned to slots: each makes the instance infeasible."""
    conflicts = []
    seen: dict[tuple[int, int], int] = {}
    per_slot: Counter[int] = Counter()
    for meeting, slot in sorted(locked.items()):
        info = problem.meetings[meeting]
        per_slot[slot] += 1
        for participant in info.participants:
            if slot in problem.participants[participant].forbidden_slots:
                conflicts.append(
                    f"meeting {meeting + 1} is fixed to slot {slot + 1}, which participant "
                    f"{participant + 1} cannot attend"
                )
            if (participant, slot) in seen:
                conflicts.append(
                    f"meetings {seen[participant, slot] + 1} and {meeting + 1} are both fixed to "
                    f"slot {slot + 1} with participant {participant + 1}"
                )
            seen[participant, slot] = meeting
        if info.language is not None and not language_tables(
            problem, slot=slot, language=info.language
        ):
            conflicts.append(
                f"meeting {meeting + 1} is fixed to slot {slot + 1}, which has no table with a "
                f"{info.language} interpreter"
            )
        if info.session is not None and problem.slots[slot].session != info.session:
            conflicts.append(
                f"meeting {meeting + 1} is fixed to slot {slot + 1}, outside session {info.session}"
            )
        for before in info.after:
            if before in locked and locked[before] >= slot:
                conflicts.append(
                    f"meeting {before + 1} must come before meeting {meeting + 1}, but their "
                    f"fixed slots are {locked[before] + 1} and {slot + 1}"
                )
    for slot, count in sorted(per_slot.items()):
        tables = len(problem.open_tables(slot))
        if count > tables:
            conflicts.append(
                f"{count} meetings are fixed to slot {slot + 1}, which has {tables} tables"
            )
    tables_taken: dict[tuple[int, int], int] = {}
    for meeting, info in enumerate(problem.meetings):
        if info.fixed_table is None or info.fixed_slot is None:
            continue
        key = (info.fixed_slot, info.fixed_table)
        if key in tables_taken:
            conflicts.append(
                f"meetings {tables_taken[key] + 1} and {meeting + 1} are both fixed to table "
                f"{info.fixed_table + 1} in slot {info.fixed_slot + 1}"
            )
        tables_taken[key] = meeting
    return conflicts
