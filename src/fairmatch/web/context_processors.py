from collections.abc import Callable

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from fairmatch.conference.models import Edition

# Where a request keeps its navigation once read: every template rendered for the request
# (a page and its partials) shares one query.
REQUEST_ATTRIBUTE = "_fairmatch_navigation"


def _organiser_editions() -> list[Edition]:
    return list(Edition.objects.exclude(status=Edition.Status.FINISHED).order_by("-start_date")[:3])


def _negotiating(enterprise_id: int) -> list[Edition]:
    return list(
        Edition.objects.filter(
            participations__enterprise_id=enterprise_id,
            participations__state__in=["qualified", "confirmed"],
            participations__is_negotiator=True,
        )
        .exclude(status=Edition.Status.FINISHED)
        .order_by("-start_date")[:2]
    )


def _exhibiting(enterprise_id: int) -> list[Edition]:
    return list(
        Edition.objects.filter(
            participations__enterprise_id=enterprise_id,
            participations__is_exhibitor=True,
            participations__state__in=[
                "submitted",
                "qualified",
                "waiting_confirmation",
                "confirmed",
            ],
        )
        .exclude(status=Edition.Status.FINISHED)
        .order_by("-start_date")[:2]
    )


def _remembered(request: HttpRequest, key: str, read: Callable[[], list[Edition]]) -> list[Edition]:
    cache = request.__dict__.setdefault(REQUEST_ATTRIBUTE, {})
    if key not in cache:
        cache[key] = read()
    return cache[key]


def navigation(request: HttpRequest) -> dict[str, object]:
    """What every page's navigation needs: the user's role, the organiser's editions, and
    the editions whose negotiations an enterprise takes part in.

    The editions are read only when a template shows them (a partial answered to htmx,
    such as a check-in scan, shows no navigation and costs no query), and once a request."""
    user = getattr(request, "user", None)
    is_organiser = bool(user and user.is_authenticated and user.is_organiser)
    editions: object = []
    negotiating: object = []
    exhibiting: object = []
    if is_organiser:
        editions = SimpleLazyObject(lambda: _remembered(request, "organiser", _organiser_editions))
    elif user is not None and user.is_authenticated and user.enterprise_id:
        enterprise_id = user.enterprise_id
        negotiating = SimpleLazyObject(
            lambda: _remembered(request, "negotiating", lambda: _negotiating(enterprise_id))
        )
        exhibiting = SimpleLazyObject(
            lambda: _remembered(request, "exhibiting", lambda: _exhibiting(enterprise_id))
        )
    return {
        "is_organiser": is_organiser,
        "nav_editions": editions,
        "nav_negotiating": negotiating,
        "nav_exhibiting": exhibiting,
    }
