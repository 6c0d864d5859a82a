"""A generated fair too large for one model: the local search keeps the hard rules and
improves the start, reporting as it goes."""

from benchmarks._booth_fairs import generate_floor
from fairmatch.exhibition.engine import (
    BoothSpec,
    ExhibitorSpec,
    HallSpec,
    Problem,
    Rect,
    Status,
    ZoneSpec,
    allocate,
    violations,
)
from fairmatch.exhibition.engine.lns import _zones_of
from fairmatch.exhibition.engine.prepare import prepare
from fairmatch.exhibition.engine.solver import WHOLE_MODEL_CHOICES


def test_a_large_floor_is_improved_by_local_search():
    problem = generate_floor(exhibitors=300, seed=3)
    choices = sum(
        sum(spec.fits(b) and not b.blocked for b in problem.booths) for spec in problem.exhibitors
    )
    assert choices > WHOLE_MODEL_CHOICES
    seen = []
    allocation = allocate(problem, time_limit=6, progress=seen.append, seed=3)
    assert violations(problem, allocation) == []
    assert allocation.placed == allocation.placeable
    assert allocation.status in (Status.FEASIBLE, Status.OPTIMAL)
    start = seen[0]
    assert start.phase == "start"
    assert allocation.objective > start.objective
    assert allocation.objective <= allocation.bound == start.bound
    assert [p.objective for p in seen[1:]] == sorted(p.objective for p in seen[1:])


def test_the_generated_floor_is_reproducible():
    assert generate_floor(exhibitors=120, seed=5) == generate_floor(exhibitors=120, seed=5)


def test_a_zone_move_frees_the_zones_an_exhibitors_wishes_concern():
    zones = (
        ZoneSpec("X", "H", "field", field="food"),
        ZoneSpec("Y", "H", "field", field="tools"),
        ZoneSpec("P", "H", "country", country="DE"),
        ZoneSpec("W", "H", "field", field="toys"),
        ZoneSpec("V", "H", "field", field="wine"),
    )
    booths = tuple(
        BoothSpec(f"{zone.key}0", "H", Rect(10, 2 + 5 * i, 3, 3), zone=zone.key)
        for i, zone in enumerate(zones)
    )
    exhibitors = (
        ExhibitorSpec("a", "DE", preferred_zone="Y", wanted=("b",)),
        ExhibitorSpec("b", "CN"),
        ExhibitorSpec("c", "CN"),
    )
    hall = HallSpec("H", Rect(0, 0, 40, 40))
    prepared = prepare(Problem((hall,), zones, booths, exhibitors))
    # a in X, b in W, c in V: c's zone is none of a's concern.
    assert _zones_of(prepared, {0: 0, 1: 3, 2: 4}, 0) == frozenset({"X", "Y", "P", "W"})
    assert _zones_of(prepared, {0: 0, 1: 3, 2: 4}, 2) == frozenset({"V"})
