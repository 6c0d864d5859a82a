"""The CP-SAT model that puts meetings into slots (tables come afterwards, see tables.py).

A boolean per meeting and allowed slot; ``busy[p, s]`` is the sum over p's meetings; a
block starts where p is busy after an idle (or no) slot, and p's breaks on a day are its
blocks minus one when it is active that day. The redundant facts the JAIR paper and our
measurements found decisive are added on top (see docs/scheduling.md):

- each participant is busy in exactly as many slots as it has placed meetings;
- busy participants per slot = 2 x meetings in the slot, at most 2 x tables;
- no break on a day means p's busy slots are consecutive, so two busy slots of p on the
  same day at distance >= deg(p) imply a break;
- when the instance reads the same backwards, one meeting is put in the first half.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ortools.sat.python import cp_model

from .breaks import count_breaks
from .drops import Drops
from .problem import Problem

Literal = cp_model.IntVar | int


@dataclass
class SlotModel:
    """A built model and the handles a caller needs to read or steer it."""

    model: cp_model.CpModel
    choice: dict[tuple[int, int], cp_model.IntVar]
    placed: dict[int, Literal]
    breaks: dict[int, cp_model.LinearExprT]
    constant_breaks: dict[int, int]
    free: tuple[int, ...]
    weight_expr: cp_model.LinearExprT
    breaks_expr: cp_model.LinearExprT

    def hint(self, slots: Mapping[int, int] | Sequence[int]) -> None:
        """Hint the search towards ``slots`` (meeting -> slot, or one slot per meeting with
        a negative value for none)."""
        lookup = dict(enumerate(slots)) if isinstance(slots, Sequence) else slots
        for (meeting, slot), variable in self.choice.items():
            self.model.add_hint(variable, 1 if lookup.get(meeting) == slot else 0)

    def read_slots(self, solver: cp_model.CpSolver, locked: Mapping[int, int]) -> dict[int, int]:
        """The slot of each placed meeting in the solver's best schedule, locked ones included."""
        slots = dict(locked)
        for (meeting, slot), variable in self.choice.items():
            if solver.boolean_value(variable):
                slots[meeting] = slot
        return slots


@dataclass(frozen=True, slots=True)
class ModelOptions:
    """Which parts to build; each redundant family can be switched off for measurement."""

    with_breaks: bool = True
    must_place: bool = False
    min_placed_weight: int | None = None
    max_total_breaks: int | None = None
    fairness: int | None = None
    redundant_counts: bool = True
    redundant_windows: bool = True
    symmetry_breaking: bool = True
    break_cap: int | None = None
    only_touched_participants: bool = False
    # The meetings every schedule at the proven most placed leaves out (drops.py): the
    # others are placed, and a participant's placed count is known where drops says so.
    drops: Drops | None = None


