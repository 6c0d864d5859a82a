"""A tighter bound for wanted neighbours: the assignment bound of start.py prices each booth
(its dual value), and two exhibitors wishing to be side by side are then valued together,
so that the wish counts only where they can really stand side by side at those prices.

The assignment bound lets an exhibitor count a wanted neighbour on every booth where the
neighbour could stand beside it, even when the neighbour is placed far away in the same
assignment (in its own pavilion, say). Here, with ``w[b]`` >= 0 a price per booth, every
allocation placing ``P`` exhibitors earns at most

    sum of w  +  sum over exhibitors of  max(0, max over booths b of value(b) - w[b])
              -  placement x P

(``value`` as in the assignment, ``placement`` added on every booth the exhibitor fits):
each exhibitor earns at most its booth's value, and the booths of an allocation are
distinct, so their prices add up to at most the sum of all prices. That holds for any
prices; with the assignment's optimal dual prices it equals the assignment bound. A pair
of exhibitors whose only neighbour wishes are for each other is then valued jointly: the
best two distinct booths (or none) at those prices, with the wish counted only when the
two booths are side by side. The joint value is at most the two separate ones, and the
bound stays valid for the same reason (an allocation puts the pair on some two booths).
"""

from __future__ import annotations

import math

import numpy as np

from .prepare import Prepared

# Rounds of the price update (a shortest-path relaxation); the prices are exact when it
# settles, which takes a few rounds on the benchmark floors, and valid whenever it stops.
PRICE_ROUNDS = 200


def paired_bound(
    prepared: Prepared,
    *,
    free: list[int],
    booths: list[int],
    gains: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    placement: float,
    placed: int,
    fixed: float,
) -> int:
    """The bound above, from the assignment of ``free`` exhibitors (rows of ``gains``) to
    ``booths`` (its columns) that ``linear_sum_assignment`` returned (``rows``, ``cols``),
    ``placed`` of them on booths they fit; ``fixed`` is what the locked exhibitors earn at
    most."""
    prices = _prices(gains, rows, cols)
    reduced = gains - prices[None, :]
    best = np.maximum(reduced.max(axis=1), 0.0)
    total = fixed + float(prices.sum()) + float(best.sum()) - placement * placed
    column = {b: j for j, b in enumerate(booths)}
    row_of = {e: i for i, e in enumerate(free)}
    weight = prepared.problem.weights.wanted_neighbour
    if weight <= 0:
        return math.floor(total + 1e-6)
    for e, f, wishes in _pairs(prepared, row_of):
        own_e = _without_wish(prepared, reduced[row_of[e]], column, e, f)
        own_f = _without_wish(prepared, reduced[row_of[f]], column, f, e)
        joint = _joint(prepared, own_e, own_f, column, e, f, weight * wishes)
        total -= float(best[row_of[e]] + best[row_of[f]]) - joint
    return math.floor(total + 1e-6)


def _prices(gains: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The least prices making every exhibitor's assigned booth its best at those prices
    (the dual of the assignment; booths left empty cost nothing)."""
    matched = np.zeros(gains.shape[0], dtype=np.float64)
    matched_col = np.full(gains.shape[0], -1, dtype=np.int64)
    matched_col[rows] = cols
    prices = np.zeros(gains.shape[1], dtype=np.float64)
    on = matched_col >= 0
    for _ in range(PRICE_ROUNDS):
        matched[on] = gains[on, matched_col[on]] - prices[matched_col[on]]
        updated = np.maximum(prices, (gains - matched[:, None]).max(axis=0))
        if np.array_equal(updated, prices):
            break
        prices = updated
    return prices


def _pairs(prepared: Prepared, row_of: dict[int, int]) -> list[tuple[int, int, int]]:
    """Exhibitors (both free to move) whose only neighbour wishes, either way, are for each
    other, with how many wishes the pair holds (1, or 2 when each wants the other)."""
    related: dict[int, set[int]] = {}
    for e, others in prepared.wanted.items():
        for f in others:
            related.setdefault(e, set()).add(f)
            related.setdefault(f, set()).add(e)
    found = []
    for e, partners in sorted(related.items()):
        if len(partners) != 1:
            continue
        (f,) = partners
        if f <= e or related[f] != {e} or e not in row_of or f not in row_of:
            continue
        wishes = (f in prepared.wanted.get(e, ())) + (e in prepared.wanted.get(f, ()))
        found.append((e, f, wishes))
    return found


def _without_wish(
    prepared: Prepared, reduced: np.ndarray, column: dict[int, int], e: int, f: int
) -> np.ndarray:
    """``e``'s reduced values without the reward for wanting ``f`` that the assignment's
    values count on every booth where ``f`` could stand beside it."""
    own = reduced.copy()
    if f not in prepared.wanted.get(e, ()):
        return own
    reach = set(prepared.candidates[f])
    weight = prepared.problem.weights.wanted_neighbour
    for b in prepared.candidates[e]:
        if any(o in reach for o in prepared.neighbours[b]):
            own[column[b]] -= weight
    return own


def _joint(
    prepared: Prepared,
    own_e: np.ndarray,
    own_f: np.ndarray,
    column: dict[int, int],
    e: int,
    f: int,
    reward: int,
) -> float:
    """The pair's best at these prices: each on a booth or on none, never the same booth,
    ``reward`` more when side by side."""
    top_e = np.argsort(-own_e)[:2]
    top_f = np.argsort(-own_f)[:2]
    apart = max(
        0.0,
        float(own_e[top_e[0]]),
        float(own_f[top_f[0]]),
        max((float(own_e[a] + own_f[b]) for a in top_e for b in top_f if a != b), default=0.0),
    )
    reach = set(prepared.candidates[f])
    beside = -math.inf
    for b in prepared.candidates[e]:
        for o in prepared.neighbours[b]:
            if o in reach:
                beside = max(beside, float(own_e[column[b]] + own_f[column[o]]) + reward)
    return max(apart, beside)
