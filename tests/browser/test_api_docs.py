"""The API's browsable documentation (ninja's Swagger UI, served from the site's own static
files) renders every operation under the strict Content Security Policy, with no
violation (the ``browser`` fixture's policy watch fails the test on any)."""

import pytest
from playwright.sync_api import expect

from tests.factories import EditionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_under_the_policy(page, live_server, csp_violations):
    EditionFactory(slug="soc-2027")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Fairmatch API")
    schema = page.request.get("/api/v1/openapi.json").json()
    operations = sum(len(methods) for methods in schema["paths"].values())
    assert operations >= 16
    expect(page.locator(".opblock")).to_have_count(operations)
    assert [url for url in requested if not url.startswith(live_server.url)] == []
