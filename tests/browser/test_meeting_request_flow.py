"""In a real Chromium: a provider finds a buyer by search, sends a request, the buyer accepts."""

import pytest
from playwright.sync_api import expect

from fairmatch.matching.models import MeetingRequest, RequestState
from tests.browser.login import log_in
from tests.factories import DelegateFactory, UserFactory
from tests.matching.helpers import buyer, edition_with_policy, provider

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_provider_finds_a_buyer_requests_a_meeting_and_the_buyer_accepts(browser, live_server):
    edition = edition_with_policy()
    asking = provider(edition, name_original="大连动漫科技", name_en="Dalian Animation Tech")
    asked = buyer(edition, name_original="Kyoto Anime Works", country="JP")
    provider(edition, name_en="Unrelated Provider")
    buyer(edition, name_original="Other Buyer Inc.")
    DelegateFactory(participation=asked, email="producer@kyoto-anime.example")
    UserFactory(enterprise=asking.enterprise, email="sales@dalian-anim.example")
    UserFactory(enterprise=asked.enterprise, email="producer@kyoto-anime.example")

    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    log_in(page, "sales@dalian-anim.example")
    page.goto(f"/e/{edition.slug}/directory/")
    page.get_by_label("Search").fill("Kyoto")
    page.get_by_role("button", name="Search").click()
    results = page.locator("table tbody tr")
    expect(results).to_have_count(1)
    results.get_by_role("link", name="Kyoto Anime Works").click()
    expect(page.locator("#contacts")).to_contain_text("shown once a meeting is accepted")
    page.get_by_label("Message").fill("We animate 2D series for Japanese studios.")
    page.get_by_label("Priority").select_option(label="high")
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".message.success")).to_have_text("Your meeting request has been sent.")
    expect(page.locator("#sent")).to_contain_text("Kyoto Anime Works")
    context.close()

    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    log_in(page, "producer@kyoto-anime.example")
    page.goto(f"/e/{edition.slug}/meetings/")
    received = page.locator("#received")
    expect(received).to_contain_text("We animate 2D series for Japanese studios.")
    received.get_by_role("button", name="Accept").click()
    expect(page.locator(".message.success")).to_have_text("The meeting is accepted.")
    request = MeetingRequest.objects.get()
    assert (request.requester, request.recipient, request.state, request.priority) == (
        asking,
        asked,
        RequestState.ACCEPTED,
        1,
    )
    context.close()

    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    log_in(page, "sales@dalian-anim.example")
    page.goto(f"/e/{edition.slug}/directory/{asked.pk}/")
    expect(page.locator("#contacts")).to_contain_text("producer@kyoto-anime.example")
    context.close()
