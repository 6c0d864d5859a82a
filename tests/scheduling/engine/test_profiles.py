import random

from ortools.sat.python import cp_model

from fairmatch.scheduling.engine import AFTERNOON, MORNING, Placement, solve, verify
from fairmatch.scheduling.engine.domains import allowed_slots
from fairmatch.scheduling.engine.maxsat import encode
from fairmatch.scheduling.engine.profiles import build_relaxation, solve_by_profiles
from fairmatch.scheduling.engine.tables import assign_tables

from .instances import make_problem, pair

# Three participants meeting pairwise, one table, three slots: whoever is not in the
# middle meeting has its two meetings at both ends, so the optimum is one break.
TRIANGLE = make_problem(participants=3, meetings=[pair(0, 1), pair(0, 2), pair(1, 2)])


def by_profiles(problem, *, cap=None, seconds=10.0, **options):
    domains = allowed_slots(problem)
    bounds: list[int] = []
    found = solve_by_profiles(
        problem,
        domains=domains,
        cap=cap,
        encoding=encode(problem, domains=domains, cap=cap),
        seconds=seconds,
        on_bound=bounds.append,
        **options,
    )
    return found, bounds


def assert_valid(problem, slots, breaks):
    placed = dict(enumerate(slots))
    tables = assign_tables(problem, placed)
    placements = [
        None if slot < 0 else Placement(slot=slot, table=tables[m]) for m, slot in enumerate(slots)
    ]
    result = verify(problem, placements)
    assert result.violations == ()
    assert sum(result.breaks) == breaks


def relaxation_optimum(problem, cap=None):
    relaxation = build_relaxation(problem, domains=allowed_slots(problem), cap=cap)
    solver = cp_model.CpSolver()
    assert solver.solve(relaxation.model) == cp_model.OPTIMAL
    return round(solver.objective_value)


def test_the_relaxation_counts_the_break_of_the_triangle():
    assert relaxation_optimum(TRIANGLE) == 1


def test_the_relaxation_respects_sessions():
    # One participant with a morning and an afternoon meeting, two slots apart at best.
    problem = make_problem(
        participants=3,
        meetings=[pair(0, 1, session=MORNING), pair(0, 2, session=AFTERNOON)],
        slots=4,
        sessions=[MORNING, MORNING, AFTERNOON, AFTERNOON],
        forbidden={0: {1}},
    )
    assert relaxation_optimum(problem) == 1


def test_an_optimal_profile_that_fits_is_an_optimal_schedule():
    found, bounds = by_profiles(TRIANGLE)
    assert found is not None
    breaks, slots = found
    assert (breaks, bounds) == (1, [1])
    assert sorted(slots) == [0, 1, 2]
    assert_valid(TRIANGLE, slots, breaks)


def test_cores_cut_profiles_that_do_not_fit_until_one_does():
    # The relaxation alone finds a break-free profile that no schedule realises: 2 meets
    # 0, 1 and 3 in a row, and 0 and 1 also meet each other on the only table.
    problem = make_problem(
        participants=4, meetings=[pair(0, 1), pair(0, 2), pair(1, 2), pair(2, 3)], slots=4
    )
    assert relaxation_optimum(problem) == 0
    found, bounds = by_profiles(problem)
    assert found is not None
    assert found[0] == 1 == bounds[-1]
    assert bounds[0] == 0 and bounds == sorted(bounds)
    assert_valid(problem, found[1], 1)


def test_the_fairness_cap_is_kept():
    # A star whose centre meets five others in six slots with one slot forbidden in the
    # middle: capped at zero breaks there is no schedule, so no answer.
    problem = make_problem(
        participants=6,
        meetings=[pair(0, i) for i in range(1, 6)],
        slots=6,
        forbidden={0: {2}},
    )
    assert by_profiles(problem, cap=1)[0][0] == 1
    assert by_profiles(problem, cap=0)[0] is None


def test_a_relaxation_slower_than_allowed_gives_up():
    found, bounds = by_profiles(TRIANGLE, solve_work=1e-9)
    assert (found, bounds) == (None, [])


def test_it_agrees_with_the_exact_model_on_small_random_instances():
    for seed in range(12):
        chance = random.Random(seed)
        participants, slots, tables = chance.randint(4, 7), chance.randint(3, 5), 1
        pairs = {tuple(sorted(chance.sample(range(participants), 2))) for _ in range(5)}
        problem = make_problem(
            participants=participants,
            meetings=[pair(a, b) for a, b in sorted(pairs)],
            slots=slots,
            tables=tables + (len(pairs) > slots),
        )
        exact = solve(problem, time_limit=5, workers=1, fairness=None)
        if exact.placed_count < len(problem.meetings):
            continue
        found, _ = by_profiles(problem)
        assert found is not None
        assert found[0] == exact.total_breaks, seed
        assert_valid(problem, found[1], found[0])