def build_slot_model(
    problem: Problem,
    *,
    domains: Sequence[Sequence[int]],
    free: Sequence[int],
    locked: Mapping[int, int],
    options: ModelOptions,
    tables_used_elsewhere: Sequence[int] | None = None,
    meetings_of: Sequence[Sequence[int]] | None = None,
    language_capacity: Mapping[tuple[int, frozenset[str]], int] | None = None,
    languages_used_elsewhere: Mapping[tuple[int, str], int] | None = None,
) -> SlotModel:
    """Model the slots of the ``free`` meetings around the ``locked`` ones (meeting -> slot).

    ``domains[m]`` are the slots meeting m may take; locked meetings only occupy their
    participants and a table. Participants untouched by free meetings keep constant breaks.
    """
    model = cp_model.CpModel()
    slot_count = len(problem.slots)
    tables_left = [len(problem.open_tables(slot)) for slot in range(slot_count)]
    if tables_used_elsewhere is not None:
        tables_left = [
            left - used for left, used in zip(tables_left, tables_used_elsewhere, strict=True)
        ]
    locked_busy: set[tuple[int, int]] = set()
    for meeting_index, slot in locked.items():
        tables_left[slot] -= 1
        locked_busy.update((p, slot) for p in problem.meetings[meeting_index].participants)

    choice: dict[tuple[int, int], cp_model.IntVar] = {}
    placed: dict[int, Literal] = {}
    by_slot: list[list[cp_model.IntVar]] = [[] for _ in range(slot_count)]
    for meeting_index in free:
        literals = []
        for slot in domains[meeting_index]:
            variable = model.new_bool_var(f"m{meeting_index}_s{slot}")
            choice[meeting_index, slot] = variable
            by_slot[slot].append(variable)
            literals.append(variable)
        if options.must_place or (
            options.drops is not None and options.drops.required(meeting_index)
        ):
            model.add_exactly_one(literals)
            placed[meeting_index] = 1
        else:
            is_placed = model.new_bool_var(f"placed{meeting_index}")
            model.add(sum(literals) == is_placed)
            placed[meeting_index] = is_placed
    for slot in range(slot_count):
        if by_slot[slot]:
            model.add(sum(by_slot[slot]) <= max(tables_left[slot], 0))
    # A participant attends at most one meeting per slot (the busy sums rely on it too).
    per_participant: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    for (meeting_index, slot), variable in choice.items():
        for participant in problem.meetings[meeting_index].participants:
            per_participant.setdefault((participant, slot), []).append(variable)
    for literals in per_participant.values():
        if len(literals) > 1:
            model.add_at_most_one(literals)
    _add_language_capacity(
        problem,
        model=model,
        choice=choice,
        locked=locked,
        capacity=language_capacity,
        used_elsewhere=languages_used_elsewhere,
    )
    _add_precedences(problem, model=model, choice=choice, free=free, locked=locked)

    for group in options.drops.groups if options.drops is not None else ():
        kept = [placed.get(m, 1) for m in group.meetings]
        model.add(sum(kept) == len(group.meetings) - group.excess)
    weight_expr = sum(problem.meetings[m].weight * placed[m] for m in free) + sum(
        problem.meetings[m].weight for m in locked
    )
    if options.min_placed_weight is not None:
        model.add(weight_expr >= options.min_placed_weight)

    built = SlotModel(
        model=model,
        choice=choice,
        placed=placed,
        breaks={},
        constant_breaks={},
        free=tuple(free),
        weight_expr=weight_expr,
        breaks_expr=0,
    )
    if options.with_breaks:
        _add_breaks(
            problem,
            built=built,
            locked=locked,
            locked_busy=locked_busy,
            options=options,
            meetings_of=meetings_of or problem.meetings_of(),
            by_slot=by_slot,
        )
    if options.symmetry_breaking and not locked:
        _break_reversal_symmetry(problem, built=built, domains=domains)
    return built


def language_capacity(problem: Problem) -> dict[tuple[int, frozenset[str]], int]:
    """Per slot and set of languages (every subset with up to five languages, else each one
    alone), how many open tables have an interpreter of one of them."""
    languages = sorted({m.language for m in problem.meetings if m.language is not None})
    subsets = [
        frozenset(subset)
        for size in range(1, len(languages) + 1)
        for subset in combinations(languages, size)
        if len(languages) <= 5 or size == 1
    ]
    capacity: dict[tuple[int, frozenset[str]], int] = {}
    for slot in range(len(problem.slots)):
        # Tables with the same languages count alike: group them once per slot.
        kinds = Counter(problem.tables[table].languages for table in problem.open_tables(slot))
        for subset in subsets:
            capacity[slot, subset] = sum(n for kind, n in kinds.items() if kind & subset)
    return capacity


