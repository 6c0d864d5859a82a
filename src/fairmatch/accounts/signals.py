"""Keep the session's note of whether its user has a second factor up to date."""

from typing import Any

from allauth.account.signals import user_logged_in as account_logged_in
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

from fairmatch.accounts.domain.language import is_interface_language, remember_language_in
from fairmatch.accounts.domain.two_factor import SECOND_FACTOR_TYPES, has_second_factor
from fairmatch.accounts.middleware import SESSION_KEY
from fairmatch.accounts.models import User


@receiver(user_logged_in, dispatch_uid="fairmatch-note-second-factor-at-login")
def note_second_factor_at_login(sender: Any, request: HttpRequest, user: User, **kwargs: Any):  # type: ignore[no-untyped-def]
    if request is not None and hasattr(request, "session") and (user.is_organiser or user.is_staff):
        request.session[SESSION_KEY] = has_second_factor(user)


@receiver(authenticator_added, dispatch_uid="fairmatch-note-second-factor-added")
def note_second_factor_added(  # type: ignore[no-untyped-def]
    sender: Any, request: HttpRequest, user: User, authenticator: Authenticator, **kwargs: Any
):
    if authenticator.type in SECOND_FACTOR_TYPES:
        request.session[SESSION_KEY] = True


@receiver(authenticator_removed, dispatch_uid="fairmatch-note-second-factor-removed")
def forget_second_factor(sender: Any, request: HttpRequest, **kwargs: Any):  # type: ignore[no-untyped-def]
    request.session.pop(SESSION_KEY, None)


@receiver(account_logged_in, dispatch_uid="fairmatch-preferred-language-at-login")
def apply_preferred_language(  # type: ignore[no-untyped-def]
    sender: Any, request: HttpRequest, response: HttpResponse | None, user: User, **kwargs: Any
):
    """After a login the site speaks the member's preferred language, on any device: the
    answer to the login sets the language cookie, as the language switch does."""
    if response is not None and is_interface_language(user.language):
        remember_language_in(response, user.language)
