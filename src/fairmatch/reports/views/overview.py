"""The organiser's overview of an edition: the figures, for everyone and for foreign guests."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from fairmatch.conference.models import Edition
from fairmatch.core.views import organiser_required
from fairmatch.onsite.domain.counts import checkin_counts
from fairmatch.reports.figures import Segment, edition_figures


@organiser_required
def overview(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition.objects.select_related("previous"), slug=edition)
    return render(
        request,
        "reports/overview.html",
        {
            "edition": edition_obj,
            "figures": edition_figures(edition_obj, segment=Segment.ALL),
            "foreign": edition_figures(edition_obj, segment=Segment.FOREIGN),
            "checkin": checkin_counts(edition_obj),
        },
    )
