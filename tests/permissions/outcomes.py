"""What an answer means for access, and how the table writes down the expected one.

An expectation is a dict from *who* to an outcome. *Who* is a role (``buyer``), a group
(``staff``: organiser and superuser; ``members``: buyer, provider and exhibitor;
``negotiators``: buyer and provider) or ``*``, optionally with ``@variant`` (``own``,
``other_enterprise``, ``other_edition`` or a variant of the entry's own). The most specific
key wins: role@variant, group@variant, *@variant, role, group, *.
"""

from urllib.parse import urlsplit

from django.http import HttpResponse
from django.urls import reverse

from tests.permissions.world import (
    BUYER,
    EXHIBITOR,
    ORGANISER,
    PROVIDER,
    ROLES,
    SUPERUSER,
)

OK = "OK"  # 2xx, or a redirect elsewhere than to a login or re-authentication page
LOGIN = "LOGIN"  # redirect to the site's (or the admin's) login page
REAUTH = "REAUTH"  # redirect to confirm the password or second factor again (allauth)
BAD_REQUEST = "BAD_REQUEST"  # 400
UNAUTHORIZED = "UNAUTHORIZED"  # 401 (an API's answer to a request without credentials)
FORBIDDEN = "FORBIDDEN"  # 403
NOT_FOUND = "NOT_FOUND"  # 404
NOT_ALLOWED = "NOT_ALLOWED"  # 405
CONFLICT = "CONFLICT"  # 409
UNPROCESSABLE = "UNPROCESSABLE"  # 422 (an API's answer to a body it cannot read)

Expect = dict[str, str]

GROUPS = {
    "staff": (ORGANISER, SUPERUSER),
    "members": (BUYER, PROVIDER, EXHIBITOR),
    "negotiators": (BUYER, PROVIDER),
}
_GROUP_OF = {role: [g for g, roles in GROUPS.items() if role in roles] for role in ROLES}
_BY_STATUS = {
    400: BAD_REQUEST,
    401: UNAUTHORIZED,
    403: FORBIDDEN,
    404: NOT_FOUND,
    405: NOT_ALLOWED,
    409: CONFLICT,
    422: UNPROCESSABLE,
}


def expected(expect: Expect, role: str, variant: str) -> str | None:
    """The outcome the table gives for the role and variant, None if it gives none."""
    groups = _GROUP_OF[role]
    keys = [f"{role}@{variant}", *(f"{g}@{variant}" for g in groups), f"*@{variant}"]
    keys += [role, *groups, "*"]
    return next((expect[key] for key in keys if key in expect), None)


def check_keys(expect: Expect, variants: tuple[str, ...]) -> list[str]:
    """Keys that name no role, group or variant of the entry (a typo would go unnoticed)."""
    known = {*ROLES, *GROUPS, "*"}
    wrong = []
    for key in expect:
        who, _at, variant = key.partition("@")
        if who not in known or (variant and variant not in variants):
            wrong.append(key)
    return wrong


def _login_paths() -> set[str]:
    return {reverse("account_login"), reverse("admin:login")}


def _reauthentication_paths() -> set[str]:
    return {reverse("account_reauthenticate"), reverse("mfa_reauthenticate")}


def outcome_of(response: HttpResponse) -> str:
    """The outcome a response stands for; an unexpected status reads ``HTTP <code>``."""
    status = response.status_code
    if 300 <= status < 400:
        path = urlsplit(response["Location"]).path
        if path in _login_paths():
            return LOGIN
        if path in _reauthentication_paths():
            return REAUTH
        return OK
    if 200 <= status < 300:
        return OK
    return _BY_STATUS.get(status, f"HTTP {status}")
