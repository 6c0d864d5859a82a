"""How the API knows who asks: a bearer token, or the site's session (with its CSRF check),
then one rate limit per token (or per user for the session)."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import Throttled
from ninja.security import APIKeyCookie, HttpBearer

from fairmatch.api.domain.access import Principal
from fairmatch.api.domain.tokens import RateLimit, authenticate, spend


def rate_limit() -> RateLimit:
    requests, _slash, seconds = settings.FAIRMATCH_API_RATE_LIMIT.partition("/")
    return RateLimit(requests=int(requests), seconds=int(seconds or 60))


def _limited(principal: Principal) -> Principal:
    wait = spend(key=principal.rate_key, limit=rate_limit())
    if wait:
        raise Throttled(wait)
    return principal


class TokenAuth(HttpBearer):
    """``Authorization: Bearer fm_<prefix>_<secret>`` (from the account page)."""

    def authenticate(self, request: HttpRequest, token: str) -> Principal | None:
        found = authenticate(token.strip())
        if found is None:
            return None
        request.user = found.user
        return _limited(Principal(user=found.user, token=found))


class SessionPrincipal(APIKeyCookie):
    """The site's own session, for the browsable docs; unsafe methods need the CSRF token."""

    param_name: str = settings.SESSION_COOKIE_NAME

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if request.user.is_authenticated:
            return _limited(Principal(user=request.user))
        return None
