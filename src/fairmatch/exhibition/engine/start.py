"""A first allocation before the search: as many exhibitors placed as any allocation can
place (which proves that number), and among those the best on the wishes that do not
depend on neighbours (an assignment problem, solved exactly)."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from .prepare import Prepared, unary_score


def best_matching(prepared: Prepared) -> dict[int, int]:
    """Booth per exhibitor (locked ones included) placing the most exhibitors, and among
    those the most neighbour-free reward."""
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
    best_unary = 0
    for i, e in enumerate(free):
        for b in prepared.candidates[e]:
            score = unary_score(prepared, e, b)
            gains[i, column[b]] = score
            feasible[i, column[b]] = True
            best_unary = max(best_unary, score)
    # One more exhibitor placed outweighs any change in the other rewards.
    placement = float((best_unary + 1) * (len(free) + 1))
    gains[feasible] += placement
    rows, cols = linear_sum_assignment(gains, maximize=True)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if feasible[i, j]:
            result[free[i]] = booths[j]
    return result
