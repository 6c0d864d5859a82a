"""Fairmatch's hooks into allauth: where people land after signing up or logging in, and
that an organiser who must use a second factor cannot remove the last one."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from fairmatch.accounts.domain.two_factor import SECOND_FACTOR_TYPES, needs_second_factor


@dataclass(frozen=True)
class SiteName:
    """What allauth's mails call the site ("Hello from Fairmatch!"), not the request's host."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's mails, naming the site from FAIRMATCH_SITE_URL (so they need no request:
        some are sent once the transaction commits)."""
        site = SiteName(name="Fairmatch", domain=urlsplit(settings.SITE_URL).netloc)
        full_context = {
            "request": allauth_context.request,
            "email": email,
            "current_site": site,
            **context,
        }
        self.render_mail(template_prefix, email, full_context).send()

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        """After sign-up the person is logged in only once the address is verified; the
        welcome page then asks about similar enterprises or leads to the profile."""
        return reverse("accounts:welcome")

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        user = request.user
        enterprise = getattr(user, "enterprise", None)
        if enterprise is not None and enterprise.duplicate_question_open:
            return reverse("accounts:welcome")
        return super().get_login_redirect_url(request)


class TwoFactorAdapter(DefaultMFAAdapter):
    def build_totp_svg(self, url: str) -> str:
        """The QR code as an SVG element for the page itself (no XML declaration)."""
        svg = super().build_totp_svg(url)
        return svg[svg.index("<svg") :]

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """An account that must use a second factor keeps at least one."""
        user = authenticator.user
        if authenticator.type not in SECOND_FACTOR_TYPES or not needs_second_factor(user):
            return True
        others = Authenticator.objects.filter(user=user, type__in=SECOND_FACTOR_TYPES)
        return others.exclude(pk=authenticator.pk).exists()
