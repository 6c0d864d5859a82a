"""In a real Chromium, the exhibition from end to end: an exhibitor applies, the organiser
qualifies and confirms it on the review pages, starts an allocation run, applies it and
publishes the floor plan, and a visitor clicks the booth on the Chinese public plan and
sees the exhibitor.

Background tasks run inline in tests (the immediate backend), so the run has finished by
the time its page answers; every wait is generous for a busy machine.
"""

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from fairmatch.enterprises.models import State
from fairmatch.exhibition.models import BoothAssignment, PlanRelease
from tests.browser.login import log_in, log_in_organiser
from tests.exhibition.helpers import hall_with_booths
from tests.factories import (
    DelegateFactory,
    EditionFactory,
    FieldFactory,
    OrganiserFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAIT = 30_000  # milliseconds
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


def _context(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, **options)
    context.set_default_timeout(WAIT)
    return context


def test_apply_confirm_allocate_publish_and_a_visitor_finds_the_booth_in_chinese(
    browser, live_server
):
    edition = EditionFactory(slug="soc-2027", name_en="Service Outsourcing Conference 2027")
    FieldFactory(code="software", name_en="Software", name_zh="软件")
    hall_with_booths(edition, ("3", "3"), ("3", "4"), ("6", "3"))
    participation = ParticipationFactory(
        edition=edition,
        is_negotiator=False,
        is_exhibitor=True,
        enterprise__name_original="大连渲染动画制作有限公司",
        enterprise__name_en="Dalian Render Animation Co., Ltd.",
        enterprise__country="CN",
    )
    DelegateFactory(participation=participation, full_name="王芳")
    user = UserFactory(enterprise=participation.enterprise, email="wang.fang@render.example.cn")
    OrganiserFactory(email="staff@fairmatch.example")

    # The exhibitor applies.
    exhibitor = _context(browser, live_server, locale="en-US", viewport=LAPTOP).new_page()
    log_in(exhibitor, user.email)
    exhibitor.goto(f"/e/{edition.slug}/exhibition/apply/")
    exhibitor.locator("[data-field=min_area] input").fill("9")
    exhibitor.locator("[data-field=max_area] input").fill("12")
    exhibitor.get_by_label("Software", exact=True).check()
    exhibitor.locator("[data-field=products] textarea").fill("三维动画渲染 / 3D rendering")
    exhibitor.locator("#staff input[name$=full_name]").first.fill("李伟")
    exhibitor.locator("#staff input[name$=email]").first.fill("li.wei@render.example.cn")
    exhibitor.locator("button[name=action][value=submit]").click()
    expect(exhibitor.get_by_role("heading", name="My exhibition")).to_be_visible(timeout=WAIT)
    expect(exhibitor.locator("#my-booth")).to_contain_text("not allocated yet", timeout=WAIT)
    participation.refresh_from_db()
    assert participation.state == State.SUBMITTED

    # The organiser qualifies, then confirms, on the review pages.
    organiser = _context(browser, live_server, locale="en-US", viewport=LAPTOP).new_page()
    log_in_organiser(organiser, "staff@fairmatch.example")
    organiser.goto(f"/organiser/{edition.slug}/applications/")
    organiser.get_by_role("link", name="Dalian Render Animation Co., Ltd.").first.click()
    expect(organiser.locator("#exhibition")).to_contain_text("李伟", timeout=WAIT)
    organiser.locator("button[name=target][value=qualified]").click()
    expect(organiser.locator(".message.success")).to_be_visible(timeout=WAIT)
    organiser.locator("button[name=target][value=confirmed]").click()
    expect(organiser.locator(".message.success")).to_be_visible(timeout=WAIT)
    participation.refresh_from_db()
    assert participation.state == State.CONFIRMED

    # It allocates: a run (inline in tests), applied to the working plan, then published.
    organiser.goto(f"/organiser/{edition.slug}/exhibition/allocation/")
    expect(organiser.locator("#allocation-figures")).to_contain_text("0 / 1", timeout=WAIT)
    organiser.locator("#runs").get_by_label("Time limit (seconds)").fill("5")
    organiser.get_by_role("button", name="Start a run").click()
    expect(organiser.locator("#run-state")).to_have_text("finished", timeout=WAIT)
    expect(organiser.locator("#run-results")).to_contain_text(
        "Dalian Render Animation Co., Ltd.", timeout=WAIT
    )
    organiser.locator("#run-actions button").click()
    expect(organiser.locator(".message.success")).to_contain_text(
        "Run applied: 1 exhibitors placed", timeout=WAIT
    )
    placed = BoothAssignment.objects.select_related("booth__hall").get()
    assert placed.booth.code in {"H101", "H102"}  # 9 to 12 m²: the 6 × 3 booth is too big
    organiser.locator("#publish").get_by_label("Note").fill("First plan")
    organiser.get_by_role("button", name="Publish the floor plan").click()
    expect(organiser.locator(".message.success")).to_contain_text(
        "Floor plan version 1 published with 1 booth;", timeout=WAIT
    )
    assert PlanRelease.objects.get(edition=edition).note == "First plan"
    assert [m.to for m in mail.outbox if "booth" in m.subject.lower()] == [[user.email]]

    # The exhibitor's page links to its booth on the plan.
    exhibitor.goto(f"/e/{edition.slug}/exhibition/mine/")
    expect(exhibitor.locator("#my-booth")).to_contain_text(placed.booth.code, timeout=WAIT)
    key = f"booth-h1-{placed.booth.code}"
    exhibitor.locator("#my-booth-on-plan").click()
    expect(exhibitor.locator(f"#{key}")).to_be_visible(timeout=WAIT)

    # A visitor on a phone, in Chinese, clicks the booth on the published plan.
    visitor_context = _context(browser, live_server, locale="zh-CN", viewport=PHONE, is_mobile=True)
    visitor_context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "zh-hans", "url": live_server.url}]
    )
    visitor = visitor_context.new_page()
    visitor.goto(f"/e/{edition.slug}/exhibition/plan/")
    with translation.override("zh-hans"):
        heading = translation.gettext("Floor plan")
    assert heading != "Floor plan", "the Chinese catalogue must translate the plan's heading"
    expect(visitor.locator("h1")).to_contain_text(heading, timeout=WAIT)
    panel = visitor.locator(f"#{key}")
    expect(panel).to_be_hidden(timeout=WAIT)
    visitor.locator(f"a.booth[href='#{key}']").click()
    expect(panel).to_be_visible(timeout=WAIT)
    expect(panel).to_contain_text("大连渲染动画制作有限公司", timeout=WAIT)
    expect(panel).to_contain_text("三维动画渲染", timeout=WAIT)
    expect(panel).to_contain_text("H1馆", timeout=WAIT)
    assert visitor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for context in (exhibitor.context, organiser.context, visitor_context):
        context.close()
