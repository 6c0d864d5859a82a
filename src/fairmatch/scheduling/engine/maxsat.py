"""Core-guided MaxSAT (PySAT's RC2) for the break-minimisation phase when all meetings fit.

Hard clauses: each meeting in exactly one allowed slot, a participant in at most one
meeting per slot, at most ``tables`` meetings per slot (a totalizer), precedences, and the
fairness cap (at most ``cap`` breaks per participant). One soft unit clause per possible
break start. Core-guided search proves lower bounds from below, so a result is always
optimal; the caller runs it in a child process to enforce the limit.

Three redundant constraints decide whether the harder JAIR instances are proved at all:
- window booleans (as in model.py): a participant without a break is busy in exactly one
  run of deg(p) consecutive slots;
- partner windows: two participants who meet and have no break have windows that share
  a slot the meeting may use (on forum-13crafb a SAT call at the optimum went from
  84 - 118 s to 28 - 29 s with Kissat and CaDiCaL);
- busy participants per slot at most twice the open tables, counted on the busy booleans
  (implied by the table limit on meetings, but it is the count clause learning needs: the
  SAT call proving forum-13crafb's bound went from 31 - 47 s to 7 - 10 s).
With the last two, RC2 over Glucose alone proves forum-13crafb in 11 - 25 s and ticf-13crafb
in 11 - 24 s, as fast as the host is (neither in 60 s before).
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from pysat.card import CardEnc, EncType
from pysat.examples.rc2 import RC2
from pysat.formula import WCNF, IDPool
from pysat.solvers import Solver

from .drops import Drops
from .problem import Problem


class _Clauses:
    """Hard clauses and unit-weight soft ones, gathered in plain lists.

    WCNF.append rescans every clause for its largest variable: on forum-14 (900,000
    clauses) it took three quarters of the encoding's 4.6 s.
    """

    def __init__(self) -> None:
        self.hard: list[list[int]] = []
        self.soft: list[list[int]] = []

    def append(self, clause: list[int], weight: int | None = None) -> None:
        (self.soft if weight else self.hard).append(clause)

    def extend(self, clauses: list[list[int]]) -> None:
        self.hard.extend(clauses)

    def weighted(self, top: int) -> WCNF:
        """The WCNF over variables 1..``top``, each soft clause of weight 1."""
        wcnf = WCNF()
        wcnf.hard, wcnf.soft, wcnf.nv = self.hard, self.soft, top
        wcnf.wght = [1] * len(self.soft)
        wcnf.topw = len(self.soft) + 1
        return wcnf


@dataclass(frozen=True, slots=True)
class Encoding:
    """The weighted CNF and the variable ids of (meeting, slot) and (participant, slot) busy.

    Participants with fewer than two meetings have no busy variable.
    """

    wcnf: WCNF
    choice: dict[tuple[int, int], int]
    busy: dict[tuple[int, int], int]


def encode(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    cap: int | None,
    tables_by_busy: bool = False,
    drops: Drops | None = None,
) -> Encoding:
    """The weighted CNF of the all-placed break minimisation.

    With ``drops`` (drops.py), of the placement the bound proves most: meetings without an
    allowed slot are left out, each group loses exactly its excess (an "out" literal per
    meeting, a cardinality constraint per group), and a participant's break-free window has
    its placed meetings' length, or none where that count varies.

    The table limit is a totalizer over the meetings of each slot, or with
    ``tables_by_busy`` only the count of busy participants (at most twice the tables, the
    same limit): a fifth of the clauses, and RC2 proves the easy JAIR instances two to ten
    times sooner, the hard ones slower (forum-13crafb 57 s against 23 s). The race runs both.
    """
    pool = IDPool()
    wcnf = _Clauses()
    choice: dict[tuple[int, int], int] = {}
    busy_ids: dict[tuple[int, int], int] = {}
    optional = drops.optional if drops is not None else frozenset()
    for meeting, domain in enumerate(domains):
        if drops is not None and meeting in drops.impossible:
            continue  # no allowed slot: never placed (without drops, the empty clause)
        literals = [pool.id(("x", meeting, slot)) for slot in domain]
        for slot, literal in zip(domain, literals, strict=True):
            choice[meeting, slot] = literal
        if meeting in optional:
            out = pool.id(("out", meeting))
            wcnf.append([out, *literals])
            wcnf.extend([[-out, -literal] for literal in literals])
        else:
            wcnf.append(literals)
        for first, second in combinations(literals, 2):
            wcnf.append([-first, -second])
    for group in drops.groups if drops is not None else ():
        outs = [pool.id(("out", meeting)) for meeting in group.meetings]
        card = CardEnc.equals(outs, bound=group.excess, vpool=pool, encoding=EncType.seqcounter)
        wcnf.extend(card.clauses)
    slot_count = len(problem.slots)
    if not tables_by_busy:
        _encode_tables_by_meetings(wcnf, pool, problem, choice=choice)
    for meeting, meeting_info in enumerate(problem.meetings):
        for before in meeting_info.after:
            for slot in domains[meeting]:
                for other in domains[before]:
                    if other >= slot:
                        wcnf.append([-choice[meeting, slot], -choice[before, other]])
    days = problem.slots_by_day()
    single_day = len(days) == 1
    windows: dict[int, _Windows] = {}
    for participant, meetings in enumerate(problem.meetings_of()):
        if len(meetings) < 2:
            continue
        busy: dict[int, int] = {}
        for slot in range(slot_count):
            here = [choice[m, slot] for m in meetings if (m, slot) in choice]
            if not here:
                continue
            for first, second in combinations(here, 2):
                wcnf.append([-first, -second])
            busy[slot] = pool.id(("busy", participant, slot))
            busy_ids[participant, slot] = busy[slot]
            wcnf.append([-busy[slot], *here])
            for literal in here:
                wcnf.append([-literal, busy[slot]])
        break_starts: list[int] = []
        for day_slots in days:
            break_starts.extend(_encode_day(wcnf, pool, participant, day_slots, busy))
        if cap is not None and len(break_starts) > cap:
            card = CardEnc.atmost(break_starts, bound=cap, vpool=pool, encoding=EncType.seqcounter)
            wcnf.extend(card.clauses)
        degree = len(meetings) if drops is None else drops.degrees[participant]
        if single_day and break_starts and degree is not None:
            windows[participant] = _encode_window(
                wcnf, pool, participant, list(range(slot_count)), busy, degree, break_starts
            )
    _encode_partner_windows(wcnf, problem, domains=domains, windows=windows, optional=optional)
    _encode_busy_per_slot(
        wcnf, pool, problem, busy=busy_ids, choice=choice if tables_by_busy else None
    )
    return Encoding(wcnf=wcnf.weighted(pool.top), choice=choice, busy=busy_ids)


def _encode_tables_by_meetings(
    wcnf: _Clauses, pool: IDPool, problem: Problem, *, choice: Mapping[tuple[int, int], int]
) -> None:
    """At most the open tables' number of meetings per slot, a totalizer per slot."""
    by_slot = sorted(_by_slot(choice).items())
    _at_most_per_slot(wcnf, pool, problem, by_slot, per_table=1)


