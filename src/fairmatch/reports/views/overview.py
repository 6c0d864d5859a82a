"""The organiser's overview of an edition: the figures, for everyone and for foreign guests,
the charts, the outcomes, and the press snapshots."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import organiser_required
from fairmatch.onsite.domain.counts import checkin_counts
from fairmatch.reports.dashboard import dashboard_charts, money
from fairmatch.reports.exhibitors import exhibitor_figures
from fairmatch.reports.figures import Segment, edition_figures, outcome_figures
from fairmatch.reports.press import freeze_snapshot


@organiser_required
def overview(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition.objects.select_related("previous"), slug=edition)
    figures = edition_figures(edition_obj, segment=Segment.ALL)
    outcomes = outcome_figures(edition_obj)
    return render(
        request,
        "reports/overview.html",
        {
            "edition": edition_obj,
            "figures": figures,
            "foreign": edition_figures(edition_obj, segment=Segment.FOREIGN),
            "checkin": checkin_counts(edition_obj),
            "outcomes": outcomes,
            "charts": dashboard_charts(edition_obj, figures, outcomes),
            "total": money(outcomes.totals.total_usd),
            "previous_total": money(outcomes.previous_total_usd),
            "snapshots": edition_obj.press_snapshots.all()[:20],
            "exhibition": exhibitor_figures(edition_obj),
        },
    )


@organiser_required
@require_POST
def freeze(request: HttpRequest, edition: str) -> HttpResponse:
    """Freeze the press figures now (before a press conference)."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    freeze_snapshot(edition=edition_obj, user=request.user, title=request.POST.get("title", ""))
    messages.success(request, _("Press figures frozen; the press page now quotes them."))
    return redirect("reports:overview", edition_obj.slug)
