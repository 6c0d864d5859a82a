"""Every allocation returned keeps the hard rules and places as many exhibitors as can be."""

import itertools

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

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
from fairmatch.exhibition.engine.evaluate import score
from fairmatch.exhibition.engine.prepare import prepare
from fairmatch.exhibition.engine.start import assignment_bounds, best_matching, separable_bound

HALL = HallSpec("H", Rect(0, 0, 60, 30), ((30.0, 0.0),))
WIDTHS = (3.0, 4.0, 6.0)


@st.composite
def problems(draw, max_booths=18, max_exhibitors=12):
    booths = []
    for row in range(draw(st.integers(1, 3))):
        x = 2.0
        for _ in range(draw(st.integers(1, 6))):
            if len(booths) >= max_booths:
                break
            width = draw(st.sampled_from(WIDTHS))
            booths.append(
                BoothSpec(
                    f"B{len(booths)}",
                    "H",
                    Rect(x, 2 + row * 6, width, 3),
                    kind=draw(st.sampled_from(("shell", "space"))),
                    zone=draw(st.sampled_from((None, "DE", "food"))),
                    blocked=draw(st.booleans()) and draw(st.booleans()),
                )
            )
            x += width
    keys = [f"E{i}" for i in range(draw(st.integers(1, max_exhibitors)))]
    exhibitors = []
    for key in keys:
        low = draw(st.sampled_from((9.0, 12.0, 18.0)))
        exhibitors.append(
            ExhibitorSpec(
                key,
                draw(st.sampled_from(("CN", "DE"))),
                tuple(draw(st.sets(st.sampled_from(("food", "tools")), max_size=2))),
                low,
                low + draw(st.sampled_from((0.0, 3.0, 9.0))),
                draw(st.sampled_from((None, "shell", "space"))),
                None,
                draw(st.sampled_from((None, "DE", "food"))),
                tuple(draw(st.sets(st.sampled_from(keys), max_size=2))),
                tuple(draw(st.sets(st.sampled_from(keys), max_size=2))),
                draw(st.integers(0, 3)),
                draw(st.sampled_from([None] * 4 + [b.key for b in booths])),
            )
        )
    zones = (ZoneSpec("DE", "H", "country", country="DE"), ZoneSpec("food", "H", "field", "food"))
    return Problem((HALL,), zones, tuple(booths), tuple(exhibitors), across_aisle=3.0)


def most_placeable(problem: Problem) -> int:
    """An independent count: locked first come first served, then a maximum matching."""
    booths = {b.key: b for b in problem.booths}
    locked: dict[str, str] = {}
    for spec in sorted(problem.exhibitors, key=lambda s: s.key):
        if spec.locked_booth in booths and spec.locked_booth not in locked.values():
            locked[spec.key] = spec.locked_booth
    free_booths = [b for b in problem.booths if not b.blocked and b.key not in locked.values()]
    free = [s for s in problem.exhibitors if s.key not in locked]
    if not free or not free_booths:
        return len(locked)
    fits = np.array([[float(s.fits(b)) for b in free_booths] for s in free])
    rows, cols = linear_sum_assignment(fits, maximize=True)
    return len(locked) + int(fits[rows, cols].sum())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_allocations_keep_the_hard_rules(problem):
    allocation = allocate(problem, time_limit=5, workers=1)
    assert violations(problem, allocation) == []
    assert allocation.placed == allocation.placeable == most_placeable(problem)
    assert allocation.objective <= allocation.bound + 1e-9
    assert set(allocation.assignments) | set(allocation.unassigned) == {
        s.key for s in problem.exhibitors
    }
    assert not set(allocation.assignments) & set(allocation.unassigned)
    for results in allocation.wishes.values():
        for result in results:
            assert result.message.render()


def best_by_enumeration(problem: Problem) -> int:
    """The best score over every allocation placing the most exhibitors (tiny floors only)."""
    prepared = prepare(problem)
    options = [
        [None, *candidates] if e not in prepared.locked else candidates
        for e, candidates in enumerate(prepared.candidates)
    ]
    best: tuple[int, int] | None = None
    for choice in itertools.product(*options):
        taken = [b for b in choice if b is not None]
        if len(taken) != len(set(taken)):
            continue
        booth_of = {e: b for e, b in enumerate(choice) if b is not None}
        value = (len(booth_of), score(prepared, booth_of))
        best = value if best is None or value > best else best
    assert best is not None
    return best[1]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_booths=5, max_exhibitors=4))
def test_an_optimal_allocation_is_the_best_there_is(problem):
    allocation = allocate(problem, time_limit=10, workers=1)
    assert allocation.status is Status.OPTIMAL
    assert allocation.objective == allocation.bound == best_by_enumeration(problem)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_booths=6, max_exhibitors=5))
def test_the_bounds_are_never_below_the_optimum(problem):
    prepared = prepare(problem)
    best = best_by_enumeration(problem)
    plain, paired = assignment_bounds(prepared)
    assert plain >= best
    assert paired >= best
    assert separable_bound(prepared, best_matching(prepared)) >= best
