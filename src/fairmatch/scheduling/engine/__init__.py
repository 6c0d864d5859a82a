"""The scheduling engine: pure, typed, no Django. See docs/scheduling.md."""

from typing import TYPE_CHECKING

from .dzn import read_dzn, write_dzn
from .errors import ConflictingFixedMeetings, InvalidInput
from .problem import (
    AFTERNOON,
    MORNING,
    Meeting,
    Participant,
    Placement,
    Problem,
    Progress,
    Slot,
    Solution,
    Status,
    Table,
)
from .validation import check_fixed, validate
from .verify import Verification, verify

if TYPE_CHECKING:
    from .solver import solve


def __getattr__(name: str) -> object:
    # Imported on first use: the solver pulls in OR-Tools (0.6 s), which the MaxSAT child
    # processes, importing this package afresh, mostly do without.
    if name == "solve":
        from .solver import solve

        return solve
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AFTERNOON",
    "MORNING",
    "ConflictingFixedMeetings",
    "InvalidInput",
    "Meeting",
    "Participant",
    "Placement",
    "Problem",
    "Progress",
    "Slot",
    "Solution",
    "Status",
    "Table",
    "Verification",
    "check_fixed",
    "read_dzn",
    "solve",
    "validate",
    "verify",
    "write_dzn",
]
