"""The organiser's schedule board: one session's grid at a time, checks before a change is
saved, and destructive changes (cancel, take off the grid, mark absent) that can be undone
until the next release.

Reading: ``load_board`` fetches one session — the slots, one page of tables (or one page of
participants) — in a constant number of queries whatever the size of the edition; the
whole session is read only as bare ids, to find double bookings (conflicts).

Checking: ``check_place`` answers, without writing anything, whether a meeting can go to a
slot and table (a move, or a swap with the meeting there), with the message the edit itself
would give.

Undoing: every destructive change writes a ``BoardAction`` with the columns as they were;
``undo`` puts them back under the working schedule's lock, refused when a release was
published since, when one of the meetings changed meanwhile, or when its place is taken.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Participation
from fairmatch.scheduling.domain import edits, sameday
from fairmatch.scheduling.domain.edits import EditError
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.models import (
    PLACED_STATES,
    BoardAction,
    BoardActionKind,
    Meeting,
    MeetingState,
    NegotiationSession,
    NegotiationTable,
    Release,
    Slot,
    Unavailability,
)

TABLES_PER_PAGE = 16
PEOPLE_PER_PAGE = 30
TRAY_SHOWN = 60
UNDO_SHOWN = 8

VIEWS = ("tables", "people")
# What a grid cell shows of a meeting and its participants (the rest stays in the database).
CELL_FIELDS = (
    "id",
    "version",
    "state",
    "locked",
    "manual",
    "slot_id",
    "table_id",
    *(
        f"{side}__{column}"
        for side in ("first", "second")
        for column in (
            "id",
            "enterprise__id",
            "enterprise__name_en",
            "enterprise__name_original",
        )
    ),
)
STATES = ("locked", "unlocked", "moved", "removed")


@dataclass(frozen=True)
class BoardQuery:
    """What the organiser asked to see: a session, a view, a page, and the filters."""

    session: int | None = None
    view: str = "tables"
    page: int = 1
    q: str = ""
    field: int | None = None
    country: str = ""
    state: str = ""
    conflicts: bool = False

    @property
    def filtering(self) -> bool:
        return bool(self.q or self.field or self.country or self.state or self.conflicts)

    @property
    def by_enterprise(self) -> bool:
        return bool(self.q or self.field or self.country)

    def params(self, **changes: Any) -> dict[str, str]:
        """The query as URL parameters (without the defaults), with ``changes`` applied."""
        values = {
            "session": self.session,
            "view": self.view,
            "page": self.page,
            "q": self.q,
            "field": self.field,
            "country": self.country,
            "state": self.state,
            "conflicts": "1" if self.conflicts else "",
        } | changes
        defaults = {"view": "tables", "page": 1}
        return {
            key: str(value)
            for key, value in values.items()
            if value not in (None, "", False) and defaults.get(key) != value
        }


@dataclass
class Cell:
    """One place of the grid: a slot at a table (tables view) or a participant's slot."""

    slot: Slot
    table: NegotiationTable | None = None
    meeting: Meeting | None = None
    open: bool = True
    shown: bool = True  # the meeting matches the filters (others are shown dimmed)
    conflict: bool = False
    counterpart: Participation | None = None


@dataclass
class Board:
    edition: Edition
    query: BoardQuery
    zone: ZoneInfo
    sessions: list[NegotiationSession]
    session: NegotiationSession | None
    slots: list[Slot] = field(default_factory=list)
    columns: list[NegotiationTable] = field(default_factory=list)
    rows: list[tuple[Any, list[Cell]]] = field(default_factory=list)
    pages: int = 1
    page_labels: list[str] = field(default_factory=list)
    placed: int = 0
    capacity: int = 0
    conflicts: int = 0
    tray: list[Meeting] = field(default_factory=list)
    tray_count: int = 0
    undoable: list[BoardAction] = field(default_factory=list)


def local(moment: datetime.datetime, zone: ZoneInfo) -> datetime.datetime:
    return moment.astimezone(zone)


