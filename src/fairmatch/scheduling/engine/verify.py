"""Independent checker: every hard constraint and the breaks, recomputed from scratch.

It shares no code with the solver, so a bug in the model cannot hide in both places.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .problem import Placement, Problem


@dataclass(frozen=True, slots=True)
class Verification:
    """What the checker found: violations (empty when valid), breaks and placed weight."""

    violations: tuple[str, ...]
    breaks: tuple[int, ...]
    placed_weight: int
    placed_count: int

    @property
    def is_valid(self) -> bool:
        return not self.violations

    @property
    def total_breaks(self) -> int:
        return sum(self.breaks)

    def fairness_spread(self) -> int:
        """Largest minus smallest number of breaks over all participants."""
        return max(self.breaks, default=0) - min(self.breaks, default=0)


def count_breaks(problem: Problem, slots_of_participant: Sequence[int]) -> int:
    """Breaks of one participant: idle runs between two of its meetings on the same day."""
    ordered = sorted(slots_of_participant)
    return sum(
        1
        for earlier, later in itertools.pairwise(ordered)
        if later - earlier > 1 and problem.slots[earlier].day == problem.slots[later].day
    )


def verify(problem: Problem, placements: Sequence[Placement | None]) -> Verification:
    """Check ``placements`` (one per meeting, None when unplaced) against every hard rule."""
    violations: list[str] = []
    if len(placements) != len(problem.meetings):
        violations.append(f"{len(placements)} placements for {len(problem.meetings)} meetings")
        return Verification(tuple(violations), (0,) * len(problem.participants), 0, 0)
    participant_slots: dict[int, list[int]] = defaultdict(list)
    occupied_tables: dict[tuple[int, int], int] = {}
    slot_of: dict[int, int] = {}
    for index, (meeting, placement) in enumerate(zip(problem.meetings, placements, strict=True)):
        label = f"meeting {index + 1}"
        if placement is None:
            if meeting.fixed_slot is not None:
                violations.append(f"{label} is fixed to slot {meeting.fixed_slot + 1} but unplaced")
            continue
        slot, table = placement.slot, placement.table
        if not 0 <= slot < len(problem.slots):
            violations.append(f"{label}: slot {slot + 1} does not exist")
            continue
        slot_of[index] = slot
        opened = problem.slots[slot].tables
        if not 0 <= table < len(problem.tables) or (opened is not None and table not in opened):
            violations.append(f"{label}: table {table + 1} is not open in slot {slot + 1}")
        elif (slot, table) in occupied_tables:
            violations.append(
                f"{label}: table {table + 1} in slot {slot + 1} already holds meeting "
                f"{occupied_tables[slot, table] + 1}"
            )
        else:
            occupied_tables[slot, table] = index
            if (
                meeting.language is not None
                and meeting.language not in problem.tables[table].languages
            ):
                violations.append(
                    f"{label}: table {table + 1} has no {meeting.language} interpreter"
                )
        if meeting.session is not None and problem.slots[slot].session != meeting.session:
            violations.append(f"{label}: slot {slot + 1} is not in session {meeting.session}")
        if meeting.fixed_slot is not None and slot != meeting.fixed_slot:
            violations.append(
                f"{label}: fixed to slot {meeting.fixed_slot + 1}, placed in {slot + 1}"
            )
        if meeting.fixed_table is not None and table != meeting.fixed_table:
            violations.append(
                f"{label}: fixed to table {meeting.fixed_table + 1}, placed at {table + 1}"
            )
        for participant in meeting.participants:
            if slot in problem.participants[participant].forbidden_slots:
                violations.append(
                    f"{label}: participant {participant + 1} cannot attend slot {slot + 1}"
                )
            participant_slots[participant].append(slot)
    for participant, slots in participant_slots.items():
        for slot in sorted(set(slots)):
            if slots.count(slot) > 1:
                violations.append(
                    f"participant {participant + 1} has {slots.count(slot)} meetings in slot "
                    f"{slot + 1}"
                )
    for index, meeting in enumerate(problem.meetings):
        for before in meeting.after:
            if index in slot_of and before in slot_of and slot_of[before] >= slot_of[index]:
                violations.append(f"meeting {before + 1} must come before meeting {index + 1}")
    breaks = tuple(
        count_breaks(problem, participant_slots.get(participant, []))
        for participant in range(len(problem.participants))
    )
    placed = [index for index, placement in enumerate(placements) if placement is not None]
    weight = sum(problem.meetings[index].weight for index in placed)
    return Verification(tuple(violations), breaks, weight, len(placed))
