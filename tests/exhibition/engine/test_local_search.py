"""A generated fair too large for one model: the local search keeps the hard rules and
improves the start, reporting as it goes."""

from benchmarks._booth_fairs import generate_floor
from fairmatch.exhibition.engine import Status, allocate, violations
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