def _by_slot(literals: Mapping[tuple[int, int], int]) -> dict[int, list[int]]:
    """The literals keyed by (meeting or participant, slot), gathered per slot."""
    by_slot: dict[int, list[int]] = {}
    for (_, slot), literal in literals.items():
        by_slot.setdefault(slot, []).append(literal)
    return by_slot


def _at_most_per_slot(
    wcnf: _Clauses,
    pool: IDPool,
    problem: Problem,
    by_slot: Iterable[tuple[int, list[int]]],
    *,
    per_table: int,
) -> None:
    """At most ``per_table`` true literals per open table in each slot, as totalizers.

    The order of ``by_slot`` is the order of the clauses, which Glucose's speed on the
    22-slot instances depends on (docs/scheduling.md): callers keep theirs.
    """
    for slot, literals in by_slot:
        capacity = per_table * len(problem.open_tables(slot))
        if len(literals) > capacity:
            card = CardEnc.atmost(literals, bound=capacity, vpool=pool, encoding=EncType.totalizer)
            wcnf.extend(card.clauses)


@dataclass(frozen=True, slots=True)
class _Windows:
    """A participant's window booleans: (first slot, literal); the window has ``length`` slots."""

    has_break: int
    length: int
    starts: list[tuple[int, int]]


def _encode_day(
    wcnf: _Clauses, pool: IDPool, participant: int, day_slots: Sequence[int], busy: dict[int, int]
) -> list[int]:
    """Break starts of one participant on one day, each with a soft clause against it."""
    later: dict[int, int] = {}
    for position in range(len(day_slots) - 2, -1, -1):
        slot = day_slots[position]
        literal = pool.id(("later", participant, slot))
        later[slot] = literal
        following = day_slots[position + 1]
        if following in busy:
            wcnf.append([-busy[following], literal])
        if following in later:
            wcnf.append([-later[following], literal])
    starts = []
    for position in range(1, len(day_slots) - 1):
        slot, previous = day_slots[position], day_slots[position - 1]
        if previous not in busy:
            continue
        start = pool.id(("break", participant, slot))
        clause = [-busy[previous], -later[slot], start]
        if slot in busy:
            clause.append(busy[slot])
        wcnf.append(clause)
        wcnf.append([-start], weight=1)
        starts.append(start)
    return starts


