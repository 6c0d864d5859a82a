import itertools
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from fairmatch.scheduling.engine import Slot
from fairmatch.scheduling.engine.breaks import (
    breaks_per_participant,
    count_breaks,
    fewest_breaks_around,
    forced_breaks,
)
from fairmatch.scheduling.engine.domains import allowed_slots

from .instances import make_problem, pair


def _two_days():
    problem = make_problem(participants=3, meetings=[pair(0, 1), pair(0, 2)], slots=6)
    return replace(problem, slots=tuple(Slot(day=0 if s < 3 else 1) for s in range(6)))


def test_an_idle_run_between_meetings_of_one_day_is_one_break():
    problem = _two_days()
    assert count_breaks(problem, [0, 2]) == 1
    assert count_breaks(problem, [2, 0]) == 1


def test_idle_slots_across_a_day_boundary_or_at_the_ends_are_free():
    problem = _two_days()
    assert count_breaks(problem, [2, 4]) == 0
    assert count_breaks(problem, [1, 2, 3, 4]) == 0
    assert count_breaks(problem, []) == 0


def test_breaks_per_participant_follow_the_meetings_slots():
    problem = _two_days()
    assert breaks_per_participant(problem, {0: 0, 1: 2}) == [1, 0, 0]
    assert breaks_per_participant(problem, {0: 0, 1: 1}) == [0, 0, 0]


@settings(max_examples=200, deadline=None)
@given(
    days=st.lists(st.integers(1, 5), min_size=1, max_size=2),
    data=st.data(),
)
def test_fewest_breaks_around_fixed_slots_is_the_brute_force_minimum(days, data):
    # Every superset of the fixed slots with at most ``extra`` more: the fewest breaks.
    slots = tuple(Slot(day=day) for day, count in enumerate(days) for _ in range(count))
    problem = replace(make_problem(participants=2, meetings=[pair(0, 1)]), slots=slots)
    fixed = data.draw(st.frozensets(st.integers(0, len(slots) - 1)))
    extra = data.draw(st.integers(0, len(slots)))
    others = [s for s in range(len(slots)) if s not in fixed]
    best = min(
        count_breaks(problem, [*fixed, *added])
        for size in range(min(extra, len(others)) + 1)
        for added in itertools.combinations(others, size)
    )
    assert fewest_breaks_around(problem, fixed, extra) == best


def test_fixed_meetings_force_the_breaks_their_other_meetings_cannot_fill():
    # Participant 0: fixed in slots 0 and 3 with one more meeting, so the gap of two stays a
    # break; participant 2: fixed in 0 and 2, its free meeting may fill slot 1.
    problem = make_problem(
        participants=4,
        meetings=[
            pair(0, 2, fixed_slot=0),
            pair(0, 3, fixed_slot=3),
            pair(0, 1),
            pair(1, 2, fixed_slot=2),
            pair(2, 3),
        ],
        slots=5,
        tables=2,
    )
    locked = {0: 0, 1: 3, 3: 2}
    domains = allowed_slots(problem, locked=locked)
    assert forced_breaks(problem, locked=locked, domains=domains) == [1, 0, 0, 0]
