"""Tables, assigned after slots: hosts keep one table all day where possible, and meetings
that need an interpreter get a table that has one.

The slot model already keeps every slot within its table and interpreter capacity, so a
matching always exists for up to five languages; the greedy pass finds it in nearly all
slots and a max-flow per slot settles the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from .problem import Problem


def host_of(problem: Problem, meeting: int) -> int | None:
    """The meeting's host (the first participant marked as host), if any."""
    for participant in problem.meetings[meeting].participants:
        if problem.participants[participant].is_host:
            return participant
    return None


def choose_home_tables(problem: Problem, slots: Mapping[int, int]) -> dict[int, int]:
    """Give each host a table of its own, busiest hosts first, matching their languages."""
    meetings_by_host: dict[int, list[int]] = {}
    for meeting in slots:
        host = host_of(problem, meeting)
        if host is not None:
            meetings_by_host.setdefault(host, []).append(meeting)
    restricted = any(slot.tables is not None for slot in problem.slots)
    # Plain tables first, so interpreter tables stay for the hosts who need them.
    simple_order = sorted(
        range(len(problem.tables)), key=lambda t: (len(problem.tables[t].languages), t)
    )
    # Without per-slot tables, tables with the same interpreters serve a host alike: only
    # the lowest-numbered free one of each kind is a candidate (hosts x kinds, not x tables).
    free_of_kind: dict[frozenset[str], list[int]] = {}
    for table in range(len(problem.tables) - 1, -1, -1):
        free_of_kind.setdefault(problem.tables[table].languages, []).append(table)
    taken: set[int] = set()
    homes: dict[int, int] = {}
    next_simple = 0
    for host in sorted(meetings_by_host, key=lambda h: (-len(meetings_by_host[h]), h)):
        if len(taken) == len(problem.tables):
            break
        meetings = meetings_by_host[host]
        languages = Counter(problem.meetings[m].language for m in meetings)
        if not restricted and set(languages) == {None}:
            while simple_order[next_simple] in taken:
                next_simple += 1
            best = simple_order[next_simple]
        elif not restricted:
            candidates = []
            for stack in free_of_kind.values():
                while stack and stack[-1] in taken:
                    stack.pop()
                if stack:
                    candidates.append(stack[-1])
            best = max(candidates, key=lambda t: _home_fit(problem, t, meetings, languages, slots))
        else:
            best = max(
                (t for t in range(len(problem.tables)) if t not in taken),
                key=lambda t: _home_fit(problem, t, meetings, languages, slots),
            )
        homes[host] = best
        taken.add(best)
    return homes


def _home_fit(
    problem: Problem,
    table: int,
    meetings: Sequence[int],
    languages: Counter[str | None],
    slots: Mapping[int, int],
) -> tuple[int, int, int]:
    """How many of the host's meetings this table serves; then fewer interpreters, lower number."""
    table_languages = problem.tables[table].languages
    served = sum(n for lang, n in languages.items() if lang is None or lang in table_languages)
    open_count = sum(1 for m in meetings if table in problem.open_tables(slots[m]))
    return (served + open_count, -len(table_languages), -table)


def assign_tables(
    problem: Problem, slots: Mapping[int, int], *, keep: Mapping[int, int] | None = None
) -> dict[int, int | None]:
    """A table for every placed meeting (None where no table fits: never with <= 5 languages).

    ``keep`` (meeting -> table) names tables to keep wherever the slot allows: the reference
    tables of the meetings that stay in their reference slot. They come right after fixed
    tables, and the exact pass per slot keeps as many of them as can be kept.
    """
    keep = keep or {}
    homes = choose_home_tables(problem, slots)
    by_slot: dict[int, list[int]] = {}
    for meeting, slot in slots.items():
        by_slot.setdefault(slot, []).append(meeting)
    tables: dict[int, int | None] = {}
    for slot, meetings in by_slot.items():
        tables.update(_assign_slot(problem, slot=slot, meetings=meetings, homes=homes, keep=keep))
    return tables


def _compatible(problem: Problem, meeting: int, table: int) -> bool:
    info = problem.meetings[meeting]
    return info.language is None or info.language in problem.tables[table].languages


