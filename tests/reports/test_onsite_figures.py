"""The day's figures: checked in (enterprises and people), meetings held and missed."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from fairmatch.onsite.domain.attendance import mark_meeting
from fairmatch.onsite.domain.checkin import check_in
from fairmatch.reports.figures import Segment, onsite_figures
from tests.onsite.helpers import day_edition

pytestmark = pytest.mark.django_db


def test_check_ins_and_meeting_outcomes_are_counted_once():
    edition, meeting, buyer_badge, provider_badge = day_edition()
    check_in(badge=buyer_badge, user=None)
    check_in(badge=buyer_badge, user=None)  # a second scan counts nothing
    mark_meeting(meeting=meeting, outcome="held", participation=meeting.first, user=None)
    mark_meeting(meeting=meeting, outcome="held", participation=meeting.second, user=None)
    figures = onsite_figures(edition)
    assert figures.to_json() == {
        "checked_in": 1,
        "checked_in_people": 1,
        "meetings_held": 1,
        "meetings_missed": 0,
    }
    # The buyer is German, the provider Chinese (the host): both segments see the meeting.
    foreign = onsite_figures(edition, segment=Segment.FOREIGN)
    domestic = onsite_figures(edition, segment=Segment.DOMESTIC)
    assert (foreign.checked_in, foreign.meetings_held) == (1, 1)
    assert (domestic.checked_in, domestic.meetings_held) == (0, 1)
    check_in(badge=provider_badge, user=None)
    mark_meeting(meeting=meeting, outcome="missed", absent="first", user=None)
    out = StringIO()
    call_command("figures", "--json", "--edition", edition.slug, stdout=out)
    data = json.loads(out.getvalue())
    assert (data["checked_in"], data["meetings_held"], data["meetings_missed"]) == (2, 0, 1)
    assert data["foreign"]["checked_in"] == 1
