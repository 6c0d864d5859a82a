"""Rectangles on a hall floor, in metres: overlap, containment, adjacency, open sides.

The plan editor checks edits with these functions and the allocator derives neighbours
from them, so "adjacent" means the same thing on the page and in the solver.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

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


class PlacedBooth(Protocol):
    """A booth as the floor functions read it (``BoothSpec`` is one)."""

    @property
    def key(self) -> str: ...
    @property
    def hall(self) -> str: ...
    @property
    def rect(self) -> Rect: ...


class Floor(Protocol):
    """A hall as the floor functions read it (``HallSpec`` is one)."""

    @property
    def rect(self) -> Rect: ...
    @property
    def entrances(self) -> tuple[tuple[float, float], ...]: ...


OPEN_SIDES = {0: "row", 1: "row", 2: "corner", 3: "peninsula", 4: "island"}
# A booth corner is at an aisle crossing when squares of this side (metres) beyond it, in
# both directions and diagonally, are free floor.
CROSSING_PROBE = 1.0
# Distance (metres) at which an entrance's pull on footfall has halved.
ENTRANCE_HALF_DISTANCE = 10.0
ENTRANCE_WEIGHT = 3.0
CROSSING_WEIGHT = 0.5
_CELL = 4.0


class _Grid:
    """Booth rectangles of one hall bucketed by 4 m cells, to find those near a rectangle."""

    def __init__(self, rects: Iterable[tuple[str, Rect]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[str, Rect]]] = defaultdict(list)
        for key, rect in rects:
            for cell in self._cells(rect, 0.0):
                self.cells[cell].append((key, rect))

    @staticmethod
    def _cells(rect: Rect, margin: float) -> Iterable[tuple[int, int]]:
        x0 = math.floor((rect.x - margin) / _CELL)
        x1 = math.floor((rect.right + margin) / _CELL)
        y0 = math.floor((rect.y - margin) / _CELL)
        y1 = math.floor((rect.bottom + margin) / _CELL)
        for i in range(x0, x1 + 1):
            for j in range(y0, y1 + 1):
                yield (i, j)

    def near(self, rect: Rect, margin: float) -> dict[str, Rect]:
        """Booths within ``margin`` metres of the rectangle (a few more, never fewer)."""
        found: dict[str, Rect] = {}
        for cell in self._cells(rect, margin + EPSILON):
            for key, other in self.cells.get(cell, ()):
                found[key] = other
        return found


def _by_hall(booths: Iterable[PlacedBooth]) -> dict[str, list[PlacedBooth]]:
    halls: dict[str, list[PlacedBooth]] = defaultdict(list)
    for booth in booths:
        halls[booth.hall].append(booth)
    return halls


def facing_gap(a: Rect, b: Rect) -> float | None:
    """The aisle width between two booths that face each other across it, or None.

    They face each other when a gap separates them along one axis and, along the other,
    they overlap by at least half of the narrower one's side.
    """
    for gap, overlap, shorter in (
        (
            max(b.x - a.right, a.x - b.right),
            _overlap(a.y, a.bottom, b.y, b.bottom),
            min(a.depth, b.depth),
        ),
        (
            max(b.y - a.bottom, a.y - b.bottom),
            _overlap(a.x, a.right, b.x, b.right),
            min(a.width, b.width),
        ),
    ):
        if gap > EPSILON and overlap >= shorter / 2 - EPSILON:
            return gap
    return None


def _between(a: Rect, b: Rect) -> Rect:
    """The floor between two booths facing each other (the stretch of aisle they share)."""
    if max(b.x - a.right, a.x - b.right) > EPSILON:
        left, right = (a, b) if a.x < b.x else (b, a)
        y0, y1 = max(a.y, b.y), min(a.bottom, b.bottom)
        return Rect(left.right, y0, right.x - left.right, y1 - y0)
    top, bottom = (a, b) if a.y < b.y else (b, a)
    x0, x1 = max(a.x, b.x), min(a.right, b.right)
    return Rect(x0, top.bottom, x1 - x0, bottom.y - top.bottom)


def neighbours(booths: Iterable[PlacedBooth], *, across_aisle: float = 0.0) -> dict[str, set[str]]:
    """Each booth's neighbours: booths of the same hall sharing a stretch of wall with it,
    and, when ``across_aisle`` > 0, booths facing it across an aisle at most that wide with
    no booth in between (a visitor in the aisle sees both fronts)."""
    found: dict[str, set[str]] = {}
    for hall_booths in _by_hall(booths).values():
        grid = _Grid((b.key, b.rect) for b in hall_booths)
        for booth in hall_booths:
            mine = found.setdefault(booth.key, set())
            for key, other in grid.near(booth.rect, across_aisle).items():
                if key == booth.key:
                    continue
                if adjacent(booth.rect, other):
                    mine.add(key)
                    continue
                if across_aisle <= 0:
                    continue
                gap = facing_gap(booth.rect, other)
                if gap is None or gap > across_aisle + EPSILON:
                    continue
                aisle = _between(booth.rect, other)
                blocked = any(
                    overlaps(aisle, third)
                    for third_key, third in grid.near(aisle, 0.0).items()
                    if third_key not in (key, booth.key)
                )
                if not blocked:
                    mine.add(key)
    return found


def derive_open_sides(booths: Iterable[PlacedBooth], halls: Mapping[str, Floor]) -> dict[str, str]:
    """Each booth's open sides as ``Booth.open_sides`` stores them: row, corner, peninsula
    or island (a booth closed on every side counts as a row booth)."""
    result: dict[str, str] = {}
    for hall_key, hall_booths in _by_hall(booths).items():
        grid = _Grid((b.key, b.rect) for b in hall_booths)
        for booth in hall_booths:
            near = grid.near(booth.rect, 0.0).values()
            result[booth.key] = OPEN_SIDES[open_side_count(booth.rect, near, halls[hall_key].rect)]
    return result


def footfall(booth: PlacedBooth, hall: Floor, booths: Sequence[PlacedBooth]) -> float:
    """How many visitors pass the booth, in relative units (higher is busier)::

        open sides (0-4)
        + 0.5 x corners at an aisle crossing (0-4)
        + 3 x 10 / (10 + metres from the booth's centre to the nearest entrance)

    The entrance term is 3 at an entrance and halves 10 m away; a hall without entrances
    scores 0 on it.
    """
    grid = _Grid((b.key, b.rect) for b in booths if b.hall == booth.hall)
    return _footfall(booth.rect, hall, grid)


def footfalls(booths: Iterable[PlacedBooth], halls: Mapping[str, Floor]) -> dict[str, float]:
    """``footfall`` of every booth, computed hall by hall in one pass."""
    result: dict[str, float] = {}
    for hall_key, hall_booths in _by_hall(booths).items():
        grid = _Grid((b.key, b.rect) for b in hall_booths)
        for booth in hall_booths:
            result[booth.key] = _footfall(booth.rect, halls[hall_key], grid)
    return result


def _footfall(rect: Rect, hall: Floor, grid: _Grid) -> float:
    near = grid.near(rect, CROSSING_PROBE)
    sides = open_side_count(rect, near.values(), hall.rect)
    crossings = sum(_at_crossing(rect, corner, hall.rect, near.values()) for corner in _CORNERS)
    score = sides + CROSSING_WEIGHT * crossings
    if hall.entrances:
        cx, cy = rect.centre
        distance = min(math.hypot(cx - ex, cy - ey) for ex, ey in hall.entrances)
        score += ENTRANCE_WEIGHT * ENTRANCE_HALF_DISTANCE / (ENTRANCE_HALF_DISTANCE + distance)
    return score


_CORNERS = ((-1, -1), (1, -1), (-1, 1), (1, 1))


def _at_crossing(rect: Rect, corner: tuple[int, int], hall: Rect, near: Iterable[Rect]) -> bool:
    dx, dy = corner
    px = rect.x if dx < 0 else rect.right
    py = rect.y if dy < 0 else rect.bottom
    s = CROSSING_PROBE
    ox = px - s if dx < 0 else px
    oy = py - s if dy < 0 else py
    inward_x = px if dx < 0 else px - s
    inward_y = py if dy < 0 else py - s
    probes = (Rect(ox, oy, s, s), Rect(ox, inward_y, s, s), Rect(inward_x, oy, s, s))
    others = [o for o in near if o != rect]
    return all(
        inside(probe, hall) and not any(overlaps(probe, other) for other in others)
        for probe in probes
    )
