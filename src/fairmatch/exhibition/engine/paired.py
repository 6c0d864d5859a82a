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
from dataclasses import dataclass

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
    most. The prices are the assignment's dual prices: subgradient steps from there
    (300 steps of 0.25 to 16 points) lowered the bound by nothing on the benchmark
    floors."""
    column = {b: j for j, b in enumerate(booths)}
    row_of = {e: i for i, e in enumerate(free)}
    weight = prepared.problem.weights.wanted_neighbour
    pairs = [
        _Pair.of(prepared, gains, column, row_of, e, f, weight * wishes)
        for e, f, wishes in (_pairs(prepared, row_of) if weight > 0 else [])
    ]
    paired_rows = {row for pair in pairs for row in pair.rows}
    singles = np.asarray([i for i in range(len(free)) if i not in paired_rows], dtype=np.int64)
    single_gains = gains[singles]
    constant = fixed - placement * placed

    prices = _prices(gains, rows, cols)
    best = (single_gains - prices[None, :]).max(axis=1, initial=0.0)
    total = constant + float(prices.sum()) + float(best.sum())
    total += sum(pair.best(prices) for pair in pairs)
    return math.floor(total + 1e-6)


@dataclass
class _Pair:
    """Two exhibitors valued together: their reduced values without the wish for each
    other (rows of the assignment), and the booths side by side they could take."""

    rows: tuple[int, int]
    own_e: np.ndarray
    own_f: np.ndarray
    beside_e: np.ndarray
    beside_f: np.ndarray
    reward: float

    @classmethod
    def of(
        cls,
        prepared: Prepared,
        gains: np.ndarray,
        column: dict[int, int],
        row_of: dict[int, int],
        e: int,
        f: int,
        reward: int,
    ) -> _Pair:
        reach = set(prepared.candidates[f])
        edges = [
            (column[b], column[o])
            for b in prepared.candidates[e]
            for o in prepared.neighbours[b]
            if o in reach
        ]
        pairs = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
        return cls(
            rows=(row_of[e], row_of[f]),
            own_e=_without_wish(prepared, gains[row_of[e]], column, e, f),
            own_f=_without_wish(prepared, gains[row_of[f]], column, f, e),
            beside_e=pairs[:, 0],
            beside_f=pairs[:, 1],
            reward=float(reward),
        )

    def best(self, prices: np.ndarray) -> float:
        """The pair's best at these prices: each on a booth or on none, never the same
        booth, ``reward`` more when side by side."""
        own_e = self.own_e - prices
        own_f = self.own_f - prices
        top_e = np.argsort(-own_e)[:2].tolist()
        top_f = np.argsort(-own_f)[:2].tolist()
        value = max(0.0, float(own_e[top_e[0]]), float(own_f[top_f[0]]))
        for a in top_e:
            for b in top_f:
                if a != b:
                    value = max(value, float(own_e[a] + own_f[b]))
        if len(self.beside_e):
            sums = own_e[self.beside_e] + own_f[self.beside_f]
            value = max(value, float(sums.max()) + self.reward)
        return value


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
    prepared: Prepared, values: np.ndarray, column: dict[int, int], e: int, f: int
) -> np.ndarray:
    """``e``'s values without the reward for wanting ``f`` that the assignment's values
    count on every booth where ``f`` could stand beside it."""
    own = values.copy()
    if f not in prepared.wanted.get(e, ()):
        return own
    reach = set(prepared.candidates[f])
    weight = prepared.problem.weights.wanted_neighbour
    for b in prepared.candidates[e]:
        if any(o in reach for o in prepared.neighbours[b]):
            own[column[b]] -= weight
    return own
