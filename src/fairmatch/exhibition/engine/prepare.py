"""Everything the model needs before it is built: resolved locks and the conflicts found on
the way, each exhibitor's candidate booths, neighbours, footfall, and the most exhibitors
any allocation can place (a maximum matching)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .geometry import footfalls, neighbours
from .messages import Message, size_text
from .model import ExhibitorSpec, Problem

# Footfall is scaled to whole points of this many per busiest booth.
FOOTFALL_POINTS = 100


@dataclass
class Prepared:
    """The problem resolved into indices: exhibitor ``e`` may take booth ``b`` in
    ``candidates[e]``; locked exhibitors have their one booth there."""

    problem: Problem
    exhibitors: list[ExhibitorSpec]
    index_of: dict[str, int]
    booth_index: dict[str, int]
    candidates: list[list[int]]
    locked: dict[int, int]
    neighbours: list[set[int]]
    footfall: list[float]
    footfall_points: list[int]
    wanted: dict[int, list[int]]
    avoided: dict[int, list[int]]
    country_zones: dict[str, set[str]]
    zone_field: dict[str, str]
    conflicts: list[Message] = field(default_factory=list)
    unassigned: dict[int, Message] = field(default_factory=dict)
    unknown_neighbours: dict[int, list[str]] = field(default_factory=dict)


def prepare(problem: Problem) -> Prepared:
    """Resolve keys to indices, locks and wishes to what can be kept, and list candidates."""
    exhibitors = sorted(problem.exhibitors, key=lambda e: e.key)
    index_of = {e.key: i for i, e in enumerate(exhibitors)}
    booth_index = {b.key: i for i, b in enumerate(problem.booths)}
    conflicts: list[Message] = []
    unassigned: dict[int, Message] = {}

    locked: dict[int, int] = {}
    holder: dict[int, int] = {}
    for e, spec in enumerate(exhibitors):
        if spec.locked_booth is None:
            continue
        b = booth_index.get(spec.locked_booth)
        if b is None:
            conflicts.append(
                Message("locked_booth_unknown", {"exhibitor": spec.key, "booth": spec.locked_booth})
            )
            continue
        if b in holder:
            first = exhibitors[holder[b]].key
            conflicts.append(
                Message(
                    "locked_twice", {"first": first, "second": spec.key, "booth": spec.locked_booth}
                )
            )
            continue
        holder[b] = e
        locked[e] = b
        booth = problem.booths[b]
        params: dict[str, str | int | float] = {"exhibitor": spec.key, "booth": booth.key}
        if booth.blocked:
            conflicts.append(Message("locked_booth_blocked", params))
        if not spec.min_area - 1e-6 <= booth.area <= spec.max_area + 1e-6:
            size = size_text(spec.min_area, spec.max_area, None)
            conflicts.append(
                Message(
                    "locked_booth_wrong_size",
                    {**params, "area": round(booth.area, 2), "size": size},
                )
            )
        if spec.kind is not None and spec.kind != booth.kind:
            conflicts.append(
                Message(
                    "locked_booth_wrong_kind", {**params, "kind": booth.kind, "asked": spec.kind}
                )
            )

    free_booths = [
        b for b, booth in enumerate(problem.booths) if not booth.blocked and b not in holder
    ]
    by_size: dict[tuple[float, float, str | None], list[int]] = {}
    candidates: list[list[int]] = []
    for e, spec in enumerate(exhibitors):
        if e in locked:
            candidates.append([locked[e]])
            continue
        if spec.min_area > spec.max_area:
            unassigned[e] = Message(
                "area_range_reversed", {"min_area": spec.min_area, "max_area": spec.max_area}
            )
            candidates.append([])
            continue
        signature = (spec.min_area, spec.max_area, spec.kind)
        if signature not in by_size:
            by_size[signature] = [b for b in free_booths if spec.fits(problem.booths[b])]
        candidates.append(by_size[signature])
        if not by_size[signature]:
            size = size_text(spec.min_area, spec.max_area, spec.kind)
            anywhere = sum(spec.fits(booth) for booth in problem.booths if not booth.blocked)
            if anywhere:
                unassigned[e] = Message("no_free_booth_of_size", {"size": size, "count": anywhere})
            else:
                unassigned[e] = Message("no_booth_of_size", {"size": size})
                conflicts.append(
                    Message("no_booth_for_size", {"size": size, "exhibitor": spec.key})
                )

    wanted: dict[int, list[int]] = defaultdict(list)
    avoided: dict[int, list[int]] = defaultdict(list)
    unknown: dict[int, list[str]] = defaultdict(list)
    for e, spec in enumerate(exhibitors):
        for key in dict.fromkeys(spec.avoided):
            if key in index_of and key != spec.key:
                avoided[e].append(index_of[key])
        for key in dict.fromkeys(spec.wanted):
            if key == spec.key:
                continue
            if key not in index_of:
                unknown[e].append(key)
                conflicts.append(
                    Message("unknown_neighbour", {"exhibitor": spec.key, "neighbour": key})
                )
            elif key in spec.avoided:
                conflicts.append(
                    Message("wanted_and_avoided", {"exhibitor": spec.key, "neighbour": key})
                )
            else:
                wanted[e].append(index_of[key])
                if spec.key in exhibitors[index_of[key]].avoided:
                    conflicts.append(
                        Message("wish_contradicted", {"exhibitor": spec.key, "neighbour": key})
                    )

    adjacency = neighbours(problem.booths, across_aisle=problem.across_aisle)
    booth_neighbours = [
        {booth_index[k] for k in adjacency.get(booth.key, ())} for booth in problem.booths
    ]
    halls = {hall.key: hall for hall in problem.halls}
    by_key = footfalls(problem.booths, halls)
    flow = [by_key[booth.key] for booth in problem.booths]
    busiest = max(flow, default=0.0) or 1.0
    points = [round(FOOTFALL_POINTS * value / busiest) for value in flow]

    country_zones: dict[str, set[str]] = defaultdict(set)
    for zone in problem.zones:
        if zone.kind == "country" and zone.country:
            country_zones[zone.country].add(zone.key)

    return Prepared(
        problem=problem,
        exhibitors=exhibitors,
        index_of=index_of,
        booth_index=booth_index,
        candidates=candidates,
        locked=locked,
        neighbours=booth_neighbours,
        footfall=flow,
        footfall_points=points,
        wanted=dict(wanted),
        avoided=dict(avoided),
        country_zones=dict(country_zones),
        zone_field={z.key: z.field for z in problem.zones if z.kind == "field" and z.field},
        conflicts=conflicts,
        unassigned=unassigned,
        unknown_neighbours=dict(unknown),
    )


def unary_score(prepared: Prepared, e: int, b: int) -> int:
    """What placing exhibitor ``e`` on booth ``b`` earns on its own (not counting neighbours):
    preferred hall and zone, its country's pavilion, and footfall for sponsors."""
    spec = prepared.exhibitors[e]
    booth = prepared.problem.booths[b]
    weights = prepared.problem.weights
    score = 0
    if spec.preferred_hall is not None and booth.hall == spec.preferred_hall:
        score += weights.preferred_hall
    if spec.preferred_zone is not None and booth.zone == spec.preferred_zone:
        score += weights.preferred_zone
    pavilions = prepared.country_zones.get(spec.country)
    if pavilions and booth.zone in pavilions:
        score += weights.country_pavilion
    return score + sponsor_points(prepared, e, b)


def sponsor_points(prepared: Prepared, e: int, b: int) -> int:
    """A sponsor's reward for the booth: weight x tier x footfall relative to the busiest."""
    tier = prepared.exhibitors[e].sponsor_tier
    if tier <= 0:
        return 0
    points = prepared.footfall_points[b]
    return round(prepared.problem.weights.sponsor_footfall * tier * points / FOOTFALL_POINTS)
