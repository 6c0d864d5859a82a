import time

from benchmarks._generated_fairs import generate_fair
from fairmatch.scheduling.engine import verify
from fairmatch.scheduling.engine.domains import allowed_slots
from fairmatch.scheduling.engine.greedy import greedy_slots
from fairmatch.scheduling.engine.kempe import kempe_fill
from fairmatch.scheduling.engine.problem import Placement

from .instances import make_problem, pair


def check(problem, slots):
    # Tables are irrelevant here: give each meeting its own rank in the slot.
    rank: dict[int, int] = {}
    placements = [None] * len(problem.meetings)
    for meeting, slot in sorted(slots.items()):
        placements[meeting] = Placement(slot=slot, table=rank.setdefault(slot, 0))
        rank[slot] += 1
    return verify(problem, placements)


def test_a_chain_swap_frees_the_slot_a_waiting_meeting_needs():
    # Participant 0 is free only in slot 0, participant 1 only in slot 1: moving 1's other
    # meeting from slot 0 to slot 1 lets (0, 1) take slot 0.
    problem = make_problem(
        participants=4, meetings=[pair(0, 2), pair(1, 3), pair(0, 1)], slots=2, tables=2
    )
    domains = allowed_slots(problem)
    filled = kempe_fill(
        problem,
        domains=domains,
        slots={0: 1, 1: 0},
        locked={},
        meetings_of=problem.meetings_of(),
        deadline=time.monotonic() + 5,
    )
    assert filled == {0: 1, 1: 1, 2: 0}
    assert check(problem, filled).is_valid


def test_locked_meetings_are_never_moved():
    problem = make_problem(
        participants=4, meetings=[pair(0, 2), pair(1, 3), pair(0, 1)], slots=2, tables=2
    )
    filled = kempe_fill(
        problem,
        domains=allowed_slots(problem, locked={1: 0}),
        slots={0: 1, 1: 0},
        locked={1: 0},
        meetings_of=problem.meetings_of(),
        deadline=time.monotonic() + 5,
    )
    # Meeting 1 stays in slot 0, so the chain runs through participant 0's side instead.
    assert filled == {0: 0, 1: 0, 2: 1}
    assert check(problem, filled).is_valid


def test_chains_keep_generated_fairs_valid_and_place_more():
    problem = generate_fair(participants=300, seed=5)
    domains = allowed_slots(problem)
    meetings_of = problem.meetings_of()
    start = greedy_slots(problem, domains=domains, locked={}, meetings_of=meetings_of, seed=0)
    filled = kempe_fill(
        problem,
        domains=domains,
        slots=start,
        locked={},
        meetings_of=meetings_of,
        deadline=time.monotonic() + 10,
    )
    assert check(problem, filled).is_valid
    assert len(filled) > len(start)
    assert all(filled.get(m) is not None for m in start)
