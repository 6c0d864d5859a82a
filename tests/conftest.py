"""Shared fixtures: English by default, mail to memory, a real Chromium for browser tests,
and the demo conference, built once per run for the tests that read it.

A browser test fails if any of its pages breaks the Content Security Policy (``browser``).

``FAIRMATCH_REQUIRE_BROWSER=1`` turns a missing Chromium into a failure instead of a skip;
``FAIRMATCH_REQUIRE_POSTGRES=1`` fails the run unless ``DATABASE_URL`` points to PostgreSQL.
CI sets both.
"""

import io
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made by the
# test itself are still synchronous, so the async-safety guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("FAIRMATCH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _required(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes"}


def pytest_sessionstart(session: pytest.Session) -> None:
    if _required("FAIRMATCH_REQUIRE_POSTGRES"):
        from django.conf import settings

        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            raise pytest.UsageError(
                f"FAIRMATCH_REQUIRE_POSTGRES is set but the database engine is {engine}; "
                "set DATABASE_URL=postgres://..."
            )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    from django.conf import settings

    # The demo conference's rows stay in the database from its first test to the end of the
    # run: its tests go last (in their order), so no other test sees them and no
    # transactional test's flush removes them under their feet.
    items.sort(key=lambda item: DEMO_FIXTURE in getattr(item, "fixturenames", ()))
    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL row locks: run with DATABASE_URL=postgres://... (CI does)"
    )
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _english_by_default(settings: Any) -> None:
    """Tests start in English and send mail to the in-memory outbox."""
    settings.LANGUAGE_CODE = "en"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    """Rate-limit counters and used TOTP codes live in the cache: no test inherits them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


DEMO_FIXTURE = "demo_conference"
DEMO_SEED = 11


@dataclass(frozen=True)
class DemoConference:
    seed: int
    output: str  # what `fairmatch demo` printed


@pytest.fixture(scope="session")
def demo_conference(django_db_setup: Any, django_db_blocker: Any) -> Iterator[DemoConference]:
    """The reference demo conference, built by the command once per run (about a minute).

    Its data is committed, so tests read it inside their own rolled-back transaction
    (``db``) and other processes (pg_dump) see it too; it is removed at the end of the run,
    even when the build fails.
    """
    out = io.StringIO()
    with django_db_blocker.unblock():
        try:
            call_command("demo", "--no-serve", "--seed", str(DEMO_SEED), stdout=out)
            yield DemoConference(seed=DEMO_SEED, output=out.getvalue())
        finally:
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    if not os.path.exists(CHROMIUM):
        message = (
            f"Chromium not found at {CHROMIUM}: browser tests skipped "
            "(install Debian's package: apt-get install chromium)"
        )
        if _required("FAIRMATCH_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


# Runs in every page before its own scripts: hands each Content Security Policy violation
# to the test (the binding survives navigations; a variable in the page would not).
CSP_LISTENER = """
window.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber} (${event.sample})`
  );
});
"""


class PolicyWatchedBrowser:
    """The shared Chromium, whose new contexts record Content Security Policy violations.

    Violations come from the page's ``securitypolicyviolation`` events and from console
    errors that mention the policy (Chromium logs each refusal there too).
    """

    def __init__(self, chromium: Any) -> None:
        self._chromium = chromium
        self.contexts: list[Any] = []
        self.violations: list[str] = []

    def new_context(self, **kwargs: Any) -> Any:
        context = self._chromium.new_context(**kwargs)
        context.expose_binding(
            "__cspViolation", lambda source, report: self.violations.append(report)
        )
        context.add_init_script(CSP_LISTENER)
        context.on("console", self._console)
        self.contexts.append(context)
        return context

    def new_page(self, **kwargs: Any) -> Any:
        return self.new_context(**kwargs).new_page()

    def _console(self, message: Any) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.violations.append(message.text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._chromium, name)


@pytest.fixture
def browser(chromium: Any) -> Iterator[PolicyWatchedBrowser]:
    """The browser for one test; the test fails if a page broke the Content Security Policy."""
    watched = PolicyWatchedBrowser(chromium)
    yield watched
    for context in watched.contexts:
        context.close()
    if watched.violations:
        pytest.fail(
            "Content Security Policy violations:\n" + "\n".join(sorted(set(watched.violations)))
        )


@pytest.fixture
def csp_violations(browser: PolicyWatchedBrowser) -> list[str]:
    """The violations recorded so far in this test (a test that provokes one clears it)."""
    return browser.violations


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A fresh browser tab on the live test server, in English."""
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
