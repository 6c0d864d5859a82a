"""The permission matrix: every URL pattern, asked as every role, about objects of one's
own, of another enterprise and of another edition, against one table of expected answers.

The roles: anonymous, organiser (staff with a second factor), buyer, provider, exhibitor,
a user whose enterprise is gone, and, in the admin only, a superuser. The world
(``tests/permissions/world.py``) is built once for the module: two editions, the roles'
enterprises with meetings, requests, a published agenda and calendar feeds, another
enterprise pair with its own, and the previous edition's objects.

The table is ``tests/permissions/table.py``: one ``Entry`` per pattern name
(``namespace:name``, or the route for an unnamed pattern), e.g.::

    "rules:edit": Entry(
        ORGANISER_OBJECT,                                     # GET
        post={**ORGANISER_OBJECT, "staff@own": BAD_REQUEST},  # POST, empty body
        fill=edition_object("rule"),                          # <edition>, <pk> per variant
    ),

An expectation maps *who* (a role; a group: ``staff``, ``members``, ``negotiators``; or
``*``; each optionally ``@variant``) to an outcome: ``OK`` (2xx, or a redirect elsewhere
than to log in), ``LOGIN``, ``REAUTH``, ``BAD_REQUEST``, ``UNAUTHORIZED``, ``FORBIDDEN``,
``NOT_FOUND``, ``NOT_ALLOWED``, ``CONFLICT``, ``UNPROCESSABLE``. The most specific key wins
(role@variant, group@variant, *@variant, role, group, *). Shared rules (``ORGANISER``,
``ORGANISER_OBJECT``, ``MEMBER``, ``PARTICIPANT``, ``ACCOUNT``...) open the table; the
admin is one rule with exceptions by name.

How to add a URL, an API endpoint included (it is a URL pattern too): add one line to
``TABLE`` with the rule its view applies and the ``fill`` of its parameters (``EDITION``,
``PARTICIPATION``, ``edition_object("run")``... from ``tests/permissions/fills.py``; a new
kind of object gets its objects in ``world.py`` and a fill). Give ``post=`` to every view
that changes something, and an API's other methods in ``more={"DELETE": ...}`` (sent with
a JSON body). A pattern without an entry fails ``test_every_url_pattern_has_an_entry``
("add <route> to the permission table"); an entry whose pattern is gone, or a key that
names no role, group or variant, fails the next test.

For every request the matrix checks: the outcome is the table's (a server error never
is); a refused request (anything but OK) writes nothing to the database; the answer
(page, JSON, feed or PDF) shows no other enterprise's private contacts or calendar keys
(``tests/permissions/secrets.py``). Each request runs in a savepoint rolled back
afterwards, so all meet the same world. All mismatches are reported together, one line
each: role, variant, method, URL, expected, got. The other tests: every POST without a
CSRF token is refused by the CSRF check; forms whose body names another edition's or
enterprise's objects change nothing (``tests/permissions/bodies.py``).
"""

import logging
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from tests.permissions import bodies
from tests.permissions.outcomes import FORBIDDEN, OK, check_keys, expected, outcome_of
from tests.permissions.secrets import leaks
from tests.permissions.table import TABLE, entry_for
from tests.permissions.walk import Asker, all_routes
from tests.permissions.world import BUYER, EXHIBITOR, ORGANISER, PROVIDER, World, build_world

# POST views that may take a request without a CSRF token (an API authenticated by a
# token, not by the session cookie, would go here). None so far.
CSRF_EXEMPT: set[str] = set()

# Passwords are checked at each role's login; the default hasher is slow on purpose.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """Built once for the module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            built = build_world()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def matrix_settings(settings: Any) -> None:
    """Background tasks are queued, not run: the matrix asks who may start them. The
    password confirmed at login stays fresh for the whole walk, however long it takes."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 3600
    settings.PASSWORD_HASHERS = FAST_HASHERS


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def quiet_refusals() -> Any:
    """Thousands of 403 and 404 answers are expected here: Django's log of each (with a
    traceback) would bury the table's report. Server errors are still logged. Yields the
    CSRF middleware's refusals, as log records."""
    request_logger = logging.getLogger("django.request")
    csrf_logger = logging.getLogger("django.security.csrf")
    level = request_logger.level
    request_logger.setLevel(logging.ERROR)
    refusals = _Records()
    csrf_logger.addHandler(refusals)
    yield refusals.records
    csrf_logger.removeHandler(refusals)
    request_logger.setLevel(level)


def test_every_url_pattern_has_an_entry() -> None:
    missing = [
        f"add {route.route!r} ({route.key}) to the permission table (tests/permissions/table.py)"
        for route in all_routes()
        if entry_for(route) is None
    ]
    assert missing == []


