"""Walking the URL patterns and asking each one, as each role, without changing the world.

Every request runs inside a savepoint that is rolled back afterwards, and each role's
client gets its logged-in cookies back, so every request meets the same world and the
same fresh session whatever came before (a logout or an allowed change included).
"""

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from fairmatch.accounts.models import User
from tests.factories import totp_code
from tests.permissions.world import PASSWORD, ROLES, World

# <int:pk>, <slug:edition>, <id> in path() routes; (?P<key>...) in re_path() ones.
_PATH_PARAMETER = re.compile(r"<(?:[^>:]+:)?(?P<name>\w+)>")
_REGEX_PARAMETER = re.compile(r"\(\?P<(?P<name>\w+)>(?:[^()]|\([^()]*\))*\)")


@dataclass(frozen=True)
class Route:
    """One URL pattern: its full route and its name with namespaces (``review:detail``)."""

    route: str
    name: str | None

    @property
    def key(self) -> str:
        """How the permission table names it: the name, or the route if it has none."""
        return self.name or self.route

    def parameters(self) -> list[str]:
        names = [m["name"] for m in _REGEX_PARAMETER.finditer(self.route)]
        rest = _REGEX_PARAMETER.sub("", self.route)
        return names + [m["name"] for m in _PATH_PARAMETER.finditer(rest)]

    def url(self, kwargs: dict[str, Any]) -> str:
        """The path with the parameters filled in; it must resolve back to this pattern."""
        missing = set(self.parameters()) - set(kwargs)
        if missing:
            raise KeyError(f"{self.key}: no value for {sorted(missing)}")
        path = _REGEX_PARAMETER.sub(lambda m: str(kwargs[m["name"]]), self.route)
        path = _PATH_PARAMETER.sub(lambda m: str(kwargs[m["name"]]), path)
        path = "/" + path.replace("^", "").replace("$", "")
        route = resolve(path).route
        if _unanchored(route) != _unanchored(self.route):
            raise ValueError(f"{path} resolves to {route}, not {self.route}")
        return path


def _unanchored(route: str) -> str:
    return route.replace("^", "").replace("$", "")


def all_routes() -> list[Route]:
    """Every URL pattern of the site, through every include (allauth, admin, i18n...)."""

    def walk(patterns: list[Any], prefix: str, namespace: str) -> Iterator[Route]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                name = pattern.name
                if name and namespace:
                    name = f"{namespace}:{name}"
                yield Route(route=prefix + str(pattern.pattern), name=name)

    return list(walk(get_resolver().url_patterns, "", ""))


@dataclass(frozen=True)
class Answer:
    response: HttpResponse
    writes: list[str]  # INSERT, UPDATE and DELETE statements, the session table's aside
    observed: Any = None  # what ``observe`` saw after the request, before the rollback

    @property
    def error(self) -> str:
        info = getattr(self.response, "exc_info", None)
        return f" ({info[0].__name__}: {info[1]})" if info else ""


class Asker:
    """One logged-in client per role (anonymous has none logged in)."""

    def __init__(
        self, world: World, *, roles: Iterable[str] = ROLES, enforce_csrf_checks: bool = False
    ) -> None:
        self.clients: dict[str, Client] = {}
        self.cookies: dict[str, dict[str, str]] = {}
        self.count = 0
        for role in roles:
            user = world.users[role]
            client = Client(raise_request_exception=False)
            if user is not None:
                _log_in(client, user)
            client.handler.enforce_csrf_checks = enforce_csrf_checks
            self.clients[role] = client
            self.cookies[role] = {key: morsel.value for key, morsel in client.cookies.items()}

    def ask(
        self,
        role: str,
        method: str,
        url: str,
        data: dict[str, Any],
        *,
        observe: Callable[[], Any] | None = None,
    ) -> Answer:
        """The answer to one request, whose changes are then rolled back."""
        client = self.clients[role]
        cache.clear()  # rate-limit counters: no request inherits another's
        connection = connections[DEFAULT_DB_ALIAS]
        with transaction.atomic():
            with CaptureQueriesContext(connection) as queries:
                response = _send(client, method, url, data)
            observed = observe() if observe else None
            transaction.set_rollback(True)
        self.count += 1
        client.cookies = SimpleCookie()
        for key, value in self.cookies[role].items():
            client.cookies[key] = value
        writes = _writes(queries.captured_queries)
        return Answer(response=response, writes=writes, observed=observed)


def _send(client: Client, method: str, url: str, data: dict[str, Any]) -> HttpResponse:
    """GET with a query string, POST as a form; other methods (an API's) with a JSON body."""
    if method == "GET":
        return client.get(url, data)
    if method == "POST":
        return client.post(url, data)
    return client.generic(method, url, json.dumps(data), content_type="application/json")


def _log_in(client: Client, user: User) -> None:
    """Through the login page (and, for organisers, the authenticator's code), then the
    password confirmed again: allauth's pages behind re-authentication (security keys,
    recovery codes) answer for themselves instead of asking for the password."""
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    if user.is_organiser:
        client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk), f"{user} could not log in"


_WRITE = re.compile(r"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)


def _writes(queries: list[dict[str, str]]) -> list[str]:
    writes = []
    for query in queries:
        match = _WRITE.match(query["sql"])
        if match and match[2].lower() != "django_session":
            writes.append(f"{match[1].split()[0].upper()} {match[2]}")
    return writes
