"""Security settings from the environment: local http by default, HTTPS on one switch, and
the documented production environment passes ``fairmatch check --deploy``.

Settings are read when the settings module is imported, so each case runs in a fresh
process with its own environment.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
names = {names!r}
print(json.dumps({{name: getattr(settings, name, None) for name in names}}))
"""
HTTPS_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_REFERRER_POLICY",
]


def clean_environment(var_dir: Path, **overrides: str) -> dict[str, str]:
    """The test process's environment without any Fairmatch or Django setting, plus
    ``overrides`` (the tests' own DJANGO_ALLOW_ASYNC_UNSAFE would fail the deployment check)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("FAIRMATCH_", "DJANGO_")) and name != "DATABASE_URL"
    }
    return env | {
        "DJANGO_SETTINGS_MODULE": "fairmatch.settings",
        "FAIRMATCH_VAR_DIR": str(var_dir),
        **overrides,
    }


def settings_in(var_dir: Path, names: list[str], **environment: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS.format(names=names)],
        env=clean_environment(var_dir, **environment),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def production_environment() -> dict[str, str]:
    """The example environment of the README's "Production" section."""
    readme = (REPO / "README.md").read_text()
    section = readme.split("\n## Production\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    pairs = re.findall(r"^([A-Z_]+)=(.*)$", block, flags=re.MULTILINE)
    return {name: value.strip('"') for name, value in pairs}


def test_without_environment_the_site_speaks_plain_http_locally(tmp_path):
    assert settings_in(tmp_path, HTTPS_SETTINGS) == {
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "SECURE_HSTS_SECONDS": 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_HSTS_PRELOAD": False,
        "SECURE_PROXY_SSL_HEADER": None,
        "CSRF_TRUSTED_ORIGINS": ["http://127.0.0.1:8000"],
        "SECURE_REFERRER_POLICY": "same-origin",
    }


def test_one_switch_turns_https_on_and_each_setting_stays_overridable(tmp_path):
    assert settings_in(
        tmp_path,
        HTTPS_SETTINGS,
        FAIRMATCH_HTTPS="true",
        FAIRMATCH_SSL_REDIRECT="false",  # e.g. the proxy redirects already
        FAIRMATCH_SITE_URL="https://fair.example.org/",
        FAIRMATCH_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        FAIRMATCH_REFERRER_POLICY="strict-origin-when-cross-origin",
    ) == {
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "CSRF_TRUSTED_ORIGINS": ["https://fair.example.org"],
        "SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin",
    }


def test_the_readme_production_environment_passes_the_deployment_check(tmp_path):
    production = production_environment()
    assert production["FAIRMATCH_HTTPS"] == "true"
    # The example's folder is a server's; the check needs one it can write to.
    production["FAIRMATCH_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "fairmatch", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean_environment(tmp_path, **production),
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "System check identified no issues (0 silenced).\n",
        "",
    )


def test_the_deployment_check_warns_about_plain_http(tmp_path):
    production = production_environment() | {"FAIRMATCH_VAR_DIR": str(tmp_path)}
    del production["FAIRMATCH_HTTPS"]
    result = subprocess.run(
        [sys.executable, "-m", "fairmatch", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean_environment(tmp_path, **production),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert re.findall(r"\(security\.(W\d+)\)", result.stderr) == [
        "W004",
        "W008",
        "W012",
        "W016",
    ]
