"""Fair suggestions for a whole edition: a b-matching solved as a min-cost flow.

Network: source -> buyer (capacity: the buyer's usable slots and quota) -> provider (one
arc per candidate pair, capacity 1, cost -score) -> sink (capacity: the provider's slots
and quota). The provider's arc to the sink is split in two: its first ``minimum`` units
carry a bonus larger than any total score, so the solver first lifts as many providers
as the data allows to the minimum, then maximises the total score. A free arc from
source to sink lets flow stay unused. Min-cost flow on integer capacities has integral
optimal solutions, so the result is an optimal b-matching over the candidate pairs.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from ortools.graph.python import min_cost_flow

from fairmatch.matching.engine.model import Distribution, Suggestions
from fairmatch.matching.engine.recommend import ranked
from fairmatch.matching.engine.scoring import ScoreTable

SCALE = 10_000  # scores in [0, 1] become integer costs with four decimals


class AssignmentError(RuntimeError):
    """The flow solver did not return an optimal solution."""


@dataclass(frozen=True, slots=True)
class Assignment:
    """Pairs (buyer index, provider index) chosen, and their total score."""

    pairs: tuple[tuple[int, int], ...]
    objective: float
    status: str


def candidate_pairs(
    scores: npt.NDArray[np.float32], *, per_participant: int | None, min_score: float
) -> npt.NDArray[np.intp]:
    """Pairs worth suggesting: each side's ``per_participant`` best (all when None) above
    ``min_score``, as rows of (buyer, provider)."""
    if per_participant is None or per_participant >= max(scores.shape):
        keep = np.ones(scores.shape, dtype=bool)
    else:
        keep = np.zeros(scores.shape, dtype=bool)
        rows = np.arange(scores.shape[0])[:, None]
        keep[rows, ranked(scores, top=per_participant)] = True
        columns = np.arange(scores.shape[1])[:, None]
        keep.T[columns, ranked(scores.T, top=per_participant)] = True
    keep &= scores > min_score
    return np.argwhere(keep)


def assign(
    *,
    scores: npt.NDArray[np.float32],
    buyer_capacity: Sequence[int],
    provider_capacity: Sequence[int],
    minimum_per_provider: int,
    candidates: int | None = 50,
    min_score: float = 0.0,
) -> Assignment:
    """The b-matching of maximum total score under the capacities, with the minimum first.

    ``scores[b, p]`` in [0, 1]; a pair scoring ``min_score`` or less is never suggested.
    """
    n_buyers, n_providers = scores.shape
    pairs = candidate_pairs(scores, per_participant=candidates, min_score=min_score)
    source, sink = n_buyers + n_providers, n_buyers + n_providers + 1
    supply = int(sum(max(c, 0) for c in buyer_capacity))
    # Any score gain is smaller than one minimum unit: the bonus makes the minimum come first.
    bonus = SCALE * (supply + 1)
    tails: list[int] = []
    heads: list[int] = []
    capacities: list[int] = []
    costs: list[int] = []

    def arc(tail: int, head: int, capacity: int, cost: int) -> None:
        tails.append(tail)
        heads.append(head)
        capacities.append(capacity)
        costs.append(cost)

    for buyer, capacity in enumerate(buyer_capacity):
        arc(source, buyer, max(capacity, 0), 0)
    first_pair_arc = len(tails)
    pair_costs = -np.round(scores[pairs[:, 0], pairs[:, 1]].astype(np.float64) * SCALE)
    tails.extend(pairs[:, 0].tolist())
    heads.extend((pairs[:, 1] + n_buyers).tolist())
    capacities.extend([1] * len(pairs))
    costs.extend(pair_costs.astype(np.int64).tolist())
    for provider, capacity in enumerate(provider_capacity):
        capacity = max(capacity, 0)
        floor = min(minimum_per_provider, capacity)
        arc(n_buyers + provider, sink, floor, -bonus)
        arc(n_buyers + provider, sink, capacity - floor, 0)
    arc(source, sink, supply, 0)
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(
        np.array(tails, dtype=np.int32),
        np.array(heads, dtype=np.int32),
        np.array(capacities, dtype=np.int64),
        np.array(costs, dtype=np.int64),
    )
    solver.set_node_supply(source, supply)
    solver.set_node_supply(sink, -supply)
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise AssignmentError(f"min-cost flow ended with status {status}")
    flows = solver.flows(arcs[first_pair_arc : first_pair_arc + len(pairs)])
    chosen = pairs[np.flatnonzero(flows > 0)]
    objective = float(scores[chosen[:, 0], chosen[:, 1]].astype(np.float64).sum())
    return Assignment(
        pairs=tuple((int(b), int(p)) for b, p in chosen),
        objective=round(objective, 4),
        status="optimal",
    )


def distribution(counts: Sequence[int], capacities: Sequence[int]) -> Distribution:
    """Summary of how many suggestions each participant of one side has."""
    values = np.asarray(counts, dtype=np.int64)
    if values.size == 0:
        return Distribution(minimum=0, median=0.0, maximum=0, without_any=0, at_capacity=0)
    return Distribution(
        minimum=int(values.min()),
        median=float(np.median(values)),
        maximum=int(values.max()),
        without_any=int((values == 0).sum()),
        at_capacity=int((values >= np.asarray(capacities)).sum()),
    )


def suggest(
    *,
    table: ScoreTable,
    minimum_per_provider: int = 3,
    candidates: int | None = 50,
    min_score: float = 0.0,
    explain: bool = False,
) -> Suggestions:
    """Suggested meetings for the whole edition, with the distributions before and after.

    "Before" is what plain recommendations produce: every provider asks its best buyers up
    to its quota, so popular buyers are swamped and weak providers get little.
    """
    started = time.perf_counter()
    edition = table.edition
    buyer_capacity = [min(b.slots, b.quota) for b in edition.buyers]
    provider_capacity = [min(p.slots, p.quota) for p in edition.providers]
    result = assign(
        scores=table.total,
        buyer_capacity=buyer_capacity,
        provider_capacity=provider_capacity,
        minimum_per_provider=minimum_per_provider,
        candidates=candidates,
        min_score=min_score,
    )
    after_buyers = np.zeros(len(edition.buyers), dtype=np.int64)
    after_providers = np.zeros(len(edition.providers), dtype=np.int64)
    for buyer, provider in result.pairs:
        after_buyers[buyer] += 1
        after_providers[provider] += 1
    before_buyers = np.zeros(len(edition.buyers), dtype=np.int64)
    before_providers = np.zeros(len(edition.providers), dtype=np.int64)
    before_objective = 0.0
    best = ranked(table.total.T, top=max(provider_capacity, default=0))
    for provider, rows in enumerate(best):
        for buyer in rows[: provider_capacity[provider]]:
            if table.total[buyer, provider] > min_score:
                before_buyers[buyer] += 1
                before_providers[provider] += 1
                before_objective += float(table.total[buyer, provider])
    floors = [min(minimum_per_provider, c) for c in provider_capacity]
    below = int(
        sum(1 for count, floor in zip(after_providers, floors, strict=True) if count < floor)
    )
    return Suggestions(
        pairs=tuple(table.match(buyer=b, provider=p, explain=explain) for b, p in result.pairs),
        objective=result.objective,
        before_objective=round(before_objective, 4),
        minimum_per_provider=minimum_per_provider,
        providers_below_minimum=below,
        before={
            "buyers": distribution(before_buyers.tolist(), buyer_capacity),
            "providers": distribution(before_providers.tolist(), provider_capacity),
        },
        after={
            "buyers": distribution(after_buyers.tolist(), buyer_capacity),
            "providers": distribution(after_providers.tolist(), provider_capacity),
        },
        status=result.status,
        seconds=round(time.perf_counter() - started, 3),
    )
