"""The start: the most exhibitors placed, best on the booth-alone rewards, and a bound."""

import numpy as np

from benchmarks._booth_fairs import generate_floor
from fairmatch.exhibition.engine import (
    BoothSpec,
    ExhibitorSpec,
    HallSpec,
    Problem,
    Rect,
    Weights,
    ZoneSpec,
)
from fairmatch.exhibition.engine.evaluate import score
from fairmatch.exhibition.engine.prepare import prepare, unary_score
from fairmatch.exhibition.engine.start import (
    BoothTable,
    assignment_bounds,
    best_matching,
    separable_bound,
)


def test_the_rewards_computed_at_once_are_those_of_unary_score():
    prepared = prepare(generate_floor(exhibitors=150, seed=2))
    table = BoothTable(prepared)
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


def test_a_wanted_neighbour_counts_in_the_bound_only_where_the_pair_can_stand_together():
    # Two pavilions far apart; "a" prefers one and wants "b", who prefers the other. Either
    # both stand in one pavilion (one preference and the wish met: 70) or apart (60); the
    # assignment alone would promise both preferences and the wish (100).
    zones = (ZoneSpec("A", "H", "field", field="food"), ZoneSpec("B", "H", "field", field="tools"))
    booths = tuple(
        BoothSpec(f"{zone}{i}", "H", Rect(10 + 3 * i, y, 3, 3), zone=zone)
        for zone, y in (("A", 2), ("B", 20))
        for i in range(2)
    )
    exhibitors = (
        ExhibitorSpec("a", "CN", preferred_zone="A", wanted=("b",)),
        ExhibitorSpec("b", "CN", preferred_zone="B"),
    )
    weights = Weights(field_neighbours=0, sponsor_footfall=0)
    hall = HallSpec("H", Rect(0, 0, 40, 30))
    prepared = prepare(Problem((hall,), zones, booths, exhibitors, weights))
    assert assignment_bounds(prepared) == (100, 70)
    both_in_a = {0: 0, 1: 1}
    assert score(prepared, both_in_a) == 70
