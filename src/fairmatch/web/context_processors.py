from django.http import HttpRequest

from fairmatch.conference.models import Edition


def navigation(request: HttpRequest) -> dict[str, object]:
    """What every page's navigation needs: the user's role, the organiser's editions, and
    the editions whose negotiations an enterprise takes part in."""
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
        negotiating = list(
            Edition.objects.filter(
                participations__enterprise_id=user.enterprise_id,
                participations__state__in=["qualified", "confirmed"],
                participations__is_negotiator=True,
            )
            .exclude(status=Edition.Status.FINISHED)
            .order_by("-start_date")[:2]
        )
        exhibiting = list(
            Edition.objects.filter(
                participations__enterprise_id=user.enterprise_id,
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
    return {
        "is_organiser": is_organiser,
        "nav_editions": editions,
        "nav_negotiating": negotiating,
        "nav_exhibiting": exhibiting,
    }
