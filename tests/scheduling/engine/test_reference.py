"""Solving again near a reference schedule: placed weight first, then the fewest moves, then
the fewest breaks; checked on hand-made instances and against brute force on tiny ones."""

import itertools
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmarks._generated_fairs import generate_fair
from fairmatch.scheduling.engine import InvalidInput, Placement, Status, solve, verify
from fairmatch.scheduling.engine.reference import fix_kept
from fairmatch.scheduling.engine.reference_start import moves_lower_bound, start_near_reference

from .instances import make_problem, pair


def solved(problem, **options):
    options.setdefault("time_limit", 10.0)
    options.setdefault("workers", 1)
    options.setdefault("fairness", None)
    solution = solve(problem, **options)
    assert verify(problem, solution.placements).violations == ()
    return solution


def at(*places):
    return tuple(
        None if place is None else Placement(slot=place[0], table=place[1]) for place in places
    )


def test_a_reference_that_still_holds_is_returned_unchanged():
    # Participant 0 has a break in the reference (slots 0 and 2): the plain solve removes it,
    # the reference path keeps every meeting where it was and says that nothing moved.
    problem = make_problem(
        participants=4, meetings=[pair(0, 1), pair(0, 2), pair(3, 1)], slots=3, tables=2
    )
    assert solved(problem).total_breaks == 0
    reference = at((0, 1), (2, 0), (1, 1))
    solution = solved(replace(problem, reference=reference))
    assert solution.placements == reference
    assert (solution.moved, solution.moved_participants) == ((), ())
    assert (solution.status, solution.total_breaks) == (Status.OPTIMAL, 1)


def test_exactly_the_meetings_that_must_move_move():
    # Participant 1 can no longer come to slot 0: only its meeting there moves, to the one
    # slot where both participants are free.
    problem = make_problem(
        participants=5,
        meetings=[pair(0, 1), pair(0, 2), pair(3, 4), pair(1, 2)],
        slots=4,
        tables=2,
        forbidden={1: {0}},
    )
    reference = at((0, 0), (1, 0), (0, 1), (2, 1))
    solution = solved(replace(problem, reference=reference))
    assert solution.moved == (0,)
    assert solution.moved_participants == (0, 1)
    assert solution.placements == at((3, 0), *[(p.slot, p.table) for p in reference[1:]])
    assert solution.status == Status.OPTIMAL


def test_a_new_meeting_moves_one_other_rather_than_stay_out():
    # Slot 0 and 1 are full for participant 0; the new meeting (0, 3) fits only if (0, 2)
    # moves from slot 1 to slot 2: placing comes first, so exactly that one moves.
    problem = make_problem(
        participants=4,
        meetings=[pair(0, 1), pair(0, 2), pair(0, 3)],
        slots=3,
        tables=1,
        forbidden={3: {0, 2}, 1: {1, 2}},
    )
    reference = at((0, 0), (1, 0), None)
    solution = solved(replace(problem, reference=reference))
    assert solution.placed_count == 3
    assert solution.moved == (1,)
    assert [p.slot for p in solution.placements] == [0, 2, 1]


def test_a_meeting_that_keeps_its_slot_keeps_its_table():
    problem = make_problem(participants=4, meetings=[pair(0, 1), pair(2, 3)], slots=2, tables=3)
    reference = at((0, 2), (0, 1))
    solution = solved(replace(problem, reference=reference))
    assert solution.placements == reference


def test_a_closed_table_moves_as_few_meetings_as_the_slot_needs():
    # Slot 0 loses a table: one of its two meetings must go, and only one.
    problem = make_problem(participants=4, meetings=[pair(0, 1), pair(2, 3)], slots=2, tables=2)
    reference = at((0, 0), (0, 1))
    closed = replace(
        problem,
        slots=(replace(problem.slots[0], tables=(0,)), problem.slots[1]),
        reference=reference,
    )
    assert moves_lower_bound(closed, domains=[(0, 1), (0, 1)], free=[0, 1], locked={}) == 1
    solution = solved(closed)
    assert solution.moved == (1,)
    assert solution.placements == at((0, 0), (1, 0))


def test_locked_meetings_stay_and_count_as_moved_when_they_left_the_reference():
    problem = make_problem(
        participants=4, meetings=[pair(0, 1, fixed_slot=1, fixed_table=0), pair(2, 3)], slots=2
    )
    solution = solved(replace(problem, reference=at((0, 0), (1, 0))))
    assert solution.placements == at((1, 0), (0, 0))
    assert solution.moved == (0, 1)


def test_a_reference_of_the_wrong_length_is_refused():
    problem = make_problem(participants=2, meetings=[pair(0, 1)])
    with pytest.raises(InvalidInput, match="reference has 2 entries for 1 meetings"):
        solve(replace(problem, reference=at((0, 0), (1, 0))), time_limit=1)
    with pytest.raises(InvalidInput, match="reference table 3 outside"):
        solve(replace(problem, reference=at((0, 2))), time_limit=1)


def test_without_a_reference_nothing_is_reported_moved():
    solution = solved(make_problem(participants=3, meetings=[pair(0, 1), pair(0, 2)], tables=2))
    assert (solution.moved, solution.moved_participants) == ((), ())


