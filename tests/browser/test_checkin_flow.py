"""In a real Chromium: staff check a delegate in on a phone-sized page by typing the badge
code (no camera), a second time is refused politely; both parties mark their meeting held;
the organiser's overview counts the check-in."""

import pytest
from playwright.sync_api import expect

from fairmatch.onsite.domain import tokens
from fairmatch.onsite.models import CheckIn, MeetingAttendance
from fairmatch.scheduling.models import MeetingState
from tests.browser.login import log_in, log_in_organiser
from tests.factories import OrganiserFactory, UserFactory
from tests.onsite.helpers import day_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_staff_check_in_by_code_and_both_parties_mark_the_meeting_held(browser, live_server):
    edition, meeting, buyer_badge, _provider_badge = day_edition()
    OrganiserFactory(email="staff@fairmatch.example", full_name="Chen Jing")
    UserFactory(enterprise=meeting.first.enterprise, email="provider@example.cn")
    UserFactory(enterprise=meeting.second.enterprise, email="buyer@example.de")

    staff = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport=PHONE, is_mobile=True
    ).new_page()
    log_in_organiser(staff, "staff@fairmatch.example")
    staff.goto(f"/organiser/{edition.slug}/onsite/")
    staff.get_by_label("Badge code").fill(tokens.display_code(buyer_badge.code).lower())
    staff.get_by_role("button", name="Check in", exact=True).click()
    outcome = staff.locator("#checkin-outcome")
    expect(outcome).to_have_attribute("data-outcome", "checked-in")
    expect(outcome).to_contain_text("Anna Becker")
    expect(outcome).to_contain_text("First meeting:")
    expect(outcome).to_contain_text("Shanghai Outsourcing")
    # The page fits the phone: nothing wider than the screen.
    assert staff.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    staff.get_by_label("Badge code").fill(buyer_badge.code)
    staff.get_by_role("button", name="Check in", exact=True).click()
    expect(outcome).to_have_attribute("data-outcome", "already")
    expect(outcome).to_contain_text("Already checked in at")
    expect(outcome).to_contain_text("by Chen Jing")
    assert CheckIn.objects.filter(badge=buyer_badge).count() == 1

    staff.get_by_label("Badge code").fill("ZZZZ-ZZZZ")
    staff.get_by_role("button", name="Check in", exact=True).click()
    expect(outcome).to_have_attribute("data-outcome", "refused")
    expect(outcome).to_contain_text("No badge of this edition has the code ZZZZ-ZZZZ.")

    for email in ("provider@example.cn", "buyer@example.de"):
        party = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
        log_in(party, email)
        party.goto(f"/e/{edition.slug}/day/")
        party.get_by_role("button", name="It took place").click()
        expect(party.locator(f"tr[data-meeting='{meeting.pk}']")).to_contain_text("held")
    attendance = MeetingAttendance.objects.get(meeting=meeting)
    assert (attendance.outcome, attendance.confirmed_by_both) == ("held", True)
    meeting.refresh_from_db()
    assert meeting.state == MeetingState.HELD
    expect(party.locator(f"tr[data-meeting='{meeting.pk}']")).to_contain_text("confirmed by both")

    staff.set_viewport_size({"width": 1200, "height": 900})
    staff.goto(f"/organiser/{edition.slug}/")
    expect(staff.locator("#checkin-by-role tr[data-key='buyer'] td").nth(1)).to_have_text("1")