def _assign_slot(
    problem: Problem,
    *,
    slot: int,
    meetings: Sequence[int],
    homes: Mapping[int, int],
    keep: Mapping[int, int],
) -> dict[int, int | None]:
    free = set(problem.open_tables(slot))
    result: dict[int, int | None] = {}
    pending = []
    for meeting in sorted(meetings):
        fixed = problem.meetings[meeting].fixed_table
        if fixed is not None and fixed in free:
            result[meeting] = fixed
            free.discard(fixed)
        else:
            pending.append(meeting)
    if keep:
        pending = _keep_tables(problem, pending=pending, keep=keep, free=free, result=result)
    # Meetings needing an interpreter first (a host's plain meeting must not hold the only
    # interpreter table of the slot); then hosts at their home tables.
    pending.sort(key=lambda m: (problem.meetings[m].language is None, m))
    home_tables = set(homes.values())
    ordered_free = sorted(
        free, key=lambda t: (len(problem.tables[t].languages), t in home_tables, t)
    )
    remaining = []
    unassigned = []
    for meeting in pending:
        host = host_of(problem, meeting)
        home = homes.get(host) if host is not None else None
        if home is not None and home in free and _compatible(problem, meeting, home):
            result[meeting] = home
            free.discard(home)
        elif problem.meetings[meeting].language is not None:
            # Few of these: a scan of the free tables for one with the interpreter.
            table = next(
                (t for t in ordered_free if t in free and _compatible(problem, meeting, t)), None
            )
            if table is None:
                unassigned.append(meeting)
                continue
            result[meeting] = table
            free.discard(table)
        else:
            remaining.append(meeting)
    # Plain meetings prefer tables without interpreters and tables that are nobody's home,
    # so interpreters and hosts keep theirs; every table suits them, so one pass suffices.
    position = 0
    for meeting in remaining:
        while position < len(ordered_free) and ordered_free[position] not in free:
            position += 1
        if position == len(ordered_free):
            unassigned.append(meeting)
            continue
        table = ordered_free[position]
        result[meeting] = table
        free.discard(table)
    if unassigned:
        return _match_slot(problem, slot=slot, meetings=meetings, homes=homes, keep=keep)
    return result


def _keep_tables(
    problem: Problem,
    *,
    pending: Sequence[int],
    keep: Mapping[int, int],
    free: set[int],
    result: dict[int, int | None],
) -> list[int]:
    """Give meetings their table to keep where it is free and suits them; the rest wait."""
    waiting = []
    for meeting in pending:
        table = keep.get(meeting)
        if table is not None and table in free and _compatible(problem, meeting, table):
            result[meeting] = table
            free.discard(table)
        else:
            waiting.append(meeting)
    return waiting


def _match_slot(
    problem: Problem,
    *,
    slot: int,
    meetings: Sequence[int],
    homes: Mapping[int, int],
    keep: Mapping[int, int],
) -> dict[int, int | None]:
    """Exact assignment for one slot by min-cost flow (cost 1 for leaving a host's home;
    leaving a table to keep costs more than all of those together)."""
    leave_kept = len(meetings) + 1
    from ortools.graph.python import min_cost_flow  # only when the greedy pass fails

    flow = min_cost_flow.SimpleMinCostFlow()
    tables = list(problem.open_tables(slot))
    source, sink = 0, 1
    meeting_node = {m: 2 + i for i, m in enumerate(meetings)}
    table_node = {t: 2 + len(meetings) + i for i, t in enumerate(tables)}
    arcs: list[tuple[int, int, int]] = []
    for meeting in meetings:
        flow.add_arc_with_capacity_and_unit_cost(source, meeting_node[meeting], 1, 0)
        host = host_of(problem, meeting)
        fixed = problem.meetings[meeting].fixed_table
        for table in tables:
            if not _compatible(problem, meeting, table) or (fixed is not None and table != fixed):
                continue
            cost = 0 if host is not None and homes.get(host) == table else 1
            if meeting in keep and keep[meeting] != table:
                cost += leave_kept
            arc = flow.add_arc_with_capacity_and_unit_cost(
                meeting_node[meeting], table_node[table], 1, cost
            )
            arcs.append((arc, meeting, table))
    for table in tables:
        flow.add_arc_with_capacity_and_unit_cost(table_node[table], sink, 1, 0)
    # Without supplies the flow is empty and every meeting of the slot lost its table.
    flow.set_node_supply(source, len(meetings))
    flow.set_node_supply(sink, -len(meetings))
    flow.solve_max_flow_with_min_cost()
    result: dict[int, int | None] = dict.fromkeys(meetings)
    for arc, meeting, table in arcs:
        if flow.flow(arc) > 0:
            result[meeting] = table
    return result
