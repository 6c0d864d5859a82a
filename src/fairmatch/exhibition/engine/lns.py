"""Local search for large floors: free the exhibitors of a few dozen booths around one
spot (and sometimes a second spot, so that exhibitors can trade places across the hall),
let CP-SAT re-place them optimally among those booths, keep the result when it scores
better, and repeat until the time is up.

The exhibitors on two rings of booths around the freed ones are in each small model too,
fixed where they are: with them the model's score differs from the whole allocation's by
a constant, so a better small model is a better allocation (checked again on the whole).

With more than one worker, as many moves run at once, each on one core: CP-SAT spends
most of a small model's time proving it optimal, which one worker does about as fast as
two, so moves side by side nearly double the moves tried. Moves in flight together never
free a booth that another one holds fixed; one whose booths changed meanwhile is dropped.

Between the windows, the exchanges of exchange.py try every booth for each exhibitor with
an unmet wish; when even the largest window stalls, some moves free whole zones instead.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .evaluate import score, score_of
from .exchange import exchange
from .guided import guided_windows
from .model_cp import BuiltModel, build
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
LARGEST_WINDOW = 60
# Once the window is at its largest and still gains nothing, every other move frees the
# whole zones an unhappy exhibitor is concerned with (its own, the one it prefers, its
# pavilion, its wanted neighbours'): exchanges along longer chains, such as one exhibitor
# leaving its pavilion for its field's while a compatriot takes its place.
ZONE_STALL = 2 * STALL
ZONE_MOVE_SECONDS = 4.0
# The exchanges of exchange.py run whenever the unhappy are listed again and the allocation
# has changed since they last ran, within this share of the time spent so far.
EXCHANGE_SHARE = 0.3
# Once GUIDED_STALL moves in a row gained nothing, every GUIDED_EVERY-th move takes its
# window from guided.py (chains of exhibitors across the floor that an assignment moves),
# within GUIDED_SHARE of the time for drawing them; the bonus for staying and the noise on
# the values vary from draw to draw, and each chain that gained nothing raises its
# exhibitors' bonus by GUIDED_SETTLED.
GUIDED_EVERY = 3
GUIDED_STALL = STALL // 2
GUIDED_SHARE = 0.2
GUIDED_STAY = (1.0, 2.0, 3.0, 5.0, 8.0)
GUIDED_NOISE = (0.0, 2.0, 5.0)
GUIDED_SETTLED = 5.0
# A move in flight: its status and the freed exhibitors' new booths.
_Pending = Future[tuple[int, dict[int, int]]]
# Attempts at drawing a move clear of the moves in flight before waiting for one of them.
DRAWS = 5


@dataclass
class _Move:
    """One neighbourhood to re-place: ``window`` is freed, ``footprint`` adds the two fixed
    rings; ``before`` is who held each booth of the footprint when it was drawn."""

    guided: bool
    window: set[int]
    footprint: set[int]
    affected: list[int]
    freed: list[int]
    chosen: int | None
    zones: frozenset[str | None]
    seconds: float
    seed: int
    built: BuiltModel
    before: dict[int, int | None]


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
    search = _Search(prepared, booth_of, seed=seed, on_better=on_better)
    parallel = max(1, workers)
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        in_flight: dict[_Pending, _Move] = {}
        while time.monotonic() < deadline - 0.05 and not should_stop():
            if search.since_refresh >= REFRESH_UNHAPPY:
                # The exchanges move exhibitors anywhere: the moves in flight end first.
                search.settle(in_flight, wait_all=True)
                search.refresh(deadline)
            while len(in_flight) < parallel and time.monotonic() < deadline - 0.05:
                move = search.draw(in_flight.values())
                if move is None:
                    break
                in_flight[pool.submit(_solve, move, deadline)] = move
            if not in_flight:
                continue
            search.settle(in_flight, wait_all=False)
        search.settle(in_flight, wait_all=True)
    return search.current


def _solve(move: _Move, deadline: float) -> tuple[int, dict[int, int]]:
    """Solve the move's small model on one core: the status and the freed exhibitors'
    booths (empty unless a solution was found)."""
    solver = cp_model.CpSolver()
    left = deadline - time.monotonic()
    solver.parameters.max_time_in_seconds = max(0.01, min(move.seconds, left))
    solver.parameters.num_workers = 1
    # Presolve costs more than it saves on a window: on 400 windows of the 500 floor,
    # solving without it took 8.5 s in all against 26.9 s, and proved all 400 (387 with).
    solver.parameters.cp_model_presolve = False
    solver.parameters.random_seed = move.seed
    code = int(solver.solve(move.built.model))
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return code, {}
    placed = {
        e: b for e in move.freed for b, var in move.built.choice[e].items() if solver.value(var)
    }
    return code, placed


class _Search:
    """The allocation being improved and what the moves have learnt so far."""

    def __init__(
        self,
        prepared: Prepared,
        booth_of: dict[int, int],
        *,
        seed: int,
        on_better: Callable[[dict[int, int], int], None],
    ) -> None:
        self.prepared = prepared
        self.on_better = on_better
        self.rng = random.Random(seed)
        self.current = dict(booth_of)
        self.at = {b: e for e, b in self.current.items()}
        self.score = score(prepared, self.current)
        booths = prepared.problem.booths
        self.hall_booths: dict[str, list[int]] = {}
        self.zone_booths: dict[str | None, list[int]] = {}
        for b, booth in enumerate(booths):
            if booth.blocked:
                continue
            self.hall_booths.setdefault(booth.hall, []).append(b)
            if booth.zone is not None:
                self.zone_booths.setdefault(booth.zone, []).append(b)
        self.unhappy: list[int] = []
        self.moves = 0
        self.since_refresh = REFRESH_UNHAPPY
        self.stalled = 0
        self.started = time.monotonic()
        self.exchanging = 0.0
        self.changed = True
        self.fruitless: Counter[int] = Counter()
        # Sets of zones whose exhibitors were proven best placed as they are, until a gain.
        self.settled: set[frozenset[str | None]] = set()
        # The guided windows drawn on the allocation of ``version`` (a count of its gains),
        # the time spent drawing them, and per exhibitor how often its chains gained nothing.
        self.version = 0
        self.guided: list[set[int]] = []
        self.guided_version = -1
        self.guiding = 0.0
        self.unguided: Counter[int] = Counter()

    def _guided_window(self) -> set[int] | None:
        """The next window of chains from guided.py, drawn anew once the allocation has
        changed or the last ones are used, within ``GUIDED_SHARE`` of the time."""
        if self.guided_version != self.version:
            self.guided = []
        if not self.guided:
            now = time.monotonic()
            if self.guiding > GUIDED_SHARE * (now - self.started):
                return None
            self.guided = guided_windows(
                self.prepared,
                self.current,
                self.rng,
                stay=self.rng.choice(GUIDED_STAY),
                noise=self.rng.choice(GUIDED_NOISE),
                largest=LARGEST_WINDOW,
                settled={e: GUIDED_SETTLED * n for e, n in self.unguided.items()},
            )
            self.guided_version = self.version
            self.guiding += time.monotonic() - now
        return self.guided.pop() if self.guided else None

    def refresh(self, deadline: float) -> None:
        """List the unhappy again, and run the exchanges when the allocation changed."""
        self.since_refresh = 0
        self.unhappy = _unhappy(self.prepared, self.current, self.at)
        now = time.monotonic()
        if not self.changed or self.exchanging > EXCHANGE_SHARE * (now - self.started):
            return
        gain = exchange(
            self.prepared, self.current, exhibitors=self.unhappy, deadline=deadline - 0.05
        )
        self.exchanging += time.monotonic() - now
        self.changed = False
        if gain > 0:
            self.version += 1
            self.score += gain
            self.at = {b: e for e, b in self.current.items()}
            self.on_better(self.current, self.score)
            self.unhappy = _unhappy(self.prepared, self.current, self.at)

    def draw(self, in_flight: Iterable[_Move]) -> _Move | None:
        """The next move, clear of those in flight: it frees no booth they hold fixed and
        holds fixed none they free. None when no such move was drawn."""
        busy = list(in_flight)
        for _ in range(DRAWS):
            move = self._propose(busy)
            if move is not None:
                return move
        return None

    def _propose(self, busy: list[_Move]) -> _Move | None:
        prepared = self.prepared
        rng = self.rng
        self.moves += 1
        self.since_refresh += 1
        centre = None
        chosen = None
        if self.unhappy and rng.random() < UNHAPPY_SHARE:
            # Many unmet wishes cannot be met (a pavilion full of exhibitors who asked for
            # it too): the moves centred on an exhibitor in vain make it less likely again.
            weights = [1 / (1 + self.fruitless[e]) for e in self.unhappy]
            chosen = rng.choices(self.unhappy, weights)[0]
            centre = self.current.get(chosen)
        size = min(LARGEST_WINDOW, WINDOW + (self.stalled // STALL) * (WINDOW // 2))
        window = _window(prepared, self.current, self.at, self.hall_booths, rng, centre, size)
        seconds = MOVE_SECONDS
        zones: frozenset[str | None] = frozenset()
        guided = (
            self.stalled >= GUIDED_STALL
            and self.moves % GUIDED_EVERY == 0
            and self._guided_window()
        )
        if guided:
            window, chosen = guided, None
        elif chosen is not None and self.stalled >= ZONE_STALL and self.moves % 2 == 0:
            zones = _zones_of(prepared, self.current, chosen)
            if len(zones) > 1 and zones not in self.settled:
                window = {b for z in zones for b in self.zone_booths.get(z, ())}
                seconds = ZONE_MOVE_SECONDS
        at = self.at
        freed = [e for b in window if (e := at.get(b)) is not None and e not in prepared.locked]
        if not freed:
            return None
        ring1 = _ring(prepared, window, window)
        ring2 = _ring(prepared, window | ring1, window | ring1)
        footprint = window | ring1 | ring2
        if any(window & other.footprint or other.window & footprint for other in busy):
            return None
        fixed = {at[b]: b for b in ring1 | ring2 if b in at}
        fixed.update(
            {e: b for e, b in self.current.items() if e in prepared.locked and b in window}
        )
        options = {e: [b for b in prepared.candidates[e] if b in window] for e in freed}
        options.update({e: [b] for e, b in fixed.items()})
        members = list(options)
        built = build(
            prepared,
            exhibitors=members,
            placed=len(members),
            hint={e: self.current[e] for e in members},
            options=options,
        )
        return _Move(
            guided=bool(guided),
            window=window,
            footprint=footprint,
            # Only the freed exhibitors and their neighbours, old and new, earn differently.
            affected=[at[b] for b in window | ring1 if b in at],
            freed=freed,
            chosen=chosen,
            zones=zones if seconds == ZONE_MOVE_SECONDS else frozenset(),
            seconds=seconds,
            seed=rng.randrange(2**31 - 1),
            built=built,
            before={b: at.get(b) for b in footprint},
        )

    def settle(self, in_flight: dict[_Pending, _Move], *, wait_all: bool) -> None:
        """Take in the moves that have ended (all of them when ``wait_all``)."""
        if not in_flight:
            return
        done, _ = wait(in_flight, return_when="ALL_COMPLETED" if wait_all else FIRST_COMPLETED)
        for future in done:
            move = in_flight.pop(future)
            code, placed = future.result()
            self._take(move, code, placed)

    def _take(self, move: _Move, code: int, placed: dict[int, int]) -> None:
        if any(self.at.get(b) != holder for b, holder in move.before.items()):
            return  # Another move or an exchange changed its booths meanwhile.
        change = 0
        moved = self.current
        if placed:
            moved = dict(self.current)
            moved.update(placed)
            moved_at = {b: e for e, b in moved.items()}
            change = score_of(self.prepared, moved, moved_at, move.affected) - score_of(
                self.prepared, self.current, self.at, move.affected
            )
        if change > 0:
            self.version += 1
            self.current, self.at = moved, moved_at
            self.score += change
            self.on_better(self.current, self.score)
            self.stalled = 0
            self.changed = True
            for e in move.freed:
                self.fruitless.pop(e, None)
                self.unguided.pop(e, None)
            self.settled.clear()
            return
        self.stalled += 1
        if move.guided:
            self.unguided.update(move.freed)
        if move.zones and code == cp_model.OPTIMAL:
            self.settled.add(move.zones)
        if move.chosen is not None:
            self.fruitless[move.chosen] += 1


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
