"""Structural checks of a Problem, so the solver never sees an inconsistent instance."""

from __future__ import annotations

from .diagnostics import locked_conflicts
from .errors import ConflictingFixedMeetings, InvalidInput
from .problem import Problem


def validate(problem: Problem) -> None:
    """Raise InvalidInput (naming the field) for any inconsistency in ``problem``."""
    participant_count = len(problem.participants)
    slot_count = len(problem.slots)
    table_count = len(problem.tables)
    if slot_count == 0:
        raise InvalidInput("there are no slots", field="slots")
    if table_count == 0:
        raise InvalidInput("there are no tables", field="tables")
    for index, slot in enumerate(problem.slots):
        if index and slot.day < problem.slots[index - 1].day:
            raise InvalidInput(f"slot {index + 1}: days must not decrease", field="slots")
        for table_index in slot.tables or ():
            if not 0 <= table_index < table_count:
                raise InvalidInput(
                    f"slot {index + 1}: unknown table {table_index + 1}", field="slots"
                )
        if slot.tables is not None and len(set(slot.tables)) != len(slot.tables):
            raise InvalidInput(f"slot {index + 1}: a table is listed twice", field="slots")
    for index, participant in enumerate(problem.participants):
        for forbidden in participant.forbidden_slots:
            if not 0 <= forbidden < slot_count:
                raise InvalidInput(
                    f"participant {index + 1}: forbidden slot {forbidden + 1} outside "
                    f"1..{slot_count}",
                    field="forbidden",
                )
    sessions = {slot.session for slot in problem.slots}
    for index, _meeting in enumerate(problem.meetings):
        _validate_meeting(
            problem,
            index=index,
            participant_count=participant_count,
            sessions=sessions,
        )
    _reject_cycles(problem)
    _validate_reference(problem)


def _validate_reference(problem: Problem) -> None:
    """The reference names a slot and a table per meeting; it may no longer be a valid
    schedule (that is why the problem is solved again), but its indices must exist."""
    if problem.reference is None:
        return
    if len(problem.reference) != len(problem.meetings):
        raise InvalidInput(
            f"the reference has {len(problem.reference)} entries for "
            f"{len(problem.meetings)} meetings",
            field="reference",
        )
    for index, placement in enumerate(problem.reference):
        if placement is None:
            continue
        if not 0 <= placement.slot < len(problem.slots):
            raise InvalidInput(
                f"meeting {index + 1}: reference slot {placement.slot + 1} outside "
                f"1..{len(problem.slots)}",
                field="reference",
            )
        if not 0 <= placement.table < len(problem.tables):
            raise InvalidInput(
                f"meeting {index + 1}: reference table {placement.table + 1} outside "
                f"1..{len(problem.tables)}",
                field="reference",
            )


def _validate_meeting(
    problem: Problem, *, index: int, participant_count: int, sessions: set[str]
) -> None:
    meeting = problem.meetings[index]
    label = f"meeting {index + 1}"
    first, second = meeting.participants
    for participant in (first, second):
        if not 0 <= participant < participant_count:
            raise InvalidInput(
                f"{label}: unknown participant {participant + 1} (there are {participant_count})",
                field="meetings",
            )
    if first == second:
        raise InvalidInput(f"{label}: participant {first + 1} meets itself", field="meetings")
    if meeting.weight < 1:
        raise InvalidInput(f"{label}: weight must be at least 1", field="weight")
    if meeting.session is not None and meeting.session not in sessions:
        raise InvalidInput(
            f"{label}: no slot belongs to session {meeting.session!r}", field="session"
        )
    if meeting.fixed_slot is not None and not 0 <= meeting.fixed_slot < len(problem.slots):
        raise InvalidInput(
            f"{label}: fixed slot {meeting.fixed_slot + 1} outside 1..{len(problem.slots)}",
            field="fixed",
        )
    if meeting.fixed_table is not None:
        if meeting.fixed_slot is None:
            raise InvalidInput(f"{label}: a fixed table needs a fixed slot", field="fixed")
        if meeting.fixed_table not in problem.open_tables(meeting.fixed_slot):
            raise InvalidInput(
                f"{label}: table {meeting.fixed_table + 1} is not open in slot "
                f"{meeting.fixed_slot + 1}",
                field="fixed",
            )
    for other in meeting.after:
        if not 0 <= other < len(problem.meetings) or other == index:
            raise InvalidInput(f"{label}: invalid predecessor {other + 1}", field="precedences")


def _reject_cycles(problem: Problem) -> None:
    """Precedences must form no cycle; report one cycle's meetings (iterative DFS: no recursion)."""
    unvisited, on_path, done = 0, 1, 2
    state = [unvisited] * len(problem.meetings)
    for root in range(len(problem.meetings)):
        if state[root] != unvisited:
            continue
        path = [root]
        iterators = [iter(problem.meetings[root].after)]
        state[root] = on_path
        while iterators:
            following = next(iterators[-1], None)
            if following is None:
                state[path.pop()] = done
                iterators.pop()
            elif state[following] == on_path:
                cycle = [*path[path.index(following) :], following]
                raise InvalidInput(
                    "cyclic precedences: " + " -> ".join(str(m + 1) for m in cycle),
                    field="precedences",
                )
            elif state[following] == unvisited:
                state[following] = on_path
                path.append(following)
                iterators.append(iter(problem.meetings[following].after))


def check_fixed(problem: Problem) -> None:
    """Raise ConflictingFixedMeetings, naming the meetings, when the fixed meetings clash.

    ``solve`` does not raise: it returns an infeasible Solution with the same messages, which
    is what a stored run records; a command line calls this first to refuse the input."""
    locked = {
        m: info.fixed_slot for m, info in enumerate(problem.meetings) if info.fixed_slot is not None
    }
    conflicts = locked_conflicts(problem, locked=locked)
    if conflicts:
        raise ConflictingFixedMeetings(conflicts)
