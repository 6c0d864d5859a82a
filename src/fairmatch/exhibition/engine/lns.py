"""Local search for large floors: free the exhibitors of a few dozen booths around one
spot (and sometimes a second spot, so that exhibitors can trade places across the hall),
let CP-SAT re-place them optimally among those booths, keep the result when it scores
better, and repeat until the time is up.

The exhibitors on two rings of booths around the freed ones are in each small model too,
fixed where they are: with them the model's score differs from the whole allocation's by
a constant, so a better small model is a better allocation (checked again on the whole).

Between the windows, the exchanges of exchange.py try every booth for each exhibitor with
an unmet wish; when even the largest window stalls, some moves free whole zones instead.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable

from ortools.sat.python import cp_model

from .evaluate import score, score_of
from .exchange import exchange
from .model_cp import build
from .prepare import Prepared

# How often (in moves) the exhibitors with an unmet wish are listed again, and the share of
# moves centred on one of them rather than on a random booth.
REFRESH_UNHAPPY = 20
UNHAPPY_SHARE = 0.7
# Booths freed per move, and how long one small model may take.
WINDOW = 20
MOVE_SECONDS = 1.0
# After this many moves in a row without a gain the window grows by half of WINDOW, up to
# LARGEST_WINDOW; a gain brings it back to WINDOW.
STALL = 40
LARGEST_WINDOW = 40
# Once the window is at its largest and still gains nothing, every other move frees the
# whole zones an unhappy exhibitor is concerned with (its own, the one it prefers, its
# pavilion, its wanted neighbours'): exchanges along longer chains, such as one exhibitor
# leaving its pavilion for its field's while a compatriot takes its place.
ZONE_STALL = 2 * STALL
ZONE_MOVE_SECONDS = 4.0
# The exchanges of exchange.py run whenever the unhappy are listed again and the allocation
# has changed since they last ran, within this share of the time spent so far.
EXCHANGE_SHARE = 0.3


def improve(
    prepared: Prepared,
    booth_of: dict[int, int],
    *,
    deadline: float,
    seed: int,
    workers: int,
    on_better: Callable[[dict[int, int], int], None],
    should_stop: Callable[[], bool],
) -> dict[int, int]:
    """Improve the allocation until ``deadline``; ``on_better`` hears of each improvement."""
    rng = random.Random(seed)
    current = dict(booth_of)
    current_score = score(prepared, current)
    booths = prepared.problem.booths
    hall_booths: dict[str, list[int]] = {}
    for b, booth in enumerate(booths):
        if not booth.blocked:
            hall_booths.setdefault(booth.hall, []).append(b)
    unhappy: list[int] = []
    moves = 0
    stalled = 0
    started = time.monotonic()
    exchanging = 0.0
    changed = True
    fruitless: Counter[int] = Counter()
    zone_booths: dict[str | None, list[int]] = {}
    for b, booth in enumerate(booths):
        if not booth.blocked and booth.zone is not None:
            zone_booths.setdefault(booth.zone, []).append(b)
    # Pairs of zones whose exhibitors were proven best placed as they are, until a gain.
    settled: set[frozenset[str | None]] = set()
    while time.monotonic() < deadline - 0.05 and not should_stop():
        at = {b: e for e, b in current.items()}
        if moves % REFRESH_UNHAPPY == 0:
            unhappy = _unhappy(prepared, current, at)
            now = time.monotonic()
            if changed and exchanging <= EXCHANGE_SHARE * (now - started):
                gain = exchange(prepared, current, exhibitors=unhappy, deadline=deadline - 0.05)
                exchanging += time.monotonic() - now
                changed = False
                if gain > 0:
                    current_score += gain
                    on_better(current, current_score)
                    at = {b: e for e, b in current.items()}
                    unhappy = _unhappy(prepared, current, at)
        moves += 1
        centre = None
        chosen = None
        if unhappy and rng.random() < UNHAPPY_SHARE:
            # Many unmet wishes cannot be met (a pavilion full of exhibitors who asked for
            # it too): the moves centred on an exhibitor in vain make it less likely again.
            chosen = rng.choices(unhappy, [1 / (1 + fruitless[e]) for e in unhappy])[0]
            centre = current.get(chosen)
        size = min(LARGEST_WINDOW, WINDOW + (stalled // STALL) * (WINDOW // 2))
        window = _window(prepared, current, at, hall_booths, rng, centre, size)
        seconds = MOVE_SECONDS
        zones: frozenset[str | None] = frozenset()
        if chosen is not None and stalled >= ZONE_STALL and moves % 2 == 0:
            zones = _zones_of(prepared, current, chosen)
            if len(zones) > 1 and zones not in settled:
                window = {b for z in zones for b in zone_booths.get(z, ())}
                seconds = ZONE_MOVE_SECONDS
        freed = [e for b in window if (e := at.get(b)) is not None and e not in prepared.locked]
        if not freed:
            continue
        ring1 = _ring(prepared, window, window)
        ring2 = _ring(prepared, window | ring1, window | ring1)
        fixed = {at[b]: b for b in ring1 | ring2 if b in at}
        fixed.update({e: b for e, b in current.items() if e in prepared.locked and b in window})
        options = {e: [b for b in prepared.candidates[e] if b in window] for e in freed}
        options.update({e: [b] for e, b in fixed.items()})
        members = list(options)
        built = build(
            prepared,
            exhibitors=members,
            placed=len(members),
            hint={e: current[e] for e in members},
            options=options,
        )
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = min(seconds, deadline - time.monotonic())
        solver.parameters.num_workers = max(1, workers)
        solver.parameters.random_seed = rng.randrange(2**31 - 1)
        code = solver.solve(built.model)
        if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            continue
        moved = dict(current)
        for e, row in built.choice.items():
            for b, var in row.items():
                if solver.value(var):
                    moved[e] = b
        # Only the freed exhibitors and their neighbours, old and new, earn differently.
        affected = [at[b] for b in window | ring1 if b in at]
        moved_at = {b: e for e, b in moved.items()}
        change = score_of(prepared, moved, moved_at, affected) - score_of(
            prepared, current, at, affected
        )
        if change > 0:
            current, current_score = moved, current_score + change
            on_better(current, current_score)
            stalled = 0
            changed = True
            for e in freed:
                fruitless.pop(e, None)
            settled.clear()
        else:
            stalled += 1
            if seconds == ZONE_MOVE_SECONDS and code == cp_model.OPTIMAL:
                settled.add(zones)
            if chosen is not None:
                fruitless[chosen] += 1
    return current


def _zones_of(prepared: Prepared, current: dict[int, int], e: int) -> frozenset[str | None]:
    """The zones an exhibitor's wishes concern: where it stands, the zone it prefers, its
    country's pavilions, and where its wanted neighbours stand."""
    booths = prepared.problem.booths
    spec = prepared.exhibitors[e]
    zones: set[str | None] = {booths[current[e]].zone}
    if spec.preferred_zone is not None:
        zones.add(spec.preferred_zone)
    zones.update(prepared.country_zones.get(spec.country, ()))
    zones.update(booths[current[f]].zone for f in prepared.wanted.get(e, ()) if f in current)
    zones.discard(None)
    return frozenset(zones)


