"""Windows chosen by one assignment problem over the whole floor, for the local search.

The windows of lns.py are balls in the neighbour graph, and the exchanges of exchange.py
trade two exhibitors at a time. Neither reaches a chain such as: an exhibitor enters its
pavilion on a booth whose holder moves to a booth of its size in its preferred zone, whose
holder in turn takes the first one's old booth. An assignment problem finds such chains
across the whole floor at once: each exhibitor is valued on each booth it fits at what it
would earn there among today's neighbours, with a bonus for staying where it is, so that
only the chains that gain move. The booths of a few of those chains make a window that
CP-SAT then re-places exactly, neighbours and all, as for any other window.
"""

from __future__ import annotations

import random

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix

from .prepare import Prepared
from .start import BoothTable


def guided_windows(
    prepared: Prepared,
    current: dict[int, int],
    rng: random.Random,
    *,
    stay: float,
    largest: int,
    noise: float = 0.0,
    settled: dict[int, float] | None = None,
) -> list[set[int]]:
    """Windows of at most ``largest`` booths, each the booths of whole chains that the
    assignment moves (an exhibitor to the booth another one leaves, or a free one), in
    random order. ``noise`` (up to that many points on each value) and ``settled`` (a
    larger bonus for staying, per exhibitor whose chains gained nothing before) make the
    next call propose other chains. Empty when everyone stays home."""
    at = {b: e for e, b in current.items()}
    movers = [e for e in current if e not in prepared.locked]
    if not movers:
        return []
    booths = sorted(
        {b for e in movers for b in prepared.candidates[e]} - set(prepared.locked.values())
    )
    values = _values(prepared, current, at, movers, booths)
    column = {b: j for j, b in enumerate(booths)}
    if noise > 0:
        jitter = np.random.default_rng(rng.randrange(2**32))
        values += jitter.uniform(0.0, noise, size=values.shape)
    extra = settled or {}
    for i, e in enumerate(movers):
        values[i, column[current[e]]] += stay + extra.get(e, 0.0)
    feasible = np.isfinite(values)
    gains = np.where(feasible, values, 0.0)
    # Everyone keeps a booth: one more exhibitor placed outweighs any value.
    placement = float((np.abs(gains).max() + 1) * (len(movers) + 1))
    gains[feasible] += placement
    rows, cols = linear_sum_assignment(gains, maximize=True)
    target = {movers[i]: booths[j] for i, j in zip(rows.tolist(), cols.tolist(), strict=True)}
    moved = {e: b for e, b in target.items() if b != current[e]}
    chains = _chains(current, at, moved)
    return _pack(chains, current, moved, rng, largest)


def _values(
    prepared: Prepared,
    current: dict[int, int],
    at: dict[int, int],
    movers: list[int],
    booths: list[int],
) -> np.ndarray:
    """What each mover would earn on each booth (its row; -inf where it does not fit)
    among today's neighbours: its booth-alone reward, a field neighbour, a compatriot
    beside it inside its pavilion, its wanted and avoided neighbours."""
    weights = prepared.problem.weights
    n_booths = len(prepared.problem.booths)
    table = BoothTable(prepared)
    rows = [b for b in range(n_booths) for _ in prepared.neighbours[b]]
    cols = [o for b in range(n_booths) for o in prepared.neighbours[b]]
    adjacency = csr_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n_booths, n_booths)
    )
    # Per field (and per pavilion country), how many neighbours of each booth show it.
    showing: dict[str, np.ndarray] = {}
    compatriots: dict[str, np.ndarray] = {}
    for b, e in at.items():
        spec = prepared.exhibitors[e]
        for name in set(spec.fields):
            showing.setdefault(name, np.zeros(n_booths))[b] = 1.0
        if spec.country in prepared.country_zones and table.country[b] == table.code(spec.country):
            compatriots.setdefault(spec.country, np.zeros(n_booths))[b] = 1.0
    beside_field = {name: adjacency @ mask for name, mask in showing.items()}
    beside_country = {country: adjacency @ mask for country, mask in compatriots.items()}
    column = {b: j for j, b in enumerate(booths)}
    values = np.full((len(movers), len(booths)), -np.inf)
    for i, e in enumerate(movers):
        spec = prepared.exhibitors[e]
        options = np.asarray([b for b in prepared.candidates[e] if b in column], dtype=np.int64)
        value = table.gains(e, options, group_fields=False)
        # The exhibitor itself is not its own neighbour: take it off where it stands.
        home = current[e]
        own = np.asarray(
            [home in prepared.neighbours[b] for b in options.tolist()], dtype=np.float64
        )
        if weights.field_neighbours and spec.fields:
            best = np.zeros(len(options))
            for name in set(spec.fields):
                if name in beside_field:
                    best = np.maximum(best, beside_field[name][options] - own)
            value += weights.field_neighbours * (best > 0)
        if weights.country_neighbours and spec.country in beside_country:
            inside = table.country[options] == table.code(spec.country)
            count = beside_country[spec.country][options] - own * float(
                table.country[home] == table.code(spec.country)
            )
            value += weights.country_neighbours * (inside & (count > 0))
        for f in prepared.wanted.get(e, ()):
            if f in current and f != e:
                near = np.asarray([current[f] in prepared.neighbours[b] for b in options.tolist()])
                value += weights.wanted_neighbour * near
        for f in prepared.avoided.get(e, ()):
            if f in current and f != e:
                near = np.asarray([current[f] in prepared.neighbours[b] for b in options.tolist()])
                value -= weights.avoided_neighbour * near
        values[i, [column[b] for b in options.tolist()]] = value
    return values


def _chains(current: dict[int, int], at: dict[int, int], moved: dict[int, int]) -> list[list[int]]:
    """The moved exhibitors grouped into chains: each one with the exhibitor that takes the
    booth it leaves, and the one whose booth it takes."""
    parent = {e: e for e in moved}

    def root(e: int) -> int:
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    for e, b in moved.items():
        holder = at.get(b)
        if holder is not None and holder in moved:
            parent[root(e)] = root(holder)
    groups: dict[int, list[int]] = {}
    for e in moved:
        groups.setdefault(root(e), []).append(e)
    return list(groups.values())


def _pack(
    chains: list[list[int]],
    current: dict[int, int],
    moved: dict[int, int],
    rng: random.Random,
    largest: int,
) -> list[set[int]]:
    """Chains in random order, packed into windows of at most ``largest`` booths (a chain
    larger than that is left out: the windows stay small enough to solve in a second)."""
    order = list(chains)
    rng.shuffle(order)
    windows: list[set[int]] = []
    window: set[int] = set()
    for chain in order:
        booths = {current[e] for e in chain} | {moved[e] for e in chain}
        if len(booths) > largest:
            continue
        if len(window) + len(booths) > largest:
            windows.append(window)
            window = set()
        window |= booths
    if window:
        windows.append(window)
    return windows
