from django.http import HttpRequest

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation, State

# An enterprise's own exhibition page is linked once its application is handed in.
EXHIBITING_STATES = (State.SUBMITTED, State.QUALIFIED, State.WAITING_CONFIRMATION, State.CONFIRMED)
NEGOTIATING_STATES = (State.QUALIFIED, State.CONFIRMED)


def navigation(request: HttpRequest) -> dict[str, object]:
    """What every page's navigation needs: the user's role, the organiser's editions, and
    the editions whose negotiations (or exhibition) an enterprise takes part in."""
    user = getattr(request, "user", None)
    is_organiser = bool(user and user.is_authenticated and user.is_organiser)
    editions: list[Edition] = []
    negotiating: list[Edition] = []
    exhibiting: list[Edition] = []
    if is_organiser:
        editions = list(
            Edition.objects.exclude(status=Edition.Status.FINISHED).order_by("-start_date")[:3]
        )
    elif user is not None and user.is_authenticated and user.enterprise_id:
        # One query for both lists: an enterprise has one participation per edition.
        participations = list(
            Participation.objects.filter(
                enterprise_id=user.enterprise_id, state__in=EXHIBITING_STATES
            )
            .exclude(edition__status=Edition.Status.FINISHED)
            .select_related("edition")
            .order_by("-edition__start_date", "-edition_id")
        )
        negotiating = [
            p.edition for p in participations if p.is_negotiator and p.state in NEGOTIATING_STATES
        ][:2]
        exhibiting = [p.edition for p in participations if p.is_exhibitor][:2]
    return {
        "is_organiser": is_organiser,
        "nav_editions": editions,
        "nav_negotiating": negotiating,
        "nav_exhibiting": exhibiting,
    }
