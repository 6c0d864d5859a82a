from benchmarks._generated_fairs import generate_fair, generate_imex
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


def test_the_imex_fair_has_the_size_the_issue_names():
    problem = generate_imex(seed=0)
    validate(problem)
    assert (len(problem.participants), len(problem.meetings)) == (15_000, 86_000)
    assert len(problem.slots) == 54
    assert {s.day for s in problem.slots} == {0, 1, 2}
    interpreted = [m for m in problem.meetings if m.language is not None]
    assert 0.03 < len(interpreted) / len(problem.meetings) < 0.05
    languages = {m.language for m in interpreted}
    assert languages == {lang for t in problem.tables for lang in t.languages}
    assert generate_imex(seed=0).meetings[:100] == problem.meetings[:100]
