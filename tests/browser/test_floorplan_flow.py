"""In a real Chromium: the organiser moves a booth with the arrow keys and by dragging it,
and a move onto a neighbour is refused in place; a visitor selects a booth on the Chinese
published plan and sees its exhibitor, on a phone.

``FAIRMATCH_SCREENSHOTS=<folder>`` keeps screenshots of the editor and the public plan
(1366 px and 390 px wide, English and Chinese) for a look by eye.
"""

import os
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from fairmatch.exhibition.models import Booth, Zone
from tests.browser.login import log_in_organiser
from tests.exhibition.helpers import assign, booth, exhibitor, hall, publish
from tests.factories import FieldFactory, OrganiserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
SHOTS = os.environ.get("FAIRMATCH_SCREENSHOTS", "")
WAIT = 30_000  # milliseconds: the server answers slowly on a busy machine


def _shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        # caret="initial": hiding the caret would add a style attribute the policy refuses.
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True, caret="initial")


def _serious_accessibility_violations(page):
    return [
        f"{page.url}: {violation['id']} {[node['target'] for node in violation['nodes']][:3]}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def _plan():
    h = hall(width="30", depth="16")
    zone = Zone.objects.create(
        hall=h, name_en="Software pavilion", name_zh="软件展区", kind="field"
    )
    a1 = booth(h, "A1", 2, 2, zone=zone)
    a2 = booth(h, "A2", 6, 2, zone=zone)
    a3 = booth(h, "A3", 12, 2, 4, 3)
    b1 = booth(h, "B1", 2, 9, 6, 3, is_blocked=True)
    b2 = booth(h, "B2", 12, 9, 3, 3)
    app = exhibitor(
        h.edition,
        name="大连软件有限公司",
        name_en="Dalian Software Co",
        products="ERP roll-outs, 软件外包",
        min_area=Decimal(9),
        max_area=Decimal(12),
    )
    app.participation.enterprise.fields.add(FieldFactory())
    assign(a1, app)
    publish(h.edition, {a1: app, a2: None, a3: None, b1: None, b2: None})
    # A newer assignment, in the working plan only.
    assign(b2, exhibitor(h.edition, name="Unpublished Newcomer GmbH"))
    return h, a2, a3


def test_move_refused_on_overlap_and_chinese_public_plan(browser, live_server):
    h, a2, a3 = _plan()
    slug = h.edition.slug
    OrganiserFactory(email="plan@fairmatch.example")
    context = browser.new_context(base_url=live_server.url, locale="en-US", viewport=DESKTOP)
    context.set_default_timeout(WAIT)
    organiser = context.new_page()
    log_in_organiser(organiser, "plan@fairmatch.example")
    organiser.goto(f"/organiser/{slug}/exhibition/plan/halls/{h.pk}/?booth={a2.pk}")
    status = organiser.locator(".plan-status")
    target = organiser.locator("#booth-H1-A2")
    expect(target).to_have_attribute("data-x", "6", timeout=WAIT)
    _shot(organiser, "editor-en-1366")

    # Keyboard: two steps west are fine (touching A1 is allowed), the third overlaps.
    organiser.locator("#booth-H1-A2").focus()
    organiser.keyboard.press("ArrowLeft")
    expect(organiser.locator("#booth-H1-A2")).to_have_attribute("data-x", "5.5", timeout=WAIT)
    expect(organiser.locator("#booth-H1-A2")).to_be_focused(timeout=WAIT)
    organiser.keyboard.press("ArrowLeft")
    expect(organiser.locator("#booth-H1-A2")).to_have_attribute("data-x", "5", timeout=WAIT)
    expect(status).to_contain_text("Booth A2 saved.", timeout=WAIT)
    organiser.keyboard.press("ArrowLeft")
    expect(status).to_contain_text("Booth H1-A2 would overlap booth H1-A1.", timeout=WAIT)
    expect(organiser.locator("#booth-H1-A2")).to_have_attribute("data-x", "5", timeout=WAIT)
    _shot(organiser, "editor-en-1366-refused")
    assert _serious_accessibility_violations(organiser) == []
    a2.refresh_from_db()
    assert (a2.x, a2.version) == (Decimal("5.00"), 3)

    # Mouse: drag A3 two metres east (fine), then back onto A2 (refused).
    box = organiser.locator("#booth-H1-A3 rect").bounding_box()
    svg_box = organiser.locator("svg.floorplan").bounding_box()
    per_metre = svg_box["width"] / 33  # the viewBox is the hall plus 1.5 m each side
    start = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    organiser.mouse.move(*start)
    organiser.mouse.down()
    organiser.mouse.move(start[0] + per_metre, start[1], steps=5)
    organiser.mouse.move(start[0] + 2 * per_metre, start[1], steps=5)
    organiser.mouse.up()
    expect(status).to_contain_text("Booth A3 saved.", timeout=WAIT)
    expect(organiser.locator("#booth-H1-A3")).to_have_attribute("data-x", "14", timeout=WAIT)
    box = organiser.locator("#booth-H1-A3 rect").bounding_box()
    start = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    organiser.mouse.move(*start)
    organiser.mouse.down()
    organiser.mouse.move(start[0] - 4 * per_metre, start[1], steps=5)
    organiser.mouse.move(start[0] - 8 * per_metre, start[1], steps=5)
    organiser.mouse.up()
    expect(status).to_contain_text("Booth H1-A3 would overlap booth H1-A2.", timeout=WAIT)
    a3.refresh_from_db()
    assert a3.x == Decimal("14.00")
    assert Booth.objects.get(code="A2").x == Decimal("5.00")

    # A visitor on a phone, in Chinese: the published plan, never the working plan.
    visitor_context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport=PHONE, is_mobile=True
    )
    visitor_context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "zh-hans", "url": live_server.url}]
    )
    visitor_context.set_default_timeout(WAIT)
    visitor = visitor_context.new_page()
    visitor.goto(f"/e/{slug}/exhibition/plan/")
    expect(visitor.locator("h1")).to_contain_text("展位平面图", timeout=WAIT)
    assert "Unpublished Newcomer" not in visitor.content()
    panel = visitor.locator("#booth-H1-A1")
    expect(panel).to_be_hidden(timeout=WAIT)
    visitor.locator("a.booth[href='#booth-H1-A1']").click()
    expect(panel).to_be_visible(timeout=WAIT)
    expect(panel).to_contain_text("大连软件有限公司", timeout=WAIT)
    expect(panel).to_contain_text("Dalian Software Co", timeout=WAIT)
    expect(panel).to_contain_text("软件外包", timeout=WAIT)
    assert visitor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(visitor, "public-zh-390")
    assert _serious_accessibility_violations(visitor) == []
    # Keyboard: the booth is a link, Enter shows the panel too.
    visitor.goto(f"/e/{slug}/exhibition/plan/")
    visitor.locator("a.booth[href='#booth-H1-A1']").focus()
    visitor.keyboard.press("Enter")
    expect(visitor.locator("#booth-H1-A1")).to_be_visible(timeout=WAIT)

    if SHOTS:
        state = context.storage_state()
        for language, locale in (("en", "en-US"), ("zh-hans", "zh-CN")):
            for name, viewport in (("1366", DESKTOP), ("390", PHONE)):
                ctx = browser.new_context(
                    base_url=live_server.url, locale=locale, viewport=viewport, storage_state=state
                )
                ctx.add_cookies(
                    [
                        {
                            "name": settings.LANGUAGE_COOKIE_NAME,
                            "value": language,
                            "url": live_server.url,
                        }
                    ]
                )
                tab = ctx.new_page()
                tab.goto(f"/e/{slug}/exhibition/plan/#booth-H1-A1")
                _shot(tab, f"public-{language}-{name}")
                tab.emulate_media(media="print")
                _shot(tab, f"public-{language}-{name}-print")
                tab.emulate_media(media="screen")
                tab.goto(f"/organiser/{slug}/exhibition/plan/halls/{h.pk}/?booth={a2.pk}")
                _shot(tab, f"editor-{language}-{name}")
                tab.goto(f"/organiser/{slug}/exhibition/plan/")
                _shot(tab, f"halls-{language}-{name}")
