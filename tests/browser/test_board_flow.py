"""In a real Chromium: the organiser works the schedule board — drags a meeting to a free
place, sees a clash refused in place before anything is saved, moves a meeting with the
keyboard, cancels one (confirmed) and undoes it — at a laptop's width and a phone's, in
English and in Chinese. Screenshots go to /tmp/board-shots for a person to look at."""

import datetime
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from fairmatch.scheduling.domain.grid import rebuild_slots
from fairmatch.scheduling.models import (
    Meeting,
    MeetingState,
    NegotiationSession,
    RunStatus,
    ScheduleRun,
    Slot,
)
from tests.browser.login import log_in_organiser
from tests.factories import OrganiserFactory
from tests.matching.helpers import buyer
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/board-shots")
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
BUYERS = [
    ("Dalian Hi-Think Computer Technology Corporation Limited", "大连华信计算机技术股份有限公司"),
    ("Northwind Global Sourcing Partners GmbH", "Northwind Global Sourcing Partners GmbH"),
]
PROVIDERS = [
    "大连东软信息技术有限公司",
    "大连文思海辉软件服务有限公司",
    "大连渲染动画制作有限公司",
    "辽宁软件测试中心有限责任公司",
    "大连海创数据科技有限公司",
    "大连云帆翻译服务有限公司",
]


def board_edition():
    """Two sessions, four tables; buyer 0 meets three providers at table 1 from 9:00."""
    edition = grid_edition(slots=4, tables=4)
    NegotiationSession.objects.create(
        edition=edition,
        date=datetime.date(2027, 6, 15),
        part="afternoon",
        starts_at=datetime.time(14, 0),
        slot_count=4,
        slot_minutes=25,
        pause_minutes=5,
    )
    rebuild_slots(edition)
    hosts = [buyer(edition, name_en=en, name_original=original) for en, original in BUYERS]
    accepted_meetings(edition, 3, buyers=hosts[:1])
    accepted_meetings(edition, 3, buyers=hosts[1:])
    meetings = list(Meeting.objects.filter(edition=edition).order_by("pk"))
    for meeting, name in zip(meetings, PROVIDERS, strict=True):
        enterprise = meeting.first.enterprise
        enterprise.name_original = name
        enterprise.name_en = f"Provider {PROVIDERS.index(name) + 1} Software Services Co., Ltd."
        enterprise.save()
    place_in_turn(meetings[:3], table_number=1)
    place_in_turn(meetings[3:5], table_number=3)
    return edition, meetings


def open_board(browser, live_server, edition, *, viewport, locale="en-US"):
    page = browser.new_context(
        base_url=live_server.url, locale=locale, viewport=viewport
    ).new_page()
    log_in_organiser(page, "staff@fairmatch.example")
    page.goto(f"/organiser/{edition.slug}/schedule/board/")
    return page


def cell(page, slot_index, table_number):
    slot = Slot.objects.get(session__part="morning", index=slot_index)
    column = table_number + 1  # the first column holds the times
    return page.locator(f"#board tbody td.cell[data-slot='{slot.pk}']:nth-child({column})")


def meeting_button(page, meeting):
    return page.locator(f"#board button.meeting[data-meeting='{meeting.pk}']")


def place(meeting):
    meeting.refresh_from_db()
    return (meeting.state, meeting.slot.index if meeting.slot else None, meeting.table_id)


def no_page_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page scrolls sideways ({width} px)"


