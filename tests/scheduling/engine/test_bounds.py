"""The placement bound: never below what a schedule can place (brute force on small
instances), tight where a participant's meetings outnumber their slots, and explained."""

from hypothesis import given, settings
from hypothesis import strategies as st

from fairmatch.scheduling.engine import Meeting, Participant, Problem, Slot, Status, Table, solve
from fairmatch.scheduling.engine.bounds import Shortfall, placement_bound
from fairmatch.scheduling.engine.domains import allowed_slots

from .instances import make_problem, pair, placements


@st.composite
def small_problems(draw):
    participants = draw(st.integers(2, 5))
    slots = draw(st.integers(1, 3))
    tables = draw(st.integers(1, 2))
    pairs = st.tuples(st.integers(0, participants - 1), st.integers(0, participants - 1)).filter(
        lambda p: p[0] != p[1]
    )
    meetings = draw(st.lists(pairs, min_size=1, max_size=6))
    weights = draw(st.lists(st.integers(1, 3), min_size=len(meetings), max_size=len(meetings)))
    forbidden = [
        draw(st.frozensets(st.integers(0, slots - 1), max_size=slots)) for _ in range(participants)
    ]
    return Problem(
        participants=tuple(
            Participant(name=str(p), forbidden_slots=forbidden[p]) for p in range(participants)
        ),
        meetings=tuple(
            Meeting(participants=m, weight=w) for m, w in zip(meetings, weights, strict=True)
        ),
        slots=tuple(Slot() for _ in range(slots)),
        tables=tuple(Table(name=str(t)) for t in range(tables)),
    )


def most_weight(problem):
    """Brute force: every meeting unplaced or in one of its allowed slots."""
    return max(
        sum(problem.meetings[m].weight for m, slot in enumerate(choice) if slot is not None)
        for choice in placements(problem, allowed_slots(problem))
    )


@settings(max_examples=150, deadline=None)
@given(small_problems())
def test_the_bound_is_never_below_the_best_placement(problem):
    bound = placement_bound(problem, allowed_slots(problem))
    assert bound.weight >= most_weight(problem)
    assert bound.weight <= bound.total_weight


@settings(max_examples=25, deadline=None)
@given(small_problems())
def test_the_solver_places_the_brute_force_optimum_and_proves_it(problem):
    solution = solve(problem, time_limit=10, workers=1, fairness=None)
    assert solution.placed_weight == most_weight(problem)
    assert solution.placeable_upper_bound >= solution.placed_weight
    assert solution.status == Status.OPTIMAL


def test_a_participant_with_more_meetings_than_slots_explains_the_bound():
    # Participant 1 meets 2, 3 and 4 but can attend only slots 1 and 3 of three.
    problem = make_problem(
        participants=4, meetings=[pair(0, 1), pair(0, 2), pair(0, 3)], tables=3, forbidden={0: {1}}
    )
    bound = placement_bound(problem, allowed_slots(problem))
    assert (bound.weight, bound.count, bound.limited_by, bound.must_drop) == (
        2,
        2,
        "participants",
        1,
    )
    assert bound.shortfalls == (Shortfall(participant=0, meetings=(0, 1, 2), slots=(0, 2)),)
    assert bound.explain() == (
        "at most 2 meetings can be placed: at least 1 must go, as these participants have more "
        "meetings than slots to hold them",
        "participant 1's meetings 1, 2, 3 can only use slots 1, 3 (1 too many)",
    )
    solution = solve(problem, time_limit=5, workers=1)
    assert (solution.status, solution.placed_count, solution.placeable_upper_bound) == (
        Status.OPTIMAL,
        2,
        2,
    )
    assert solution.messages[: len(bound.explain())] == bound.explain()


def test_two_short_participants_who_do_not_meet_each_other_lose_two_meetings():
    # 1 and 2 each have two meetings and one slot; they do not meet each other.
    problem = make_problem(
        participants=6,
        meetings=[pair(0, 2), pair(0, 3), pair(1, 4), pair(1, 5)],
        slots=2,
        tables=4,
        forbidden={0: {1}, 1: {1}},
    )
    bound = placement_bound(problem, allowed_slots(problem))
    assert (bound.count, bound.must_drop) == (2, 2)


def test_two_short_participants_who_meet_each_other_may_lose_one_meeting_together():
    problem = make_problem(
        participants=4,
        meetings=[pair(0, 1), pair(0, 2), pair(1, 3)],
        slots=2,
        tables=4,
        forbidden={0: {1}, 1: {1}},
    )
    bound = placement_bound(problem, allowed_slots(problem))
    assert (bound.count, bound.must_drop) == (2, 1)
