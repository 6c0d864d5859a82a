"""Fixed meetings and precedences no schedule can honour: a clear message naming the
meetings, never a crash or a silent drop."""

import pytest

from fairmatch.scheduling.engine import (
    ConflictingFixedMeetings,
    InvalidInput,
    Status,
    check_fixed,
    solve,
    validate,
    verify,
)

from .instances import make_problem, pair

CASES = {
    "same participant, same slot": (
        make_problem(
            participants=3,
            meetings=[pair(0, 1, fixed_slot=1), pair(0, 2, fixed_slot=1)],
            tables=2,
        ),
        ("meetings 1 and 2 are both fixed to slot 2 with participant 1",),
    ),
    "a forbidden slot": (
        make_problem(participants=2, meetings=[pair(0, 1, fixed_slot=2)], forbidden={1: {2}}),
        ("meeting 1 is fixed to slot 3, which participant 2 cannot attend",),
    ),
    "more than the tables": (
        make_problem(participants=4, meetings=[pair(0, 1, fixed_slot=0), pair(2, 3, fixed_slot=0)]),
        ("2 meetings are fixed to slot 1, which has 1 tables",),
    ),
    "a precedence their slots break": (
        make_problem(
            participants=3,
            meetings=[pair(0, 1, fixed_slot=2), pair(0, 2, fixed_slot=0, after=(0,))],
        ),
        ("meeting 1 must come before meeting 2, but their fixed slots are 3 and 1",),
    ),
    "no interpreter": (
        make_problem(
            participants=2,
            meetings=[pair(0, 1, fixed_slot=0, language="ja")],
            table_languages={0: {"ko"}},
        ),
        ("meeting 1 is fixed to slot 1, which has no table with a ja interpreter",),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_clashing_fixed_meetings_are_refused_with_the_meetings_named(case):
    problem, messages = CASES[case]
    with pytest.raises(ConflictingFixedMeetings) as raised:
        check_fixed(problem)
    assert raised.value.conflicts == messages
    assert isinstance(raised.value, InvalidInput)
    assert str(raised.value) == "field 'fixed': fixed meetings conflict: " + "; ".join(messages)


@pytest.mark.parametrize("case", CASES)
def test_solve_answers_infeasible_with_the_same_messages(case):
    problem, messages = CASES[case]
    solution = solve(problem, time_limit=5, workers=1)
    assert (solution.status, solution.messages) == (Status.INFEASIBLE, messages)
    assert solution.unplaced_reasons == dict.fromkeys(
        range(len(problem.meetings)), "the instance is infeasible"
    )


def test_fixed_meetings_that_fit_pass_the_check():
    check_fixed(
        make_problem(participants=3, meetings=[pair(0, 1, fixed_slot=0), pair(0, 2, fixed_slot=1)])
    )


def test_a_precedence_cycle_is_refused_naming_its_meetings():
    problem = make_problem(
        participants=3,
        meetings=[pair(0, 1, after=(2,)), pair(0, 2, after=(0,)), pair(1, 2, after=(1,))],
    )
    with pytest.raises(InvalidInput, match=r"cyclic precedences: 1 -> 3 -> 2 -> 1"):
        validate(problem)
    with pytest.raises(InvalidInput, match="cyclic precedences"):
        solve(problem, time_limit=5, workers=1)


def test_a_meeting_that_must_follow_one_fixed_in_the_last_slot_is_left_out_with_the_reason():
    problem = make_problem(
        participants=3, meetings=[pair(0, 1, fixed_slot=2), pair(0, 2, after=(0,))], tables=2
    )
    solution = solve(problem, time_limit=5, workers=1)
    assert verify(problem, solution.placements).violations == ()
    assert solution.placements[1] is None
    assert solution.unplaced_reasons == {
        1: "no slot fits meeting 1, fixed to slot 3, which must come before it and "
        "participant 1's fixed meetings"
    }
    assert solution.placeable_upper_bound == 1


def test_a_meeting_that_must_precede_one_fixed_in_the_first_slot_is_left_out_with_the_reason():
    problem = make_problem(
        participants=4, meetings=[pair(0, 1), pair(2, 3, fixed_slot=0, after=(0,))], tables=2
    )
    solution = solve(problem, time_limit=5, workers=1)
    assert solution.placements[0] is None
    assert solution.unplaced_reasons == {
        0: "no slot fits meeting 2, fixed to slot 1, which must come after it"
    }