def _session_for(sessions: list[NegotiationSession], query: BoardQuery, zone: ZoneInfo) -> Any:
    """The asked session, else today's first (in the edition's time zone), else the first."""
    by_pk = {s.pk: s for s in sessions}
    if query.session in by_pk:
        return by_pk[query.session]
    today = timezone.now().astimezone(zone).date()
    upcoming = [s for s in sessions if s.date >= today]
    return upcoming[0] if upcoming else (sessions[0] if sessions else None)


def _matching_people(edition: Edition, query: BoardQuery) -> set[int] | None:
    """Participations whose enterprise matches the enterprise filters (None: no filter)."""
    if not query.by_enterprise:
        return None
    people = Participation.objects.filter(edition=edition)
    if query.q:
        people = people.filter(
            Q(enterprise__name_en__icontains=query.q)
            | Q(enterprise__name_original__icontains=query.q)
        )
    if query.field:
        people = people.filter(enterprise__fields=query.field)
    if query.country:
        people = people.filter(enterprise__country=query.country)
    return set(people.values_list("pk", flat=True))


def _state_matches(meeting: Any, state: str) -> bool:
    if state == "locked":
        return meeting.locked
    if state == "unlocked":
        return not meeting.locked
    if state in ("moved", "removed"):
        return meeting.manual == state
    return True


def _conflicting(rows: Iterable[tuple[int, int | None, int, int]]) -> set[int]:
    """Meetings sharing a participant with another meeting of their slot."""
    seen: dict[tuple[int | None, int], int] = {}
    clashing: set[int] = set()
    for pk, slot_id, first_id, second_id in rows:
        for person in (first_id, second_id):
            other = seen.setdefault((slot_id, person), pk)
            if other != pk:
                clashing.update((pk, other))
    return clashing


def load_board(edition: Edition, query: BoardQuery) -> Board:
    """One session of the board, as asked; a constant number of queries."""
    zone = ZoneInfo(edition.timezone)
    sessions = list(NegotiationSession.objects.filter(edition=edition))
    session = _session_for(sessions, query, zone)
    board = Board(edition=edition, query=query, zone=zone, sessions=sessions, session=session)
    matching = _matching_people(edition, query)

    def matches(meeting: Any, clashing: set[int]) -> bool:
        if matching is not None and not {meeting.first_id, meeting.second_id} & matching:
            return False
        if query.state and not _state_matches(meeting, query.state):
            return False
        return not (query.conflicts and meeting.pk not in clashing)

    if session is not None:
        board.slots = list(session.slots.all())
        # Every table as (id, number); instances only for the page shown.
        tables = list(
            NegotiationTable.objects.filter(edition=edition)
            .order_by("number")
            .values_list("id", "number")
        )
        open_count = len(tables) if session.table_count is None else session.table_count
        open_tables = {pk for pk, _number in tables[:open_count]}
        ids = list(
            # Held meetings keep their place on the event day: shown, not movable.
            Meeting.objects.filter(slot__session=session, state__in=PLACED_STATES)
            .values_list("pk", "slot_id", "first_id", "second_id", "table_id", "locked", "manual")
            .order_by()
        )
        clashing = _conflicting(row[:4] for row in ids)
        board.placed = len(ids)
        board.capacity = len(board.slots) * len(open_tables)
        board.conflicts = len(clashing)
        if query.view == "people":
            _people_rows(board, ids, clashing, matches)
        else:
            _table_rows(board, tables, open_tables, clashing, matches)
    tray = (
        Meeting.objects.filter(edition=edition, state=MeetingState.SCHEDULED, slot__isnull=True)
        .select_related("first__enterprise", "second__enterprise")
        .order_by("pk")
    )
    if matching is not None:
        tray = tray.filter(Q(first_id__in=matching) | Q(second_id__in=matching))
    # The tray follows the enterprise and state filters (an unplaced meeting is in no conflict).
    tray_meetings = [m for m in tray if not query.state or _state_matches(m, query.state)]
    board.tray_count = len(tray_meetings)
    board.tray = tray_meetings[:TRAY_SHOWN]
    board.undoable = undoable_actions(edition)[:UNDO_SHOWN]
    return board


