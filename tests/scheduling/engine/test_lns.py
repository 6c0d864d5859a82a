import time

from benchmarks._generated_fairs import generate_fair
from fairmatch.scheduling.engine import verify
from fairmatch.scheduling.engine.domains import allowed_slots
from fairmatch.scheduling.engine.greedy import greedy_slots
from fairmatch.scheduling.engine.lns import improve
from fairmatch.scheduling.engine.problem import Placement


def test_search_keeps_the_schedule_valid_and_never_worse():
    problem = generate_fair(participants=120, seed=4)
    domains = allowed_slots(problem)
    meetings_of = problem.meetings_of()
    start = greedy_slots(problem, domains=domains, locked={}, meetings_of=meetings_of, seed=0)
    better = improve(
        problem,
        domains=domains,
        slots=start,
        locked={},
        meetings_of=meetings_of,
        deadline=time.monotonic() + 3,
        seed=0,
        break_cap=None,
        workers=1,
    )

    def check(slots):
        # Tables are irrelevant here: give each meeting its own rank in the slot.
        rank: dict[int, int] = {}
        placements = [None] * len(problem.meetings)
        for meeting, slot in sorted(slots.items()):
            placements[meeting] = Placement(slot=slot, table=rank.setdefault(slot, 0))
            rank[slot] += 1
        return verify(problem, placements)

    before, after = check(start), check(better)
    assert before.is_valid and after.is_valid
    assert (after.placed_weight, -after.total_breaks) >= (
        before.placed_weight,
        -before.total_breaks,
    )