def test_the_start_keeps_what_fits_and_fix_kept_locks_it():
    problem = make_problem(
        participants=4, meetings=[pair(0, 1), pair(0, 2), pair(3, 1)], slots=3, tables=1
    )
    # Meetings 0 and 1 claim slot 0 for participant 0: the first keeps it, the second waits.
    reference = replace(problem, reference=at((0, 0), (0, 0), (2, 0)))
    kept, start = start_near_reference(reference, domains=[(0, 1, 2)] * 3, locked={})
    assert kept == {0: Placement(slot=0, table=0), 2: Placement(slot=2, table=0)}
    assert start == {0: 0, 1: 1, 2: 2}
    fixed = fix_kept(reference, kept)
    assert fixed.reference is None
    assert [(m.fixed_slot, m.fixed_table) for m in fixed.meetings] == [(0, 0), (None, None), (2, 0)]


def test_a_reference_on_a_large_fair_moves_nothing_when_nothing_changed():
    problem = generate_fair(participants=200, seed=3)
    first = solve(problem, time_limit=10, seed=3, workers=1, fairness=None)
    again = solve(replace(problem, reference=first.placements), time_limit=10, workers=1)
    assert again.placed_weight >= first.placed_weight
    # Placed weight comes first: a meeting moves only where that places more.
    if again.placed_weight == first.placed_weight:
        assert again.moved == ()


def _brute_force(problem):
    """The lexicographic optimum (placed weight, -moved, -breaks) over every slot choice."""
    reference = problem.reference
    best = None
    tables = len(problem.tables)
    choices = [
        [None, *[s for s in range(len(problem.slots)) if not _forbidden(problem, m, s)]]
        for m in range(len(problem.meetings))
    ]
    for slots in itertools.product(*choices):
        seen = set()
        per_slot = [0] * len(problem.slots)
        valid = True
        for meeting, slot in enumerate(slots):
            if slot is None:
                continue
            per_slot[slot] += 1
            for person in problem.meetings[meeting].participants:
                if (person, slot) in seen:
                    valid = False
                seen.add((person, slot))
        if not valid or max(per_slot) > tables:
            continue
        weight = sum(problem.meetings[m].weight for m, s in enumerate(slots) if s is not None)
        moved = sum(
            1 for m, ref in enumerate(reference) if ref is not None and slots[m] != ref.slot
        )
        breaks = _breaks(problem, slots)
        key = (weight, -moved, -breaks)
        best = key if best is None or key > best else best
    return best


def _forbidden(problem, meeting, slot):
    return any(
        slot in problem.participants[p].forbidden_slots
        for p in problem.meetings[meeting].participants
    )


def _breaks(problem, slots):
    total = 0
    for person in range(len(problem.participants)):
        busy = sorted(
            s
            for m, s in enumerate(slots)
            if s is not None and person in problem.meetings[m].participants
        )
        total += sum(1 for a, b in itertools.pairwise(busy) if b - a > 1)
    return total


@st.composite
def changed_schedules(draw):
    """A valid reference schedule of a few meetings, then a change: a new meeting and new
    forbidden slots."""
    participants = draw(st.integers(3, 4))
    slots = draw(st.integers(2, 3))
    tables = draw(st.integers(1, 2))
    pairs = list(itertools.combinations(range(participants), 2))
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=2, max_size=5, unique=True))
    meetings = [pair(a, b, weight=draw(st.integers(1, 2))) for a, b in chosen]
    old = meetings[:-1] if draw(st.booleans()) else meetings
    reference = []
    busy: set[tuple[int, int]] = set()
    seated = [0] * slots
    for meeting in old:
        slot = draw(st.one_of(st.none(), st.integers(0, slots - 1)))
        if slot is None:
            reference.append(None)
            continue
        assume(all((p, slot) not in busy for p in meeting.participants))
        assume(seated[slot] < tables)
        reference.append(Placement(slot=slot, table=seated[slot]))
        seated[slot] += 1
        busy.update((p, slot) for p in meeting.participants)
    reference += [None] * (len(meetings) - len(old))
    forbidden = {
        p: set(draw(st.lists(st.integers(0, slots - 1), max_size=1))) for p in range(participants)
    }
    problem = make_problem(
        participants=participants,
        meetings=meetings,
        slots=slots,
        tables=tables,
        forbidden=forbidden,
    )
    return replace(problem, reference=tuple(reference))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=changed_schedules())
def test_the_lexicographic_optimum_matches_brute_force(problem):
    solution = solved(problem)
    weight, fewest_moved, fewest_breaks = _brute_force(problem)
    moved_slots = sum(
        1
        for m, ref in enumerate(problem.reference)
        if ref is not None
        and (solution.placements[m] is None or solution.placements[m].slot != ref.slot)
    )
    assert (solution.placed_weight, -moved_slots, -solution.total_breaks) == (
        weight,
        fewest_moved,
        fewest_breaks,
    )
    # Without interpreters a meeting that keeps its slot keeps its table too.
    assert len(solution.moved) == moved_slots
    assert solution.status == Status.OPTIMAL
