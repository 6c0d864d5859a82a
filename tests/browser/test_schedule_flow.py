"""In a real Chromium: the organiser runs the solver, reviews, moves a meeting and
publishes; the delegate sees the change in the Chinese interface and downloads the ICS."""

from zoneinfo import ZoneInfo

import pytest
import vobject
from django.utils import translation
from playwright.sync_api import expect

from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import Meeting, Release, Slot, Unavailability
from tests.browser.login import log_in, log_in_organiser
from tests.factories import DelegateFactory, OrganiserFactory, UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_run_review_move_publish_and_the_delegate_sees_it_in_chinese(browser, live_server):
    edition = grid_edition(slots=4, tables=2)
    (buyer,) = accepted_meetings(edition, 2)
    DelegateFactory(participation=buyer, full_name="Keiko Yamada")
    UserFactory(enterprise=buyer.enterprise, email="keiko@example.jp", language="zh-hans")
    OrganiserFactory(email="staff@fairmatch.example")

    # Tall enough for the drag below to start and end in view.
    organiser = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 1366, "height": 1100}
    ).new_page()
    log_in_organiser(organiser, "staff@fairmatch.example")
    organiser.goto(f"/organiser/{edition.slug}/schedule/")
    organiser.get_by_label("Time limit (seconds)").fill("10")
    organiser.get_by_role("button", name="Run the solver").click()
    expect(organiser.locator("#run-state")).to_have_text("finished")
    organiser.get_by_role("link", name="Review the changes and apply").click()
    expect(organiser.locator("#apply-summary")).to_have_text(
        "Applying this run moves 0 meetings (0 unplaced, 2 newly placed) and 3 participants "
        "will be mailed at the next publication."
    )
    organiser.get_by_role("button", name="Apply this run to the schedule").click()
    expect(organiser.locator(".message.success")).to_contain_text("2 meetings placed")
    expect(organiser.locator("#board .meeting")).to_have_count(2)

    organiser.wait_for_load_state()  # the board's script is in place
    moved = Meeting.objects.order_by("slot__index").first()
    last_slot = edition.negotiation_sessions.get().slots.order_by("index").last()
    table_2 = edition.negotiation_tables.get(number=2)
    organiser.locator(f"#board button.meeting[data-meeting='{moved.pk}']").drag_to(
        organiser.locator(f"#board td[data-slot='{last_slot.pk}'][data-table='{table_2.pk}']")
    )
    expect(organiser.locator("#board-main .message.success")).to_have_text(
        "The schedule has been changed."
    )

    organiser.goto(f"/organiser/{edition.slug}/schedule/")
    organiser.get_by_label("Name of the release").fill("final")
    organiser.get_by_role("button", name="Publish").click()
    expect(organiser.locator(".message.success")).to_contain_text("Version 1 published")
    organiser.context.close()
    released = Release.objects.get().entries.get(meeting=moved)
    assert (released.starts_at, released.table_number) == (last_slot.starts_at, 2)

    delegate = browser.new_context(
        base_url=live_server.url, locale="zh-CN", accept_downloads=True
    ).new_page()
    log_in(delegate, "keiko@example.jp")
    delegate.goto(f"/e/{edition.slug}/agenda/")
    expect(delegate.locator("html")).to_have_attribute("lang", "zh-hans")
    with translation.override("zh-hans"):
        heading = translation.gettext("My agenda")
    assert heading != "My agenda", "the Chinese catalogue must translate the agenda page"
    expect(delegate.get_by_role("heading", name=heading)).to_be_visible()
    expect(delegate.locator("#agenda")).to_contain_text("10:30")  # the moved meeting
    with delegate.expect_download() as download_info:
        delegate.evaluate(
            "url => { const a = document.createElement('a'); a.href = url;"
            " a.download = 'agenda.ics'; document.body.appendChild(a); a.click(); }",
            delegate.locator("a.ics").get_attribute("href"),
        )
    with open(download_info.value.path(), encoding="utf-8") as downloaded:
        content = downloaded.read()
    calendar = vobject.readOne(content)
    shanghai = ZoneInfo("Asia/Shanghai")
    starts = sorted(event.dtstart.value.astimezone(shanghai) for event in calendar.vevent_list)
    other = Meeting.objects.exclude(pk=moved.pk).get()
    expected = sorted([other.slot.starts_at.astimezone(shanghai).strftime("%H:%M"), "10:30"])
    assert [start.strftime("%H:%M") for start in starts] == expected
    delegate.context.close()


def test_a_delegate_replaces_a_leaked_calendar_address(browser, live_server):
    edition = grid_edition(slots=2, tables=1)
    (buyer,) = accepted_meetings(edition, 1)
    meeting = Meeting.objects.get()
    meeting.slot, meeting.table = (
        edition.negotiation_sessions.get().slots.first(),
        (edition.negotiation_tables.get()),
    )
    meeting.save()
    releases.publish(edition=edition, name="final", user=None)
    DelegateFactory(participation=buyer, full_name="Keiko Yamada")
    UserFactory(enterprise=buyer.enterprise, email="keiko@example.jp")

    delegate = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in(delegate, "keiko@example.jp")
    delegate.goto(f"/e/{edition.slug}/agenda/")
    old = delegate.locator("a.ics").get_attribute("href")
    assert delegate.request.get(old).status == 200
    delegate.get_by_role("button", name="Get a new calendar address").click()
    expect(delegate.locator(".message.success")).to_have_text(
        "Keiko Yamada has a new calendar address; the old one no longer works."
    )
    new = delegate.locator("a.ics").get_attribute("href")
    assert new != old
    assert (delegate.request.get(old).status, delegate.request.get(new).status) == (404, 200)
    delegate.context.close()


def test_a_run_after_a_release_says_what_it_moves_before_it_is_applied(browser, live_server):
    edition = grid_edition(slots=4, tables=2)
    accepted_meetings(edition, 3)
    first, second, third = Meeting.objects.order_by("pk")
    table = edition.negotiation_tables.get(number=1)
    for meeting, slot in zip((first, second, third), Slot.objects.order_by("index"), strict=False):
        meeting.slot, meeting.table = slot, table
        meeting.save()
    releases.publish(edition=edition, name="final", user=None)
    # The provider of the first meeting can no longer come at 9:00: only that meeting moves.
    Unavailability.objects.create(participation=first.first, slot=first.slot)
    OrganiserFactory(email="staff@fairmatch.example")

    organiser = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in_organiser(organiser, "staff@fairmatch.example")
    organiser.goto(f"/organiser/{edition.slug}/schedule/")
    organiser.get_by_label("Time limit (seconds)").fill("10")
    organiser.get_by_role("button", name="Run the solver").click()
    expect(organiser.locator("#run-state")).to_have_text("finished")
    expect(organiser.locator("#run-moved")).to_have_text("1 meeting moves (2 participants)")
    organiser.get_by_role("link", name="Review the changes and apply").click()
    expect(organiser.locator("#apply-summary")).to_have_text(
        "Applying this run moves 1 meeting (0 unplaced, 0 newly placed) and 2 participants "
        "will be mailed at the next publication."
    )
    assert Meeting.objects.get(pk=first.pk).slot_id == first.slot_id  # nothing written yet
    organiser.get_by_role("button", name="Apply this run to the schedule").click()
    expect(organiser.locator(".message.success")).to_contain_text("3 meetings placed")
    moved = Meeting.objects.get(pk=first.pk)
    assert moved.slot.index == 3
    assert [m.slot_id for m in Meeting.objects.filter(pk__in=[second.pk, third.pk])] == [
        second.slot_id,
        third.slot_id,
    ]
    organiser.context.close()
