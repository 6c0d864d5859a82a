from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, object]:
    """What every page's navigation needs: the user's role."""
    user = getattr(request, "user", None)
    is_organiser = bool(user and user.is_authenticated and user.is_organiser)
    return {"is_organiser": is_organiser}
