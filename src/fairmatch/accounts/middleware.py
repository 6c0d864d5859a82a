"""Organisers and staff set up a second factor before they use the site.

With ``FAIRMATCH_ORGANISER_MFA = "required"`` an organiser (or staff member) who has no TOTP
authenticator or security key is sent to the TOTP set-up page from every page but the
account pages (log out, password, e-mail, two-factor set-up) until one is set up.

Whether the account has a second factor is remembered in the session (set at login and when
an authenticator is added, see ``signals``), so pages cost no extra query once it has one.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from fairmatch.accounts.domain.two_factor import has_second_factor, needs_second_factor

SESSION_KEY = "fairmatch.has_second_factor"

# The pages an organiser without a second factor can still reach: allauth's account and
# two-factor pages (named account_* and mfa_*), the language switch and the admin's logout.
ALWAYS_REACHABLE_PREFIXES = ("account_", "mfa_")
ALWAYS_REACHABLE_VIEWS = {"set_language", "admin:logout"}


def _always_reachable(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None:
        return True
    return match.view_name.startswith(ALWAYS_REACHABLE_PREFIXES) or (
        match.view_name in ALWAYS_REACHABLE_VIEWS
    )


class OrganiserTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not needs_second_factor(user):
            return None
        if request.session.get(SESSION_KEY) or _always_reachable(request):
            return None
        if has_second_factor(user):
            request.session[SESSION_KEY] = True
            return None
        _warn_once(
            request,
            _(
                "Organiser accounts need two-factor authentication. Set up an authenticator "
                "app to continue."
            ),
        )
        return redirect("mfa_activate_totp")


def _warn_once(request: HttpRequest, text: str) -> None:
    """Add the warning unless it already waits to be shown (several pages may be refused
    before the set-up page is shown)."""
    waiting = messages.get_messages(request)
    already = any(message.message == text for message in waiting)
    waiting.used = False  # looking at the messages must not consume them
    if not already:
        messages.warning(request, text)
