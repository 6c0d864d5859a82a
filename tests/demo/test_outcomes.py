"""The demo's outcomes: the reference event's USD 260 million signed at the previous
edition, with a follow-up; intentions after held meetings and a press snapshot now."""

from decimal import Decimal

import pytest

from fairmatch.conference.models import Edition
from fairmatch.outcomes.domain.held import meeting_was_held
from fairmatch.outcomes.domain.totals import intention_totals
from fairmatch.outcomes.models import Intention


@pytest.fixture
def current(demo_conference, db):
    return Edition.objects.get(slug="soc-2027")


def test_the_previous_edition_signed_about_usd_260_million_and_was_followed_up(current):
    totals = intention_totals(current.previous)
    assert abs(totals.total_usd - Decimal("260000000")) < Decimal("1000")
    assert totals.unconverted == []
    assert totals.follow_ups_sent == totals.confirmed
    assert 0 < totals.contracts < totals.follow_ups_answered <= totals.follow_ups_sent


def test_the_current_edition_has_intentions_after_held_meetings_and_a_snapshot(current):
    recorded = Intention.objects.filter(edition=current).select_related("meeting__slot")
    assert recorded.count() > 0
    assert all(meeting_was_held(intention.meeting) for intention in recorded)
    assert sorted(set(recorded.values_list("state", flat=True))) == [
        "confirmed",
        "disputed",
        "recorded",
    ]
    (snapshot,) = current.press_snapshots.all()
    assert Decimal(snapshot.figures["previous_intentions_total_usd"]) == intention_totals(
        current.previous
    ).total_usd.quantize(Decimal("0.01"))
