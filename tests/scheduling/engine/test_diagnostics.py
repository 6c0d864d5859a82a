from fairmatch.scheduling.engine.diagnostics import placeable_upper_bound
from fairmatch.scheduling.engine.domains import allowed_slots

from .instances import make_problem, pair


def test_the_bound_counts_overloaded_participants_and_tables():
    problem = make_problem(
        participants=5, meetings=[pair(0, 1), pair(0, 2), pair(0, 3), pair(0, 4)], slots=2, tables=5
    )
    assert placeable_upper_bound(problem, allowed_slots(problem)) == 2
    tight = make_problem(participants=6, meetings=[pair(0, 1), pair(2, 3), pair(4, 5)], slots=1)
    assert placeable_upper_bound(tight, allowed_slots(tight)) == 1
