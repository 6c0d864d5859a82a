"""The matching benchmark's generator: reproducible, complete, and its held-out wording new."""

import re

import pytest

from benchmarks._matching_data import wording, wording_held_out
from benchmarks._matching_data.evaluation import (
    field_only_scores,
    grouped,
    partner_ranks,
    quality,
    rank_of,
)
from benchmarks._matching_data.generator import generate


def texts_of(pool):
    """The strings of a nested pool (dicts of dicts of tuples)."""
    if isinstance(pool, str):
        return [pool]
    values = pool.values() if isinstance(pool, dict) else pool
    return [text for value in values for text in texts_of(value)]


def phrases(module, *, providers=False):
    """Every phrase of a wording module: its services, markets and details whole, its frames
    cut at their placeholders (glue such as "years." or "Contrat de" may recur)."""
    pools = [module.DEMAND_SERVICES, module.DEMAND_MARKETS, module.DEMAND_DETAILS]
    if providers:
        pools += [module.PROVIDER_SERVICES, module.PROVIDER_MARKETS]
    found = set(texts_of(pools))
    for frame in texts_of(module.DEMAND_FRAMES):
        for part in re.split(r"\{\w\}", frame):
            if len(part.strip(" .,:;!?()|-–/、。！？：；（）｜")) >= 10:
                found.add(part.strip())
    return found


def test_the_same_seed_gives_the_same_edition_and_another_seed_another():
    assert generate(participants=80, seed=3) == generate(participants=80, seed=3)
    assert generate(participants=80, seed=3) != generate(participants=80, seed=4)


def test_held_out_phrases_share_no_phrase_with_the_development_set():
    development = phrases(wording, providers=True)
    held_out = phrases(wording_held_out)
    assert len(held_out) == 289
    assert development & held_out == set()
    assert not [p for p in held_out if any(p in d or d in p for d in development)]


def test_providers_never_use_a_buyers_phrase():
    buyers = phrases(wording) | phrases(wording_held_out)
    providers = set(texts_of([wording.PROVIDER_SERVICES, wording.PROVIDER_MARKETS]))
    assert buyers & providers == set()


@pytest.mark.parametrize("module", [wording, wording_held_out])
def test_every_service_market_register_and_language_is_worded(module):
    for service, field in wording.FIELDS.items():
        assert set(module.DEMAND_SERVICES[service]) == set(wording.BUYER_LANGUAGES)
        assert set(module.DEMAND_DETAILS[field]) == set(wording.BUYER_LANGUAGES)
        assert set(wording.PROVIDER_SERVICES[service]) == set(wording.PROVIDER_LANGUAGES)
    for markets in wording.MARKETS.values():
        for market in markets:
            assert set(module.DEMAND_MARKETS[market]) == set(wording.BUYER_LANGUAGES)
    assert set(module.DEMAND_FRAMES) == set(wording.REGISTERS)
    for frames in module.DEMAND_FRAMES.values():
        assert set(frames) == set(wording.BUYER_LANGUAGES)


def test_held_out_wording_changes_the_demands_only():
    development = generate(participants=300, seed=9)
    held_out = generate(participants=300, seed=9, wording_set="held_out")
    assert held_out.planted == development.planted
    assert held_out.edition.providers == development.edition.providers
    development_texts = [d.text for b in development.edition.buyers for d in b.demands]
    held_out_texts = [d.text for b in held_out.edition.buyers for d in b.demands]
    assert all(a != b for a, b in zip(development_texts, held_out_texts, strict=True))
    with pytest.raises(ValueError, match="wording: must be one of development, held_out"):
        generate(participants=10, wording_set="other")


def test_every_buyer_language_and_register_has_planted_pairs_both_ways():
    planted = generate(participants=2000, seed=1).planted
    assert {p.buyer_language for p in planted} == set(wording.BUYER_LANGUAGES)
    assert {p.provider_language for p in planted} == {"zh", "en"}
    assert {p.register for p in planted} == set(wording.REGISTERS)
    same = [p for p in planted if not p.cross_lingual]
    assert {(p.buyer_language, p.provider_language) for p in same} == {("en", "en")}
    assert len(same) >= 80


def test_ranks_metrics_and_groups():
    import numpy as np

    row = np.array([0.5, 0.9, 0.5, 0.1], dtype=np.float32)
    assert [rank_of(row, column) for column in range(4)] == [2, 1, 3, 4]
    measured = quality([1, 3, 20], k=10)
    assert (measured.pairs, round(measured.recall, 3), round(measured.ndcg, 3)) == (3, 0.667, 0.5)
    synthetic = generate(participants=400, seed=5)
    ranks = partner_ranks(field_only_scores(synthetic.edition), synthetic.planted)
    by_language = grouped(ranks["buyers"], synthetic.planted, lambda p: p.buyer_language, k=10)
    assert by_language["all"].pairs == len(synthetic.planted)
    assert sum(q.pairs for name, q in by_language.items() if name != "all") == len(
        synthetic.planted
    )
    assert by_language["all"].recall < 0.2