def _encode_window(
    wcnf: _Clauses,
    pool: IDPool,
    participant: int,
    slots: Sequence[int],
    busy: dict[int, int],
    degree: int,
    break_starts: Sequence[int],
) -> _Windows:
    """No break means busy exactly in one window of deg(p) consecutive slots."""
    has_break = pool.id(("hasbreak", participant))
    wcnf.append([-has_break, *break_starts])
    starts = []
    for first in range(len(slots) - degree + 1):
        window = slots[first : first + degree]
        if all(slot in busy for slot in window):
            start = pool.id(("window", participant, first))
            starts.append((first, start))
            for slot in window:
                wcnf.append([-start, busy[slot]])
    wcnf.append([has_break, *(start for _, start in starts)])
    for (_, a), (_, b) in combinations(starts, 2):
        wcnf.append([-a, -b])
    for position, slot in enumerate(slots):
        if slot not in busy:
            continue
        covering = [start for first, start in starts if first <= position < first + degree]
        wcnf.append([-busy[slot], has_break, *covering])
    return _Windows(has_break=has_break, length=degree, starts=starts)


def _encode_partner_windows(
    wcnf: _Clauses,
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    windows: Mapping[int, _Windows],
    optional: frozenset[int] = frozenset(),
) -> None:
    """Partners without breaks have windows sharing a slot their meeting may use (a meeting
    that may stay unplaced says nothing).

    Single-day slots are numbered consecutively, so a window is the slot range
    [first, first + length).
    """
    for meeting, meeting_info in enumerate(problem.meetings):
        first, second = meeting_info.participants
        if first not in windows or second not in windows:
            continue
        if meeting in optional or not domains[meeting]:
            continue
        allowed = sorted(domains[meeting])
        for own, other in ((windows[first], windows[second]), (windows[second], windows[first])):
            for own_first, own_literal in own.starts:
                compatible = [
                    other_literal
                    for other_first, other_literal in other.starts
                    if _any_between(
                        allowed,
                        max(own_first, other_first),
                        min(own_first + own.length, other_first + other.length),
                    )
                ]
                if len(compatible) < len(other.starts):
                    wcnf.append([-own_literal, other.has_break, *compatible])


def _any_between(ordered: Sequence[int], low: int, high: int) -> bool:
    """Whether some value of ``ordered`` (sorted) lies in [low, high)."""
    index = bisect_left(ordered, low)
    return index < len(ordered) and ordered[index] < high


