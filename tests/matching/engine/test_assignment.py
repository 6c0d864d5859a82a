"""Fair suggestions: limits never exceeded, the minimum met when feasible, optimal score."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.graph.python import max_flow

from fairmatch.matching.engine import Buyer, Demand, Edition, Provider, assign, score_pairs, suggest


@st.composite
def instances(draw):
    buyers = draw(st.integers(1, 6))
    providers = draw(st.integers(1, 8))
    scores = (
        np.array(
            draw(
                st.lists(
                    st.integers(0, 100), min_size=buyers * providers, max_size=buyers * providers
                )
            ),
            dtype=np.float32,
        ).reshape(buyers, providers)
        / 100
    )
    buyer_capacity = draw(st.lists(st.integers(0, 5), min_size=buyers, max_size=buyers))
    provider_capacity = draw(st.lists(st.integers(0, 4), min_size=providers, max_size=providers))
    minimum = draw(st.integers(0, 3))
    return scores, buyer_capacity, provider_capacity, minimum


def minimum_is_feasible(scores, buyer_capacity, provider_capacity, minimum, min_score):
    """Independent check: can every provider reach min(minimum, capacity) at once?"""
    buyers, providers = scores.shape
    source, sink = buyers + providers, buyers + providers + 1
    flow = max_flow.SimpleMaxFlow()
    for b, capacity in enumerate(buyer_capacity):
        flow.add_arc_with_capacity(source, b, capacity)
    for b, p in itertools.product(range(buyers), range(providers)):
        if scores[b, p] > min_score:
            flow.add_arc_with_capacity(b, buyers + p, 1)
    needed = 0
    for p, capacity in enumerate(provider_capacity):
        floor = min(minimum, capacity)
        needed += floor
        flow.add_arc_with_capacity(buyers + p, sink, floor)
    assert flow.solve(source, sink) == flow.OPTIMAL
    return flow.optimal_flow() == needed


@settings(max_examples=150, deadline=None)
@given(instances(), st.sampled_from([0.0, 0.3]))
def test_limits_hold_and_the_minimum_is_met_when_feasible(instance, min_score):
    scores, buyer_capacity, provider_capacity, minimum = instance
    result = assign(
        scores=scores,
        buyer_capacity=buyer_capacity,
        provider_capacity=provider_capacity,
        minimum_per_provider=minimum,
        candidates=None,
        min_score=min_score,
    )
    assert len(set(result.pairs)) == len(result.pairs)
    per_buyer = np.bincount([b for b, _ in result.pairs], minlength=scores.shape[0])
    per_provider = np.bincount([p for _, p in result.pairs], minlength=scores.shape[1])
    assert (per_buyer <= np.array(buyer_capacity)).all()
    assert (per_provider <= np.array(provider_capacity)).all()
    assert all(scores[b, p] > min_score for b, p in result.pairs)
    floors = np.minimum(minimum, np.array(provider_capacity))
    if minimum_is_feasible(scores, buyer_capacity, provider_capacity, minimum, min_score):
        assert (per_provider >= floors).all()


@settings(max_examples=60, deadline=None)
@given(instances())
def test_without_a_minimum_the_total_score_is_the_best_possible(instance):
    scores, buyer_capacity, provider_capacity, _ = instance
    # Tiny instances: compare with every subset of pairs (brute force).
    buyers, providers = scores.shape
    if buyers * providers > 10:
        scores = scores[:2, :4]
        buyer_capacity, provider_capacity = buyer_capacity[:2], provider_capacity[:4]
        buyers, providers = scores.shape
    result = assign(
        scores=scores,
        buyer_capacity=buyer_capacity,
        provider_capacity=provider_capacity,
        minimum_per_provider=0,
        candidates=None,
    )
    pairs = [(b, p) for b in range(buyers) for p in range(providers) if scores[b, p] > 0]
    best = 0.0
    for chosen in itertools.product((0, 1), repeat=len(pairs)):
        picked = [pair for pair, take in zip(pairs, chosen, strict=True) if take]
        if all(
            sum(1 for b, _ in picked if b == i) <= buyer_capacity[i] for i in range(buyers)
        ) and all(
            sum(1 for _, p in picked if p == j) <= provider_capacity[j] for j in range(providers)
        ):
            best = max(best, float(sum(scores[b, p] for b, p in picked)))
    assert abs(result.objective - best) < 1e-3


def test_a_popular_buyer_is_not_swamped_and_every_provider_gets_its_minimum():
    # Every provider prefers "star"; plain top picks would send all five there.
    scores = np.array(
        [
            [0.9, 0.9, 0.9, 0.9, 0.9],  # star
            [0.5, 0.5, 0.5, 0.5, 0.5],
            [0.4, 0.4, 0.4, 0.4, 0.4],
        ],
        dtype=np.float32,
    )
    result = assign(
        scores=scores,
        buyer_capacity=[2, 2, 2],
        provider_capacity=[2, 2, 2, 2, 2],
        minimum_per_provider=1,
        candidates=None,
    )
    per_buyer = np.bincount([b for b, _ in result.pairs], minlength=3)
    per_provider = np.bincount([p for _, p in result.pairs], minlength=5)
    assert per_buyer.tolist() == [2, 2, 2]
    assert per_provider.min() == 1
    assert result.objective == round(2 * 0.9 + 2 * 0.5 + 2 * 0.4, 4)


def test_the_minimum_comes_before_the_score():
    # Maximising the score alone would send both buyers to provider 0 (0.9 + 0.8) and leave
    # provider 1 without a suggestion; with a minimum of 1, buyer 1 goes to provider 1.
    scores = np.array([[0.9, 0.0], [0.8, 0.1]], dtype=np.float32)
    options = dict(scores=scores, buyer_capacity=[1, 1], provider_capacity=[2, 1], candidates=None)
    assert sorted(assign(**options, minimum_per_provider=0).pairs) == [(0, 0), (1, 0)]
    assert sorted(assign(**options, minimum_per_provider=1).pairs) == [(0, 0), (1, 1)]


def test_suggest_reports_distributions_before_and_after():
    buyers = tuple(
        Buyer(
            id=f"b{i}",
            fields=frozenset({"software"}),
            demands=(Demand(field="software", kind="outsourcing", value_usd=1e6),),
            slots=2,
            quota=2,
        )
        for i in range(2)
    )
    providers = tuple(
        Provider(id=f"p{i}", fields=frozenset({"software"}), capacity_usd=5e6, slots=3, quota=3)
        for i in range(4)
    )
    plan = suggest(
        table=score_pairs(edition=Edition(buyers=buyers, providers=providers)),
        minimum_per_provider=1,
    )
    assert len(plan.pairs) == 4
    assert plan.providers_below_minimum == 0
    assert (plan.before["buyers"].maximum, plan.after["buyers"].maximum) == (4, 2)
    assert (plan.after["providers"].minimum, plan.after["providers"].maximum) == (1, 1)
    assert plan.status == "optimal"
