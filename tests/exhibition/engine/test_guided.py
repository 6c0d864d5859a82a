"""Guided windows: chains of exhibitors across the floor that no trade of two can make, found
by one assignment problem and re-placed by the local search."""

import random
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
from fairmatch.exhibition.engine.guided import guided_windows
from fairmatch.exhibition.engine.lns import improve
from fairmatch.exhibition.engine.prepare import prepare

HALL = HallSpec("H", Rect(0, 0, 60, 40))
ZONES = tuple(ZoneSpec(key, "H", "other") for key in "ABC")
WEIGHTS = Weights(field_neighbours=0, sponsor_footfall=0)
# Three booths far apart: a 9 m² shell booth in zone A, a 12 m² space-only booth in B and
# an 18 m² shell booth in C.
BOOTHS = (
    BoothSpec("A0", "H", Rect(2, 2, 3, 3), zone="A"),
    BoothSpec("B0", "H", Rect(30, 2, 3, 4), kind="space", zone="B"),
    BoothSpec("C0", "H", Rect(2, 30, 6, 3), zone="C"),
)
# Each sits on the booth the next one wants, and each fits only its own booth and the one
# it wants: every exhibitor gains only when all three move round at once.
EXHIBITORS = (
    ExhibitorSpec("a", "CN", min_area=9, max_area=18, kind="shell", preferred_zone="A"),
    ExhibitorSpec("c", "CN", min_area=9, max_area=12, preferred_zone="B"),
    ExhibitorSpec("d", "CN", min_area=12, max_area=18, preferred_zone="C"),
)
# a on C0, c on A0, d on B0.
START = {0: 2, 1: 0, 2: 1}


def three_way_floor():
    return prepare(Problem((HALL,), ZONES, BOOTHS, EXHIBITORS, WEIGHTS))


def test_no_trade_of_two_gains_on_the_three_way_floor():
    prepared = three_way_floor()
    current = dict(START)
    assert score(prepared, current) == 0
    gain = exchange(prepared, current, exhibitors=[0, 1, 2], deadline=time.monotonic() + 10)
    assert (gain, current) == (0, START)


def test_the_assignment_finds_the_three_way_chain():
    prepared = three_way_floor()
    windows = guided_windows(prepared, dict(START), random.Random(0), stay=1.0, largest=10)
    assert windows == [{0, 1, 2}]


def test_a_chain_larger_than_a_window_is_left_out():
    prepared = three_way_floor()
    assert guided_windows(prepared, dict(START), random.Random(0), stay=1.0, largest=2) == []


def test_a_large_bonus_for_staying_keeps_everyone_home():
    prepared = three_way_floor()
    windows = guided_windows(
        prepared, dict(START), random.Random(0), stay=1.0, largest=10, settled={0: 100.0}
    )
    assert windows == []


def test_the_local_search_moves_the_three_round():
    prepared = three_way_floor()
    best = [0]
    found = improve(
        prepared,
        dict(START),
        deadline=time.monotonic() + 30,
        seed=0,
        workers=2,
        on_better=lambda allocation, value: best.append(value),
        # Ends at the optimum rather than at the deadline.
        should_stop=lambda: max(best) >= 90,
    )
    assert found == {0: 0, 1: 1, 2: 2}
    assert score(prepared, found) == 90
