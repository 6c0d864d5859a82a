from django.http import HttpRequest

from fairmatch.conference.models import Edition


def navigation(request: HttpRequest) -> dict[str, object]:
    """What every page's navigation needs: the user's role and, for organisers, the editions."""
    user = getattr(request, "user", None)
    is_organiser = bool(user and user.is_authenticated and user.is_organiser)
    editions = (
        Edition.objects.exclude(status=Edition.Status.FINISHED).order_by("-start_date")[:3]
        if is_organiser
        else []
    )
    return {"is_organiser": is_organiser, "nav_editions": editions}
