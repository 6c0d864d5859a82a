"""In a real Chromium: the organiser reads the booth allocation page and a finished run's
result, and a move made on a stale page is refused in place, at a laptop's width and a
phone's, in English and in Chinese. Screenshots go to /tmp/allocation-shots for a person to
look at."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.db.models import F
from playwright.sync_api import expect

from fairmatch.exhibition.domain import runs
from fairmatch.exhibition.models import Booth, BoothAssignment, NeighbourWish, SponsorTier, Zone
from tests.browser.login import log_in_organiser
from tests.exhibition.allocation_helpers import booth, exhibitor, hall_with_booths
from tests.factories import OrganiserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/allocation-shots")
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
EXHIBITORS = [
    ("大连华信计算机技术股份有限公司", "CN", 9, 9),
    ("Northwind Global Sourcing Partners GmbH", "DE", 9, 12),
    ("Lumière & Fils <Consulting> SA", "FR", 9, 9),
    ("辽宁软件测试中心有限责任公司", "CN", 9, 9),
    ("Kyoto Data Works", "JP", 30, 40),
]


def no_page_scroll(page):
    assert page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def allocation_edition():
    """A hall of six booths, a China pavilion, five confirmed exhibitors (one too big for
    any booth), one locked booth, wishes, and a finished run."""
    hall = hall_with_booths(count=6, code="A")
    zone = Zone.objects.create(
        hall=hall, kind=Zone.Kind.COUNTRY, country="CN", name_en="China", name_zh="中国馆"
    )
    Booth.objects.filter(hall=hall, code__in=["1", "2"]).update(zone=zone)
    applications = [
        exhibitor(hall.edition, name=name, country=country, min_area=low, max_area=high)
        for name, country, low, high in EXHIBITORS
    ]
    first, second, third = applications[:3]
    first.preferred_zone = zone
    first.sponsor_tier = SponsorTier.GOLD
    first.save()
    NeighbourWish.objects.create(
        application=second, enterprise=third.participation.enterprise, kind="wanted"
    )
    NeighbourWish.objects.create(
        application=third, enterprise=second.participation.enterprise, kind="avoided"
    )
    BoothAssignment.objects.create(booth=booth(hall, "6"), application=third, locked=True)
    run = runs.start_run(edition=hall.edition, user=None, time_limit=5)
    run.refresh_from_db()
    return hall, applications, run


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_the_allocation_pages_at_both_widths(browser, live_server, locale):
    hall, _applications, run = allocation_edition()
    assert run.status == "finished"
    language = "zh" if locale == "zh-CN" else "en"
    OrganiserFactory(
        email="staff@fairmatch.example", language="zh-hans" if language == "zh" else "en"
    )
    page = browser.new_context(base_url=live_server.url, locale=locale, viewport=LAPTOP).new_page()
    log_in_organiser(page, "staff@fairmatch.example")
    base = f"/organiser/{hall.edition.slug}/exhibition/allocation/"
    for viewport in (LAPTOP, PHONE):
        page.set_viewport_size(viewport)
        width = viewport["width"]
        page.goto(base + f"runs/{run.pk}/")
        expect(page.locator("#run-results")).to_be_visible()
        expect(page.locator("#run-results")).to_contain_text("Lumière & Fils <Consulting> SA")
        no_page_scroll(page)
        page.screenshot(path=SHOTS / f"run-{language}-{width}.png", full_page=True)
        page.goto(base)
        expect(page.locator("#plan-rows")).to_contain_text("Lumière & Fils <Consulting> SA")
        no_page_scroll(page)
        page.screenshot(path=SHOTS / f"allocation-{language}-{width}.png", full_page=True)
    page.context.close()


def test_applying_a_run_then_a_stale_move_is_refused_in_place(browser, live_server):
    hall, applications, run = allocation_edition()
    OrganiserFactory(email="staff@fairmatch.example")
    page = browser.new_context(base_url=live_server.url, viewport=LAPTOP).new_page()
    log_in_organiser(page, "staff@fairmatch.example")
    page.goto(f"/organiser/{hall.edition.slug}/exhibition/allocation/runs/{run.pk}/")
    page.locator("#run-actions button").click()
    expect(page.locator(".message.success")).to_contain_text("Run applied")
    locked = BoothAssignment.objects.get(application=applications[2])
    assert (locked.booth.code, locked.locked) == ("6", True)
    # Another organiser changes booth 5 after this page was loaded.
    page.locator("#assign-exhibitor").select_option(
        label=applications[3].participation.enterprise.name_en
        + f" ({BoothAssignment.objects.get(application=applications[3]).booth})"
    )
    target = booth(hall, "5")
    page.locator("#assign-booth").select_option(f"{target.pk}:{target.version}")
    Booth.objects.filter(pk=target.pk).update(version=F("version") + 1, width=Decimal("3.5"))
    page.locator("#assign-form button").click()
    answer = page.locator("#plan-answer .answer.refused")
    expect(answer).to_contain_text("Booth A-5 changed since your page was loaded")
    page.screenshot(path=SHOTS / "allocation-en-1366-refused.png")
    assert BoothAssignment.objects.get(application=applications[3]).booth_id != target.pk
    page.context.close()
