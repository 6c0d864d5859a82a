"""Before the search: how many exhibitors any allocation can place (proven by a maximum
matching), a first allocation placing that many, and a bound on the score of any such
allocation that needs no search.

Both come from assignment problems solved exactly: placing one more exhibitor outweighs
any reward, so the optimum places the most exhibitors and, among those allocations, earns
the most on the wishes that depend on the booth alone (hall, zone, pavilion, footfall).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix

from .paired import paired_bound
from .prepare import FOOTFALL_POINTS, Prepared, unary_score


def best_matching(prepared: Prepared, *, group_fields: bool = False) -> dict[int, int]:
    """Booth per exhibitor (locked ones included) placing the most exhibitors, and among
    those the highest total ``unary_score`` (plus, with ``group_fields``, the field reward
    for a booth in a pavilion of one of the exhibitor's fields: a start already grouped by
    field, for the search to refine)."""
    result = dict(prepared.locked)
    free = [
        e
        for e, options in enumerate(prepared.candidates)
        if e not in prepared.locked and options and e not in prepared.unassigned
    ]
    booths = sorted({b for e in free for b in prepared.candidates[e]})
    if not free or not booths:
        return result
    column = np.full(len(prepared.problem.booths), -1, dtype=np.int64)
    column[booths] = np.arange(len(booths))
    gains = np.zeros((len(free), len(booths)), dtype=np.float64)
    feasible = np.zeros((len(free), len(booths)), dtype=bool)
    table = BoothTable(prepared)
    for i, e in enumerate(free):
        options = np.asarray(prepared.candidates[e], dtype=np.int64)
        gains[i, column[options]] = table.gains(e, options, group_fields=group_fields)
        feasible[i, column[options]] = True
    # One more exhibitor placed outweighs any change in the other rewards.
    placement = float((gains.max() + 1) * (len(free) + 1))
    gains[feasible] += placement
    rows, cols = linear_sum_assignment(gains, maximize=True)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if feasible[i, j]:
            result[free[i]] = booths[j]
    return result


class BoothTable:
    """The booths' hall, zone, pavilion country, pavilion field and footfall as arrays of
    codes, so that an exhibitor's rewards on all its candidates are computed at once
    (the same numbers as ``unary_score``)."""

    def __init__(self, prepared: Prepared) -> None:
        self.prepared = prepared
        booths = prepared.problem.booths
        self.codes: dict[str | None, int] = {None: -1}
        zone_country = {
            zone: country for country, zones in prepared.country_zones.items() for zone in zones
        }
        self.hall = self._encode([b.hall for b in booths])
        self.zone = self._encode([b.zone for b in booths])
        self.country = self._encode([zone_country.get(b.zone or "") for b in booths])
        self.field = self._encode([prepared.zone_field.get(b.zone or "") for b in booths])
        self.points = np.asarray(prepared.footfall_points, dtype=np.float64)

    def _encode(self, values: list[str | None]) -> np.ndarray:
        return np.asarray([self.code(v) for v in values], dtype=np.int64)

    def code(self, value: str | None) -> int:
        return self.codes.setdefault(value, len(self.codes))

    def gains(self, e: int, options: np.ndarray, *, group_fields: bool) -> np.ndarray:
        spec = self.prepared.exhibitors[e]
        weights = self.prepared.problem.weights
        gain = np.zeros(len(options), dtype=np.float64)
        if spec.preferred_hall is not None:
            gain += weights.preferred_hall * (self.hall[options] == self.code(spec.preferred_hall))
        if spec.preferred_zone is not None:
            gain += weights.preferred_zone * (self.zone[options] == self.code(spec.preferred_zone))
        if spec.country in self.prepared.country_zones:
            gain += weights.country_pavilion * (self.country[options] == self.code(spec.country))
        if spec.sponsor_tier > 0:
            scaled = weights.sponsor_footfall * spec.sponsor_tier * self.points[options]
            gain += np.asarray([round(x / FOOTFALL_POINTS) for x in scaled.tolist()])
        if group_fields and spec.fields:
            wanted = np.asarray([self.code(name) for name in spec.fields], dtype=np.int64)
            gain += weights.field_neighbours * np.isin(self.field[options], wanted)
        return gain


def separable_bound(prepared: Prepared, unary_best: dict[int, int]) -> int:
    """An upper bound on the score of any allocation placing ``len(unary_best)``
    exhibitors: the best booth-alone reward (``unary_best`` earns it) plus every
    neighbour wish met that could be met, no avoided neighbour beside."""
    weights = prepared.problem.weights
    total = sum(unary_score(prepared, e, b) for e, b in unary_best.items())
    placeable = len(unary_best)
    able = [e for e, options in enumerate(prepared.candidates) if options]
    field_holders: dict[str, int] = {}
    for e in able:
        for name in set(prepared.exhibitors[e].fields):
            field_holders[name] = field_holders.get(name, 0) + 1
    sharing = sum(
        any(field_holders[name] > 1 for name in set(prepared.exhibitors[e].fields)) for e in able
    )
    total += weights.field_neighbours * min(placeable, sharing)
    booths = prepared.problem.booths
    in_pavilion: dict[str, int] = {}
    for e in able:
        spec = prepared.exhibitors[e]
        pavilions = prepared.country_zones.get(spec.country, set())
        if any(booths[b].zone in pavilions for b in prepared.candidates[e]):
            in_pavilion[spec.country] = in_pavilion.get(spec.country, 0) + 1
    total += weights.country_neighbours * min(
        placeable, sum(count for count in in_pavilion.values() if count > 1)
    )
    for e, others in prepared.wanted.items():
        reach = {o for b in prepared.candidates[e] for o in prepared.neighbours[b]}
        total += weights.wanted_neighbour * sum(
            1 for f in others if reach.intersection(prepared.candidates[f])
        )
    return total


def assignment_bound(prepared: Prepared) -> int:
    """The lower of the two ``assignment_bounds``."""
    return min(assignment_bounds(prepared))


def assignment_bounds(prepared: Prepared) -> tuple[int, int]:
    """Two upper bounds on the score of any allocation placing the most exhibitors, usually
    well below ``separable_bound``: each exhibitor is valued on each candidate booth at
    what it could earn there at best (its booth-alone reward, plus each neighbour wish
    that some other exhibitor could meet from a booth beside that one, no avoided
    neighbour beside), and one assignment problem places the most exhibitors at the
    highest total of those values.

    Sound: in any allocation an exhibitor earns on its booth at most that booth's value
    (a neighbour it has there sits on a booth beside it that is among the neighbour's
    candidates), and the booths of any allocation placing the most are a matching of
    that size, worth at most the assignment's optimum: the first bound. The second
    values pairs of exhibitors wanting each other together at the assignment's booth
    prices (paired.py), which takes the wish away where the two cannot stand side by
    side at those prices; it is never above the first when the prices are exact."""
    values = _local_values(prepared)
    total = 0.0
    for e in prepared.locked:
        total += float(values[e][0])
    free = [
        e
        for e, options in enumerate(prepared.candidates)
        if e not in prepared.locked and options and e not in prepared.unassigned
    ]
    booths = sorted({b for e in free for b in prepared.candidates[e]})
    if not free or not booths:
        return round(total), round(total)
    column = np.full(len(prepared.problem.booths), -1, dtype=np.int64)
    column[booths] = np.arange(len(booths))
    gains = np.zeros((len(free), len(booths)), dtype=np.float64)
    feasible = np.zeros((len(free), len(booths)), dtype=bool)
    for i, e in enumerate(free):
        cols = column[np.asarray(prepared.candidates[e], dtype=np.int64)]
        gains[i, cols] = values[e]
        feasible[i, cols] = True
    placement = float((gains.max() + 1) * (len(free) + 1))
    gains[feasible] += placement
    rows, cols = linear_sum_assignment(gains, maximize=True)
    chosen = feasible[rows, cols]
    fixed = total
    total += float((gains[rows, cols][chosen] - placement).sum())
    paired = paired_bound(
        prepared,
        free=free,
        booths=booths,
        gains=gains,
        rows=rows,
        cols=cols,
        placement=placement,
        placed=int(chosen.sum()),
        fixed=fixed,
    )
    return round(total), paired


def _local_values(prepared: Prepared) -> dict[int, np.ndarray]:
    """Per exhibitor, the most it can earn on each of its candidates (in their order)."""
    problem = prepared.problem
    weights = problem.weights
    n_booths = len(problem.booths)
    table = BoothTable(prepared)
    rows = [b for b in range(n_booths) for _ in prepared.neighbours[b]]
    cols = [o for b in range(n_booths) for o in prepared.neighbours[b]]
    adjacency = csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n_booths, n_booths)
    )
    degree = np.asarray([len(prepared.neighbours[b]) for b in range(n_booths)], dtype=np.int64)
    placed = [
        e
        for e, options in enumerate(prepared.candidates)
        if options and e not in prepared.unassigned
    ]
    masks: dict[int, np.ndarray] = {}
    for e in placed:
        mask = np.zeros(n_booths, dtype=np.int64)
        mask[prepared.candidates[e]] = 1
        masks[e] = mask
    # Per field, and per pavilion country, how many exhibitors could take each booth.
    by_field: dict[str, np.ndarray] = {}
    by_country: dict[str, np.ndarray] = {}
    for e in placed:
        spec = prepared.exhibitors[e]
        for name in set(spec.fields):
            by_field[name] = by_field.get(name, np.zeros(n_booths, dtype=np.int64)) + masks[e]
        if spec.country in prepared.country_zones:
            by_country[spec.country] = (
                by_country.get(spec.country, np.zeros(n_booths, dtype=np.int64)) + masks[e]
            )
    values: dict[int, np.ndarray] = {}
    for e in placed:
        spec = prepared.exhibitors[e]
        options = np.asarray(prepared.candidates[e], dtype=np.int64)
        value = table.gains(e, options, group_fields=False)
        own = masks[e]
        if weights.field_neighbours > 0 and spec.fields:
            others = np.zeros(n_booths, dtype=np.float64)
            for name in set(spec.fields):
                others = np.maximum(others, (by_field[name] - own > 0).astype(np.float64))
            beside = adjacency @ others
            value += weights.field_neighbours * (beside[options] > 0)
        pavilions = prepared.country_zones.get(spec.country)
        if weights.country_neighbours > 0 and pavilions:
            inside = table.country == table.code(spec.country)
            others = ((by_country[spec.country] - own > 0) & inside).astype(np.float64)
            beside = adjacency @ others
            value += weights.country_neighbours * ((beside[options] > 0) & inside[options])
        wanted = prepared.wanted.get(e, [])
        if weights.wanted_neighbour > 0 and wanted:
            count = np.zeros(n_booths, dtype=np.int64)
            for f in wanted:
                if f in masks and f != e:
                    count += (adjacency @ masks[f].astype(np.float64) > 0).astype(np.int64)
            count = np.minimum(count, degree)
            value += weights.wanted_neighbour * count[options]
        values[e] = value
    return values
