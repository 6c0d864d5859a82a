"""In a real Chromium under the strict Content Security Policy: the policy watch of the
``browser`` fixture notices a violation, and the page behaviours that used inline handlers
(the language menu, "select all" in the review queue) work from the static script."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from fairmatch.enterprises.models import State
from tests.factories import EditionFactory, OrganiserFactory, ParticipationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIOLATE_AND_WAIT = """() => new Promise((resolve) => {
  document.addEventListener("securitypolicyviolation",
    (event) => resolve(event.effectiveDirective), {once: true});
  document.body.insertAdjacentHTML("beforeend", '<p style="color: red">refused</p>');
})"""


def logged_in_page(browser, live_server, user):
    """A tab whose session belongs to ``user`` (the login page is not under test here)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def test_the_policy_watch_notices_an_inline_style(page, csp_violations):
    page.goto("/")
    assert page.evaluate(VIOLATE_AND_WAIT) == "style-src-attr"
    # The page's report reaches the test through a binding, a moment after the event.
    for _ in range(100):
        if any(" blocked " in report for report in csp_violations):
            break
        page.wait_for_timeout(50)
    page.context.close()  # no later report can arrive
    recorded = [report.split(" blocked ")[0] for report in csp_violations if " blocked " in report]
    assert recorded == ["style-src-attr"]
    csp_violations.clear()  # provoked on purpose: the test passes


def test_the_language_menu_switches_to_chinese(page):
    page.goto("/")
    page.select_option("#language-select", "zh-hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("#language-select")).to_have_value("zh-hans")


def test_select_all_ticks_every_application_on_the_page(browser, live_server):
    edition = EditionFactory(slug="soc-2027")
    for _ in range(3):
        ParticipationFactory(edition=edition, state=State.SUBMITTED)
    page = logged_in_page(browser, live_server, OrganiserFactory())
    page.goto(f"/organiser/{edition.slug}/applications/")
    boxes = page.locator("input[name=participations]")
    expect(boxes).to_have_count(3)
    page.get_by_label("Select all on this page").check()
    assert [boxes.nth(index).is_checked() for index in range(3)] == [True, True, True]
    page.get_by_label("Select all on this page").uncheck()
    assert [boxes.nth(index).is_checked() for index in range(3)] == [False, False, False]
