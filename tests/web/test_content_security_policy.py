"""The Content Security Policy: sent on every page, strict, report-only on request; and no
template carries what it would refuse (inline scripts, inline styles, event attributes)."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.test_security_settings import clean_environment

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "fairmatch"
STRICT_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
HEADERS_OF_HEALTH = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/health/")
print(json.dumps({name: response.headers.get(name) for name in (
    "Content-Security-Policy", "Content-Security-Policy-Report-Only")}))
"""


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.mark.django_db
def test_every_page_carries_the_strict_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    assert directives(response.headers["Content-Security-Policy"]) == STRICT_POLICY
    assert "Content-Security-Policy-Report-Only" not in response.headers


def test_the_policy_can_be_sent_as_report_only_with_a_report_address(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", HEADERS_OF_HEALTH],
        env=clean_environment(
            tmp_path,
            FAIRMATCH_ALLOWED_HOSTS="testserver",
            FAIRMATCH_CSP_REPORT_ONLY="true",
            FAIRMATCH_CSP_REPORT_URI="https://reports.example.org/csp",
        ),
        capture_output=True,
        text=True,
        check=True,
    )
    headers = json.loads(result.stdout)
    assert headers["Content-Security-Policy"] is None
    assert directives(headers["Content-Security-Policy-Report-Only"]) == STRICT_POLICY | {
        "report-uri": ["https://reports.example.org/csp"]
    }


# What a strict policy refuses, as it would appear in a template.
REFUSED = {
    "inline <style>": re.compile(r"<style\b", re.IGNORECASE),
    "style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "event attribute": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "inline <script>": re.compile(r"<script\b(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE),
    "javascript: address": re.compile(r"javascript:", re.IGNORECASE),
}


def test_no_template_carries_inline_script_or_style():
    found = [
        f"{template.relative_to(TEMPLATES)}:{number}: {kind}"
        for template in sorted(TEMPLATES.glob("**/templates/**/*.html"))
        for number, line in enumerate(template.read_text().splitlines(), start=1)
        for kind, pattern in REFUSED.items()
        if pattern.search(line)
    ]
    assert found == []
