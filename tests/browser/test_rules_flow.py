"""In a real Chromium: the organiser adds the contract-value rule and a yen rate; the
queue's rule outcomes follow at once."""

import pytest
from playwright.sync_api import expect

from fairmatch.enterprises.models import State
from tests.browser.login import log_in_organiser
from tests.factories import (
    DelegateFactory,
    DemandFactory,
    EditionFactory,
    OrganiserFactory,
    ParticipationFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_rule_and_rate_change_the_outcomes(browser, live_server):
    edition = EditionFactory()
    japanese = ParticipationFactory(
        edition=edition, state=State.SUBMITTED, enterprise__name_en="Osaka Games"
    )
    DelegateFactory(participation=japanese)
    DemandFactory(participation=japanese, value=1_400_000_000, currency="JPY")
    OrganiserFactory(email="staff@fairmatch.example")

    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in_organiser(page, "staff@fairmatch.example")

    page.goto(f"/organiser/{edition.slug}/rules/")
    page.get_by_role("link", name="Minimum contract value on offer").click()
    page.get_by_label("Minimum contract value (USD)").fill("8000000")
    page.locator("form.stacked button[type=submit]").click()
    expect(page.locator("tr[data-rule]")).to_have_count(1)
    japanese.refresh_from_db()
    assert japanese.rule_outcome == "review"  # no yen rate yet: the organiser must look

    page.goto(f"/organiser/{edition.slug}/rules/")
    page.get_by_label("Currency").fill("JPY")
    page.get_by_label("Units per US dollar").fill("151.5")
    page.get_by_role("button", name="Save rate").click()
    expect(page.locator('#rates tr[data-currency="JPY"]')).to_be_visible()
    japanese.refresh_from_db()
    assert japanese.rule_outcome == "pass"  # JPY 1.4 bn = USD 9.2 M
