from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from fairmatch.conference.models import Edition


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
