import time

from benchmarks._generated_fairs import generate_fair
from fairmatch.scheduling.engine import AFTERNOON, MORNING, Status, solve, verify

from .instances import make_problem, pair


def solved(problem, **options):
    options.setdefault("time_limit", 5.0)
    options.setdefault("workers", 1)
    solution = solve(problem, **options)
    assert verify(problem, solution.placements).violations == ()
    return solution


def slots_of(solution):
    return [p.slot if p is not None else None for p in solution.placements]


def test_two_meetings_of_one_participant_are_back_to_back():
    solution = solved(make_problem(participants=3, meetings=[pair(0, 1), pair(0, 2)], tables=2))
    assert solution.status == Status.OPTIMAL
    assert solution.total_breaks == 0
    assert abs(slots_of(solution)[0] - slots_of(solution)[1]) == 1


def test_forbidden_slots_force_a_break():
    problem = make_problem(
        participants=3, meetings=[pair(0, 1), pair(0, 2)], forbidden={1: {0, 1}, 2: {1, 2}}
    )
    solution = solved(problem)
    assert slots_of(solution) == [2, 0]
    assert solution.breaks == (1, 0, 0)
    assert (solution.status, solution.breaks_lower_bound) == (Status.OPTIMAL, 1)


def test_sessions_are_respected():
    problem = make_problem(
        participants=3,
        meetings=[pair(0, 1, session=AFTERNOON), pair(0, 2, session=MORNING)],
        slots=4,
        sessions=[MORNING, MORNING, AFTERNOON, AFTERNOON],
    )
    solution = solved(problem)
    assert slots_of(solution) == [2, 1]
    assert solution.total_breaks == 0


def test_fixed_slots_are_kept_even_at_the_cost_of_a_break():
    problem = make_problem(
        participants=3, meetings=[pair(0, 1, fixed_slot=0), pair(0, 2, fixed_slot=2)]
    )
    solution = solved(problem)
    assert slots_of(solution) == [0, 2]
    assert solution.total_breaks == 1


def test_precedences_order_the_meetings():
    problem = make_problem(participants=3, meetings=[pair(0, 1, after=(1,)), pair(0, 2)], tables=2)
    solution = solved(problem)
    assert slots_of(solution)[1] < slots_of(solution)[0]


def test_an_overloaded_participant_is_explained():
    problem = make_problem(participants=4, meetings=[pair(0, 1), pair(0, 2), pair(0, 3)], slots=2)
    solution = solved(problem)
    assert solution.placed_count == 2
    assert solution.placeable_upper_bound == 2
    assert solution.status == Status.OPTIMAL
    (reason,) = solution.unplaced_reasons.values()
    assert reason == "participant 1 has 3 meetings and 2 usable slots"


def test_heavier_meetings_win_the_last_table():
    problem = make_problem(
        participants=4, meetings=[pair(0, 1, weight=1), pair(2, 3, weight=5)], slots=1
    )
    solution = solved(problem)
    assert slots_of(solution) == [None, 0]
    assert solution.placed_weight == 5


def test_clashing_fixed_meetings_are_infeasible_at_once():
    problem = make_problem(
        participants=3, meetings=[pair(0, 1, fixed_slot=1), pair(0, 2, fixed_slot=1)], tables=2
    )
    solution = solve(problem, time_limit=30)
    assert solution.status == Status.INFEASIBLE
    # Found by the checks before any search phase ran (how fast: `fairmatch bench schedule
    # --limits`).
    assert set(solution.timings) == {"checks", "total"}
    assert solution.messages == ("meetings 1 and 2 are both fixed to slot 2 with participant 1",)