def test_drag_a_meeting_see_a_clash_refused_and_move_with_the_keyboard(browser, live_server):
    edition, (first, second, third, *_rest) = board_edition()
    OrganiserFactory(email="staff@fairmatch.example")
    page = open_board(browser, live_server, edition, viewport=LAPTOP)
    expect(page.locator("#board tbody th.time").first).to_contain_text("09:00")
    expect(meeting_button(page, first)).to_have_attribute(
        "title",
        f"{PROVIDERS[0]} (Provider 1 Software Services Co., Ltd.) – {BUYERS[0][1]} "
        f"({BUYERS[0][0]})",
    )
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / "board-en-1366.png", full_page=True)

    # A clash, refused in place before anything is saved: the buyer meets someone at 9:30.
    meeting_button(page, first).drag_to(cell(page, 1, 2))
    expect(page.locator("#board-status")).to_have_text(
        f"09:30 · Table 2: {BUYERS[0][0]} already meets someone else in this slot."
    )
    expect(cell(page, 1, 2)).to_have_class(re.compile(r"\bdrop-refused\b"))
    assert place(first)[1] == 0
    page.screenshot(path=SHOTS / "board-en-1366-refused.png")

    # A free place: moved, and the board says so.
    meeting_button(page, first).drag_to(cell(page, 3, 2))
    expect(page.locator(".message.success")).to_have_text("The schedule has been changed.")
    assert place(first)[1] == 3
    expect(cell(page, 3, 2).locator("button.meeting")).to_have_attribute(
        "data-meeting", str(first.pk)
    )
    # Once the board has settled, the focus is back on the meeting moved (a key pressed
    # before that would act on the board being replaced).
    expect(meeting_button(page, first)).to_be_focused()

    # The keyboard: pick up the 10:00 meeting, one place right (table 2), put it there.
    meeting_button(page, third).focus()
    page.keyboard.press("Enter")
    expect(meeting_button(page, third)).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#board-status")).to_have_text(
        "10:00 · Table 2: Free: the meeting can move here."
    )
    page.keyboard.press("Enter")
    expect(page.locator(".message.success")).to_have_text("The schedule has been changed.")
    expect(cell(page, 2, 2).locator("button.meeting")).to_be_focused()
    assert place(third)[1] == 2 and third.table.number == 2
    assert place(second)[1] == 1  # untouched
    page.context.close()


