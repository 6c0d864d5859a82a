"""API tokens: issued once, kept as a sha256 digest, checked on every API request.

A token reads ``fm_<prefix>_<secret>``. The prefix (random, public, unique) finds the row;
the sha256 digest of the whole token, compared in constant time, proves it. Revoked and
expired tokens fail like unknown ones (401).
"""

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.api.models import ApiToken, TokenScope
from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action

TOKEN_PREFIX = "fm"
# last_used_at is written at most once a minute per token (reads stay read-only).
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


class TokenError(Exception):
    """The token cannot be issued as asked (wrong scope for the user, past expiry)."""


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    plain: str  # shown once, never stored


def _digest(plain: str) -> str:
    return hashlib.sha256(plain.encode()).hexdigest()


def issue_token(
    *,
    user: Any,
    name: str,
    scope: str = TokenScope.READ,
    edition: Edition | None = None,
    expires_at: datetime.datetime | None = None,
) -> IssuedToken:
    """A new token for ``user``; organisers name the edition it acts in, others none."""
    if scope not in TokenScope.values:
        raise TokenError(_("Unknown scope."))
    if user.is_organiser and edition is None:
        raise TokenError(_("An organiser's token acts in one edition: choose it."))
    if not user.is_organiser:
        if user.enterprise_id is None:
            raise TokenError(_("Only organisers and enterprise members may create API tokens."))
        edition = None
    if expires_at is not None and expires_at <= timezone.now():
        raise TokenError(_("The expiry must be in the future."))
    prefix = secrets.token_hex(6)
    plain = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user,
        edition=edition,
        name=name.strip()[:100] or _("API token"),
        prefix=prefix,
        digest=_digest(plain),
        scope=scope,
        expires_at=expires_at,
    )
    if user.is_organiser:
        record_action(actor=user, action="api_token.create", target=token, data={"scope": scope})
    return IssuedToken(token=token, plain=plain)


def revoke_token(*, token: ApiToken, user: Any) -> None:
    """The owner revokes the token: from now on it is refused (401)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        if user.is_organiser:
            record_action(actor=user, action="api_token.revoke", target=token)


def authenticate(plain: str, *, now: datetime.datetime | None = None) -> ApiToken | None:
    """The live token ``plain`` stands for, with its user and edition; None otherwise."""
    parts = plain.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    token = (
        ApiToken.objects.select_related("user", "edition", "user__enterprise")
        .filter(prefix=parts[1])
        .first()
    )
    if token is None or not hmac.compare_digest(token.digest, _digest(plain)):
        return None
    now = now or timezone.now()
    if token.revoked_at is not None or (token.expires_at and token.expires_at <= now):
        return None
    if not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


@dataclass(frozen=True)
class RateLimit:
    requests: int
    seconds: int


def spend(*, key: str, limit: RateLimit, now: float | None = None) -> int:
    """Count one request against ``key``'s window in the cache; the seconds to wait when
    the limit is spent, else 0. A fixed window, as allauth's login limits use the cache."""
    now = now if now is not None else timezone.now().timestamp()
    window = int(now // limit.seconds)
    cache_key = f"api-rate:{key}:{window}"
    cache.add(cache_key, 0, timeout=limit.seconds + 1)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=limit.seconds + 1)
        used = 1
    if used > limit.requests:
        return max(1, int((window + 1) * limit.seconds - now) + 1)
    return 0
