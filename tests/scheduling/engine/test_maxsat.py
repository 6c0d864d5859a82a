import random

from fairmatch.scheduling.engine import AFTERNOON, MORNING, Placement, solve, verify
from fairmatch.scheduling.engine.domains import allowed_slots
from fairmatch.scheduling.engine.maxsat import encode, solve_maxsat, without_breaks

from .instances import make_problem, pair


def random_problem(seed: int):
    """Sessions, forbidden slots and tight tables: every redundant clause has work to do."""
    chance = random.Random(seed)
    participants = chance.randint(4, 7)
    slot_count = chance.randint(4, 7)
    morning = chance.randint(1, slot_count - 1)
    pairs = [tuple(chance.sample(range(participants), 2)) for _ in range(chance.randint(5, 9))]
    return make_problem(
        participants=participants,
        meetings=[
            pair(a, b, session=chance.choice([None, None, MORNING, AFTERNOON])) for a, b in pairs
        ],
        slots=slot_count,
        tables=chance.randint(1, 2),
        sessions=[MORNING] * morning + [AFTERNOON] * (slot_count - morning),
        forbidden={p: {chance.randrange(slot_count)} for p in range(participants) if p % 3 == 0},
    )


def test_the_redundant_clauses_never_cut_an_optimum():
    # Window, partner-window and busy-per-slot clauses are implied: RC2's optimum must be the
    # exact model's on every instance where all meetings fit, and infeasible where none fits.
    compared = 0
    for seed in range(40):
        problem = random_problem(seed)
        exact = solve(problem, time_limit=10, workers=1, fairness=None)
        domains = allowed_slots(problem)
        result = solve_maxsat(problem, domains=domains, cap=None)
        if exact.placed_count < len(problem.meetings):
            assert result is None, seed
            continue
        assert result is not None, seed
        assert result[0] == exact.total_breaks, seed
        compared += 1
    assert compared >= 10


def test_the_fairness_cap_matches_the_spread_rule():
    # Participant 4 has no meeting, so a spread of 1 is a cap of one break per participant.
    problem = make_problem(
        participants=5,
        meetings=[pair(0, 1), pair(0, 2), pair(0, 3), pair(1, 2), pair(1, 3), pair(2, 3)],
        slots=6,
        tables=1,
        forbidden={0: {2}, 1: {3}},
    )
    exact = solve(problem, time_limit=10, workers=1, fairness=1)
    result = solve_maxsat(problem, domains=allowed_slots(problem), cap=1)
    assert exact.fairness_met
    assert result is not None
    assert result[0] == exact.total_breaks


def test_a_schedule_without_breaks_is_found_or_ruled_out():
    # The triangle on one table needs one break; a star around participant 0 needs none.
    triangle = make_problem(participants=3, meetings=[pair(0, 1), pair(0, 2), pair(1, 2)])
    star = make_problem(participants=4, meetings=[pair(0, 1), pair(0, 2), pair(0, 3)])
    for problem, expected in ((triangle, False), (star, True)):
        encoding = encode(problem, domains=allowed_slots(problem), cap=None)
        answer, slots = without_breaks(problem, encoding=encoding, seconds=10)
        assert answer is expected
        if expected:
            assert slots is not None
            placements = [Placement(slot=slot, table=0) for slot in slots]
            assert verify(problem, placements).breaks == (0, 0, 0, 0)