def _add_language_capacity(
    problem: Problem,
    *,
    model: cp_model.CpModel,
    choice: Mapping[tuple[int, int], cp_model.IntVar],
    locked: Mapping[int, int],
    capacity: Mapping[tuple[int, frozenset[str]], int] | None = None,
    used_elsewhere: Mapping[tuple[int, str], int] | None = None,
) -> None:
    """Meetings needing an interpreter in a slot fit the tables with one (Hall's condition).

    With few languages every subset is checked, which makes table assignment always succeed.
    ``capacity`` (from ``language_capacity``) may be given to save computing it again;
    ``used_elsewhere`` counts, per slot and language, meetings placed outside the model
    (the rest of the schedule around a neighbourhood of the local search).
    """
    literals_of: dict[tuple[int, str], list[cp_model.IntVar]] = {}
    for (meeting, slot), variable in choice.items():
        language = problem.meetings[meeting].language
        if language is not None:
            literals_of.setdefault((slot, language), []).append(variable)
    if not literals_of:
        return
    used: Counter[tuple[int, str]] = Counter(used_elsewhere or {})
    for meeting, slot in locked.items():
        language = problem.meetings[meeting].language
        if language is not None:
            used[slot, language] += 1
    if capacity is None:
        capacity = language_capacity(problem)
    for (slot, subset), tables in capacity.items():
        if not any((slot, language) in literals_of for language in subset):
            continue
        literals = [v for language in subset for v in literals_of.get((slot, language), ())]
        taken = sum(used[slot, language] for language in subset)
        model.add(sum(literals) <= max(tables - taken, 0))


def _slot_expression(
    choice: Mapping[tuple[int, int], cp_model.IntVar], *, meeting: int, domain: Sequence[int]
) -> cp_model.LinearExprT:
    return sum(slot * choice[meeting, slot] for slot in domain)


def _add_precedences(
    problem: Problem,
    *,
    model: cp_model.CpModel,
    choice: Mapping[tuple[int, int], cp_model.IntVar],
    free: Sequence[int],
    locked: Mapping[int, int],
) -> None:
    """A predecessor takes an earlier slot whenever both meetings are placed."""
    free_set = set(free)
    for meeting_index in free_set:
        for before in problem.meetings[meeting_index].after:
            for slot in range(len(problem.slots)):
                later = choice.get((meeting_index, slot))
                if later is None:
                    continue
                if before in locked:
                    if locked[before] >= slot:
                        model.add(later == 0)
                    continue
                if before not in free_set:
                    continue
                # Placing both with `before` at or after `slot` is forbidden.
                for other_slot in range(slot, len(problem.slots)):
                    earlier = choice.get((before, other_slot))
                    if earlier is not None:
                        model.add_bool_or([later.Not(), earlier.Not()])
    for after_index, slot_after in locked.items():
        for before in problem.meetings[after_index].after:
            if before in free_set:
                for slot in range(slot_after, len(problem.slots)):
                    variable = choice.get((before, slot))
                    if variable is not None:
                        model.add(variable == 0)


