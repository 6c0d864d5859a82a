"""Booth allocation: a pure, typed engine (no Django) that assigns exhibitors to booths.
See docs/exhibition.md."""

from typing import TYPE_CHECKING

from .geometry import Rect, derive_open_sides, footfall, footfalls, neighbours
from .messages import Message
from .model import (
    Allocation,
    BoothSpec,
    ExhibitorSpec,
    HallSpec,
    Problem,
    Progress,
    Status,
    Weights,
    WishResult,
    ZoneSpec,
)
from .verify import violations

if TYPE_CHECKING:
    from .solver import allocate


def __getattr__(name: str) -> object:
    # Imported on first use: the solver pulls in OR-Tools (0.6 s), which the plan editor,
    # reading only the geometry, does without.
    if name == "allocate":
        from .solver import allocate

        return allocate
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Allocation",
    "BoothSpec",
    "ExhibitorSpec",
    "HallSpec",
    "Message",
    "Problem",
    "Progress",
    "Rect",
    "Status",
    "Weights",
    "WishResult",
    "ZoneSpec",
    "allocate",
    "derive_open_sides",
    "footfall",
    "footfalls",
    "neighbours",
    "violations",
]
