"""The published floor plan: what the latest plan release froze, for everyone.

Never the working plan: booths, their geometry and exhibitors come from the release's
entries. A booth of an exhibitor links to its panel on the page (name in both forms,
country, fields, products); the panel links on to the exhibitor directory, searched for
the exhibitor's name.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Enterprise
from fairmatch.exhibition.interfaces.floorplan import (
    STATES,
    BoothState,
    latest_release,
    published_halls,
    render_svg,
)
from fairmatch.exhibition.interfaces.plan_pdf import plan_pdf_response


def exhibitor_url(edition: Edition, enterprise: Enterprise) -> str:
    """The exhibitor directory searched for the enterprise's name (the directory lists
    exhibitors with their products and contacts; it has no page per exhibitor)."""
    directory = reverse("exhibitors:directory", args=[edition.slug])
    return f"{directory}?{urlencode({'q': enterprise.name_original})}"


def plan(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    release = latest_release(edition_obj.pk)
    halls = published_halls(release)
    shown = [hall for hall in halls if hall.booths]
    panels = []
    for hall in shown:
        hall.svg = render_svg(hall, mode="public")  # type: ignore[attr-defined]
        for booth in hall.booths:
            participation = booth.participation
            if participation is None:
                continue
            enterprise = participation.enterprise
            application = getattr(participation, "exhibitor_application", None)
            panels.append(
                {
                    "key": booth.key,
                    "hall": hall,
                    "booth": booth,
                    "enterprise": enterprise,
                    "fields": list(enterprise.fields.all()),
                    "products": application.products if application else "",
                    "url": exhibitor_url(edition_obj, enterprise),
                }
            )
    legend = [
        {"state": state.value, "label": str(STATES[state][0]), "fill": STATES[state][1]}
        for state in (BoothState.FREE, BoothState.TAKEN, BoothState.BLOCKED)
    ]
    return render(
        request,
        "exhibition/plan_public.html",
        {
            "edition": edition_obj,
            "release": release,
            "halls": shown,
            "panels": panels,
            "legend": legend,
        },
    )


def plan_pdf(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    release = latest_release(edition_obj.pk)
    if release is None:
        raise Http404
    halls = [h for h in published_halls(release) if h.booths]
    return plan_pdf_response(
        halls,
        title=_("%(edition)s · floor plan") % {"edition": edition_obj.name},
        filename=f"floor-plan-{edition_obj.slug}.pdf",
        language=get_language(),
    )
