"""The start: the most exhibitors placed, best on the booth-alone rewards, and a bound."""

import numpy as np

from benchmarks._booth_fairs import generate_floor
from fairmatch.exhibition.engine.evaluate import score
from fairmatch.exhibition.engine.prepare import prepare, unary_score
from fairmatch.exhibition.engine.start import _BoothTable, best_matching, separable_bound


def test_the_rewards_computed_at_once_are_those_of_unary_score():
    prepared = prepare(generate_floor(exhibitors=150, seed=2))
    table = _BoothTable(prepared)
    for e, options in enumerate(prepared.candidates):
        gains = table.gains(e, np.asarray(options, dtype=np.int64), group_fields=False)
        assert gains.tolist() == [unary_score(prepared, e, b) for b in options]


def test_the_start_places_everyone_it_can_and_stays_under_the_bound():
    prepared = prepare(generate_floor(exhibitors=150, seed=2))
    plain = best_matching(prepared)
    grouped = best_matching(prepared, group_fields=True)
    assert len(plain) == len(grouped)
    assert len(set(plain.values())) == len(plain)
    bound = separable_bound(prepared, plain)
    assert score(prepared, plain) <= bound
    assert score(prepared, grouped) <= bound
    unary = sum(unary_score(prepared, e, b) for e, b in plain.items())
    assert unary >= sum(unary_score(prepared, e, b) for e, b in grouped.items())
