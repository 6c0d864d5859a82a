"""A proven upper bound on how many meetings (how much weight) any schedule places, with the
participants and slots that cause it.

Three counting arguments, each a relaxation of the real problem, the smallest wins:

- **participants (Hall)**: a participant attends one meeting per slot, so its placed
  meetings are at most a maximum matching of its meetings to their allowed slots. When that
  matching leaves meetings out, König's construction gives the cause: a set of its meetings
  whose allowed slots together are fewer than they are (a "shortfall"). Each participant's
  shortfall must be dropped, and one dropped meeting relieves at most its two participants;
  the fewest drops are the shortfalls' sum minus a maximum b-matching among meetings of two
  short participants, bounded from above by a max-flow on the bipartite double cover (so the
  drop count stays a lower bound). The lightest meetings are counted as the dropped ones.
- **slots**: a slot holds at most its tables, and at most half the participants who could
  attend it (each meeting takes two).
- **tables**: all slots together hold at most their tables (the heaviest meetings counted).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from .problem import Problem


@dataclass(frozen=True, slots=True)
class Shortfall:
    """``meetings`` of ``participant`` can only use ``slots``, fewer than they are."""

    participant: int
    meetings: tuple[int, ...]
    slots: tuple[int, ...]

    @property
    def excess(self) -> int:
        return len(self.meetings) - len(self.slots)

    def sentence(self) -> str:
        """1-based, as an organiser reads it."""
        meetings = ", ".join(str(m + 1) for m in self.meetings)
        slots = ", ".join(str(s + 1) for s in self.slots) or "none"
        return (
            f"participant {self.participant + 1}'s meetings {meetings} can only use slots "
            f"{slots} ({self.excess} too many)"
        )


@dataclass(frozen=True, slots=True)
class PlacementBound:
    """The bound on placeable ``weight`` (and ``count`` of meetings), what limits it, and the
    shortfalls behind the participants' argument."""

    weight: int
    count: int
    total_weight: int
    limited_by: str
    must_drop: int
    shortfalls: tuple[Shortfall, ...]

    def explain(self, *, most: int = 5) -> tuple[str, ...]:
        """Sentences for the report: empty when the bound does not rule out placing all."""
        if self.weight >= self.total_weight:
            return ()
        if self.limited_by == "participants":
            lines = [
                f"at most {self.count} meetings can be placed: at least {self.must_drop} must "
                "go, as these participants have more meetings than slots to hold them"
            ]
            lines += [shortfall.sentence() for shortfall in self.shortfalls[:most]]
            if len(self.shortfalls) > most:
                lines.append(f"and {len(self.shortfalls) - most} more such participants")
            return tuple(lines)
        if self.limited_by == "slots":
            return (
                f"at most {self.count} meetings can be placed: each slot holds at most its "
                "tables and half the participants who can attend it",
            )
        return (f"at most {self.count} meetings can be placed: there are not enough tables",)


def placement_bound(problem: Problem, domains: Sequence[Sequence[int]]) -> PlacementBound:
    """The smallest of the three counting bounds (module docstring) on placeable weight."""
    placeable = [m for m, domain in enumerate(domains) if domain]
    weights = sorted(problem.meetings[m].weight for m in placeable)
    total = sum(weights)
    shortfalls = [
        shortfall
        for participant, meetings in enumerate(problem.meetings_of())
        if (shortfall := _shortfall(participant, [m for m in meetings if domains[m]], domains))
    ]
    must_drop = _fewest_drops(problem, shortfalls)
    candidates = [
        (sum(weights[must_drop:]), len(weights) - must_drop, "participants"),
        _slot_bound(problem, domains, weights),
        _heaviest(weights, _capacity(problem), "tables"),
    ]
    weight, count, limited_by = min(candidates, key=lambda c: (c[0], c[1]))
    if weight >= total:
        limited_by = "none"
    return PlacementBound(
        weight=weight,
        count=count,
        total_weight=total,
        limited_by=limited_by,
        must_drop=must_drop,
        shortfalls=tuple(sorted(shortfalls, key=lambda s: (-s.excess, s.participant))),
    )


def _capacity(problem: Problem) -> int:
    return sum(len(problem.open_tables(slot)) for slot in range(len(problem.slots)))


