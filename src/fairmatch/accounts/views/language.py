"""The language switch in every page's header."""

from django.http import HttpRequest, HttpResponse
from django.views.i18n import set_language as django_set_language

from fairmatch.accounts.domain.language import set_preferred_language


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's switch (cookie, redirect to ``next``); a logged-in member's choice is also kept
    as the preferred language, so it follows the member to other devices, mail and calendars."""
    response = django_set_language(request)
    language = request.POST.get("language", "") if request.method == "POST" else ""
    if language and request.user.is_authenticated:
        set_preferred_language(user=request.user, language=language)
    return response
