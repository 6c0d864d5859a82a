from dataclasses import replace

from fairmatch.scheduling.engine import Slot
from fairmatch.scheduling.engine.breaks import breaks_per_participant, count_breaks

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