def _slot_bound(
    problem: Problem, domains: Sequence[Sequence[int]], weights: Sequence[int]
) -> tuple[int, int, str]:
    attendable: list[set[int]] = [set() for _ in problem.slots]
    for meeting, domain in enumerate(domains):
        for slot in domain:
            attendable[slot].update(problem.meetings[meeting].participants)
    count = sum(
        min(len(problem.open_tables(slot)), len(attendable[slot]) // 2)
        for slot in range(len(problem.slots))
    )
    return _heaviest(weights, count, "slots")


def _heaviest(weights: Sequence[int], count: int, limited_by: str) -> tuple[int, int, str]:
    """At most ``count`` meetings: the heaviest of ``weights`` (sorted ascending)."""
    count = min(count, len(weights))
    return (sum(weights[len(weights) - count :]) if count else 0, count, limited_by)


def _shortfall(
    participant: int, meetings: Sequence[int], domains: Sequence[Sequence[int]]
) -> Shortfall | None:
    """König: the meetings reachable by alternating paths from those a maximum matching
    leaves out, and their slots, which the matching fills; None when all can be matched."""
    slot_of: dict[int, int] = {}  # meeting -> slot
    meeting_in: dict[int, int] = {}  # slot -> meeting

    def augment(meeting: int, seen: set[int]) -> bool:
        for slot in domains[meeting]:
            if slot in seen:
                continue
            seen.add(slot)
            if slot not in meeting_in or augment(meeting_in[slot], seen):
                meeting_in[slot] = meeting
                slot_of[meeting] = slot
                return True
        return False

    unmatched = [m for m in meetings if not augment(m, set())]
    if not unmatched:
        return None
    reached_meetings = set(unmatched)
    reached_slots: set[int] = set()
    queue = deque(unmatched)
    while queue:
        meeting = queue.popleft()
        for slot in domains[meeting]:
            if slot in reached_slots:
                continue
            reached_slots.add(slot)
            partner = meeting_in[slot]  # every reachable slot is matched (else: augmenting)
            if partner not in reached_meetings:
                reached_meetings.add(partner)
                queue.append(partner)
    return Shortfall(participant, tuple(sorted(reached_meetings)), tuple(sorted(reached_slots)))


def _fewest_drops(problem: Problem, shortfalls: Sequence[Shortfall]) -> int:
    """A lower bound on the meetings to drop so each participant loses its excess: the
    excesses' sum minus an upper bound on the meetings that relieve two short participants
    at once (half a max-flow on the bipartite double cover), and at least the largest."""
    if not shortfalls:
        return 0
    excess = {s.participant: s.excess for s in shortfalls}
    total = sum(excess.values())
    doubled = _double_cover_flow(problem, shortfalls, excess)
    return max(total - doubled // 2, max(excess.values()))


def _double_cover_flow(
    problem: Problem, shortfalls: Sequence[Shortfall], excess: dict[int, int]
) -> int:
    """Max flow: source -> p (capacity excess[p]) -> q' per meeting of p's shortfall with a
    short partner q (capacity 1 each way) -> sink (capacity excess[q]). Any set of meetings
    between short participants, each used at most its excess, is a flow of twice its size."""
    nodes = list(excess)
    index = {p: i for i, p in enumerate(nodes)}
    count = len(nodes)
    source, sink = 2 * count, 2 * count + 1
    graph: list[list[list[int]]] = [[] for _ in range(2 * count + 2)]

    def add(u: int, v: int, capacity: int) -> None:
        graph[u].append([v, capacity, len(graph[v])])
        graph[v].append([u, 0, len(graph[u]) - 1])

    for p in nodes:
        add(source, index[p], excess[p])
        add(count + index[p], sink, excess[p])
    # A dropped meeting counts for p only if it is among p's shortfall meetings (p keeps at
    # most as many of those as their slots), so one that relieves two is in both sets.
    short_meetings = {s.participant: set(s.meetings) for s in shortfalls}
    shared = {
        meeting
        for shortfall in shortfalls
        for meeting in shortfall.meetings
        if all(meeting in short_meetings.get(p, ()) for p in problem.meetings[meeting].participants)
    }
    for meeting in sorted(shared):
        first, second = problem.meetings[meeting].participants
        add(index[first], count + index[second], 1)
        add(index[second], count + index[first], 1)
    return _max_flow(graph, source, sink)


def _max_flow(graph: list[list[list[int]]], source: int, sink: int) -> int:
    """Dinic's algorithm on an adjacency list of [to, capacity, reverse index]."""
    flow = 0
    while True:
        level = [-1] * len(graph)
        level[source] = 0
        queue = deque([source])
        while queue:
            node = queue.popleft()
            for to, capacity, _ in graph[node]:
                if capacity > 0 and level[to] < 0:
                    level[to] = level[node] + 1
                    queue.append(to)
        if level[sink] < 0:
            return flow
        pointer = [0] * len(graph)
        while pushed := _push(graph, level, pointer, source, sink, 1 << 30):
            flow += pushed


def _push(
    graph: list[list[list[int]]],
    level: list[int],
    pointer: list[int],
    node: int,
    sink: int,
    limit: int,
) -> int:
    """One augmenting path of Dinic's level graph from ``node``; the flow it carries."""
    if node == sink:
        return limit
    while pointer[node] < len(graph[node]):
        edge = graph[node][pointer[node]]
        to, capacity, reverse = edge
        if capacity > 0 and level[to] == level[node] + 1:
            pushed = _push(graph, level, pointer, to, sink, min(limit, capacity))
            if pushed:
                edge[1] -= pushed
                graph[to][reverse][1] += pushed
                return pushed
        pointer[node] += 1
    return 0
