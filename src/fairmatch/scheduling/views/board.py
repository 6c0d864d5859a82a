"""The organiser's schedule board: a session's grid (slots × tables or × participants),
checks before a change is saved, and changes answered with the board as it now is.

Every change is a POST; htmx requests get the board's partial back (the filters travel with
the request, so they are kept), plain form posts are sent back to the board with the same
filters in the address.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.templatetags.zones import zone_name
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.scheduling.domain import board as board_domain
from fairmatch.scheduling.domain import edits
from fairmatch.scheduling.interfaces.forms import (
    BoardFilterForm,
    MeetingEditForm,
    PlaceCheckForm,
)
from fairmatch.scheduling.models import BoardAction, Meeting, MeetingState
from fairmatch.scheduling.views import board_cells

FILTER_KEYS = ("session", "view", "page", "q", "field", "country", "state", "conflicts")


def _edition(slug: str) -> Edition:
    return get_object_or_404(Edition, slug=slug)


def _filters(data: QueryDict) -> QueryDict:
    kept = QueryDict(mutable=True)
    for key in FILTER_KEYS:
        if data.get(key):
            kept[key] = data[key]
    return kept


def render_board(request: HttpRequest, edition: Edition, data: QueryDict) -> HttpResponse:
    """The board as asked by ``data``: the whole page, or its partial for htmx."""
    form = BoardFilterForm(_filters(data), edition=edition)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    query = form.query()
    board = board_domain.load_board(edition, query)
    base = reverse("scheduling_admin:board", args=[edition.slug])

    def link(**changes: Any) -> str:
        return f"{base}?{urlencode(query.params(**changes))}"

    with timezone.override(board.zone):
        context = {
            "edition": edition,
            "board": board,
            "query": query,
            "form": form,
            "session_links": [
                (session, link(session=session.pk, page=1)) for session in board.sessions
            ],
            "view_links": [
                ("tables", _("Slots × tables"), link(view="tables", page=1)),
                ("people", _("Slots × participants"), link(view="people", page=1)),
            ],
            "page_links": _page_links(board, query, link),
            "current_page": min(max(query.page, 1), board.pages),
            "after_change": request.method == "POST",
            "zone_name": zone_name(edition.timezone),
            "grid_rows": (
                board_cells.people_rows(board)
                if query.view == "people"
                else board_cells.table_rows(board)
            ),
        }
        partial = request.htmx and not request.htmx.history_restore_request
        template = "scheduling/_board.html" if partial else "scheduling/board.html"
        return render(request, template, context)


def _page_links(board: Any, query: Any, link: Any) -> list[tuple[int, str, str]]:
    """The first and last page and those near the current one (a gap is a page of 0)."""
    current = min(max(query.page, 1), board.pages)
    near = {1, board.pages, *range(current - 2, current + 3)}
    links: list[tuple[int, str, str]] = []
    for number, label in enumerate(board.page_labels, start=1):
        if number in near:
            if links and links[-1][0] not in (0, number - 1):
                links.append((0, "…", ""))
            links.append((number, label, link(page=number)))
    return links


@organiser_required
@require_GET
def board(request: HttpRequest, edition: str) -> HttpResponse:
    return render_board(request, _edition(edition), request.GET)


def back_to_board(request: HttpRequest, edition: Edition) -> HttpResponse:
    """After a change: the board's partial for htmx, else the board with the same filters."""
    if request.htmx:
        return render_board(request, edition, request.POST)
    url = reverse("scheduling_admin:board", args=[edition.slug])
    kept = _filters(request.POST)
    return redirect(f"{url}?{kept.urlencode()}" if kept else url)


def edit_then_board(request: HttpRequest, edition: Edition, change: Callable[[], Any]) -> Any:
    """Apply one change of the schedule; say what happened; back to the board."""
    try:
        said = change()
    except edits.EditError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, said if isinstance(said, str) else _("The schedule has been changed.")
        )
    return back_to_board(request, edition)


@organiser_required
@require_GET
def check(request: HttpRequest, edition: str) -> JsonResponse:
    """Would this move (or swap) be accepted? Answered before anything is saved."""
    edition_obj = _edition(edition)
    form = PlaceCheckForm(request.GET, edition=edition_obj)
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        return JsonResponse({"ok": False, "kind": "move", "message": str(first)}, status=400)
    data = form.cleaned_data
    answer = board_domain.check_place(
        meeting=data["meeting"], version=data["version"], slot=data["slot"], table=data["table"]
    )
    payload: dict[str, Any] = {"ok": answer.ok, "kind": answer.kind, "message": answer.message}
    if answer.other is not None:
        payload |= {"other": answer.other.pk, "other_version": answer.other.version}
    return JsonResponse(payload)


@organiser_required
@require_GET
def details(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """The details panel of one meeting: full names, place, state and its actions."""
    edition_obj = _edition(edition)
    meeting = get_object_or_404(
        Meeting.objects.select_related(
            "first__enterprise", "second__enterprise", "slot__session", "table"
        ),
        edition=edition_obj,
        pk=pk,
    )
    with timezone.override(edition_obj.timezone):
        return render(
            request,
            "scheduling/_board_details.html",
            {
                "edition": edition_obj,
                "meeting": meeting,
                "scheduled": meeting.state == MeetingState.SCHEDULED,
                "people": [meeting.first, meeting.second],
            },
        )


@organiser_required
@require_POST
def undo(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = _edition(edition)
    action = get_object_or_404(BoardAction, edition=edition_obj, pk=pk)

    def change() -> str:
        count = board_domain.undo(action=action, user=request.user)
        return ngettext(
            "Undone: %(what)s (%(count)d meeting restored).",
            "Undone: %(what)s (%(count)d meetings restored).",
            count,
        ) % {"what": action.label, "count": count}

    return edit_then_board(request, edition_obj, change)


def destructive_change(
    request: HttpRequest, edition: Edition, meeting: Meeting, action: str
) -> HttpResponse:
    """Cancel or take off the grid, logged so that it can be undone."""
    form = MeetingEditForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return back_to_board(request, edition)
    version, reason = form.cleaned_data["version"], form.cleaned_data["reason"]

    def change() -> str:
        if action == "cancel":
            done = board_domain.cancel(
                meeting=meeting, version=version, user=request.user, reason=reason
            )
            return _("Cancelled: %(names)s — you can undo it until the next release.") % {
                "names": done.label
            }
        done = board_domain.unplace(meeting=meeting, version=version, user=request.user)
        return _("Taken off the grid: %(names)s — you can undo it until the next release.") % {
            "names": done.label
        }

    return edit_then_board(request, edition, change)