def test_every_entry_names_a_url_pattern_and_known_roles() -> None:
    keys = {route.key for route in all_routes()}
    stale = [f"{key}: no such URL pattern" for key in TABLE if key not in keys]
    wrong = [
        f"{route.key}: unknown key {key!r}"
        for route in all_routes()
        if (entry := entry_for(route)) is not None
        for _method, expect in entry.methods()
        for key in check_keys(expect, entry.fill.variants)
    ]
    assert stale + wrong == []


def _requests(world: World) -> Any:
    """Every (role, variant, method, url, query, expected) of the table, in order."""
    for route in all_routes():
        entry = entry_for(route)
        assert entry is not None, route
        for variant in entry.fill.variants:
            for role in entry.roles:
                url = route.url(entry.fill.kwargs(world, role, variant))
                query = entry.fill.query(world, role, variant)
                for method, expect in entry.methods():
                    yield role, variant, method, url, query, expected(expect, role, variant)


@pytest.mark.django_db
@pytest.mark.usefixtures("matrix_settings", "quiet_refusals")
def test_the_permission_matrix(world: World) -> None:
    asker = Asker(world)
    problems = []
    for role, variant, method, url, query, expect in _requests(world):
        answer = asker.ask(role, method, url, query if method == "GET" else {})
        got = outcome_of(answer.response)
        line = f"{role:13} {variant:16} {method:4} {url}"
        if got != expect:
            problems.append(f"{line}  expected {expect}, got {got}{answer.error}")
        if got != OK and answer.writes:
            problems.append(f"{line}  refused ({got}) but wrote: {', '.join(answer.writes)}")
        if found := leaks(world, role, url, answer.response):
            problems.append(f"{line}  shows {', '.join(found)}")
    print(f"permission matrix: {asker.count} requests")
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.usefixtures("matrix_settings")
def test_every_post_needs_a_csrf_token(world: World, quiet_refusals: Any) -> None:
    """A POST (or another unsafe method) without the CSRF token is refused by the CSRF
    check, before the view, and writes nothing; asked as the organiser and as a provider,
    on every pattern the table asks with it."""
    asker = Asker(world, roles=(ORGANISER, PROVIDER), enforce_csrf_checks=True)
    problems = []
    for route in all_routes():
        entry = entry_for(route)
        if entry is None or route.key in CSRF_EXEMPT:
            continue
        variant = entry.fill.variants[0]
        unsafe = [method for method, _expect in entry.methods() if method != "GET"]
        for method in unsafe:
            for role in (ORGANISER, PROVIDER):
                url = route.url(entry.fill.kwargs(world, role, variant))
                quiet_refusals.clear()
                answer = asker.ask(role, method, url, {})
                got = outcome_of(answer.response)
                if got != FORBIDDEN or len(quiet_refusals) != 1 or answer.writes:
                    refused = [record.getMessage() for record in quiet_refusals]
                    problems.append(f"{role:9} {method} {url}  got {got} {refused} {answer.writes}")
    assert asker.count > 50
    assert problems == []


@pytest.mark.django_db
@pytest.mark.usefixtures("matrix_settings", "quiet_refusals")
@pytest.mark.parametrize("case", bodies.CASES, ids=lambda case: f"{case.role}-{case.name}")
def test_a_form_naming_anothers_objects_changes_nothing(world: World, case: Any) -> None:
    before = bodies.snapshot(case.guarded)
    answer = Asker(world, roles=(case.role,)).ask(
        case.role,
        "POST",
        case.url(world),
        bodies.body(case, world),
        observe=lambda: bodies.snapshot(case.guarded),
    )
    assert outcome_of(answer.response) == OK  # back to the page, with the form's error
    assert answer.observed == before, f"{case.name} changed {case.guarded}"


@pytest.mark.django_db
@pytest.mark.usefixtures("matrix_settings", "quiet_refusals")
def test_the_private_strings_looked_for_are_on_the_pages(world: World) -> None:
    """The check for private strings sees them where they belong: the buyer met B, so B's
    page shows B's contact to the buyer, and the same answer would leak it to the exhibitor."""
    page = reverse(
        "matching:counterpart", args=[world.current.slug, world.parties["B"].participation.pk]
    )
    answer = Asker(world, roles=(BUYER,)).ask(BUYER, "GET", page, {})
    assert (
        leaks(world, BUYER, page, answer.response),
        leaks(world, EXHIBITOR, page, answer.response),
    ) == ([], ["B's e-mail", "B's phone"])
