"""In a real Chromium: after a meeting that took place, the buyer records the signed
intention, the provider confirms it, the organiser freezes the press figures, and the
Chinese press page and the fact sheet PDF show the new total."""

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from fairmatch.outcomes.models import Intention, IntentionState
from tests.browser.login import log_in, log_in_organiser
from tests.factories import CooperationKindFactory, FieldFactory, OrganiserFactory, UserFactory
from tests.outcomes.helpers import held_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_confirm_and_the_chinese_press_page_and_fact_sheet_show_the_total(
    browser, live_server
):
    meeting = held_meeting()
    buyer = meeting.request.recipient
    provider = meeting.request.requester
    UserFactory(enterprise=buyer.enterprise, email="buyer@example.com")
    UserFactory(enterprise=provider.enterprise, email="provider@example.com")
    OrganiserFactory(email="staff@fairmatch.example")
    CooperationKindFactory(code="investment", name_en="Investment", name_zh="投资合作")
    FieldFactory()
    slug = meeting.edition.slug

    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in(page, "buyer@example.com")
    page.goto(f"/e/{slug}/intentions/")
    form = page.locator("#record form")
    form.locator("select[name=form]").select_option("contract")
    form.locator("select[name=kind]").select_option(label="Investment")
    form.locator("input[name=amount]").fill("3200000")
    form.locator("input[name=currency]").fill("USD")
    form.locator("button[type=submit]").click()
    expect(page.locator(".message.success")).to_contain_text("Intention recorded")
    expect(page.locator("#intentions")).to_contain_text("Waiting for the other party")
    page.context.close()

    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in(page, "provider@example.com")
    page.goto(f"/e/{slug}/intentions/")
    page.locator("#intentions").get_by_role("button", name="Confirm").click()
    expect(page.locator(".message.success")).to_contain_text("Intention confirmed")
    assert Intention.objects.get().state == IntentionState.CONFIRMED
    page.context.close()

    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in_organiser(page, "staff@fairmatch.example")
    page.goto(f"/organiser/{slug}/")
    page.locator("#snapshot-title").fill("Closing press conference")
    page.get_by_role("button", name="Freeze the press figures now").click()
    expect(page.locator(".message.success")).to_contain_text("Press figures frozen")
    page.context.close()

    reader = browser.new_context(base_url=live_server.url, locale="zh-CN").new_page()
    reader.goto(f"/press/{slug}/")
    reader.locator("#language-select").select_option("zh-hans")
    expect(reader.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(reader.locator('[data-figure="intentions"]')).to_contain_text("USD 320万")
    expect(reader.locator("#chart-kinds")).to_contain_text("投资合作")
    with reader.expect_download() as download:
        reader.locator("#taken-at a").first.click()
    pdf = PdfReader(download.value.path())
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "USD 3,200,000 (3.2 M)" in text
    assert "Intentional cooperation investment / 意向合作投资额" in text
    reader.context.close()