def _encode_busy_per_slot(
    wcnf: _Clauses,
    pool: IDPool,
    problem: Problem,
    *,
    busy: Mapping[tuple[int, int], int],
    choice: Mapping[tuple[int, int], int] | None,
) -> None:
    """At most twice the open tables busy per slot, on the busy booleans.

    Participants with a single meeting have none: with ``choice`` their meetings' choices
    stand in for them (a copy for the second of two such participants), which makes the
    count exact, the table limit itself. Without, they are left out and the count is
    redundant (adding them beside the meeting totalizer made the proofs slower:
    forum-13crafb 62 s against 25 s).
    """
    by_slot = _by_slot(busy)
    if choice is not None:
        singles = Counter(meetings[0] for meetings in problem.meetings_of() if len(meetings) == 1)
        for (meeting, slot), literal in choice.items():
            if singles[meeting] >= 1:
                by_slot.setdefault(slot, []).append(literal)
            if singles[meeting] == 2:
                copy = pool.id(("copy", meeting, slot))
                wcnf.extend([[-copy, literal], [copy, -literal]])
                by_slot[slot].append(copy)
    _at_most_per_slot(wcnf, pool, problem, by_slot.items(), per_table=2)


class _ReportingRC2(RC2):  # type: ignore[misc]
    """RC2 that reports each raised lower bound (after every processed core)."""

    def __init__(self, formula: WCNF, *, report: Callable[[int], None], **options: Any):
        super().__init__(formula, **options)
        self.report = report

    def process_core(self) -> None:
        super().process_core()
        self.report(int(self.cost))


def solve_maxsat(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    cap: int | None,
    solver: str = "g4",
    on_bound: Callable[[int], None] | None = None,
    encoding: Encoding | None = None,
) -> tuple[int, list[int]] | None:
    """Optimal (total breaks, slot per meeting), or None when the hard part is unsatisfiable."""
    encoding = encoding or encode(problem, domains=domains, cap=cap)
    with _ReportingRC2(
        encoding.wcnf,
        report=on_bound or (lambda cost: None),
        solver=solver,
        adapt=True,
        exhaust=True,
        minz=True,
    ) as rc2:
        model = rc2.compute()
        if model is None:
            return None
        return int(rc2.cost), read_slots(problem, model, encoding.choice)


def feasible_slots(problem: Problem, *, encoding: Encoding, solver: str = "g4") -> list[int] | None:
    """Any schedule meeting the hard clauses (fairness cap included), or None if none exists.

    A plain SAT call finds a fair schedule where CP-SAT's first search may not (measured on
    forum-13crafb, where CP-SAT found none in a minute: Glucose 0.7 s, CaDiCaL 9 s).
    """
    with Solver(name=solver, bootstrap_with=encoding.wcnf.hard) as oracle:
        if not oracle.solve():
            return None
        return read_slots(problem, oracle.get_model(), encoding.choice)


def without_breaks(
    problem: Problem, *, encoding: Encoding, seconds: float, solver: str = "g4"
) -> tuple[bool | None, list[int] | None]:
    """A schedule meeting the hard clauses with no break at all, if one is found in time.

    Returns (True, slots); (False, None) when none exists, so one break is a lower bound;
    (None, None) when ``seconds`` ran out. Nine of the twenty JAIR instances have no break
    at the optimum; with the soft units made hard the solver simplifies them away, which
    RC2's assumptions do not allow (ticf-14crafa: 4.9 s against 30 s in RC2).
    """
    hard = [*encoding.wcnf.hard, *encoding.wcnf.soft]
    with Solver(name=solver, bootstrap_with=hard) as oracle:
        answer = solve_until(oracle, [], time.monotonic() + seconds)
        if not answer:
            return answer, None
        return True, read_slots(problem, oracle.get_model(), encoding.choice)


def solve_until(oracle: Solver, assumptions: list[int], deadline: float) -> bool | None:
    """The oracle's answer under ``assumptions``, or None if the deadline interrupts it."""
    timer = threading.Timer(max(deadline - time.monotonic(), 0.0), oracle.interrupt)
    timer.start()
    try:
        answer: bool | None = oracle.solve_limited(assumptions=assumptions, expect_interrupt=True)
    finally:
        timer.cancel()
    oracle.clear_interrupt()
    return answer


def read_slots(
    problem: Problem, model: Sequence[int], choice: dict[tuple[int, int], int]
) -> list[int]:
    """The slot of each meeting in a satisfying assignment (-1 if none)."""
    true = {literal for literal in model if literal > 0}
    slots = [-1] * len(problem.meetings)
    for (meeting, slot), literal in choice.items():
        if literal in true:
            slots[meeting] = slot
    return slots
