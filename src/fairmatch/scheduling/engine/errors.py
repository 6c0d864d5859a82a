"""The one error the engine raises for bad input, located by line and field when known."""

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
