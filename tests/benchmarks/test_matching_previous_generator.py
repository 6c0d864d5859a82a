"""The previous generator (glossary-era wording): reproducible, no planted pair shares a phrase."""

import numpy as np
import pytest

from benchmarks._matching_data.evaluation import field_only_scores, partner_ranks, quality, rank_of
from benchmarks._matching_data.previous.generator import generate
from benchmarks._matching_data.previous.phrases import SERVICES, SPECIALTIES


def phrases_in(text, pools):
    return {phrase for pool in pools for phrase in pool if phrase in text}


def test_same_seed_same_edition_other_seed_other_edition():
    assert generate(participants=60, seed=3) == generate(participants=60, seed=3)
    assert generate(participants=60, seed=3) != generate(participants=60, seed=4)


def test_planted_partners_are_described_in_other_words():
    synthetic = generate(participants=400, seed=5)
    pools = [pool for _field, by_language in SERVICES.values() for pool in by_language.values()]
    pools += [
        pool
        for by_code in SPECIALTIES.values()
        for by_language in by_code.values()
        for pool in by_language.values()
    ]
    assert synthetic.planted
    assert any(pair.cross_lingual for pair in synthetic.planted)
    assert any(not pair.cross_lingual for pair in synthetic.planted)
    for pair in synthetic.planted:
        demand = synthetic.edition.buyers[pair.buyer].demands[pair.demand]
        capability = synthetic.edition.providers[pair.provider].text
        assert not phrases_in(demand.text, pools) & phrases_in(capability, pools)


def test_ranks_and_metrics():
    row = np.array([0.5, 0.9, 0.5, 0.1], dtype=np.float32)
    assert [rank_of(row, column) for column in range(4)] == [2, 1, 3, 4]
    measured = quality([1, 3, 20], k=10)
    assert (measured.pairs, round(measured.recall, 3), round(measured.ndcg, 3)) == (3, 0.667, 0.5)


def test_the_field_only_baseline_ranks_planted_partners_poorly():
    synthetic = generate(participants=400, seed=5)
    ranks = partner_ranks(field_only_scores(synthetic.edition), synthetic.planted)
    assert quality(ranks["buyers"], k=10).recall < 0.2


def test_held_out_wording_changes_the_demands_only():
    development = generate(participants=200, seed=9)
    held_out = generate(participants=200, seed=9, phrasings="held_out")
    assert held_out.planted == development.planted
    assert [(p.fields, p.capacity_usd) for p in held_out.edition.providers] == [
        (p.fields, p.capacity_usd) for p in development.edition.providers
    ]
    assert [d.text for b in held_out.edition.buyers for d in b.demands] != [
        d.text for b in development.edition.buyers for d in b.demands
    ]
    with pytest.raises(ValueError, match="phrasings: must be one of development, held_out"):
        generate(participants=10, phrasings="other")
