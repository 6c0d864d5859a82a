"""In a real Chromium: the organiser generates fair suggestions and sees the distributions;
a provider then finds its suggested buyer on its meetings page."""

import pytest
from playwright.sync_api import expect

from tests.browser.login import log_in, log_in_organiser
from tests.factories import CapabilityFactory, OrganiserFactory, UserFactory
from tests.matching.helpers import buyer, edition_with_policy, provider

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_generate_suggestions_and_a_provider_sees_its_own(browser, live_server):
    edition = edition_with_policy(meetings_per_participant=4)
    asked = buyer(edition, name_original="Kyoto Anime Works")
    providers = [provider(edition) for _ in range(3)]
    for participation in providers:
        CapabilityFactory(participation=participation)
    UserFactory(enterprise=providers[0].enterprise, email="sales@provider.example")
    OrganiserFactory(email="staff@fairmatch.example")

    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in_organiser(page, "staff@fairmatch.example")
    page.goto(f"/organiser/{edition.slug}/matching/")
    page.get_by_label("Suggestions every provider gets at least").fill("1")
    page.get_by_role("button", name="Generate suggestions").click()
    expect(page.locator(".message.success")).to_contain_text("Suggestions are being computed")
    page.reload()
    expect(page.locator("#suggestions")).to_contain_text("3 suggested meetings")
    expect(page.locator("#distribution-before-after tbody tr")).to_have_count(4)
    page.context.close()

    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in(page, "sales@provider.example")
    page.goto(f"/e/{edition.slug}/meetings/")
    expect(page.locator("#suggested")).to_contain_text(asked.enterprise.display_name)
    expect(page.locator("#recommended li")).to_have_count(1)
    page.context.close()