def test_fairness_spreads_breaks():
    # Everyone meets everyone at one table in six slots: the fewest breaks (3) cannot fall
    # on all four alike; a spread of 0 costs one more break, one for each participant.
    problem = make_problem(
        participants=4,
        meetings=[pair(a, b) for a in range(4) for b in range(a + 1, 4)],
        slots=6,
        forbidden={0: {3}, 1: {5}, 2: {4}},
    )
    unfair = solved(problem, fairness=None)
    assert (unfair.status, unfair.total_breaks) == (Status.OPTIMAL, 3)
    fair = solved(problem, fairness=0)
    assert (fair.status, fair.fairness_met, fair.breaks) == (Status.OPTIMAL, True, (1, 1, 1, 1))
    assert fair.messages == ()


def test_a_fairness_rule_that_cannot_hold_is_dropped_and_said_so():
    problem = make_problem(
        participants=4,
        meetings=[pair(2, 3), pair(0, 3), pair(0, 1), pair(1, 3), pair(0, 2)],
        slots=5,
        forbidden={2: {1, 4}, 3: {3, 4}},
    )
    solution = solved(problem, fairness=0)
    assert (solution.status, solution.fairness_met) == (Status.OPTIMAL, False)
    assert (solution.placed_count, solution.total_breaks) == (5, 2)
    assert solution.messages == (
        "no schedule placing the most meetings keeps breaks within a spread of 0; "
        "the fairness rule was dropped",
    )


def test_interpreters_and_host_tables():
    problem = make_problem(
        participants=4,
        meetings=[pair(0, 1), pair(0, 2, language="zh"), pair(0, 3)],
        tables=3,
        hosts={0},
        table_languages={2: {"zh"}},
    )
    solution = solved(problem)
    tables = [p.table for p in solution.placements]
    assert tables == [2, 2, 2]


def test_a_search_cut_short_by_the_time_limit_returns_a_valid_unproven_schedule():
    # How closely the limit is kept is measured by `fairmatch bench schedule --limits`.
    problem = generate_fair(participants=300, seed=1)
    events = []
    solution = solve(problem, time_limit=2.0, workers=1, progress=events.append)
    assert verify(problem, solution.placements).is_valid
    assert solution.status == Status.FEASIBLE
    assert events[-1].phase == "done"


def test_same_seed_same_result():
    problem = make_problem(
        participants=6,
        meetings=[pair(a, b) for a in range(3) for b in range(3, 6)],
        slots=5,
        tables=2,
    )
    first = solve(problem, time_limit=10, seed=3, workers=1)
    second = solve(problem, time_limit=10, seed=3, workers=1)
    assert first.status == Status.OPTIMAL
    assert first.placements == second.placements


def test_progress_is_reported():
    events = []
    problem = make_problem(participants=3, meetings=[pair(0, 1), pair(0, 2)], tables=2)
    solve(problem, time_limit=5, workers=1, progress=events.append)
    assert [e.phase for e in events][-1] == "done"
    assert events[-1].placed_weight == 2


def test_should_stop_ends_the_exact_search_early_with_a_valid_schedule():
    problem = generate_fair(participants=100, seed=1)
    events = []
    asked = time.monotonic() + 1.0
    solution = solve(
        problem,
        time_limit=60,
        workers=1,
        progress=events.append,
        should_stop=lambda: time.monotonic() > asked,
    )
    assert verify(problem, solution.placements).is_valid
    assert any("stopped on request" in message for message in solution.messages)
    assert events[-1].phase == "done"


def test_should_stop_ends_the_large_neighbourhood_search():
    problem = generate_fair(participants=1_000, seed=2)
    asked = time.monotonic() + 1.0
    solution = solve(
        problem, time_limit=60, workers=1, should_stop=lambda: time.monotonic() > asked
    )
    assert verify(problem, solution.placements).is_valid
    assert any("stopped on request" in message for message in solution.messages)


def test_should_stop_that_never_fires_changes_nothing():
    problem = make_problem(
        participants=6,
        meetings=[pair(a, b) for a in range(3) for b in range(3, 6)],
        slots=5,
        tables=2,
    )
    plain = solve(problem, time_limit=10, seed=3, workers=1)
    polled = solve(problem, time_limit=10, seed=3, workers=1, should_stop=lambda: False)
    assert polled.status == Status.OPTIMAL
    assert polled.placements == plain.placements


