"""In a real Chromium: a buyer signs up, verifies the e-mail address, applies, sees an unmet
rule, fixes it and submits; an organiser qualifies the application."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from fairmatch.enterprises.models import Participation, State
from tests.browser.login import log_in_organiser
from tests.factories import (
    CooperationKindFactory,
    EditionFactory,
    FieldFactory,
    OrganiserFactory,
    QualificationRuleFactory,
    reference_ladder,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_edition():
    ladder = reference_ladder()
    FieldFactory()
    CooperationKindFactory()
    edition = EditionFactory(slug="soc-2027", name_en="Service Outsourcing Conference 2027")
    QualificationRuleFactory(edition=edition)
    QualificationRuleFactory(
        edition=edition,
        kind="min_delegate_rank",
        parameters={"rank_level": ladder["outsourcing_manager"].level},
    )
    return edition


def sign_up_buyer(page) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("E-mail").fill("keiko@animation.example.jp")
    page.get_by_label("Your name").fill("Keiko Yamada")
    page.get_by_label(re.compile("^Password:?$")).fill("a-long-passphrase-42")
    page.get_by_label("Password again").fill("a-long-passphrase-42")
    page.get_by_label("Enterprise name in its original language").fill("株式会社アニメ工房")
    page.get_by_label("Enterprise name in English").fill("Anime Kobo Inc.")
    page.get_by_label("Country").select_option("JP")
    page.get_by_label("Your enterprise comes as").select_option("buyer")
    page.get_by_label("Software").check()
    page.get_by_label("Description of your enterprise").fill("TVアニメの制作を外注したい")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    (message,) = mail.outbox
    page.goto(re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body).group(0))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Enterprise profile")).to_be_visible()


def fill_application(page, *, value: str) -> None:
    page.get_by_label("Full name").fill("Keiko Yamada")
    page.get_by_label("Job title").fill("Director of outsourcing")
    page.locator("#delegates").get_by_label("Rank").select_option(label="Director")
    page.locator("#delegates").get_by_label("E-mail").fill("keiko@animation.example.jp")
    demands = page.locator("#demands")
    demands.get_by_label("Field").select_option(label="Software")
    demands.get_by_label("Cooperation kind").select_option(label="Outsourcing purchase")
    demands.get_by_label("Contract value").fill(value)
    demands.get_by_label("Currency").select_option("USD")
    demands.get_by_label(re.compile("^Description:?$")).fill(
        "Localisation of an animation pipeline"
    )


def test_buyer_applies_fixes_an_unmet_rule_submits_and_is_qualified(
    page, browser, live_server, open_edition
):
    sign_up_buyer(page)
    page.goto(f"/apply/{open_edition.slug}/")
    page.get_by_label("takes part in the negotiations").check()
    page.get_by_role("button", name="Start the application").click()

    fill_application(page, value="5000000")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".message.success")).to_contain_text("Your draft has been saved.")
    unmet = page.locator('#rule-checks li[data-outcome="fail"]')
    expect(unmet).to_contain_text(
        "Contracts on offer are worth USD 5,000,000; at least USD 8 M is required."
    )

    page.locator("#demands").get_by_label("Contract value").first.fill("9000000")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator('#rule-checks li[data-outcome="fail"]')).to_have_count(0)
    expect(page.locator('#rule-checks li[data-outcome="pass"]')).to_have_count(2)
    page.get_by_role("button", name="Submit the application").click()
    expect(page.locator("#application-state")).to_have_text("submitted")

    participation = Participation.objects.get(enterprise__name_en="Anime Kobo Inc.")
    assert participation.state == State.SUBMITTED

    OrganiserFactory(email="staff@fairmatch.example")
    organiser = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in_organiser(organiser, "staff@fairmatch.example")
    organiser.goto(f"/organiser/{open_edition.slug}/applications/")
    organiser.get_by_role("link", name=re.compile("Anime Kobo")).first.click()
    organiser.get_by_label(re.compile("Note")).fill("Meets every requirement.")
    organiser.get_by_role("button", name=re.compile("^Qualif")).click()
    expect(organiser.locator(".message.success")).to_be_visible()
    participation.refresh_from_db()
    assert participation.state == State.QUALIFIED
    assert participation.state_changes.last().note == "Meets every requirement."
    organiser.context.close()
