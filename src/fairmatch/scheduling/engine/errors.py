"""The errors the engine raises for bad input, located by line and field when known."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Input that cannot be scheduled as given: a malformed file or an inconsistent problem."""

    def __init__(self, message: str, *, field: str | None = None, line: int | None = None):
        self.field = field
        self.line = line
        self.detail = message
        where = []
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class ConflictingFixedMeetings(InvalidInput):
    """Fixed meetings that no schedule can honour: two in one slot with the same participant,
    one on a participant's forbidden slot or outside its session, more in a slot than its
    tables, a precedence their slots break. ``conflicts`` names the meetings, one line each."""

    def __init__(self, conflicts: list[str] | tuple[str, ...]):
        self.conflicts = tuple(conflicts)
        super().__init__("fixed meetings conflict: " + "; ".join(self.conflicts), field="fixed")
