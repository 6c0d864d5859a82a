"""Which meetings go at the proven placement maximum: checked against brute force on small
instances with fixed meetings (every placement meeting the bound drops exactly what
drops.py says); with drops, the MaxSAT encoding finds the brute-force fewest breaks and the
busy-profile relaxation never passes them."""

from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from fairmatch.scheduling.engine import Meeting, Participant, Problem, Slot, Table
from fairmatch.scheduling.engine.bounds import placement_bound
from fairmatch.scheduling.engine.breaks import breaks_per_participant
from fairmatch.scheduling.engine.domains import allowed_slots
from fairmatch.scheduling.engine.drops import forced_drops
from fairmatch.scheduling.engine.maxsat import encode, solve_maxsat
from fairmatch.scheduling.engine.profiles import build_relaxation, solve_by_profiles

from .instances import placements


@st.composite
def crowded_problems(draw):
    """Few slots, fixed meetings, forbidden slots: participants often run a slot short."""
    participants = draw(st.integers(2, 5))
    slots = draw(st.integers(2, 4))
    pairs = st.tuples(st.integers(0, participants - 1), st.integers(0, participants - 1)).filter(
        lambda p: p[0] != p[1]
    )
    meetings = draw(st.lists(pairs, min_size=2, max_size=7))
    fixed = draw(
        st.lists(
            st.none() | st.integers(0, slots - 1), min_size=len(meetings), max_size=len(meetings)
        )
    )
    forbidden = [
        draw(st.frozensets(st.integers(0, slots - 1), max_size=1)) for _ in range(participants)
    ]
    return Problem(
        participants=tuple(
            Participant(name=str(p), forbidden_slots=forbidden[p]) for p in range(participants)
        ),
        meetings=tuple(
            Meeting(participants=m, fixed_slot=f) for m, f in zip(meetings, fixed, strict=True)
        ),
        slots=tuple(Slot() for _ in range(slots)),
        tables=tuple(Table(name=str(t)) for t in range(draw(st.integers(1, 2)))),
    )


def setting(problem):
    locked = {m: i.fixed_slot for m, i in enumerate(problem.meetings) if i.fixed_slot is not None}
    domains = allowed_slots(problem, locked=locked)
    return domains, placement_bound(problem, domains)


@settings(max_examples=300, deadline=None)
@given(crowded_problems())
def test_every_placement_meeting_the_bound_drops_exactly_the_forced_meetings(problem):
    domains, bound = setting(problem)
    drops = forced_drops(problem, domains, bound)
    if drops is None:
        return
    meetings_of = problem.meetings_of()
    for choice in placements(problem, domains):
        placed = {m for m, slot in enumerate(choice) if slot is not None}
        assert len(placed) <= bound.count
        if len(placed) < bound.count:
            continue
        assert not placed & drops.impossible
        for group in drops.groups:
            assert len(set(group.meetings) - placed) == group.excess
        assert all(m in placed for m in range(len(choice)) if drops.required(m))
        for participant, degree in enumerate(drops.degrees):
            if degree is not None:
                assert len(placed.intersection(meetings_of[participant])) == degree


@settings(max_examples=150, deadline=None)
@given(crowded_problems())
def test_maxsat_with_drops_finds_the_fewest_breaks_at_the_most_placed(problem):
    domains, bound = setting(problem)
    drops = forced_drops(problem, domains, bound)
    if drops is None:
        return
    best = fewest_breaks(problem, domains, count=bound.count)
    encoding = encode(problem, domains=domains, cap=None, drops=drops)
    result = solve_maxsat(problem, domains=domains, cap=None, encoding=encoding)
    if best is None:
        assert result is None
        return
    assert result is not None
    cost, slots = result
    assert cost == best
    placed = {m: s for m, s in enumerate(slots) if s >= 0}
    assert len(placed) == bound.count
    assert sum(breaks_per_participant(problem, placed)) == best


@settings(max_examples=150, deadline=None)
@given(crowded_problems())
def test_the_busy_profiles_with_drops_never_pass_the_fewest_breaks(problem):
    domains, bound = setting(problem)
    drops = forced_drops(problem, domains, bound)
    if drops is None:
        return
    best = fewest_breaks(problem, domains, count=bound.count)
    relaxation = build_relaxation(problem, domains=domains, cap=None, drops=drops)
    solver = cp_model.CpSolver()
    status = solver.solve(relaxation.model)
    if best is not None:
        assert status == cp_model.OPTIMAL
        assert round(solver.objective_value) <= best
    encoding = encode(problem, domains=domains, cap=None, drops=drops)
    found = solve_by_profiles(
        problem, domains=domains, cap=None, encoding=encoding, seconds=20, drops=drops
    )
    if found is not None:
        assert found[0] == best
        placed = {m: s for m, s in enumerate(found[1]) if s >= 0}
        assert len(placed) == bound.count
        assert sum(breaks_per_participant(problem, placed)) == best


def fewest_breaks(problem, domains, *, count):
    """Brute force: the fewest breaks of a placement of ``count`` meetings (None: none)."""
    best = None
    for choice in placements(problem, domains):
        slots = {m: s for m, s in enumerate(choice) if s is not None}
        if len(slots) == count:
            breaks = sum(breaks_per_participant(problem, slots))
            best = breaks if best is None else min(best, breaks)
    return best


def test_two_short_participants_each_lose_one_meeting():
    # Participants 0 and 1 each have three meetings and two slots; nobody else is short.
    problem = Problem(
        participants=tuple(Participant(name=str(p)) for p in range(8)),
        meetings=tuple(
            Meeting(participants=pair) for pair in [(0, 2), (0, 3), (0, 4), (1, 5), (1, 6), (1, 7)]
        ),
        slots=(Slot(), Slot()),
        tables=(Table(name="1"), Table(name="2")),
    )
    domains, bound = setting(problem)
    drops = forced_drops(problem, domains, bound)
    assert drops is not None
    assert [(group.meetings, group.excess) for group in drops.groups] == [
        ((0, 1, 2), 1),
        ((3, 4, 5), 1),
    ]
    assert drops.degrees == (2, 2, None, None, None, None, None, None)
