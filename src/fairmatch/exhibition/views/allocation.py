"""The organiser's booth allocation: runs with their progress and results, the comparison
of runs, the working plan edited by hand, and publication."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.exhibition.domain import assignments, releases, runs
from fairmatch.exhibition.domain.allocation import confirmed_exhibitors
from fairmatch.exhibition.interfaces.allocation_forms import (
    AssignForm,
    CompareRunsForm,
    PublishForm,
    RunForm,
    SwapForm,
    VersionForm,
    exhibitor_choices,
)
from fairmatch.exhibition.interfaces.allocation_text import Names, solver_status, wish_kind
from fairmatch.exhibition.interfaces.allocation_text import render as render_message
from fairmatch.exhibition.models import (
    AllocationRun,
    Booth,
    BoothAssignment,
    PlanRelease,
)


def _edition(slug: str) -> Edition:
    return get_object_or_404(Edition, slug=slug)


def _overview(edition: Edition) -> HttpResponse:
    return redirect(reverse("exhibition_allocation:overview", args=[edition.slug]))


def _plan_context(edition: Edition, answer: dict[str, Any] | None = None) -> dict[str, Any]:
    """The working plan with its edit forms (a fixed number of queries)."""
    rows = list(
        BoothAssignment.objects.filter(booth__hall__edition=edition)
        .select_related("booth__hall", "application__participation__enterprise")
        .order_by("booth__hall__position", "booth__hall__code", "booth__code")
    )
    booths = list(
        Booth.objects.filter(hall__edition=edition)
        .select_related("hall", "assignment__application__participation__enterprise")
        .order_by("hall__position", "hall__code", "code")
    )
    confirmed = confirmed_exhibitors(edition)
    placed = {row.application_id for row in rows}
    waiting = list(
        confirmed.exclude(pk__in=placed)
        .select_related("participation__enterprise")
        .order_by("participation__enterprise__name_en")
    )
    return {
        "edition": edition,
        "rows": rows,
        "booths": booths,
        "waiting": waiting,
        "exhibitor_choices": exhibitor_choices(edition),
        "answer": answer,
        "run_in_progress": runs.run_in_progress(edition),
    }


@organiser_required
def overview(request: HttpRequest, edition: str) -> HttpResponse:
    """The allocation page: runs, the working plan with its edits, publication."""
    edition_obj = _edition(edition)
    plan = _plan_context(edition_obj)
    booths = plan["booths"]
    confirmed = confirmed_exhibitors(edition_obj)
    context = plan | {
        "figures": {
            "exhibitors": confirmed.count(),
            # Confirmed ones only: the working plan may also hold exhibitors placed earlier
            # who are not confirmed (yet), and the figure reads "confirmed ... with a booth".
            "placed": confirmed.filter(assignment__isnull=False).count(),
            "locked": sum(row.locked for row in plan["rows"]),
            "booths": sum(not booth.is_blocked for booth in booths),
        },
        "runs": AllocationRun.objects.filter(edition=edition_obj)[:10],
        "releases": PlanRelease.objects.filter(edition=edition_obj).select_related("published_by"),
        "pending": releases.pending_changes(edition_obj),
        "run_form": RunForm(prefix="run"),
        "publish_form": PublishForm(prefix="publish"),
    }
    with timezone.override(edition_obj.timezone):
        return render(request, "exhibition/allocation.html", context)


@organiser_required
@require_POST
def start_run(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = RunForm(request.POST, prefix="run")
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return _overview(edition_obj)
    try:
        run = runs.start_run(
            edition=edition_obj,
            user=request.user,
            time_limit=form.cleaned_data["time_limit"],
            weights=form.weights(),
        )
    except runs.RunError as error:
        messages.error(request, str(error))
        return _overview(edition_obj)
    return redirect("exhibition_allocation:run", edition_obj.slug, run.pk)


def _exhibitor_results(run: AllocationRun, names: Names) -> list[dict[str, Any]]:
    """Per exhibitor of the run: its booth (or why none) and each wish met or not, why."""
    result = run.result or {}
    assigned = result.get("assignments", {})
    unassigned = result.get("unassigned", {})
    keys = sorted(
        set(assigned) | set(unassigned) | set(result.get("wishes", {})),
        key=lambda key: names.exhibitor(key).casefold(),
    )
    return [
        {
            "name": names.exhibitor(key),
            "booth": names.booth(assigned[key]) if key in assigned else "",
            "reason": render_message(unassigned.get(key), names),
            "wishes": [
                {
                    "kind": wish_kind(item["kind"]),
                    "satisfied": item["satisfied"],
                    "text": render_message(item.get("message"), names),
                }
                for item in result.get("wishes", {}).get(key, [])
            ],
        }
        for key in keys
    ]


@organiser_required
def run_detail(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """The run's figures as they move (its partial every second while it runs); when it has
    finished, each exhibitor's booth and wishes, the conflicts, and Apply."""
    edition_obj = _edition(edition)
    run = get_object_or_404(AllocationRun, edition=edition_obj, pk=pk)
    template = "exhibition/_allocation_run_status.html" if request.htmx else None
    progress = run.progress or {}
    if run.is_active:
        objective, bound = progress.get("objective"), progress.get("bound")
        placed = progress.get("placed")
    else:
        objective, bound = run.objective, run.bound
        placed = len((run.result or {}).get("assignments", {})) if run.finished_at else None
    context: dict[str, Any] = {
        "edition": edition_obj,
        "run": run,
        "inputs": (run.result or {}).get("inputs", {}),
        "live": {
            "objective": objective,
            "bound": bound,
            "gap": runs.gap_pct(objective, bound),
            "placed": placed,
            "seconds": progress.get("seconds") if run.is_active else run.seconds,
        },
        "can_apply": runs.has_result(run) and run.applied_at is None,
        "can_cancel": run.is_active and not run.cancel_requested,
        "solver_words": solver_status(run.solver_status),
    }
    if not run.is_active and run.finished_at:
        names = Names.of(edition_obj)
        plan = runs.working_plan(edition_obj)
        context |= {
            "results": _exhibitor_results(run, names),
            "conflicts": [
                render_message(item, names) for item in (run.result or {}).get("conflicts", [])
            ],
            "notes": [render_message(item, names) for item in (run.result or {}).get("notes", [])],
            "placeable": (run.result or {}).get("placeable"),
            "figures": runs.figures(run, plan),
            "plan_figures": runs.plan_figures(edition_obj),
            "wish_rows": _wish_rows([runs.figures(run, plan)]),
        }
    with timezone.override(edition_obj.timezone):
        return render(request, template or "exhibition/allocation_run.html", context)


