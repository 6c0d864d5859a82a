"""The organiser's schedule pages: grid, runs, the board with edits, publication, printing."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.scheduling.domain import board as board_domain
from fairmatch.scheduling.domain import edits, grid, releases, runs, sameday
from fairmatch.scheduling.interfaces.forms import (
    CompareRunsForm,
    MeetingEditForm,
    MoveForm,
    ParticipantForm,
    PublishForm,
    RunForm,
    SessionForm,
    SwapForm,
    TablesForm,
)
from fairmatch.scheduling.models import (
    Meeting,
    MeetingState,
    NegotiationSession,
    NegotiationTable,
    Release,
    ScheduleRun,
)
from fairmatch.scheduling.views import board as board_views


def _edition(slug: str) -> Edition:
    return get_object_or_404(Edition, slug=slug)


@organiser_required
def overview(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    counts = Meeting.objects.filter(edition=edition_obj).aggregate(
        scheduled=Count("pk", filter=Q(state=MeetingState.SCHEDULED)),
        placed=Count("pk", filter=Q(state=MeetingState.SCHEDULED, slot__isnull=False)),
        locked=Count("pk", filter=Q(state=MeetingState.SCHEDULED, locked=True)),
    )
    return render(
        request,
        "scheduling/overview.html",
        {
            "edition": edition_obj,
            "counts": counts,
            "sessions": NegotiationSession.objects.filter(edition=edition_obj).annotate(
                slots_made=Count("slots")
            ),
            "tables": NegotiationTable.objects.filter(edition=edition_obj, booth__isnull=True),
            # Booths where agreed meetings take place are locations, not numbered tables.
            "booth_places": NegotiationTable.objects.filter(
                edition=edition_obj, booth__isnull=False
            ).select_related("booth__hall"),
            "runs": ScheduleRun.objects.filter(edition=edition_obj)[:10],
            "releases": Release.objects.filter(edition=edition_obj).select_related("published_by"),
            "session_form": SessionForm(prefix="session"),
            "tables_form": TablesForm(prefix="tables"),
            "run_form": RunForm(prefix="run"),
            "publish_form": PublishForm(prefix="publish"),
            "run_in_progress": edits.run_in_progress(edition_obj),
        },
    )


@organiser_required
@require_POST
def add_session(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = SessionForm(request.POST, prefix="session")
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("scheduling_admin:overview", edition_obj.slug)
    try:
        change = grid.add_session(
            edition=edition_obj, session=form.save(commit=False), user=request.user
        )
    except grid.GridError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            ngettext(
                "Session added: the grid has %(count)d slot.",
                "Session added: the grid has %(count)d slots.",
                change.slots_after,
            )
            % {"count": change.slots_after},
        )
    return redirect("scheduling_admin:overview", edition_obj.slug)


@organiser_required
@require_http_methods(["GET", "POST"])
def delete_session(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """GET shows which meetings the change moves off the grid; POST confirms it."""
    edition_obj = _edition(edition)
    session = get_object_or_404(NegotiationSession, edition=edition_obj, pk=pk)
    if request.method == "POST":
        try:
            lost = grid.delete_session(session=session, user=request.user)
        except grid.GridError as error:
            messages.error(request, str(error))
        else:
            messages.warning(
                request,
                ngettext(
                    "Session deleted; %(count)d meeting lost its slot.",
                    "Session deleted; %(count)d meetings lost their slot.",
                    lost,
                )
                % {"count": lost},
            )
        return redirect("scheduling_admin:overview", edition_obj.slug)
    return render(
        request,
        "scheduling/delete_session.html",
        {
            "edition": edition_obj,
            "session": session,
            "affected": grid.meetings_in_session(session),
        },
    )


@organiser_required
@require_POST
def add_tables(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = TablesForm(request.POST, prefix="tables")
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("scheduling_admin:overview", edition_obj.slug)
    try:
        grid.add_tables(edition=edition_obj, user=request.user, **form.cleaned_data)
    except grid.GridError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)d table added.", "%(count)d tables added.", form.cleaned_data["count"]
            )
            % {"count": form.cleaned_data["count"]},
        )
    return redirect("scheduling_admin:overview", edition_obj.slug)


@organiser_required
@require_POST
def start_run(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = RunForm(request.POST, prefix="run")
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("scheduling_admin:overview", edition_obj.slug)
    try:
        run = runs.start_run(edition=edition_obj, user=request.user, **form.cleaned_data)
    except runs.RunError as error:
        messages.error(request, str(error))
        return redirect("scheduling_admin:overview", edition_obj.slug)
    return redirect("scheduling_admin:run", edition_obj.slug, run.pk)


@organiser_required
def run_detail(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """The run's figures as they move (its partial every second while it runs), against
    the schedule in use; Apply for a finished result, Cancel while it runs."""
    edition_obj = _edition(edition)
    run = get_object_or_404(ScheduleRun, edition=edition_obj, pk=pk)
    template = "scheduling/_run_status.html" if request.htmx else "scheduling/run.html"
    in_use = runs.figures_in_use(edition_obj)
    if run.is_active:
        progress = run.progress or {}
        placed, bound = progress.get("placed"), progress.get("upper_bound")
        breaks, floor = progress.get("breaks"), progress.get("breaks_lower_bound")
    else:
        placed, bound = run.placed, run.placeable_upper_bound
        breaks, floor = run.breaks, run.breaks_lower_bound
    has_figures = placed is not None and bool(run.progress or not run.is_active)
    context = {
        "edition": edition_obj,
        "run": run,
        "in_use": in_use,
        "objective": {
            "placed": placed,
            "bound": bound,
            "placed_gap": _gap(bound, placed, bound),
            "breaks": breaks,
            "floor": floor,
            "breaks_gap": _gap(breaks, floor, breaks),
        },
        "verdict": runs.verdict(placed or 0, breaks, in_use) if has_figures else "",
        "phase": _phases().get((run.progress or {}).get("phase", ""), ""),
        "can_apply": runs.has_result(run) and run.applied_at is None,
        "can_cancel": run.is_active and not run.cancel_requested,
    }
    with timezone.override(edition_obj.timezone):
        return render(request, template, context)


def _phases() -> dict[str, str]:
    """The engine's phase names, as the organiser reads them."""
    return {
        "greedy": _("a first schedule"),
        "chains": _("filling the gaps"),
        "search": _("improving the schedule"),
        "placement": _("placing every meeting it can"),
        "breaks": _("reducing the breaks"),
        "moves": _("keeping close to the release"),
        "done": _("finishing"),
    }