def _ring(prepared: Prepared, inner: set[int], exclude: set[int]) -> set[int]:
    return {o for b in inner for o in prepared.neighbours[b]} - exclude


def _window(
    prepared: Prepared,
    current: dict[int, int],
    at: dict[int, int],
    hall_booths: dict[str, list[int]],
    rng: random.Random,
    centre: int | None,
    size: int = WINDOW,
) -> set[int]:
    """``size`` booths: one ball around a random booth, or two half balls, the second
    around a wanted neighbour, a preferred zone or a random booth of the same hall."""
    booths = prepared.problem.booths
    if centre is None:
        centre = rng.choice(hall_booths[rng.choice(sorted(hall_booths))])
    hall = booths[centre].hall
    if rng.random() < 0.4:
        return _ball(prepared, centre, size)
    first = _ball(prepared, centre, size // 2)
    second_centre = rng.choice(hall_booths[hall])
    occupants = [at[b] for b in first if b in at]
    rng.shuffle(occupants)
    for e in occupants:
        partners = [f for f in prepared.wanted.get(e, ()) if f in current]
        if partners:
            second_centre = current[rng.choice(partners)]
            break
        zone = prepared.exhibitors[e].preferred_zone
        if zone is not None and booths[current[e]].zone != zone:
            in_zone = [b for b, booth in enumerate(booths) if booth.zone == zone]

            if in_zone:
                second_centre = rng.choice(in_zone)
                break
    return first | _ball(prepared, second_centre, size // 2)


def _ball(prepared: Prepared, centre: int, size: int) -> set[int]:
    """The ``size`` booths nearest ``centre`` in the neighbour graph (breadth first)."""
    found = [centre]
    seen = {centre}
    index = 0
    while index < len(found) and len(found) < size:
        for other in sorted(prepared.neighbours[found[index]]):
            if other not in seen and not prepared.problem.booths[other].blocked:
                seen.add(other)
                found.append(other)
        index += 1
    return set(found[:size])


def _unhappy(prepared: Prepared, current: dict[int, int], at: dict[int, int]) -> list[int]:
    """Placed exhibitors (not locked) with a wish the allocation does not meet: where a
    move is most likely to gain."""
    booths = prepared.problem.booths
    holders = Counter(name for e in current for name in set(prepared.exhibitors[e].fields))
    found = []
    for e, b in current.items():
        if e in prepared.locked:
            continue
        spec = prepared.exhibitors[e]
        booth = booths[b]
        beside = [at[o] for o in prepared.neighbours[b] if o in at]
        pavilions = prepared.country_zones.get(spec.country, set())
        fields = {name for name in spec.fields if holders[name] > 1}
        if (
            (spec.preferred_zone is not None and booth.zone != spec.preferred_zone)
            or (spec.preferred_hall is not None and booth.hall != spec.preferred_hall)
            or (pavilions and booth.zone not in pavilions)
            or any(f not in beside for f in prepared.wanted.get(e, ()))
            or any(f in beside for f in prepared.avoided.get(e, ()))
            or (fields and not any(fields & set(prepared.exhibitors[f].fields) for f in beside))
        ):
            found.append(e)
    return found