def _wish_rows(compared: list[runs.RunFigures]) -> list[dict[str, Any]]:
    kinds = sorted({kind for figures in compared for kind in figures.wishes_met})
    return [
        {"kind": wish_kind(kind), "cells": [figures.wishes_met.get(kind) for figures in compared]}
        for kind in kinds
    ]


@organiser_required
@require_POST
def cancel_run(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = _edition(edition)
    run = get_object_or_404(AllocationRun, edition=edition_obj, pk=pk)
    try:
        runs.cancel_run(run=run, user=request.user)
    except runs.RunError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The run is being cancelled."))
    return redirect("exhibition_allocation:run", edition_obj.slug, run.pk)


@organiser_required
@require_POST
def apply_run(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = _edition(edition)
    run = get_object_or_404(AllocationRun, edition=edition_obj, pk=pk)
    try:
        applied = runs.apply_run(run=run, user=request.user)
    except runs.RunError as error:
        messages.error(request, str(error))
        return redirect("exhibition_allocation:run", edition_obj.slug, run.pk)
    messages.success(
        request,
        _(
            "Run applied: %(placed)d exhibitors placed, %(locked)d locked booths kept, "
            "%(skipped)d left out because the plan changed since the run."
        )
        % {
            "placed": applied.placed,
            "locked": applied.kept_locked,
            "skipped": sum(applied.skipped.values()),
        },
    )
    return _overview(edition_obj)


@organiser_required
def compare_runs(request: HttpRequest, edition: str) -> HttpResponse:
    """Runs side by side and against the working plan: placed, objective, bound, gap,
    exhibitors moved, wishes met per kind."""
    edition_obj = _edition(edition)
    form = CompareRunsForm(request.GET, edition=edition_obj)
    compared = form.cleaned_data["run"] if form.is_valid() else []
    plan = runs.working_plan(edition_obj)
    figures = [runs.figures(run, plan) for run in compared]
    return render(
        request,
        "exhibition/allocation_compare.html",
        {
            "edition": edition_obj,
            "form": form,
            "columns": list(zip(compared, figures, strict=True)),
            "plan_figures": runs.plan_figures(edition_obj),
            "wish_rows": _wish_rows(figures),
        },
        status=200 if form.is_valid() else 400,
    )


def _edit(request: HttpRequest, edition: Edition, change: Callable[[], str]) -> HttpResponse:
    """Make one edit of the working plan; the answer (done, or each conflict) is shown in
    place: the plan's partial for htmx, the allocation page otherwise."""
    try:
        done = change()
    except assignments.AssignmentError as error:
        answer = {"ok": False, "lines": error.conflicts}
    else:
        answer = {"ok": True, "lines": [done]}
    if request.htmx:
        # Answered 200 either way: htmx swaps in only successful answers, and the refusal
        # is the content to show in place.
        return render(request, "exhibition/_allocation_plan.html", _plan_context(edition, answer))
    for line in answer["lines"]:
        (messages.success if answer["ok"] else messages.error)(request, line)
    return redirect(reverse("exhibition_allocation:overview", args=[edition.slug]) + "#plan")


def _invalid(request: HttpRequest, edition: Edition, form: Any) -> HttpResponse:
    lines = [str(error) for errors in form.errors.values() for error in errors]
    if request.htmx:
        return render(
            request,
            "exhibition/_allocation_plan.html",
            _plan_context(edition, {"ok": False, "lines": lines}),
        )
    form_errors_to_messages(request, form)
    return redirect(reverse("exhibition_allocation:overview", args=[edition.slug]) + "#plan")


@organiser_required
@require_POST
def assign(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = AssignForm(request.POST, edition=edition_obj)
    if not form.is_valid():
        return _invalid(request, edition_obj, form)
    application, source_version = form.cleaned_data["exhibitor"]
    booth, version = form.cleaned_data["booth"]

    def change() -> str:
        assignments.assign(
            application=application,
            booth=booth,
            version=version,
            source_version=source_version or None,
            user=request.user,
        )
        return _("%(exhibitor)s now has booth %(booth)s.") % {
            "exhibitor": application.participation.enterprise.display_name,
            "booth": assignments.booth_label(booth),
        }

    return _edit(request, edition_obj, change)


@organiser_required
@require_POST
def swap(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = SwapForm(request.POST, edition=edition_obj)
    if not form.is_valid():
        return _invalid(request, edition_obj, form)
    (first, first_version), (second, second_version) = (
        form.cleaned_data["first"],
        form.cleaned_data["second"],
    )

    def change() -> str:
        assignments.swap(
            first=first,
            first_version=first_version,
            second=second,
            second_version=second_version,
            user=request.user,
        )
        return _("Booths %(first)s and %(second)s swapped their exhibitors.") % {
            "first": assignments.booth_label(first),
            "second": assignments.booth_label(second),
        }

    return _edit(request, edition_obj, change)


@organiser_required
@require_POST
def booth_action(request: HttpRequest, edition: str, pk: int, action: str) -> HttpResponse:
    """Lock, unlock or free one booth of the working plan."""
    edition_obj = _edition(edition)
    booth = get_object_or_404(
        Booth.objects.select_related("hall"), Q(hall__edition=edition_obj), pk=pk
    )
    form = VersionForm(request.POST)
    if action not in ("lock", "unlock", "free"):
        form.add_error(None, _("Unknown change."))
    if not form.is_valid():
        return _invalid(request, edition_obj, form)
    version, label = form.version_number(), assignments.booth_label(booth)

    def change() -> str:
        if action == "free":
            assignments.unassign(booth=booth, version=version, user=request.user)
            return _("Booth %(booth)s is free.") % {"booth": label}
        assignments.set_locked(
            booth=booth, version=version, locked=action == "lock", user=request.user
        )
        if action == "lock":
            return _("Booth %(booth)s is locked: runs keep it.") % {"booth": label}
        return _("Booth %(booth)s is unlocked.") % {"booth": label}

    return _edit(request, edition_obj, change)


@organiser_required
@require_POST
def publish(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition(edition)
    form = PublishForm(request.POST, prefix="publish")
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return _overview(edition_obj)
    try:
        release = releases.publish(
            edition=edition_obj, user=request.user, note=form.cleaned_data["note"]
        )
    except releases.PublishError as error:
        messages.error(request, str(error))
    else:
        taken = release.entries.filter(participation__isnull=False).count()
        messages.success(
            request,
            ngettext(
                "Floor plan version %(number)d published with %(count)d booth; the exhibitors "
                "whose booth changed are told.",
                "Floor plan version %(number)d published with %(count)d booths; the exhibitors "
                "whose booth changed are told.",
                taken,
            )
            % {"number": release.number, "count": taken},
        )
    return redirect(reverse("exhibition_allocation:overview", args=[edition_obj.slug]) + "#publish")