def _add_breaks(
    problem: Problem,
    *,
    built: SlotModel,
    locked: Mapping[int, int],
    locked_busy: set[tuple[int, int]],
    options: ModelOptions,
    meetings_of: Sequence[Sequence[int]],
    by_slot: Sequence[Sequence[cp_model.IntVar]],
) -> None:
    model = built.model
    free_set = set(built.free)
    days = problem.slots_by_day()
    busy_per_slot: list[list[cp_model.IntVar]] = [[] for _ in problem.slots]
    breaks_terms: list[cp_model.LinearExprT] = []

    if options.only_touched_participants:
        participants: Sequence[int] = sorted(
            {p for m in built.free for p in problem.meetings[m].participants}
        )
    else:
        participants = range(len(problem.participants))
    for participant in participants:
        own_free = [m for m in meetings_of[participant] if m in free_set]
        if not own_free:
            slots = [locked[m] for m in meetings_of[participant] if m in locked]
            built.constant_breaks[participant] = count_breaks(problem, slots)
            continue
        # At most this many meetings of p can be placed, bounding a break-free run.
        degree = len(own_free) + sum(1 for m in meetings_of[participant] if m in locked)
        exact_degree = options.must_place
        if options.drops is not None and options.drops.degrees[participant] is not None:
            degree, exact_degree = options.drops.degrees[participant] or 0, True
        busy: dict[int, Literal] = {}
        for slot in range(len(problem.slots)):
            if (participant, slot) in locked_busy:
                busy[slot] = 1
                continue
            terms = [built.choice[m, slot] for m in own_free if (m, slot) in built.choice]
            if not terms:
                busy[slot] = 0
            elif len(terms) == 1:
                busy[slot] = terms[0]
            else:
                variable = model.new_bool_var(f"busy{participant}_s{slot}")
                model.add(sum(terms) == variable)
                busy[slot] = variable
            if not isinstance(busy[slot], int):
                busy_per_slot[slot].append(busy[slot])  # type: ignore[arg-type]
        if options.redundant_counts:
            # Busy slots of p = its placed meetings (implied, but it guides propagation).
            model.add(
                sum(b for b in busy.values() if not isinstance(b, int))
                == sum(built.placed[m] for m in own_free)
            )
        participant_breaks: list[cp_model.LinearExprT] = []
        for day_slots in days:
            on_day = day_breaks(
                model,
                participant=participant,
                day_slots=day_slots,
                busy=busy,
                degree=degree,
                exact_degree=exact_degree and len(days) == 1,
                options=options,
            )
            if on_day is not None:
                participant_breaks.append(on_day)
        total = sum(participant_breaks)
        if options.break_cap is not None:
            model.add(total <= options.break_cap)
        built.breaks[participant] = total
        breaks_terms.append(total)

    if options.redundant_counts:
        # Busy participants in a slot = twice its meetings (the paper's parity fact).
        for slot, busy_literals in enumerate(busy_per_slot):
            meetings_here = by_slot[slot]
            if busy_literals and meetings_here:
                model.add(sum(busy_literals) == 2 * sum(meetings_here))
    built.breaks_expr = sum(breaks_terms) + sum(built.constant_breaks.values())
    if options.max_total_breaks is not None:
        model.add(built.breaks_expr <= options.max_total_breaks)
    if options.fairness is not None:
        _add_fairness(problem, built=built, spread=options.fairness)