def test_cancel_confirmed_then_undone_with_the_filters_kept(browser, live_server):
    edition, (first, *_rest) = board_edition()
    OrganiserFactory(email="staff@fairmatch.example")
    page = open_board(browser, live_server, edition, viewport=LAPTOP)
    page.get_by_label("Find an enterprise").fill("华信")
    expect(page).to_have_url(re.compile(r"/board/\?.*q=%E5%8D%8E%E4%BF%A1"))
    expect(page.locator("#board button.meeting.dim")).to_have_count(2)  # the other buyer's
    meeting_button(page, first).click()
    details = page.locator("#board-details")
    expect(details).to_contain_text(BUYERS[0][1])
    expect(details).to_contain_text(BUYERS[0][0])
    details.get_by_role("button", name="Cancel the meeting").click()
    dialog = page.locator("#board-confirm")
    expect(dialog).to_contain_text("You can undo it until the next release.")
    page.screenshot(path=SHOTS / "board-en-1366-confirm.png")
    dialog.get_by_role("button", name="Keep it as it is").click()
    assert place(first)[0] == MeetingState.SCHEDULED
    details.get_by_role("button", name="Cancel the meeting").click()
    dialog.get_by_role("button", name="Yes, do it").click()
    expect(page.locator(".message.success")).to_contain_text("Cancelled:")
    assert place(first)[0] == MeetingState.CANCELLED
    expect(page.get_by_label("Find an enterprise")).to_have_value("华信")
    expect(page.locator("#board button.meeting.dim")).to_have_count(2)
    page.locator("#board-undo").get_by_role("button", name="Undo").click()
    expect(page.locator(".message.success")).to_contain_text("Undone:")
    assert place(first) == (MeetingState.SCHEDULED, 0, first.table_id)
    expect(meeting_button(page, first)).to_be_visible()
    page.context.close()


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_the_board_on_a_phone_scrolls_inside_its_box(browser, live_server, locale):
    edition, (first, *_rest) = board_edition()
    OrganiserFactory(email="staff@fairmatch.example")
    page = open_board(browser, live_server, edition, viewport=PHONE, locale=locale)
    language = "zh" if locale == "zh-CN" else "en"
    expect(page.locator("#board")).to_be_visible()
    no_page_scroll(page)
    box = page.locator("#board-scroll")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")  # the grid scrolls in its box
    page.screenshot(path=SHOTS / f"board-{language}-390.png", full_page=True)
    # On a touch screen: the details' "Move or swap", a tap on the new place shows the
    # server's answer there, a second tap puts the meeting there.
    meeting_button(page, first).click()
    page.locator("#board-details [data-board-pick]").click()
    target = cell(page, 3, 2)
    target.click()
    expect(target).to_have_class(re.compile(r"\bdrop-ok\b"))
    assert place(first)[1] == 0
    no_page_scroll(page)
    target.click()
    expect(page.locator(".message.success")).to_be_visible()
    assert place(first)[1] == 3
    no_page_scroll(page)
    page.locator(".board-views a").nth(1).click()  # slots × participants
    expect(page.locator("#board.people")).to_be_visible()
    no_page_scroll(page)
    page.screenshot(path=SHOTS / f"board-{language}-390-people.png", full_page=True)
    if language == "zh":
        page.set_viewport_size(LAPTOP)
        page.reload()
        page.screenshot(path=SHOTS / "board-zh-1366.png", full_page=True)
    page.context.close()


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_a_running_run_shows_its_figures_and_offers_only_cancel(browser, live_server, locale):
    edition, _meetings = board_edition()
    run = ScheduleRun.objects.create(
        edition=edition,
        status=RunStatus.RUNNING,
        meetings=6,
        inputs={"meetings": 6, "participants": 8, "slots": 8, "tables": 4, "locked": 0},
        progress={
            "phase": "search",
            "seconds": 3.0,
            "placed": 5,
            "upper_bound": 6,
            "breaks": 2,
            "breaks_lower_bound": 0,
        },
    )
    OrganiserFactory(email="staff@fairmatch.example")
    language = "zh" if locale == "zh-CN" else "en"
    # One log-in (a TOTP code is good once), then the page at each width.
    page = browser.new_context(base_url=live_server.url, locale=locale, viewport=LAPTOP).new_page()
    log_in_organiser(page, "staff@fairmatch.example")
    for viewport in (LAPTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(f"/organiser/{edition.slug}/schedule/runs/{run.pk}/")
        expect(page.locator("#run-placed")).to_have_text("5")
        expect(page.locator("#run-placed-gap")).to_have_text("16.7 %")
        expect(page.locator("#run-actions form")).to_have_count(1)  # cancel, no apply
        expect(page.locator("#run-actions a")).to_have_count(0)
        # The page asks for the figures every second: new progress shows without a reload.
        ScheduleRun.objects.filter(pk=run.pk).update(
            progress={**run.progress, "placed": 6, "breaks": 1, "seconds": 4.0}
        )
        expect(page.locator("#run-placed")).to_have_text("6", timeout=5000)
        expect(page.locator("#run-placed-gap")).to_have_text("0.0 %")
        no_page_scroll(page)
        width = viewport["width"]
        page.screenshot(path=SHOTS / f"run-{language}-{width}.png", full_page=True)
        ScheduleRun.objects.filter(pk=run.pk).update(progress=run.progress)
    page.context.close()


def test_drop_a_meeting_on_another_to_swap_them(browser, live_server):
    edition, meetings = board_edition()
    first, fourth = meetings[0], meetings[3]  # 9:00 at table 1 and at table 3
    OrganiserFactory(email="staff@fairmatch.example")
    page = open_board(browser, live_server, edition, viewport=LAPTOP)
    tables = (place(first)[2], place(fourth)[2])
    meeting_button(page, first).drag_to(meeting_button(page, fourth))
    expect(page.locator("#board-main .message.success")).to_have_text(
        "The schedule has been changed."
    )
    assert (place(first)[2], place(fourth)[2]) == (tables[1], tables[0])
    expect(cell(page, 0, 3).locator("button.meeting")).to_have_attribute(
        "data-meeting", str(first.pk)
    )
    page.context.close()
