from collections.abc import Callable

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation, State

# An enterprise's own exhibition page is linked once its application is handed in.
EXHIBITING_STATES = (State.SUBMITTED, State.QUALIFIED, State.WAITING_CONFIRMATION, State.CONFIRMED)
NEGOTIATING_STATES = (State.QUALIFIED, State.CONFIRMED)

# Where a request keeps its navigation once read: every template rendered for the request
# (a page and its partials) shares one query.
REQUEST_ATTRIBUTE = "_fairmatch_navigation"


def _organiser_editions() -> dict[str, list[Edition]]:
    editions = Edition.objects.exclude(status=Edition.Status.FINISHED).order_by("-start_date")
    return {"organiser": list(editions[:3])}


def _enterprise_editions(enterprise_id: int) -> dict[str, list[Edition]]:
    """One query for both lists: an enterprise has one participation per edition."""
    participations = list(
        Participation.objects.filter(enterprise_id=enterprise_id, state__in=EXHIBITING_STATES)
        .exclude(edition__status=Edition.Status.FINISHED)
        .select_related("edition")
        .order_by("-edition__start_date", "-edition_id")
    )
    return {
        "negotiating": [
            p.edition for p in participations if p.is_negotiator and p.state in NEGOTIATING_STATES
        ][:2],
        "exhibiting": [p.edition for p in participations if p.is_exhibitor][:2],
    }


def _remembered(
    request: HttpRequest, key: str, read: Callable[[], dict[str, list[Edition]]]
) -> list[Edition]:
    cache = request.__dict__.setdefault(REQUEST_ATTRIBUTE, {})
    if key not in cache:
        cache.update(read())
    return cache[key]


def navigation(request: HttpRequest) -> dict[str, object]:
    """What every page's navigation needs: the user's role, the organiser's editions, and
    the editions whose negotiations (or exhibition) an enterprise takes part in.

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

        def read() -> dict[str, list[Edition]]:
            return _enterprise_editions(enterprise_id)

        negotiating = SimpleLazyObject(lambda: _remembered(request, "negotiating", read))
        exhibiting = SimpleLazyObject(lambda: _remembered(request, "exhibiting", read))
    return {
        "is_organiser": is_organiser,
        "nav_editions": editions,
        "nav_negotiating": negotiating,
        "nav_exhibiting": exhibiting,
    }
