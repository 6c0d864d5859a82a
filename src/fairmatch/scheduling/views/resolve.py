"""Re-solving safely: applying a run after seeing what it changes, releasing manual
decisions, and resetting the working schedule to a release."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import organiser_required
from fairmatch.scheduling.domain import edits, reset, runs
from fairmatch.scheduling.interfaces.confirm import ChangeCountsForm
from fairmatch.scheduling.models import Meeting, Release, ScheduleRun
from fairmatch.scheduling.views import board as board_views

INCOMPLETE = gettext_lazy("The confirmation was incomplete; review the changes again.")


@organiser_required
@require_http_methods(["GET", "POST"])
def apply_run(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """GET says what applying the run changes against the latest release; POST, with the
    counts shown, applies it."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    run = get_object_or_404(ScheduleRun, edition=edition_obj, pk=pk)
    try:
        preview = runs.preview_apply(run=run)
    except runs.RunError as error:
        messages.error(request, str(error))
        return redirect("scheduling_admin:run", edition_obj.slug, run.pk)
    if request.method == "POST":
        form = ChangeCountsForm(request.POST)
        if not form.is_valid():
            messages.error(request, str(INCOMPLETE))
            return redirect("scheduling_admin:apply_run", edition_obj.slug, run.pk)
        expected = form.expected(preview)
        try:
            placed = runs.apply_run(run=run, user=request.user, expected=expected)
        except runs.RunError as error:
            messages.error(request, str(error))
            return redirect("scheduling_admin:apply_run", edition_obj.slug, run.pk)
        messages.success(
            request,
            ngettext(
                "The run was applied: %(count)d meeting placed.",
                "The run was applied: %(count)d meetings placed.",
                placed,
            )
            % {"count": placed},
        )
        return redirect("scheduling_admin:board", edition_obj.slug)
    form = ChangeCountsForm(initial=ChangeCountsForm.initial_from(preview))
    return render(
        request,
        "scheduling/apply_run.html",
        {"edition": edition_obj, "run": run, "preview": preview, "form": form},
    )


@organiser_required
@require_POST
def release_decision(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """Forget one meeting's manual decision (the next run may place it anew)."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    meeting = get_object_or_404(Meeting, edition=edition_obj, pk=pk)
    raw_version = request.POST.get("version", "")
    version = int(raw_version) if raw_version.isdigit() else 0  # 0 is never current: stale
    try:
        edits.release_decision(meeting=meeting, version=version, user=request.user)
    except edits.EditError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Meeting %(number)d is free for the next run.") % {"number": meeting.pk}
        )
    return board_views.back_to_board(request, edition_obj)


@organiser_required
@require_POST
def release_all_decisions(request: HttpRequest, edition: str) -> HttpResponse:
    """Forget every manual decision of the edition."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    count = edits.release_all_decisions(edition=edition_obj, user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d manual decision released.", "%(count)d manual decisions released.", count
        )
        % {"count": count},
    )
    return board_views.back_to_board(request, edition_obj)


@organiser_required
@require_http_methods(["GET", "POST"])
def reset_to_release(request: HttpRequest, edition: str, number: int) -> HttpResponse:
    """GET says how many meetings a reset to the release changes; POST, with the counts
    shown, resets the working schedule."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    release = get_object_or_404(Release, edition=edition_obj, number=number)
    preview = reset.preview_reset(edition=edition_obj, release=release)
    if request.method == "POST":
        form = ChangeCountsForm(request.POST)
        if not form.is_valid():
            messages.error(request, str(INCOMPLETE))
            return redirect("scheduling_admin:reset", edition_obj.slug, release.number)
        expected = form.expected(preview)
        try:
            done = reset.reset_to_release(
                edition=edition_obj, release=release, user=request.user, expected=expected
            )
        except edits.EditError as error:
            messages.error(request, str(error))
            return redirect("scheduling_admin:reset", edition_obj.slug, release.number)
        messages.success(
            request,
            ngettext(
                "The working schedule is back to version %(number)d: %(count)d meeting changed.",
                "The working schedule is back to version %(number)d: %(count)d meetings changed.",
                done.changed,
            )
            % {"number": release.number, "count": done.changed},
        )
        return redirect("scheduling_admin:board", edition_obj.slug)
    form = ChangeCountsForm(initial=ChangeCountsForm.initial_from(preview))
    return render(
        request,
        "scheduling/reset.html",
        {"edition": edition_obj, "release": release, "preview": preview, "form": form},
    )
