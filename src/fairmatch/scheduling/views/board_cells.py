"""The board's grid cells as HTML, written in Python: a session page has a few hundred
cells, and the template language would spend most of the request on them (see
``fairmatch bench board``). Every text goes through ``format_html`` (escaped)."""

from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from fairmatch.scheduling.domain.board import Board, Cell


def full_name(enterprise: Any) -> str:
    """The original name, and the English one after it when it differs."""
    if enterprise.name_en and enterprise.name_en != enterprise.name_original:
        return f"{enterprise.name_original} ({enterprise.name_en})"
    return enterprise.name_original


def _marks(meeting: Any, conflict: bool, words: dict[str, str]) -> SafeString:
    marks = []
    if meeting.locked:
        marks.append(format_html('<span title="{}">🔒</span>', words["locked"]))
    if meeting.manual:
        marks.append(
            format_html(
                '<span class="manual" data-manual="{}" title="{}">✋</span>',
                meeting.manual,
                meeting.get_manual_display(),
            )
        )
    if meeting.state == "held":
        marks.append(format_html('<span class="held">{}</span>', words["held"]))
    if conflict:
        marks.append(format_html('<span class="bad">{}</span>', words["conflict"]))
    if not marks:
        return mark_safe("")
    return format_html('<span class="marks">{}</span>', mark_safe("".join(marks)))


def _classes(cell: Cell) -> str:
    meeting = cell.meeting
    classes = ["meeting"]
    if not cell.shown:
        classes.append("dim")
    if cell.conflict:
        classes.append("conflict")
    if meeting.locked:
        classes.append("locked")
    if meeting.state == "held":
        classes.append("held")
    return " ".join(classes)


def table_rows(board: Board) -> list[SafeString]:
    """One ``<tr>`` per slot: the time, then a cell per table of the page."""
    words = {
        "locked": _("locked"),
        "conflict": _("conflict"),
        "closed": _("closed"),
        "held": _("held"),
    }
    table_word = {t.pk: t.label for t in board.columns}
    rows = []
    for slot, cells in board.rows:
        starts, ends = slot.starts_at.astimezone(board.zone), slot.ends_at.astimezone(board.zone)
        time = f"{starts:%H:%M}"
        parts = [
            format_html(
                '<th scope="row" class="time">{}<span class="muted">–{}</span></th>',
                time,
                f"{ends:%H:%M}",
            )
        ]
        for cell in cells:
            label = f"{time} · {table_word[cell.table.pk]}"
            inside: Any = ""
            meeting = cell.meeting
            if meeting is not None:
                first, second = meeting.first.enterprise, meeting.second.enterprise
                inside = format_html(
                    '<button type="button" class="{}"{} data-meeting="{}" '
                    'data-version="{}" aria-describedby="board-help" title="{} – {}">'
                    '<span class="name">{}</span><span class="name">{}</span>{}</button>',
                    _classes(cell),
                    # A held meeting has taken place: it stays where it was.
                    mark_safe(' draggable="true"') if meeting.state == "scheduled" else "",
                    meeting.pk,
                    meeting.version,
                    full_name(first),
                    full_name(second),
                    first.display_name,
                    second.display_name,
                    _marks(meeting, cell.conflict, words),
                )
            elif not cell.open:
                inside = format_html('<span class="visually-hidden">{}</span>', words["closed"])
            parts.append(
                format_html(
                    '<td class="cell{}" data-slot="{}" data-table="{}" data-label="{}">{}</td>',
                    "" if cell.open else " closed",
                    slot.pk,
                    cell.table.pk,
                    label,
                    inside,
                )
            )
        rows.append(format_html("<tr>{}</tr>", mark_safe("".join(parts))))
    return rows


def people_rows(board: Board) -> list[SafeString]:
    """One ``<tr>`` per participant: its name, then its meeting (if any) in each slot."""
    words = {"locked": _("locked"), "conflict": _("conflict"), "held": _("held")}
    table = _("table")
    rows = []
    for person, cells in board.rows:
        enterprise = person.enterprise
        head = format_html(
            '<th scope="row" class="person" title="{}">{}</th>',
            full_name(enterprise),
            enterprise.display_name,
        )

        def cell_html(cell: Cell) -> SafeString:
            meeting = cell.meeting
            if meeting is None:
                return format_html('<td class="cell"></td>')
            other = cell.counterpart.enterprise
            return format_html(
                '<td class="cell"><button type="button" class="{}" data-meeting="{}" '
                'data-version="{}" title="{} · {} {}"><span class="name">{}</span>'
                '<span class="where">{} {}</span>{}</button></td>',
                _classes(cell),
                meeting.pk,
                meeting.version,
                full_name(other),
                table,
                cell.table.number,
                other.display_name,
                table,
                cell.table.number,
                _marks(meeting, cell.conflict, words),
            )

        cells_html = format_html_join("", "{}", ((cell_html(cell),) for cell in cells))
        rows.append(format_html("<tr>{}{}</tr>", head, cells_html))
    return rows
