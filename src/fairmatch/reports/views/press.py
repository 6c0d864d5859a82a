"""The public press page of an edition and its fact sheets: aggregates only, no names."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from fairmatch.conference.models import Edition
from fairmatch.reports.dashboard import money, press_charts
from fairmatch.reports.factsheet import render_fact_sheet
from fairmatch.reports.press import press_figures


def page(request: HttpRequest, edition: str) -> HttpResponse:
    """The latest frozen snapshot (what the press conference quoted); ``?live=1`` for the
    figures now. Either way, the time the figures were taken is shown."""
    edition_obj = get_object_or_404(Edition.objects.select_related("previous"), slug=edition)
    snapshots = list(edition_obj.press_snapshots.all())
    live = request.GET.get("live") == "1" or not snapshots
    figures = press_figures(edition_obj) if live else snapshots[0].figures
    language = (get_language() or "en").lower()
    names = figures.get("edition_name") or {}
    previous_names = figures.get("previous_edition_name") or {}
    return render(
        request,
        "reports/press.html",
        {
            "edition": edition_obj,
            "edition_name": names.get(language) or edition_obj.name,
            "previous_name": previous_names.get(language) or previous_names.get("en"),
            "figures": figures,
            "live": live,
            "snapshot": None if live else snapshots[0],
            "snapshots": snapshots,
            "taken_at": datetime.datetime.fromisoformat(figures["taken_at"]),
            "total": money(figures["intentions_total_usd"]),
            "growth": _signed(figures.get("growth_vs_previous_pct")),
            "previous_total": money(figures.get("previous_intentions_total_usd")),
            "charts": press_charts(edition_obj, figures),
        },
    )


def _signed(value: float | None) -> str | None:
    return None if value is None else f"{value:+.1f}"


def fact_sheet(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    snapshot = get_object_or_404(edition_obj.press_snapshots, pk=pk)
    response = HttpResponse(render_fact_sheet(snapshot), content_type="application/pdf")
    stamp = snapshot.taken_at.strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = (
        f'attachment; filename="{edition_obj.slug}-fact-sheet-{stamp}.pdf"'
    )
    return response
