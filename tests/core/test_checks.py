"""With debug off the site refuses to start on a weak or published secret key: every
management command that runs the checks (runserver, check) and the WSGI application."""

import subprocess
import sys

import pytest

from fairmatch.core.checks import secret_key_problem
from tests.web.test_security_settings import clean_environment

OLD_DEVELOPMENT_KEY = "insecure-development-key-set-FAIRMATCH_SECRET_KEY-in-production"
GOOD_KEY = "rJ7v0o-9HnU3bq2WcXyZ8kLmN4pQsTt6AaBbCcDdEeFfGgHhIiJjKk"


def fairmatch(tmp_path, *args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fairmatch", *args],
        env=clean_environment(tmp_path, **environment),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("key", "problem"),
    [
        (OLD_DEVELOPMENT_KEY, "it is a published development key"),
        ("django-insecure-" + GOOD_KEY, "it is a published development key"),
        (GOOD_KEY[:49], "it has fewer than 50 characters"),
        ("abcd" * 20, "it has fewer than 5 different characters"),
        (GOOD_KEY, None),
    ],
)
def test_secret_key_problem(key, problem):
    assert secret_key_problem(key) == problem


@pytest.mark.parametrize("command", [["check"], ["runserver", "127.0.0.1:0", "--noreload"]])
def test_the_development_key_with_debug_off_stops_the_command(tmp_path, command):
    result = fairmatch(tmp_path, *command, FAIRMATCH_SECRET_KEY=OLD_DEVELOPMENT_KEY)
    assert result.returncode == 1
    assert (
        "(fairmatch.E001) FAIRMATCH_SECRET_KEY cannot be used with debug off: "
        "it is a published development key." in result.stderr
    )


def test_a_short_key_with_debug_off_stops_the_wsgi_application(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "import fairmatch.wsgi"],
        env=clean_environment(tmp_path, FAIRMATCH_SECRET_KEY="short-key"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    error = result.stderr.strip().splitlines()[-2]
    assert error == (
        "django.core.exceptions.ImproperlyConfigured: ?: (fairmatch.E001) FAIRMATCH_SECRET_KEY "
        "cannot be used with debug off: it has fewer than 50 characters."
    )


def test_the_development_key_is_allowed_with_debug_on(tmp_path):
    result = fairmatch(
        tmp_path, "check", FAIRMATCH_SECRET_KEY=OLD_DEVELOPMENT_KEY, FAIRMATCH_DEBUG="true"
    )
    assert (result.returncode, result.stdout) == (
        0,
        "System check identified no issues (0 silenced).\n",
    )


def test_without_any_environment_the_installation_makes_its_own_key_and_starts(tmp_path):
    result = fairmatch(tmp_path, "check")
    assert (result.returncode, result.stdout) == (
        0,
        "System check identified no issues (0 silenced).\n",
    )
    assert secret_key_problem((tmp_path / "secret_key").read_text().strip()) is None
