"""A member's preferred language: the interface's, and the one mail and calendars use."""

from typing import Any

from django.conf import settings
from django.http import HttpResponseBase


def is_interface_language(language: str) -> bool:
    return language in dict(settings.LANGUAGES)


def set_preferred_language(*, user: Any, language: str) -> bool:
    """Remember ``language`` for ``user``; False (and nothing saved) if it is not offered."""
    if not is_interface_language(language):
        return False
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return True


def remember_language_in(response: HttpResponseBase, language: str) -> None:
    """Set the language cookie as Django's language switch does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
