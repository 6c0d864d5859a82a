"""Exchanges across the whole floor, between the local search's windows: one exhibitor moved
to a free booth, two exhibitors trading booths, or an exhibitor without a booth taking one
in place of another that could not be placed either way. The windows of lns.py are balls
in the neighbour graph, so a trade between two ends of a hall is in few of them; here each
exhibitor is tried against every booth it fits, and every gain is kept at once.

Each keeps the number placed (in the third kind one exhibitor leaves as another enters),
so the allocation still places the most any can.
"""

from __future__ import annotations

import time

from .evaluate import score_of
from .prepare import Prepared, unary_score


def exchange(
    prepared: Prepared,
    current: dict[int, int],
    *,
    exhibitors: list[int],
    deadline: float,
) -> int:
    """Apply every move and trade of one of ``exhibitors`` that raises the score, and every
    entry of an exhibitor without a booth that does, until none is left or the deadline;
    ``current`` is changed in place. Returns the total gain.

    The local search passes the exhibitors with an unmet wish: a trade between two whose
    wishes are all met can only gain through their neighbours, and seldom does."""
    at = {b: e for e, b in current.items()}
    movable = [e for e in exhibitors if e in current and e not in prepared.locked]
    waiting = [
        e
        for e, options in enumerate(prepared.candidates)
        if options and e not in current and e not in prepared.unassigned
    ]
    fits = [set(options) for options in prepared.candidates]
    headroom = _Headroom(prepared)
    gain = 0
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for e in movable:
            if time.monotonic() >= deadline:
                break
            found = _best_trade(prepared, current, at, fits, headroom, e)
            if found > 0:
                gain += found
                improved = True
        for e in list(waiting):
            if e in current or time.monotonic() >= deadline:
                continue
            found, displaced = _best_entry(prepared, current, at, e)
            if displaced is not None:
                headroom.forget(_affected(prepared, at, (current[e],)))
                gain += found
                improved = True
                waiting.append(displaced)
                movable = [f for f in movable if f != displaced] + [e]
        waiting = [e for e in waiting if e not in current]
    return gain


def _affected(prepared: Prepared, at: dict[int, int], booths: tuple[int, ...]) -> set[int]:
    found = {e for b in booths if (e := at.get(b)) is not None}
    for b in booths:
        for o in prepared.neighbours[b]:
            if (e := at.get(o)) is not None:
                found.add(e)
    return found


def _place(current: dict[int, int], at: dict[int, int], e: int, b: int | None) -> None:
    old = current.pop(e, None)
    if old is not None and at.get(old) == e:
        del at[old]
    if b is not None:
        current[e] = b
        at[b] = e


def _best_trade(
    prepared: Prepared,
    current: dict[int, int],
    at: dict[int, int],
    fits: list[set[int]],
    headroom: _Headroom,
    e: int,
) -> int:
    """The best move of ``e`` to a free booth or trade with the holder of another, applied
    when it gains; returns the gain (0 when none)."""
    home = current[e]
    best = 0
    best_move: tuple[int, int | None] | None = None
    room_e = headroom.missing(current, at, e)
    for b in prepared.candidates[e]:
        if b == home:
            continue
        f = at.get(b)
        if f is not None and (f in prepared.locked or home not in fits[f]):
            continue
        # What e (and f) could gain at most; a trade that gains only their neighbours'
        # wishes is left to the windows.
        reach = unary_score(prepared, e, b) + room_e
        if f is not None:
            reach += unary_score(prepared, f, home) + headroom.missing(current, at, f)
        if reach <= 0:
            continue
        touched = _affected(prepared, at, (home, b))
        before = score_of(prepared, current, at, touched)
        _place(current, at, e, None)
        if f is not None:
            _place(current, at, f, home)
        _place(current, at, e, b)
        after = score_of(prepared, current, at, touched)
        _place(current, at, e, None)
        if f is not None:
            _place(current, at, f, b)
        _place(current, at, e, home)
        if after - before > best:
            best, best_move = after - before, (b, f)
    if best_move is not None:
        b, f = best_move
        headroom.forget(_affected(prepared, at, (home, b)))
        _place(current, at, e, None)
        if f is not None:
            _place(current, at, f, home)
        _place(current, at, e, b)
    return best


class _Headroom:
    """Per exhibitor, the most it could earn beyond its booth-alone reward (every neighbour
    wish met, no avoided neighbour beside) less what it earns now: a move can raise its
    score by at most its new booth's reward plus that."""

    def __init__(self, prepared: Prepared) -> None:
        self.prepared = prepared
        weights = prepared.problem.weights
        self.most = [
            (weights.field_neighbours if spec.fields else 0)
            + (weights.country_neighbours if spec.country in prepared.country_zones else 0)
            + weights.wanted_neighbour * len(prepared.wanted.get(e, ()))
            for e, spec in enumerate(prepared.exhibitors)
        ]
        self.earned: dict[int, int] = {}

    def missing(self, current: dict[int, int], at: dict[int, int], e: int) -> int:
        if e not in self.earned:
            self.earned[e] = score_of(self.prepared, current, at, (e,))
        return self.most[e] - self.earned[e]

    def forget(self, exhibitors: set[int]) -> None:
        for e in exhibitors:
            self.earned.pop(e, None)


def _best_entry(
    prepared: Prepared, current: dict[int, int], at: dict[int, int], e: int
) -> tuple[int, int | None]:
    """The best booth for ``e``, waiting without one, taken from an exhibitor (not locked)
    who then waits instead; applied when it gains. Returns the gain and the exhibitor
    displaced (0 and None when nothing gains)."""
    best = 0
    best_booth: int | None = None
    for b in prepared.candidates[e]:
        f = at.get(b)
        if f is None or f in prepared.locked:
            continue
        touched = _affected(prepared, at, (b,))
        before = score_of(prepared, current, at, touched)
        _place(current, at, f, None)
        _place(current, at, e, b)
        after = score_of(prepared, current, at, touched | {e})
        _place(current, at, e, None)
        _place(current, at, f, b)
        if after - before > best:
            best, best_booth = after - before, b
    if best_booth is None:
        return 0, None
    f = at[best_booth]
    _place(current, at, f, None)
    _place(current, at, e, best_booth)
    return best, f
