from benchmarks._generated_fairs import generate_fair
from fairmatch.scheduling.engine import validate


def test_generated_fairs_are_seeded_and_shaped_like_the_issue_says():
    problem = generate_fair(participants=200, seed=5)
    assert problem == generate_fair(participants=200, seed=5)
    validate(problem)
    assert {s.day for s in problem.slots} == {0, 1}
    assert 16 <= len(problem.slots) <= 20
    assert len(problem.meetings) == 1000
    assert len(problem.tables) == round(len(problem.meetings) / len(problem.slots) * 1.15)
    half_day = sum(1 for p in problem.participants if p.forbidden_slots)
    assert 40 <= half_day <= 95