def day_breaks(
    model: cp_model.CpModel,
    *,
    participant: int,
    day_slots: Sequence[int],
    busy: Mapping[int, Literal],
    degree: int,
    exact_degree: bool,
    options: ModelOptions,
) -> cp_model.LinearExprT | None:
    """Breaks of one participant on one day = blocks started - (1 if active that day)."""
    day_busy = [busy[slot] for slot in day_slots]
    if all(isinstance(b, int) and b == 0 for b in day_busy):
        return None
    starts: list[Any] = []
    previous: Literal = 0
    for slot, current in zip(day_slots, day_busy, strict=True):
        if isinstance(current, int) and current == 0:
            previous = 0
            continue
        if isinstance(previous, int) and previous == 0:
            starts.append(current)
        elif isinstance(previous, int):
            pass  # a busy slot right after a fixed busy one starts nothing
        elif isinstance(current, int):
            starts.append(previous.Not())
        else:
            start = model.new_bool_var(f"start{participant}_s{slot}")
            model.add_bool_or([current.Not(), previous, start])
            model.add_implication(start, current)
            model.add_implication(start, previous.Not())
            starts.append(start)
        previous = current
    variables = [b for b in day_busy if not isinstance(b, int)]
    if any(isinstance(b, int) and b == 1 for b in day_busy):
        active: Literal = 1
    else:
        active_variable = model.new_bool_var(f"active{participant}")
        model.add_max_equality(active_variable, variables)
        active = active_variable
    # An explicit non-negative variable: the expression alone has a negative LP bound.
    breaks = model.new_int_var(0, max(len(day_slots) // 2, 0), f"breaks{participant}")
    model.add(breaks == sum(starts) - active)
    if options.redundant_windows:
        has_break = model.new_bool_var(f"hasbreak{participant}")
        model.add(breaks >= 1).only_enforce_if(has_break)
        model.add(breaks == 0).only_enforce_if(has_break.Not())
        if exact_degree:
            _add_break_free_window(
                model,
                participant=participant,
                day_slots=day_slots,
                busy=busy,
                degree=degree,
                has_break=has_break,
            )
        else:
            _add_break_free_span(
                model, day_slots=day_slots, busy=busy, degree=degree, has_break=has_break
            )
    return breaks


def _add_break_free_span(
    model: cp_model.CpModel,
    *,
    day_slots: Sequence[int],
    busy: Mapping[int, Literal],
    degree: int,
    has_break: cp_model.IntVar,
) -> None:
    """Without a break, p's busy slots are consecutive and at most deg(p): two busy slots
    at distance >= deg(p) imply a break."""
    for first_position, first_slot in enumerate(day_slots):
        first = busy[first_slot]
        if isinstance(first, int) and first == 0:
            continue
        for second_slot in day_slots[first_position + 1 :]:
            second = busy[second_slot]
            if second_slot - first_slot < degree or (isinstance(second, int) and second == 0):
                continue
            clause: list[Any] = [has_break]
            for literal in (first, second):
                if not isinstance(literal, int):
                    clause.append(literal.Not())
            model.add_bool_or(clause)


def _add_break_free_window(
    model: cp_model.CpModel,
    *,
    participant: int,
    day_slots: Sequence[int],
    busy: Mapping[int, Literal],
    degree: int,
    has_break: cp_model.IntVar,
) -> None:
    """When p must hold exactly deg(p) meetings on the day, no break means p is busy in
    exactly the window [f, f + deg(p) - 1] for one start f: a boolean per start makes that
    explicit, which propagates much further than the pairwise clauses."""
    starts: dict[int, cp_model.IntVar] = {}
    for position in range(len(day_slots) - degree + 1):
        window = day_slots[position : position + degree]
        if all(not (isinstance(busy[s], int) and busy[s] == 0) for s in window):
            starts[position] = model.new_bool_var(f"window{participant}_{position}")
    model.add(sum(starts.values()) + has_break == 1)
    for position, slot in enumerate(day_slots):
        covering = [start for first, start in starts.items() if first <= position < first + degree]
        literal = busy[slot]
        if isinstance(literal, int):
            if literal == 0:
                for start in covering:
                    model.add(start == 0)
            continue
        for start in covering:
            model.add_implication(start, literal)
        model.add_bool_or([literal.Not(), has_break, *covering])


def _add_fairness(problem: Problem, *, built: SlotModel, spread: int) -> None:
    """All participants' breaks lie within [floor, floor + spread] for some floor."""
    model = built.model
    largest = len(problem.slots)
    constants = list(built.constant_breaks.values())
    low, high = (max(constants) - spread, min(constants)) if constants else (0, 0)
    if constants and low <= high:
        floor = model.new_int_var(max(low, 0), max(high, 0), "fairness_floor")
    else:
        # With fixed participants further apart than the spread, an empty domain here made
        # the model invalid; the constraints below make it infeasible instead.
        floor = model.new_int_var(0, largest, "fairness_floor")
    for expression in built.breaks.values():
        model.add(expression >= floor)
        model.add(expression <= floor + spread)
    for constant in constants:
        model.add(floor <= constant)
        model.add(floor + spread >= constant)


def _break_reversal_symmetry(
    problem: Problem, *, built: SlotModel, domains: Sequence[Sequence[int]]
) -> None:
    """Reversing the slot order maps schedules to schedules when nothing tells slots apart."""
    slots = problem.slots
    if any(s.day != slots[0].day or s.session != slots[0].session or s.tables for s in slots):
        return
    if any(p.forbidden_slots for p in problem.participants):
        return
    if any(m.fixed_slot is not None or m.after or m.language for m in problem.meetings):
        return
    if not built.free or not all(len(domains[m]) == len(slots) for m in built.free):
        return
    anchor = built.free[0]
    last = len(slots) - 1
    for slot in range(len(slots)):
        if slot > last - slot:
            built.model.add(built.choice[anchor, slot] == 0)
