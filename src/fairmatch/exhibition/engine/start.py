"""Before the search: how many exhibitors any allocation can place (proven by a maximum
matching), a first allocation placing that many, and a bound on the score of any such
allocation that needs no search.

Both come from assignment problems solved exactly: placing one more exhibitor outweighs
any reward, so the optimum places the most exhibitors and, among those allocations, earns
the most on the wishes that depend on the booth alone (hall, zone, pavilion, footfall).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.optimize import linear_sum_assignment

from .prepare import Prepared, unary_score

Gain = Callable[[Prepared, int, int], int]


def best_matching(prepared: Prepared, gain: Gain = unary_score) -> dict[int, int]:
    """Booth per exhibitor (locked ones included) placing the most exhibitors, and among
    those the highest total ``gain``."""
    result = dict(prepared.locked)
    free = [
        e
        for e, options in enumerate(prepared.candidates)
        if e not in prepared.locked and options and e not in prepared.unassigned
    ]
    booths = sorted({b for e in free for b in prepared.candidates[e]})
    if not free or not booths:
        return result
    column = {b: j for j, b in enumerate(booths)}
    gains = np.zeros((len(free), len(booths)), dtype=np.float64)
    feasible = np.zeros((len(free), len(booths)), dtype=bool)
    best = 0
    for i, e in enumerate(free):
        for b in prepared.candidates[e]:
            score = gain(prepared, e, b)
            gains[i, column[b]] = score
            feasible[i, column[b]] = True
            best = max(best, score)
    # One more exhibitor placed outweighs any change in the other rewards.
    placement = float((best + 1) * (len(free) + 1))
    gains[feasible] += placement
    rows, cols = linear_sum_assignment(gains, maximize=True)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if feasible[i, j]:
            result[free[i]] = booths[j]
    return result


def clustering_gain(prepared: Prepared, e: int, b: int) -> int:
    """``unary_score`` plus the field reward when the booth is in a pavilion of one of the
    exhibitor's fields: a start that already groups fields, for the search to refine."""
    zone = prepared.zone_field.get(prepared.problem.booths[b].zone or "")
    bonus = (
        prepared.problem.weights.field_neighbours if zone in prepared.exhibitors[e].fields else 0
    )
    return unary_score(prepared, e, b) + bonus


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
