"""Which meetings a schedule placing the proven most leaves out, when the bound says.

When the participants' bound (bounds.py) is what limits the placement, each short
participant keeps at most as many meetings of its shortfall as the shortfall has slots. If
those shortfalls share no meeting and their excesses add up to exactly the meetings the
bound says must go, then in every schedule that meets the bound each shortfall loses exactly
its excess and every other meeting with an allowed slot is placed. The search for fewest
breaks at the maximum placement is then "place every meeting but ``excess`` of each group",
nearly the all-placed problem: the MaxSAT race and the exact break-free windows apply (a
participant's placed meetings are known, unless a group of another participant holds one of
its meetings). With fixed meetings this is the common case: of the 40 % fixed variants of
the JAIR instances (seed 0), 10 cannot place every meeting and this covers 9 (in the tenth,
two short participants share a meeting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .bounds import PlacementBound
from .problem import Problem


@dataclass(frozen=True, slots=True)
class DropGroup:
    """Exactly ``excess`` of ``meetings`` stay unplaced in a schedule meeting the bound."""

    meetings: tuple[int, ...]
    excess: int


@dataclass(frozen=True, slots=True)
class Drops:
    """What every schedule placing ``weight`` (the proven most) leaves out.

    ``impossible``: meetings without an allowed slot; ``groups``: the shortfalls, each losing
    exactly its excess; every other meeting is placed. ``degrees[p]`` is how many meetings
    participant p holds in every such schedule, None where that depends on the choice.
    """

    weight: int
    impossible: frozenset[int]
    groups: tuple[DropGroup, ...]
    degrees: tuple[int | None, ...]

    @property
    def optional(self) -> frozenset[int]:
        """The meetings that may be placed or not: those of the groups."""
        return frozenset(m for group in self.groups for m in group.meetings)

    def required(self, meeting: int) -> bool:
        """Whether every schedule meeting the bound places ``meeting``."""
        return meeting not in self.impossible and meeting not in self.optional


def forced_drops(
    problem: Problem, domains: Sequence[Sequence[int]], bound: PlacementBound
) -> Drops | None:
    """The drops every schedule meeting ``bound`` makes, or None when the bound does not
    determine them (several weights, shortfalls sharing a meeting, or a bound from slots or
    tables below the participants' count)."""
    impossible = frozenset(m for m, domain in enumerate(domains) if not domain)
    placeable = len(problem.meetings) - len(impossible)
    weights = {problem.meetings[m].weight for m in range(len(problem.meetings))}
    if placeable == 0 or len(weights) != 1:
        return None
    (weight,) = weights
    if bound.weight != bound.count * weight:
        return None
    to_drop = placeable - bound.count
    groups: tuple[DropGroup, ...] = ()
    if to_drop > 0:
        if bound.limited_by != "participants":
            return None
        groups = tuple(DropGroup(s.meetings, s.excess) for s in bound.shortfalls)
        seen: set[int] = set()
        for group in groups:
            if seen.intersection(group.meetings):
                return None
            seen.update(group.meetings)
        if sum(group.excess for group in groups) != to_drop:
            return None
    return Drops(
        weight=bound.weight,
        impossible=impossible,
        groups=groups,
        degrees=_degrees(problem, impossible, groups),
    )


def _degrees(
    problem: Problem, impossible: frozenset[int], groups: Sequence[DropGroup]
) -> tuple[int | None, ...]:
    """Per participant, its meetings placed in every schedule meeting the bound (None when a
    group it does not own holds one of its meetings: then it depends on the choice)."""
    group_of = {m: index for index, group in enumerate(groups) for m in group.meetings}
    degrees: list[int | None] = []
    for meetings in problem.meetings_of():
        placeable = [m for m in meetings if m not in impossible]
        touched = {group_of[m] for m in placeable if m in group_of}
        owned = [i for i in touched if set(groups[i].meetings) <= set(placeable)]
        if len(touched) > 1 or (touched and not owned):
            degrees.append(None)
        elif owned:
            degrees.append(len(placeable) - groups[owned[0]].excess)
        else:
            degrees.append(len(placeable))
    return tuple(degrees)
