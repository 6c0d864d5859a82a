"""Read and write instances in the MiniZinc `.dzn` format of the JAIR 2022 B2B benchmark.

Fields: ``nBusiness``, ``nMeetings``, ``nTables``, ``nTotalSlots``, ``nMorningSlots``,
``requested = [| p1, p2, session | ... |]`` (session 1 morning, 2 afternoon, 3 either),
optional ``nMeetingsBusiness`` / ``meetingsxBusiness`` (checked when present; the sets are
shifted by +1), ``forbidden`` (sets of 1-based slots, ``{0}`` for none), ``fixed`` (a
1-based slot per meeting, 0 for none) and ``precedences`` (per meeting, the 1-based
meetings that must come before it, ``{0}`` for none). Errors name the line and the field.

Sizes beyond the limits below are refused before anything of that size is built, so a
hostile or mistyped file (``nTotalSlots = 10^24``, ``{1..10^24}``) costs no memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Union

from .errors import InvalidInput
from .problem import AFTERNOON, MORNING, Meeting, Participant, Problem, Slot, Table
from .validation import validate

# Far above the largest fairs (15,000 participants, 80,000 meetings, a few hundred slots
# and tables), far below what would exhaust a machine's memory. docs/scheduling.md.
MAX_PARTICIPANTS = 100_000
MAX_MEETINGS = 1_000_000
MAX_SLOTS = 10_000
MAX_TABLES = 10_000
# Every number the file holds, set members from ranges included: room for a file of
# MAX_MEETINGS meetings with every optional field, about 0.5 GB of memory at the worst.
MAX_NUMBERS = 8_000_000
# A range ``a..b`` in a set names slots or meetings (+1 for the shifted meeting sets).
MAX_RANGE_LENGTH = MAX_MEETINGS + 1
# The format nests a set in an array at most; deeper nesting is an error, not recursion.
MAX_NESTING = 4
# Longer numbers are refused as text, before Python converts them.
MAX_DIGITS = 40

_TOKEN = re.compile(
    r"(?P<space>[ \t\r]+)|(?P<newline>\n)|(?P<comment>%[^\n]*)"
    r"|(?P<range>\.\.)|(?P<int>-?[0-9]+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<bar>\|)|(?P<punct>[=;,\[\]{}])",
    re.ASCII,
)

Value = Union[int, frozenset[int], list["Value"], "Rows"]


@dataclass(frozen=True, slots=True)
class Rows:
    """A 2-d array literal ``[| a, b | c, d |]``."""

    rows: list[list[int]]


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    line: int

    def shown(self) -> str:
        """The token as an error message quotes it (cut short: it may be huge)."""
        if self.kind == "end":
            return "end of file"
        return repr(self.text if len(self.text) <= 30 else self.text[:30] + "...")


def _tokens(text: str) -> Iterator[_Token]:
    """The tokens of ``text`` one at a time (a list of them would cost ~100 bytes each)."""
    line = 1
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise InvalidInput(f"unexpected character {text[position]!r}", line=line)
        kind = match.lastgroup or ""
        if kind == "newline":
            line += 1
        elif kind not in ("space", "comment"):
            yield _Token(kind, match.group(), line)
        position = match.end()
    yield _Token("end", "", line)


class _Parser:
    def __init__(self, tokens: Iterator[_Token]):
        self.tokens = tokens
        self.current = next(tokens)
        self.field: str | None = None
        self.numbers = 0

    def peek(self) -> _Token:
        return self.current

    def advance(self) -> _Token:
        token = self.current
        if token.kind != "end":
            self.current = next(self.tokens)
        return token

    def error(self, message: str, token: _Token) -> InvalidInput:
        return InvalidInput(message, field=self.field, line=token.line)

    def take(self, text: str | None = None, kind: str | None = None) -> _Token:
        token = self.peek()
        if (text is not None and token.text != text) or (kind is not None and token.kind != kind):
            expected = repr(text) if text is not None else kind
            raise self.error(f"expected {expected}, found {token.shown()}", token)
        return self.advance()

    def count(self, numbers: int, token: _Token) -> None:
        """Charge ``numbers`` stored numbers against MAX_NUMBERS, before storing them."""
        self.numbers += numbers
        if self.numbers > MAX_NUMBERS:
            raise self.error(f"the file holds more than {MAX_NUMBERS:,} numbers", token)

    def number(self) -> int:
        token = self.take(kind="int")
        if len(token.text.lstrip("-")) > MAX_DIGITS:
            raise self.error(f"number {token.shown()} has more than {MAX_DIGITS} digits", token)
        return int(token.text)

    def assignments(self) -> dict[str, tuple[Value, int]]:
        found: dict[str, tuple[Value, int]] = {}
        while self.peek().kind != "end":
            self.field = None
            name = self.take(kind="name")
            self.field = name.text
            if name.text in found:
                raise InvalidInput("assigned twice", field=name.text, line=name.line)
            self.take("=")
            value = self.value(depth=0)
            self.take(";")
            found[name.text] = (value, name.line)
        return found

    def value(self, *, depth: int) -> Value:
        token = self.peek()
        if depth > MAX_NESTING:
            raise self.error(f"values nested more than {MAX_NESTING} deep", token)
        if token.kind == "int":
            self.count(1, token)
            return self.number()
        if token.text == "{":
            return self.int_set()
        if token.text == "[":
            self.advance()
            if self.peek().kind == "bar":
                return self.rows()
            items: list[Value] = []
            while self.peek().text != "]":
                items.append(self.value(depth=depth + 1))
                if self.peek().text != "]":
                    self.take(",")
            self.take("]")
            return items
        raise self.error(f"expected a value, found {token.shown()}", token)

    def int_set(self) -> frozenset[int]:
        self.take("{")
        members: set[int] = set()
        while self.peek().text != "}":
            token = self.peek()
            low = self.number()
            if self.peek().kind == "range":
                self.advance()
                high = self.number()
                if high - low + 1 > MAX_RANGE_LENGTH:
                    raise self.error(
                        f"range {low}..{high} has more than {MAX_RANGE_LENGTH:,} members", token
                    )
                self.count(max(high - low + 1, 0), token)
                members.update(range(low, high + 1))
            else:
                self.count(1, token)
                members.add(low)
            if self.peek().text != "}":
                self.take(",")
        self.take("}")
        return frozenset(members)

    def rows(self) -> Rows:
        self.take(kind="bar")
        rows: list[list[int]] = []
        current: list[int] = []
        while True:
            token = self.peek()
            if token.kind == "int":
                self.count(1, token)
                current.append(self.number())
            elif token.text == ",":
                self.advance()
            elif token.kind == "bar":
                self.advance()
                if current:
                    rows.append(current)
                current = []
                if self.peek().text == "]":
                    break
            else:
                raise self.error(
                    f"expected a number, ',' or '|' in a 2-d array, found {token.shown()}", token
                )
        self.take("]")
        return Rows(rows)


def parse_assignments(text: str) -> dict[str, tuple[Value, int]]:
    """Parse ``name = value;`` assignments into {name: (value, line)}."""
    return _Parser(_tokens(text)).assignments()


class _Fields:
    """Typed access to parsed fields, each error naming its field and line."""

    def __init__(self, assignments: dict[str, tuple[Value, int]]):
        self.assignments = assignments

    def line(self, name: str) -> int | None:
        return self.assignments[name][1] if name in self.assignments else None

    def error(self, name: str, message: str) -> InvalidInput:
        return InvalidInput(message, field=name, line=self.line(name))

    def integer(self, name: str, *, minimum: int, maximum: int) -> int:
        if name not in self.assignments:
            raise InvalidInput("missing", field=name)
        value = self.assignments[name][0]
        if not isinstance(value, int):
            raise self.error(name, "expected an integer")
        if value < minimum:
            raise self.error(name, f"must be at least {minimum}, got {value}")
        if value > maximum:
            raise self.error(name, f"must be at most {maximum:,}, got {value}")
        return value

    def array(self, name: str, *, length: int) -> list[Value] | None:
        if name not in self.assignments:
            return None
        value = self.assignments[name][0]
        if not isinstance(value, list):
            raise self.error(name, "expected an array [ ... ]")
        if len(value) != length:
            raise self.error(name, f"expected {length} entries, got {len(value)}")
        return value

    def sets(self, name: str, *, length: int) -> list[frozenset[int]] | None:
        values = self.array(name, length=length)
        if values is None:
            return None
        for position, item in enumerate(values, start=1):
            if not isinstance(item, frozenset):
                raise self.error(name, f"entry {position}: expected a set {{ ... }}")
        return [item for item in values if isinstance(item, frozenset)]

    def integers(self, name: str, *, length: int) -> list[int] | None:
        values = self.array(name, length=length)
        if values is None:
            return None
        for position, item in enumerate(values, start=1):
            if not isinstance(item, int):
                raise self.error(name, f"entry {position}: expected an integer")
        return [item for item in values if isinstance(item, int)]


_SESSIONS = {1: MORNING, 2: AFTERNOON, 3: None}


def read_dzn(text: str, *, name: str = "") -> Problem:
    """Build a Problem from `.dzn` text; raise InvalidInput naming line and field."""
    fields = _Fields(parse_assignments(text))
    participant_count = fields.integer("nBusiness", minimum=1, maximum=MAX_PARTICIPANTS)
    table_count = fields.integer("nTables", minimum=1, maximum=MAX_TABLES)
    slot_count = fields.integer("nTotalSlots", minimum=1, maximum=MAX_SLOTS)
    morning_count = fields.integer("nMorningSlots", minimum=0, maximum=MAX_SLOTS)
    if morning_count > slot_count:
        raise fields.error("nMorningSlots", f"{morning_count} exceeds nTotalSlots = {slot_count}")
    meetings = _read_requested(fields, participant_count=participant_count)
    if "nMeetings" in fields.assignments:
        declared = fields.integer("nMeetings", minimum=0, maximum=MAX_MEETINGS)
        if declared != len(meetings):
            raise fields.error(
                "nMeetings", f"says {declared} but requested has {len(meetings)} rows"
            )
    _check_meetings_by_participant(fields, meetings, participant_count=participant_count)
    forbidden = _read_forbidden(fields, participant_count=participant_count, slot_count=slot_count)
    meetings = _read_fixed_and_precedences(fields, meetings, slot_count=slot_count)
    problem = Problem(
        participants=tuple(
            Participant(name=str(index + 1), forbidden_slots=forbidden[index])
            for index in range(participant_count)
        ),
        meetings=tuple(meetings),
        slots=tuple(
            Slot(day=0, session=MORNING if index < morning_count else AFTERNOON)
            for index in range(slot_count)
        ),
        tables=tuple(Table(name=str(index + 1)) for index in range(table_count)),
        name=name,
    )
    validate(problem)
    return problem


def _read_requested(fields: _Fields, *, participant_count: int) -> list[Meeting]:
    if "requested" not in fields.assignments:
        raise InvalidInput("missing", field="requested")
    value = fields.assignments["requested"][0]
    if isinstance(value, list) and not value:
        return []
    if not isinstance(value, Rows):
        raise fields.error("requested", "expected a 2-d array [| p1, p2, session | ... |]")
    if len(value.rows) > MAX_MEETINGS:
        raise fields.error("requested", f"more than {MAX_MEETINGS:,} meetings")
    meetings = []
    for row_number, row in enumerate(value.rows, start=1):
        if len(row) != 3:
            raise fields.error("requested", f"row {row_number}: expected 3 numbers, got {len(row)}")
        first, second, session = row
        for participant in (first, second):
            if not 1 <= participant <= participant_count:
                raise fields.error(
                    "requested",
                    f"row {row_number}: unknown participant {participant} "
                    f"(nBusiness = {participant_count})",
                )
        if first == second:
            raise fields.error("requested", f"row {row_number}: participant {first} meets itself")
        if session not in _SESSIONS:
            raise fields.error(
                "requested", f"row {row_number}: session must be 1, 2 or 3, got {session}"
            )
        meetings.append(Meeting(participants=(first - 1, second - 1), session=_SESSIONS[session]))
    return meetings


def _check_meetings_by_participant(
    fields: _Fields, meetings: list[Meeting], *, participant_count: int
) -> None:
    """The redundant per-participant fields must agree with ``requested`` when present."""
    expected: list[set[int]] = [set() for _ in range(participant_count)]
    for index, meeting in enumerate(meetings):
        for participant in meeting.participants:
            expected[participant].add(index)
    counts = fields.integers("nMeetingsBusiness", length=participant_count)
    if counts is not None:
        for participant, count in enumerate(counts):
            if count != len(expected[participant]):
                raise fields.error(
                    "nMeetingsBusiness",
                    f"participant {participant + 1}: says {count}, requested has "
                    f"{len(expected[participant])}",
                )
    sets = fields.sets("meetingsxBusiness", length=participant_count)
    if sets is not None:
        for participant, shifted in enumerate(sets):
            listed = {member - 2 for member in shifted if member != 1}
            if listed != expected[participant]:
                raise fields.error(
                    "meetingsxBusiness",
                    f"participant {participant + 1}: does not match the rows of requested",
                )


def _read_forbidden(
    fields: _Fields, *, participant_count: int, slot_count: int
) -> list[frozenset[int]]:
    sets = fields.sets("forbidden", length=participant_count)
    if sets is None:
        return [frozenset()] * participant_count
    forbidden = []
    for participant, slots in enumerate(sets, start=1):
        real = slots - {0}
        for slot in real:
            if not 1 <= slot <= slot_count:
                raise fields.error(
                    "forbidden", f"participant {participant}: slot {slot} outside 1..{slot_count}"
                )
        forbidden.append(frozenset(slot - 1 for slot in real))
    return forbidden


def _read_fixed_and_precedences(
    fields: _Fields, meetings: list[Meeting], *, slot_count: int
) -> list[Meeting]:
    fixed = fields.integers("fixed", length=len(meetings))
    precedences = fields.sets("precedences", length=len(meetings))
    result = []
    for index, meeting in enumerate(meetings):
        fixed_slot = None
        if fixed is not None and fixed[index] != 0:
            if not 1 <= fixed[index] <= slot_count:
                raise fields.error(
                    "fixed", f"meeting {index + 1}: slot {fixed[index]} outside 1..{slot_count}"
                )
            fixed_slot = fixed[index] - 1
        after: tuple[int, ...] = ()
        if precedences is not None:
            before = sorted(precedences[index] - {0})
            for other in before:
                if not 1 <= other <= len(meetings) or other == index + 1:
                    raise fields.error(
                        "precedences", f"meeting {index + 1}: invalid predecessor {other}"
                    )
            after = tuple(other - 1 for other in before)
        result.append(
            Meeting(
                participants=meeting.participants,
                session=meeting.session,
                fixed_slot=fixed_slot,
                after=after,
            )
        )
    return result


def _format_set(members: list[int]) -> str:
    return "{" + ",".join(str(member) for member in members) + "}"


def write_dzn(problem: Problem) -> str:
    """Write a Problem in the `.dzn` format; raise InvalidInput if it has what `.dzn` lacks."""
    if any(slot.day != problem.slots[0].day for slot in problem.slots):
        raise InvalidInput("the .dzn format has a single day", field="slots")
    sessions = [slot.session for slot in problem.slots]
    morning_count = sum(session == MORNING for session in sessions)
    if sessions != [MORNING] * morning_count + [AFTERNOON] * (len(sessions) - morning_count):
        raise InvalidInput("the .dzn format has morning slots then afternoon slots", field="slots")
    if any(slot.tables is not None for slot in problem.slots):
        raise InvalidInput("the .dzn format has the same tables in every slot", field="slots")
    session_codes = {MORNING: 1, AFTERNOON: 2, None: 3}
    by_participant = problem.meetings_of()
    lines = [
        f"nBusiness = {len(problem.participants)};",
        f"nMeetings = {len(problem.meetings)};",
        f"nTables = {len(problem.tables)};",
        f"nTotalSlots = {len(problem.slots)};",
        f"nMorningSlots = {morning_count};",
        "",
        "requested = [|"
        + "\n|".join(
            f"{m.participants[0] + 1}, {m.participants[1] + 1},{session_codes[m.session]}, "
            for m in problem.meetings
        )
        + ("\n|];" if problem.meetings else "|];"),
        "",
        "nMeetingsBusiness = ["
        + ",".join(str(len(meetings)) for meetings in by_participant)
        + "];",
        "meetingsxBusiness = ["
        + ",\n".join(
            _format_set([index + 2 for index in meetings] or [1]) for meetings in by_participant
        )
        + "];",
        "forbidden = ["
        + ",\n".join(
            _format_set(sorted(slot + 1 for slot in p.forbidden_slots) or [0])
            for p in problem.participants
        )
        + "];",
    ]
    if any(m.fixed_slot is not None for m in problem.meetings):
        fixed = (0 if m.fixed_slot is None else m.fixed_slot + 1 for m in problem.meetings)
        lines.append("fixed = [" + ",".join(str(slot) for slot in fixed) + "];")
    if any(m.after for m in problem.meetings):
        lines.append(
            "precedences = ["
            + ",\n".join(
                _format_set(sorted(index + 1 for index in m.after) or [0]) for m in problem.meetings
            )
            + "];"
        )
    return "\n".join(lines) + "\n"