def _gap(high: int | None, low: int | None, scale: int | None) -> float | None:
    """The distance between a value and its proven bound, in per cent of the value (0: proven
    optimal)."""
    if high is None or low is None:
        return None
    return round(100 * max(0, high - low) / max(scale or 0, 1), 1)


@organiser_required
@require_POST
def run_action(request: HttpRequest, edition: str, pk: int, action: str) -> HttpResponse:
    edition_obj = _edition(edition)
    run = get_object_or_404(ScheduleRun, edition=edition_obj, pk=pk)
    try:
        if action == "cancel":
            runs.cancel_run(run=run, user=request.user)
            messages.success(request, _("The run is being cancelled."))
    except runs.RunError as error:
        messages.error(request, str(error))
    return redirect("scheduling_admin:run", edition_obj.slug, run.pk)


@organiser_required
def compare_runs(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = CompareRunsForm(request.GET, edition=edition_obj)
    compared = list(form.cleaned_data["run"]) if form.is_valid() else []
    status = 200 if form.is_valid() else 400
    return render(
        request,
        "scheduling/compare.html",
        {"edition": edition_obj, "runs": compared, "form": form},
        status=status,
    )


@organiser_required
@require_POST
def edit_meeting(request: HttpRequest, edition: str, pk: int, action: str) -> HttpResponse:
    edition_obj = _edition(edition)
    meeting = get_object_or_404(Meeting, edition=edition_obj, pk=pk)
    if action in ("cancel", "unplace"):
        return board_views.destructive_change(request, edition_obj, meeting, action)
    form = MeetingEditForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return board_views.back_to_board(request, edition_obj)
    version = form.cleaned_data["version"]
    changes = {
        "lock": lambda: edits.set_locked(
            meeting=meeting, locked=True, version=version, user=request.user
        ),
        "unlock": lambda: edits.set_locked(
            meeting=meeting, locked=False, version=version, user=request.user
        ),
    }
    if action not in changes:
        messages.error(request, _("Unknown change."))
        return board_views.back_to_board(request, edition_obj)
    return board_views.edit_then_board(request, edition_obj, changes[action])


@organiser_required
@require_POST
def publish(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = PublishForm(request.POST, prefix="publish")
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("scheduling_admin:overview", edition_obj.slug)
    try:
        release = releases.publish(
            edition=edition_obj,
            name=form.cleaned_data["name"],
            public_note=form.cleaned_data["public_note"],
            user=request.user,
        )
    except releases.PublishError as error:
        messages.error(request, str(error))
    else:
        changes = release.changes
        messages.success(
            request,
            _(
                "Version %(number)d published: %(added)d added, %(moved)d moved, "
                "%(cancelled)d cancelled; %(people)d participants are told."
            )
            % {
                "number": release.number,
                "added": len(changes["added"]),
                "moved": len(changes["moved"]),
                "cancelled": len(changes["cancelled"]),
                "people": len(changes["affected"]),
            },
        )
    return redirect("scheduling_admin:overview", edition_obj.slug)


@organiser_required
@require_POST
def move(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = MoveForm(request.POST, edition=edition_obj)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return board_views.back_to_board(request, edition_obj)
    return board_views.edit_then_board(
        request,
        edition_obj,
        lambda: edits.move_meeting(
            meeting=form.cleaned_data["meeting"],
            slot=form.cleaned_data["slot"],
            table=form.cleaned_data["table"],
            version=form.cleaned_data["version"],
            user=request.user,
        ),
    )


@organiser_required
@require_POST
def absent(request: HttpRequest, edition: str) -> HttpResponse:
    """Mark a participant absent (chosen by name on the board); undoable until a release."""
    edition_obj = _edition(edition)
    form = ParticipantForm(request.POST, edition=edition_obj)
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        participation = form.cleaned_data["participant"]
        _action, count = board_domain.mark_absent(participation=participation, user=request.user)
        messages.success(
            request,
            ngettext(
                "%(name)s is absent: %(count)d meeting cancelled. You can undo it until the "
                "next release.",
                "%(name)s is absent: %(count)d meetings cancelled. You can undo it until the "
                "next release.",
                count,
            )
            % {"name": participation.enterprise.display_name, "count": count},
        )
    return board_views.back_to_board(request, edition_obj)


@organiser_required
@require_POST
def reschedule(request: HttpRequest, edition: str) -> HttpResponse:
    """Fit the meetings without a place into the freed slots; everything else stays."""
    edition_obj = _edition(edition)
    try:
        outcome = sameday.reschedule_waiting(edition=edition_obj, user=request.user)
    except edits.EditError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(placed)d meetings placed, %(waiting)d still without a place (%(seconds)s s).")
            % {
                "placed": outcome.placed,
                "waiting": outcome.still_unplaced,
                "seconds": outcome.seconds,
            },
        )
        if outcome.release:
            messages.success(
                request,
                _("Version %(number)d published; the delegates concerned are told.")
                % {"number": outcome.release.number},
            )
    return board_views.back_to_board(request, edition_obj)


@organiser_required
@require_POST
def swap(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = SwapForm(request.POST, edition=edition_obj)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return board_views.back_to_board(request, edition_obj)
    data = form.cleaned_data
    return board_views.edit_then_board(
        request,
        edition_obj,
        lambda: edits.swap_meetings(
            first=data["first"],
            first_version=data["first_version"],
            second=data["second"],
            second_version=data["second_version"],
            user=request.user,
        ),
    )
