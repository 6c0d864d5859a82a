"""Rectangles on a hall floor, in metres: overlap, containment, adjacency, open sides.

The plan editor checks edits with these functions and the allocator derives neighbours
from them, so "adjacent" means the same thing on the page and in the solver.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Coordinates are stored to the centimetre; anything closer than this touches.
EPSILON = 1e-6


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle; (x, y) is its north-west corner, x east, y south."""

    x: float
    y: float
    width: float
    depth: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.depth

    @property
    def area(self) -> float:
        return self.width * self.depth

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.depth / 2)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def overlaps(a: Rect, b: Rect) -> bool:
    """Whether the two share floor (touching along an edge is not overlapping)."""
    return (
        _overlap(a.x, a.right, b.x, b.right) > EPSILON
        and _overlap(a.y, a.bottom, b.y, b.bottom) > EPSILON
    )


def inside(inner: Rect, outer: Rect) -> bool:
    return (
        inner.x >= outer.x - EPSILON
        and inner.y >= outer.y - EPSILON
        and inner.right <= outer.right + EPSILON
        and inner.bottom <= outer.bottom + EPSILON
    )


def shared_edge(a: Rect, b: Rect) -> float:
    """Length of the wall the two booths share; 0 when they do not touch along a side."""
    if abs(a.right - b.x) < EPSILON or abs(b.right - a.x) < EPSILON:
        return max(0.0, _overlap(a.y, a.bottom, b.y, b.bottom))
    if abs(a.bottom - b.y) < EPSILON or abs(b.bottom - a.y) < EPSILON:
        return max(0.0, _overlap(a.x, a.right, b.x, b.right))
    return 0.0


def adjacent(a: Rect, b: Rect) -> bool:
    """Side by side: they share a stretch of wall (meeting at a corner point is not enough)."""
    return shared_edge(a, b) > EPSILON


def open_side_count(booth: Rect, others: Iterable[Rect], hall: Rect) -> int:
    """Sides of the booth that face an aisle: 1 row, 2 corner, 3 peninsula, 4 island.

    A side is closed when a hall wall or other booths cover more than half of it.
    """
    others = [o for o in others if o != booth]
    sides = (
        ("west", booth.depth, hall.x, booth.x),
        ("east", booth.depth, hall.right, booth.right),
        ("north", booth.width, hall.y, booth.y),
        ("south", booth.width, hall.bottom, booth.bottom),
    )
    open_count = 0
    for name, length, wall, position in sides:
        if abs(wall - position) < EPSILON:
            continue
        covered = sum(_covered(booth, other, name) for other in others)
        if covered <= length / 2:
            open_count += 1
    return open_count


def _covered(booth: Rect, other: Rect, side: str) -> float:
    if side == "west" and abs(other.right - booth.x) < EPSILON:
        return max(0.0, _overlap(booth.y, booth.bottom, other.y, other.bottom))
    if side == "east" and abs(other.x - booth.right) < EPSILON:
        return max(0.0, _overlap(booth.y, booth.bottom, other.y, other.bottom))
    if side == "north" and abs(other.bottom - booth.y) < EPSILON:
        return max(0.0, _overlap(booth.x, booth.right, other.x, other.right))
    if side == "south" and abs(other.y - booth.bottom) < EPSILON:
        return max(0.0, _overlap(booth.x, booth.right, other.x, other.right))
    return 0.0
