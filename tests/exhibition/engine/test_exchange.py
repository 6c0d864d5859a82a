"""Exchanges across the floor: trades between distant booths, and an exhibitor without a
booth taking one from another when that scores more."""

import time

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
from fairmatch.exhibition.engine.exchange import exchange
from fairmatch.exhibition.engine.prepare import prepare

HALL = HallSpec("H", Rect(0, 0, 40, 30))
ZONES = (ZoneSpec("A", "H", "field", field="food"), ZoneSpec("B", "H", "field", field="tools"))
WEIGHTS = Weights(field_neighbours=0, sponsor_footfall=0)


def booth(key: str, zone: str, y: float) -> BoothSpec:
    return BoothSpec(key, "H", Rect(10, y, 3, 3), zone=zone)


def test_two_exhibitors_far_apart_trade_booths():
    exhibitors = (
        ExhibitorSpec("a", "CN", preferred_zone="B"),
        ExhibitorSpec("b", "CN", preferred_zone="A"),
    )
    problem = Problem((HALL,), ZONES, (booth("A0", "A", 2), booth("B0", "B", 20)), exhibitors)
    prepared = prepare(problem)
    current = {0: 0, 1: 1}
    gain = exchange(prepared, current, exhibitors=[0], deadline=time.monotonic() + 10)
    assert (gain, current) == (60, {0: 1, 1: 0})
    assert score(prepared, current) == 60


def test_an_exhibitor_without_a_booth_takes_one_that_scores_more():
    exhibitors = (ExhibitorSpec("x", "CN"), ExhibitorSpec("y", "CN", preferred_zone="A"))
    problem = Problem((HALL,), ZONES, (booth("A0", "A", 2),), exhibitors, WEIGHTS)
    prepared = prepare(problem)
    current = {0: 0}
    gain = exchange(prepared, current, exhibitors=[0], deadline=time.monotonic() + 10)
    assert (gain, current) == (30, {1: 0})
