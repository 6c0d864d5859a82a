"""In a real Chromium: the organiser asks a waiting enterprise to confirm; the link in the
e-mail opens a page whose button records the answer."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from fairmatch.enterprises.models import State
from tests.browser.login import log_in_organiser
from tests.factories import OrganiserFactory, ParticipationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_emailed_link_confirms_attendance(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    participation = ParticipationFactory(
        state=State.WAITING_CONFIRMATION, enterprise__name_en="Maple Leaf Systems"
    )
    UserFactory(enterprise=participation.enterprise, email="ops@maple.example")
    OrganiserFactory(email="staff@fairmatch.example")

    organiser = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in_organiser(organiser, "staff@fairmatch.example")
    organiser.goto(f"/organiser/{participation.edition.slug}/applications/{participation.pk}/")
    organiser.get_by_role("button", name=re.compile("confirmation", re.IGNORECASE)).first.click()
    expect(organiser.locator(".message.success")).to_be_visible()
    organiser.context.close()

    (message,) = [m for m in mail.outbox if m.to == ["ops@maple.example"]]
    link = re.search(r"http://\S+\?answer=confirm", message.body).group(0)
    page = browser.new_context(locale="en-US").new_page()
    page.goto(link)
    page.get_by_role("button", name="Yes, we will attend").click()
    expect(page.locator('[data-answer="confirmed"]')).to_be_visible()
    participation.refresh_from_db()
    assert participation.state == State.CONFIRMED
    assert participation.state_changes.last().note == "answered by e-mail link"
    page.context.close()
