from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fairmatch.scheduling.engine import AFTERNOON, MORNING, Placement, solve, verify

from .instances import make_problem, pair


def test_every_violation_is_named():
    problem = make_problem(
        participants=3,
        meetings=[
            pair(0, 1, session=AFTERNOON),
            pair(0, 2, fixed_slot=0),
            pair(1, 2, language="zh"),
        ],
        slots=2,
        tables=1,
        forbidden={1: {1}},
        sessions=[MORNING, AFTERNOON],
    )
    placements = [
        Placement(slot=1, table=0),
        Placement(slot=1, table=0),
        Placement(slot=0, table=0),
    ]
    assert verify(problem, placements).violations == (
        "meeting 1: participant 2 cannot attend slot 2",
        "meeting 2: table 1 in slot 2 already holds meeting 1",
        "meeting 2: fixed to slot 1, placed in 2",
        "meeting 3: table 1 has no zh interpreter",
        "participant 1 has 2 meetings in slot 2",
    )


def test_breaks_count_idle_runs_between_meetings():
    problem = make_problem(participants=4, meetings=[pair(0, 1), pair(0, 2), pair(0, 3)], slots=6)
    placements = [
        Placement(slot=0, table=0),
        Placement(slot=2, table=0),
        Placement(slot=5, table=0),
    ]
    result = verify(problem, placements)
    assert result.is_valid
    assert result.breaks == (2, 0, 0, 0)


@st.composite
def small_problems(draw):
    participants = draw(st.integers(min_value=2, max_value=7))
    slots = draw(st.integers(min_value=1, max_value=5))
    pairs = st.tuples(st.integers(0, participants - 1), st.integers(0, participants - 1)).filter(
        lambda p: p[0] != p[1]
    )
    meetings = [
        pair(a, b, weight=draw(st.integers(1, 3)), session=draw(st.sampled_from([None, MORNING])))
        for a, b in draw(st.lists(pairs, max_size=10))
    ]
    forbidden = {
        p: set(draw(st.lists(st.integers(0, slots - 1), max_size=2))) for p in range(participants)
    }
    return make_problem(
        participants=participants,
        meetings=meetings,
        slots=slots,
        tables=draw(st.integers(1, 3)),
        forbidden=forbidden,
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=small_problems(), fairness=st.sampled_from([None, 0, 2]))
def test_every_returned_schedule_passes_the_verifier(problem, fairness):
    solution = solve(problem, time_limit=2.0, workers=1, fairness=fairness, use_maxsat=False)
    result = verify(problem, solution.placements)
    assert result.violations == ()
    assert result.breaks == solution.breaks
    assert result.placed_weight == solution.placed_weight <= solution.placeable_upper_bound
    assert solution.breaks_lower_bound <= solution.total_breaks
    assert set(solution.unplaced_reasons) == {
        m for m, p in enumerate(solution.placements) if p is None
    }