def test_the_maxsat_race_agrees_with_cp_sat_alone():
    # Participant 6 has no meeting, so the fairness spread is a cap of 2 breaks per person
    # and the MaxSAT children (RC2 over Glucose, SAT then RC2 over CaDiCaL) take part.
    problem = make_problem(
        participants=7,
        meetings=[pair(a, b) for a in range(3) for b in range(3, 6)],
        slots=5,
        tables=2,
        forbidden={0: {1}, 4: {3}},
    )
    alone = solved(problem, time_limit=20, workers=1)
    raced = solved(problem, time_limit=20, workers=2)
    assert alone.status == raced.status == Status.OPTIMAL
    assert raced.total_breaks == alone.total_breaks
    assert raced.breaks_lower_bound == raced.total_breaks
    assert raced.fairness_met


def test_the_maxsat_race_takes_fixed_meetings_and_agrees_with_cp_sat_alone():
    meetings = [pair(a, b) for a in range(3) for b in range(3, 6)]
    meetings[0] = pair(0, 3, fixed_slot=4)
    meetings[4] = pair(1, 4, fixed_slot=0)
    problem = make_problem(participants=7, meetings=meetings, slots=5, tables=2)
    alone = solved(problem, time_limit=20, workers=1)
    raced = solved(problem, time_limit=20, workers=2)
    assert alone.status == raced.status == Status.OPTIMAL
    assert raced.total_breaks == alone.total_breaks == raced.breaks_lower_bound
    assert [raced.placements[m].slot for m in (0, 4)] == [4, 0]


def test_the_maxsat_race_takes_part_when_a_meeting_must_go_and_agrees_with_cp_sat_alone():
    # Participant 0 has five meetings and four slots: one of them goes (which one is the
    # search's choice), every other meeting is placed, and the race solves that problem.
    meetings = [pair(0, b) for b in range(1, 6)] + [pair(1, 2), pair(2, 3), pair(3, 4)]
    meetings[0] = pair(0, 1, fixed_slot=3)
    problem = make_problem(participants=7, meetings=meetings, slots=4, tables=2)
    alone = solved(problem, time_limit=20, workers=1)
    raced = solved(problem, time_limit=20, workers=2)
    assert alone.status == raced.status == Status.OPTIMAL
    assert alone.placed_count == raced.placed_count == raced.placeable_upper_bound == 7
    assert raced.total_breaks == alone.total_breaks == raced.breaks_lower_bound
    assert raced.placements[0].slot == 3


def test_fixed_meetings_further_apart_than_the_spread_drop_the_fairness_rule():
    # Participant 0's fixed meetings give it a break, its partners none: no spread of 0 can
    # hold. The breaks model used to be invalid here (an empty domain), so the schedule was
    # returned unproven; now the rule is dropped as for any other impossible spread.
    problem = make_problem(
        participants=5,
        meetings=[pair(0, 1, fixed_slot=0), pair(0, 2, fixed_slot=2), pair(3, 4)],
        tables=2,
    )
    solution = solved(problem, fairness=0)
    assert solution.status == Status.OPTIMAL
    assert solution.fairness_met is False
    assert solution.messages == (
        "no schedule placing the most meetings keeps breaks within a spread of 0 "
        "(participant 1's fixed meetings leave at least 1); the fairness rule was dropped",
    )


def test_the_stored_total_seconds_are_the_wall_time_of_the_call():
    problem = generate_fair(participants=30, seed=3)
    started = time.monotonic()
    solution = solve(problem, time_limit=5.0, workers=2)
    wall = time.monotonic() - started
    assert 0.0 <= wall - solution.timings["total"] < 0.05


def test_progress_counts_the_breaks_from_the_first_schedule_on():
    problem = generate_fair(participants=300, seed=1)
    events = []
    solve(problem, time_limit=2.0, workers=1, progress=events.append)
    assert events[0].phase in {"greedy", "quick"}
    assert all(event.breaks is not None for event in events)
