"""The scheduling engine: pure, typed, no Django. See docs/scheduling.md."""

from .dzn import read_dzn, write_dzn
from .errors import InvalidInput
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
from .solver import solve
from .validation import validate
from .verify import Verification, verify

__all__ = [
    "AFTERNOON",
    "MORNING",
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
    "read_dzn",
    "solve",
    "validate",
    "verify",
    "write_dzn",
]
