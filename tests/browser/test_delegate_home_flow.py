"""In a real Chromium: a delegate logs in and lands on its home page (next meeting, a request
to answer, an accepted meeting not yet scheduled); the directory finds Chinese providers for
an English word; on a 390-pixel phone the pages do not scroll sideways and the navigation
folds behind its button."""

import re

import pytest
from playwright.sync_api import expect

from fairmatch.enterprises.models import Participation
from fairmatch.matching.domain import requests
from fairmatch.matching.domain.embeddings import compute_embeddings
from fairmatch.matching.domain.recommendations import refresh_recommendations
from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.domain.problem import sync_meetings
from fairmatch.scheduling.models import Meeting, NegotiationTable, Slot
from tests.browser.login import log_in
from tests.factories import CapabilityFactory, FieldFactory, UserFactory
from tests.matching.helpers import buyer, provider
from tests.scheduling.helpers import grid_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def conference():
    """A buyer with a meeting at 09:30 (Shanghai) on table 2, an accepted meeting not yet
    placed, and a request waiting; Chinese providers that describe rendering."""
    edition = grid_edition(slots=3, tables=2, timezone="Asia/Shanghai")
    animation = FieldFactory(code="animation", name_en="Cartoon and animation", name_zh="动漫")
    the_buyer = buyer(edition, name_original="Nordic Data AB", name_en="Nordic Data AB")
    studios = []
    for original, english in (
        ("大连渲染科技有限公司", "Dalian Render Tech"),
        ("杭州光影数码有限公司", "Hangzhou Lightshadow Digital"),
    ):
        studio = provider(edition, name_original=original, name_en=english)
        CapabilityFactory(participation=studio, field=animation, description="三维动画渲染外包")
        studios.append(studio)
    placed = requests.send_request(requester=studios[0], recipient=the_buyer, user=None)
    requests.accept_request(request=placed, user=None)
    unplaced = requests.send_request(requester=studios[1], recipient=the_buyer, user=None)
    requests.accept_request(request=unplaced, user=None)
    waiting = provider(edition, name_original="沈阳软件测试中心", name_en="Shenyang Software QA")
    CapabilityFactory(participation=waiting, description="软件测试与质量保证")
    requests.send_request(requester=waiting, recipient=the_buyer, user=None)
    sync_meetings(edition)
    meeting = Meeting.objects.get(request=placed)
    meeting.slot = Slot.objects.get(session__edition=edition, index=1)
    meeting.table = NegotiationTable.objects.get(edition=edition, number=2)
    meeting.save()
    releases.publish(edition=edition, name="first", public_note="Hall A opens at 8:30.", user=None)
    compute_embeddings(participations=Participation.objects.filter(edition=edition))
    refresh_recommendations(edition=edition)
    UserFactory(enterprise=the_buyer.enterprise, email="buyer@nordic.example")
    return edition


def test_a_delegate_lands_on_its_home_page(browser, live_server, conference):
    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in(page, "buyer@nordic.example")
    expect(page).to_have_url(re.compile(f"/e/{conference.slug}/home/$"))
    next_meeting = page.locator("#next-meeting")
    expect(next_meeting).to_contain_text("09:30–09:55")
    expect(next_meeting).to_contain_text("大连渲染科技有限公司")
    expect(next_meeting).to_contain_text("Dalian Render Tech")
    expect(next_meeting).to_contain_text("Table 2 (A)")
    expect(page.locator("#waiting")).to_contain_text("Shenyang Software QA")
    unscheduled = page.locator("#home-agenda li.unscheduled")
    expect(unscheduled).to_contain_text("accepted, not scheduled yet")
    expect(unscheduled).to_contain_text("Hangzhou Lightshadow Digital")
    expect(page.locator("#home-agenda")).to_contain_text("Hall A opens at 8:30.")
    page.locator("#waiting").get_by_role("link", name="Answer").click()
    expect(page).to_have_url(re.compile(f"/e/{conference.slug}/meetings/#received$"))


def test_the_directory_finds_chinese_providers_for_an_english_word(
    browser, live_server, conference
):
    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in(page, "buyer@nordic.example")
    page.goto(f"/e/{conference.slug}/directory/")
    page.get_by_label("Search").fill("rendering")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("#directory tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("#directory")).to_contain_text("大连渲染科技有限公司")
    expect(page.locator("#directory")).to_contain_text("杭州光影数码有限公司")
    expect(page.locator("#directory")).not_to_contain_text("沈阳软件测试中心")
    expect(page.locator("#found")).to_contain_text("most relevant first")
    page.get_by_label("Search").fill("sofware testing")  # a typo
    page.get_by_role("button", name="Search").click()
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("沈阳软件测试中心")


@pytest.mark.parametrize("language", ["en-US", "zh-CN"])
def test_on_a_phone_nothing_scrolls_sideways_and_the_navigation_folds(
    browser, live_server, conference, language
):
    context = browser.new_context(
        base_url=live_server.url, locale=language, viewport=PHONE, is_mobile=True
    )
    page = context.new_page()
    log_in(page, "buyer@nordic.example")
    slug = conference.slug
    for path in (
        f"/e/{slug}/home/",
        f"/e/{slug}/directory/",
        f"/e/{slug}/directory/?q=rendering",
        f"/e/{slug}/meetings/",
        f"/e/{slug}/agenda/",
    ):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    nav = page.locator("#site-nav")
    expect(nav).to_be_hidden()
    page.locator("[data-nav-toggle]").click()
    expect(nav).to_be_visible()
    expect(page.locator("[data-nav-toggle]")).to_have_attribute("aria-expanded", "true")
    nav.locator(f"a[href='/e/{slug}/home/']").click()
    expect(page).to_have_url(re.compile(f"/e/{slug}/home/$"))
    expect(nav).to_be_hidden()
    if language == "zh-CN":  # the day in Chinese order, the zone by its name, not its id
        # The member's preferred language wins over the browser's: switch it in the menu.
        page.locator("[data-nav-toggle]").click()
        with page.expect_navigation():
            page.select_option("#language-select", "zh-hans")
        expect(page.locator("#next-meeting")).to_contain_text(
            re.compile(r"\d+月\d+日 \(星期.\) 09:30–09:55")
        )
        expect(page.locator("main")).to_contain_text("时间为")
        expect(page.locator("main")).not_to_contain_text("Asia/")