def _page(items: list[Any], query: BoardQuery, size: int) -> tuple[list[Any], int]:
    pages = max(1, -(-len(items) // size))
    page = min(max(query.page, 1), pages)
    return items[(page - 1) * size : page * size], pages


def _table_rows(
    board: Board,
    tables: list[tuple[int, int]],
    open_tables: set[int],
    clashing: set[int],
    matches: Any,
) -> None:
    # Booths where negotiations take place come after the tables, on pages of their own.
    booths = {
        pk: f"{hall}-{code}"
        for pk, hall, code in NegotiationTable.objects.filter(
            edition_id=board.edition.pk, booth__isnull=False
        ).values_list("id", "booth__hall__code", "booth__code")
    }
    plain = [t for t in tables if t[0] not in booths]
    at_booths = [t for t in tables if t[0] in booths]
    chunks = [plain[n : n + TABLES_PER_PAGE] for n in range(0, len(plain), TABLES_PER_PAGE)]
    chunks += [
        at_booths[n : n + TABLES_PER_PAGE] for n in range(0, len(at_booths), TABLES_PER_PAGE)
    ]
    chunks = chunks or [[]]
    board.pages = len(chunks)
    page = chunks[min(max(board.query.page, 1), board.pages) - 1]

    def name(table_id: int, number: int) -> str:
        return booths.get(table_id, str(number))

    columns = list(
        NegotiationTable.objects.filter(pk__in=[pk for pk, _number in page]).only(
            "id", "edition_id", "number", "zone"
        )
    )
    for column in columns:
        column.label = (  # type: ignore[attr-defined]
            _("Booth %(booth)s") % {"booth": name(column.pk, column.number)}
            if column.pk in booths
            else _("Table %(number)s") % {"number": column.number}
        )
    board.columns = columns
    board.page_labels = [
        (_("booths %(range)s") if chunk and chunk[0][0] in booths else "%(range)s")
        % {"range": f"{name(*chunk[0])}–{name(*chunk[-1])}" if chunk else ""}
        for chunk in chunks
    ]
    shown = (
        Meeting.objects.filter(slot__in=board.slots, table__in=columns, state__in=PLACED_STATES)
        .select_related("first__enterprise", "second__enterprise")
        .only(*CELL_FIELDS)
    )
    cells = {(m.slot_id, m.table_id): m for m in shown}
    for slot in board.slots:
        row = []
        for table in columns:
            meeting = cells.get((slot.pk, table.pk))
            row.append(
                Cell(
                    slot=slot,
                    table=table,
                    meeting=meeting,
                    open=table.pk in open_tables,
                    shown=meeting is None or matches(meeting, clashing),
                    conflict=meeting is not None and meeting.pk in clashing,
                )
            )
        board.rows.append((slot, row))


def _people_rows(board: Board, ids: list[tuple], clashing: set[int], matches: Any) -> None:
    """Rows of participants (those meeting in the session, filtered), columns of slots."""
    people: dict[int, list[int]] = {}
    shown_people: set[int] = set()
    for pk, _slot, first_id, second_id, _table, locked, manual in ids:
        for person in (first_id, second_id):
            people.setdefault(person, []).append(pk)
        bare = _Bare(pk, first_id, second_id, locked, manual)
        if matches(bare, clashing):
            shown_people.update((first_id, second_id))
    names = dict(
        Participation.objects.filter(edition=board.edition).values_list("pk", "enterprise__name_en")
    )
    ordered = sorted(shown_people, key=lambda pk: (names.get(pk, "").casefold(), pk))
    page, board.pages = _page(ordered, board.query, PEOPLE_PER_PAGE)
    board.page_labels = [str(n) for n in range(1, board.pages + 1)]
    participations = Participation.objects.filter(pk__in=page).select_related("enterprise")
    by_pk = {p.pk: p for p in participations}
    wanted = {pk for person in page for pk in people.get(person, [])}
    meetings = Meeting.objects.filter(pk__in=wanted).select_related(
        "first__enterprise", "second__enterprise", "table"
    )
    by_slot = {(m.slot_id, person): m for m in meetings for person in (m.first_id, m.second_id)}
    for person in page:
        row = []
        for slot in board.slots:
            meeting = by_slot.get((slot.pk, person))
            counterpart = None
            if meeting is not None:
                counterpart = meeting.second if meeting.first_id == person else meeting.first
            row.append(
                Cell(
                    slot=slot,
                    table=meeting.table if meeting else None,
                    meeting=meeting,
                    shown=meeting is None or matches(meeting, clashing),
                    conflict=meeting is not None and meeting.pk in clashing,
                    counterpart=counterpart,
                )
            )
        board.rows.append((by_pk[person], row))


@dataclass(frozen=True)
class _Bare:
    pk: int
    first_id: int
    second_id: int
    locked: bool
    manual: str


# --- Checks before saving ------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """Whether a meeting may go to a place: ``kind`` is "move" or "swap" (with ``other``)."""

    ok: bool
    kind: str
    message: str
    other: Meeting | None = None


def check_place(*, meeting: Meeting, version: int, slot: Slot, table: NegotiationTable) -> Check:
    """What moving ``meeting`` to ``table`` in ``slot`` would do, with the edit's own checks;
    a place taken by a placed meeting means a swap with it. Writes nothing."""
    try:
        current = edits._fresh(meeting, version)
        if (current.slot_id, current.table_id) == (slot.pk, table.pk):
            return Check(False, "move", _("The meeting is already here."))
        other = (
            Meeting.objects.filter(slot=slot, table=table, state=MeetingState.SCHEDULED)
            .exclude(pk=current.pk)
            .select_related("first__enterprise", "second__enterprise", "slot__session", "table")
            .first()
        )
        if other is None:
            edits._check_place(current, slot, table, ignore={current.pk})
            return Check(True, "move", _("Free: the meeting can move here."))
        if current.slot_id is None:
            raise EditError(_("Table %(table)s is taken in this slot.") % {"table": table.number})
        edits._check_place(current, slot, table, ignore={current.pk, other.pk})
        edits._check_place(other, current.slot, current.table, ignore={current.pk, other.pk})
        return Check(
            True,
            "swap",
            _("The two meetings can swap places (%(first)s – %(second)s).")
            % {
                "first": other.first.enterprise.display_name,
                "second": other.second.enterprise.display_name,
            },
            other,
        )
    except EditError as error:
        return Check(False, "move", str(error))


# --- Destructive changes that can be undone ------------------------------------------------

RESTORED = ("state", "slot_id", "table_id", "locked", "manual", "unplaced_reason")


def _before(meetings: Iterable[Meeting]) -> list[dict[str, Any]]:
    return [{"pk": m.pk, **{column: getattr(m, column) for column in RESTORED}} for m in meetings]


def _log(
    *, edition_id: int, kind: str, label: str, before: list[dict[str, Any]], user: Any
) -> BoardAction:
    versions = dict(
        Meeting.objects.filter(pk__in=[row["pk"] for row in before]).values_list("pk", "version")
    )
    for row in before:
        row["version_after"] = versions[row["pk"]]
    return BoardAction.objects.create(
        edition_id=edition_id,
        kind=kind,
        label=label[:300],
        restore=before,
        created_by=user if getattr(user, "pk", None) else None,
    )


def _names(meeting: Meeting) -> str:
    return f"{meeting.first.enterprise.display_name} – {meeting.second.enterprise.display_name}"


@transaction.atomic
def cancel(*, meeting: Meeting, version: int, user: Any, reason: str = "") -> BoardAction:
    """Cancel the meeting (its place becomes free); undoable until the next release."""
    lock_working_schedule(meeting.edition_id)
    current = edits._fresh(meeting, version)
    before = _before([current])
    sameday.cancel_meeting(meeting=current, user=user, reason=reason)
    return _log(
        edition_id=current.edition_id,
        kind=BoardActionKind.CANCEL,
        label=_names(current),
        before=before,
        user=user,
    )


@transaction.atomic
def unplace(*, meeting: Meeting, version: int, user: Any) -> BoardAction:
    """Take the meeting off the grid, into the tray; undoable until the next release."""
    lock_working_schedule(meeting.edition_id)
    current = edits._fresh(meeting, version)
    before = _before([current])
    edits.unplace_meeting(meeting=current, version=version, user=user)
    return _log(
        edition_id=current.edition_id,
        kind=BoardActionKind.UNPLACE,
        label=_names(current),
        before=before,
        user=user,
    )


@transaction.atomic
def mark_absent(*, participation: Participation, user: Any) -> tuple[BoardAction, int]:
    """The participant does not come: its remaining meetings are cancelled (undoable)."""
    lock_working_schedule(participation.edition_id)
    touched = Meeting.objects.filter(
        Q(first=participation) | Q(second=participation), state=MeetingState.SCHEDULED
    ).filter(Q(slot__isnull=True) | Q(slot__ends_at__gt=timezone.now()))
    before = _before(touched)
    count = sameday.mark_absent(participation=participation, user=user)
    action = _log(
        edition_id=participation.edition_id,
        kind=BoardActionKind.ABSENT,
        label=participation.enterprise.display_name,
        before=before,
        user=user,
    )
    return action, count


def _since_last_release(edition_id: int) -> Any:
    actions = BoardAction.objects.filter(edition_id=edition_id, undone_at__isnull=True)
    # The release's date only: its list of changes is the size of the schedule.
    published_at = (
        Release.objects.filter(edition_id=edition_id)
        .order_by("-number")
        .values_list("published_at", flat=True)
        .first()
    )
    if published_at is not None:
        actions = actions.filter(created_at__gt=published_at)
    return actions


def undoable_actions(edition: Edition) -> list[BoardAction]:
    """The destructive changes made since the latest release and not undone yet."""
    return list(_since_last_release(edition.pk).select_related("created_by"))


@transaction.atomic
def undo(*, action: BoardAction, user: Any) -> int:
    """Put back what the change took away; how many meetings were restored."""
    lock_working_schedule(action.edition_id)
    if not _since_last_release(action.edition_id).filter(pk=action.pk).exists():
        raise EditError(
            _("This change can no longer be undone: it was undone already or a release followed.")
        )
    rows = {row["pk"]: row for row in action.restore}
    meetings = list(
        Meeting.objects.filter(pk__in=rows).select_related(
            "first__enterprise", "second__enterprise"
        )
    )
    for meeting in meetings:
        if meeting.version != rows[meeting.pk]["version_after"]:
            raise EditError(
                _("%(names)s changed since; undo refused, nothing was changed.")
                % {"names": _names(meeting)}
            )
    restored_ids = [m.pk for m in meetings]
    slots = Slot.objects.select_related("session").in_bulk(
        [rows[pk]["slot_id"] for pk in restored_ids if rows[pk]["slot_id"]]
    )
    tables = NegotiationTable.objects.in_bulk(
        [rows[pk]["table_id"] for pk in restored_ids if rows[pk]["table_id"]]
    )
    for meeting in meetings:
        row = rows[meeting.pk]
        slot, table = slots.get(row["slot_id"]), tables.get(row["table_id"])
        if row["slot_id"] and (slot is None or table is None):
            raise EditError(
                _("The place of %(names)s no longer exists; undo refused.")
                % {"names": _names(meeting)}
            )
        if slot is not None and table is not None:
            edits._check_place(meeting, slot, table, ignore=set(restored_ids))
    for meeting in meetings:
        row = rows[meeting.pk]
        for column in RESTORED:
            setattr(meeting, column, row[column])
        meeting.version += 1
    Meeting.objects.bulk_update(meetings, [*RESTORED, "version"])
    action.undone_at = timezone.now()
    action.save(update_fields=["undone_at"])
    record_action(
        actor=user,
        action="schedule.undo",
        target=action.edition,
        data={"action": action.pk, "kind": action.kind, "meetings": restored_ids},
    )
    return len(meetings)


def participants_busy_in(slot: Slot) -> set[int]:
    """Participants who cannot attend the slot (for the details panel)."""
    return set(Unavailability.objects.filter(slot=slot).values_list("participation_id", flat=True))
