"""An allocation judged wish by wish: the soft score it earns (the objective the model
maximises, recomputed from the booths alone) and, per exhibitor, each wish met or not."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .messages import Message
from .model import SPONSOR_TIERS, WishResult
from .prepare import Prepared, sponsor_points

# A sponsor's wish counts as met on a booth among this share of the busiest open booths.
BUSY_SHARE = 0.25


class _Collected:
    """The wishes of one exhibitor; an exhibitor without a booth meets none of them."""

    def __init__(self, *, placed: bool) -> None:
        self.placed = placed
        self.found: list[WishResult] = []

    def add(self, wish: str, met: bool, message_id: str, **params: str | int | float) -> None:
        if self.placed:
            self.found.append(WishResult(wish, met, Message(message_id, params)))
        else:
            self.found.append(WishResult(wish, False, Message("wish_unmet_unplaced")))


def busy_threshold(prepared: Prepared) -> float:
    """The footfall a booth needs to be among the busiest quarter of the open booths."""
    flows = sorted(
        (
            flow
            for flow, booth in zip(prepared.footfall, prepared.problem.booths, strict=True)
            if not booth.blocked
        ),
        reverse=True,
    )
    if not flows:
        return 0.0
    return flows[max(0, int(len(flows) * BUSY_SHARE) - 1)]


def score(prepared: Prepared, booth_of: dict[int, int]) -> int:
    """The objective value of an allocation (exhibitor index -> booth index)."""
    return sum(score_by_wish(prepared, booth_of).values())


def score_of(
    prepared: Prepared, booth_of: dict[int, int], at: dict[int, int], exhibitors: Iterable[int]
) -> int:
    """What the given placed exhibitors earn (``at`` is ``booth_of`` inverted): the score
    of an allocation is the sum over its exhibitors, so a move changes only the part of
    the exhibitors moved and of their old and new neighbours."""
    totals: dict[str, int] = defaultdict(int)
    for e in exhibitors:
        if e in booth_of:
            _earn(prepared, e, booth_of, at, totals)
    return sum(totals.values())


def score_by_wish(prepared: Prepared, booth_of: dict[int, int]) -> dict[str, int]:
    """The objective split by wish name, as ``Weights`` names them."""
    at = {b: e for e, b in booth_of.items()}
    totals: dict[str, int] = defaultdict(int)
    for e in booth_of:
        _earn(prepared, e, booth_of, at, totals)
    return dict(totals)


def _earn(
    prepared: Prepared,
    e: int,
    booth_of: dict[int, int],
    at: dict[int, int],
    totals: dict[str, int],
) -> None:
    weights = prepared.problem.weights
    booths = prepared.problem.booths
    b = booth_of[e]
    spec = prepared.exhibitors[e]
    booth = booths[b]
    if spec.preferred_hall is not None and booth.hall == spec.preferred_hall:
        totals["preferred_hall"] += weights.preferred_hall
    if spec.preferred_zone is not None and booth.zone == spec.preferred_zone:
        totals["preferred_zone"] += weights.preferred_zone
    pavilions = prepared.country_zones.get(spec.country, set())
    if booth.zone is not None and booth.zone in pavilions:
        totals["country_pavilion"] += weights.country_pavilion
    totals["sponsor_footfall"] += sponsor_points(prepared, e, b)
    for other_booth in prepared.neighbours[b]:
        f = at.get(other_booth)
        if f is None:
            continue
        if f in prepared.wanted.get(e, ()):
            totals["wanted_neighbour"] += weights.wanted_neighbour
        if f in prepared.avoided.get(e, ()):
            totals["avoided_neighbour"] -= weights.avoided_neighbour
    beside = [at[o] for o in prepared.neighbours[b] if o in at]
    fields = set(spec.fields)
    if any(fields & set(prepared.exhibitors[f].fields) for f in beside):
        totals["field_neighbours"] += weights.field_neighbours
    if booth.zone is not None and booth.zone in pavilions:
        compatriots = (
            f
            for f in beside
            if prepared.exhibitors[f].country == spec.country
            and booths[booth_of[f]].zone in pavilions
        )
        if any(True for _ in compatriots):
            totals["country_neighbours"] += weights.country_neighbours


def wishes(prepared: Prepared, booth_of: dict[int, int]) -> dict[str, tuple[WishResult, ...]]:
    """Per exhibitor key, each wish it has (and only those), met or not, with the reason."""
    booths = prepared.problem.booths
    at = {b: e for e, b in booth_of.items()}
    busiest = max(prepared.footfall, default=0.0)
    busy = busy_threshold(prepared)
    field_count: dict[str, int] = defaultdict(int)
    for spec in prepared.exhibitors:
        for name in set(spec.fields):
            field_count[name] += 1
    result: dict[str, tuple[WishResult, ...]] = {}
    for e, spec in enumerate(prepared.exhibitors):
        b = booth_of.get(e)
        collected = _Collected(placed=b is not None)
        found = collected.found
        add = collected.add
        beside = {at[o] for o in prepared.neighbours[b] if o in at} if b is not None else set()

        booth = booths[b] if b is not None else None
        if spec.preferred_hall is not None:
            hall = booth.hall if booth else ""
            met = hall == spec.preferred_hall
            add(
                "preferred_hall",
                met,
                "in_preferred_hall" if met else "not_in_preferred_hall",
                hall=hall,
                preferred=spec.preferred_hall,
            )
        if spec.preferred_zone is not None:
            met = booth is not None and booth.zone == spec.preferred_zone
            add(
                "preferred_zone",
                met,
                "in_preferred_zone" if met else "not_in_preferred_zone",
                zone=spec.preferred_zone,
                preferred=spec.preferred_zone,
            )
        pavilions = prepared.country_zones.get(spec.country, set())
        if pavilions:
            inside = booth is not None and booth.zone in pavilions
            add(
                "country_pavilion",
                inside,
                "in_country_pavilion" if inside else "not_in_country_pavilion",
                country=spec.country,
            )
            compatriots = sum(
                other.country == spec.country for other in prepared.exhibitors if other is not spec
            )
            if compatriots:
                met = (
                    any(
                        prepared.exhibitors[f].country == spec.country
                        and booths[booth_of[f]].zone in pavilions
                        for f in beside
                    )
                    and inside
                )
                add(
                    "country_neighbours",
                    met,
                    "country_neighbour" if met else "no_country_neighbour",
                    country=spec.country,
                )
        shared_fields = [name for name in spec.fields if field_count[name] > 1]
        if shared_fields:
            common = [
                name
                for name in shared_fields
                if any(name in prepared.exhibitors[f].fields for f in beside)
            ]
            add(
                "field_neighbours",
                bool(common),
                "field_neighbour" if common else "no_field_neighbour",
                field=common[0] if common else shared_fields[0],
            )
        for f in prepared.wanted.get(e, ()):
            key = prepared.exhibitors[f].key
            if f not in booth_of and b is not None:
                found.append(
                    WishResult(
                        "wanted_neighbour",
                        False,
                        Message("wanted_neighbour_absent", {"neighbour": key}),
                    )
                )
                continue
            met = f in beside
            add(
                "wanted_neighbour",
                met,
                "wanted_neighbour_beside" if met else "wanted_neighbour_apart",
                neighbour=key,
            )
        for f in prepared.avoided.get(e, ()):
            key = prepared.exhibitors[f].key
            met = f not in beside
            if b is None:
                found.append(
                    WishResult(
                        "avoided_neighbour",
                        True,
                        Message("avoided_neighbour_apart", {"neighbour": key}),
                    )
                )
                continue
            add(
                "avoided_neighbour",
                met,
                "avoided_neighbour_apart" if met else "avoided_neighbour_beside",
                neighbour=key,
            )
        if spec.sponsor_tier > 0:
            flow = prepared.footfall[b] if b is not None else 0.0
            met = b is not None and flow >= busy
            add(
                "sponsor_footfall",
                met,
                "busy_booth" if met else "quiet_booth",
                tier=SPONSOR_TIERS[min(spec.sponsor_tier, 3)],
                footfall=round(flow, 1),
                best=round(busiest, 1),
            )
        if found:
            result[spec.key] = tuple(found)
    return result
