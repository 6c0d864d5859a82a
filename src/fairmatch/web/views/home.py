from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation
from fairmatch.matching.interfaces.reasons import render_recommendations
from fairmatch.web.domain.home import (
    delegate_home,
    home_participation,
    organiser_edition,
    record_visit,
)


def home(request: HttpRequest) -> HttpResponse:
    """Open editions for everyone; the user's own applications when logged in as an enterprise."""
    editions = Edition.objects.exclude(status=Edition.Status.DRAFT).order_by("-start_date")
    participations = []
    enterprise = getattr(request.user, "enterprise", None)
    if enterprise is not None:
        participations = list(enterprise.participations.select_related("edition"))
    return render(
        request,
        "fairmatch/home.html",
        {"editions": editions, "participations": participations},
    )


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """Where a person lands after logging in: an organiser on the edition's overview, a
    delegate on its home page of the edition it takes part in, anyone else on the site's home."""
    if request.user.is_organiser:
        edition = organiser_edition()
        if edition is not None:
            return redirect("reports:overview", edition.slug)
        return redirect("web:home")
    participation = home_participation(user=request.user)
    if participation is not None:
        return redirect("web:delegate_home", participation.edition.slug)
    return redirect("web:home")


@login_required
def delegate(request: HttpRequest, edition: str) -> HttpResponse:
    """A delegate's home page of one edition; opening it counts as a visit."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = (
        Participation.objects.select_related("enterprise", "edition")
        .filter(edition=edition_obj, enterprise_id=request.user.enterprise_id)
        .first()
    )
    if participation is None or request.user.enterprise_id is None:
        raise PermissionDenied
    since = record_visit(user=request.user, edition=edition_obj)
    page = delegate_home(participation=participation, since=since)
    return render(
        request,
        "fairmatch/delegate_home.html",
        {
            "edition": edition_obj,
            "page": page,
            "participation": participation,
            "recommended": render_recommendations(
                reader=participation, recommendations=page.recommendations
            ),
        },
    )
