"""Check-in: by scanned token or typed code, once; forged, other-edition, replaced and
expired badges refused with a reason; absentees marked in one action."""

import datetime

import pytest
from django.core import signing
from django.utils import timezone

from fairmatch.onsite.domain import tokens
from fairmatch.onsite.domain.badges import issue_badges, replace_badge, token_of
from fairmatch.onsite.domain.checkin import (
    BadgeRefused,
    check_in,
    find_badge,
    mark_absent_by,
    next_meeting,
    not_checked_in_by,
    search_badges,
)
from fairmatch.onsite.models import Badge, CheckIn, CheckInMethod
from fairmatch.scheduling.models import MeetingState
from tests.factories import DelegateFactory, OrganiserFactory
from tests.onsite.helpers import day_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return day_edition()


def test_every_attending_delegate_of_an_admitted_participation_gets_one_badge(day):
    edition, _meeting, buyer_badge, provider_badge = day
    assert Badge.objects.filter(edition=edition).count() == 2
    assert (buyer_badge.role, provider_badge.role) == ("buyer", "provider")
    assert provider_badge.organisation_original == "上海外包有限公司"
    assert issue_badges(edition=edition) == 0  # nothing twice


def test_codes_are_random_not_ids(day):
    _edition, _meeting, buyer_badge, provider_badge = day
    for badge in (buyer_badge, provider_badge):
        assert len(badge.code) == tokens.CODE_LENGTH
        assert set(badge.code) <= set(tokens.ALPHABET)
    assert buyer_badge.code != provider_badge.code


def test_a_scanned_token_finds_its_badge(day):
    edition, _meeting, buyer_badge, _ = day
    assert find_badge(edition=edition, text=token_of(buyer_badge)) == buyer_badge


def test_a_typed_code_finds_its_badge_whatever_the_case_and_dashes(day):
    edition, _meeting, buyer_badge, _ = day
    typed = tokens.display_code(buyer_badge.code).lower()
    assert find_badge(edition=edition, text=f"  {typed} ") == buyer_badge


def test_check_in_is_recorded_once(day):
    _edition, _meeting, buyer_badge, _ = day
    staff = OrganiserFactory()
    first = check_in(badge=buyer_badge, user=staff, method=CheckInMethod.SCAN)
    again = check_in(badge=buyer_badge, user=OrganiserFactory())
    assert (first.created, again.created) == (True, False)
    assert again.check_in == first.check_in
    assert again.check_in.by == staff
    assert CheckIn.objects.filter(badge=buyer_badge).count() == 1


def test_a_forged_token_is_refused(day):
    edition, _meeting, buyer_badge, _ = day
    forged = signing.dumps([edition.pk, buyer_badge.code, 1], salt="not-ours")
    with pytest.raises(BadgeRefused, match="forged"):
        find_badge(edition=edition, text=forged)
    value, _, signature = token_of(buyer_badge).rpartition(":")
    with pytest.raises(BadgeRefused, match="forged"):
        find_badge(edition=edition, text=f"{value}:{signature[:-2]}xx")


def test_another_editions_token_and_code_are_refused(day):
    edition, _meeting, _buyer_badge, _ = day
    _other, _m, other_badge, _p = day_edition()
    with pytest.raises(BadgeRefused, match="another edition"):
        find_badge(edition=edition, text=token_of(other_badge))
    with pytest.raises(BadgeRefused, match="another edition"):
        find_badge(edition=edition, text=other_badge.code)
    assert CheckIn.objects.count() == 0


def test_an_unknown_code_is_refused():
    edition, *_ = day_edition()
    with pytest.raises(BadgeRefused, match="No badge of this edition has the code"):
        find_badge(edition=edition, text="ZZZZ-ZZZZ")
    with pytest.raises(BadgeRefused, match="Scan a badge"):
        find_badge(edition=edition, text="   ")


def test_a_replaced_badge_no_longer_works(day):
    edition, _meeting, buyer_badge, _ = day
    old_token, old_code = token_of(buyer_badge), buyer_badge.code
    new = replace_badge(badge=buyer_badge, user=None)
    assert new.revision == 2
    with pytest.raises(BadgeRefused, match="replaced"):
        find_badge(edition=edition, text=old_token)
    with pytest.raises(BadgeRefused, match="No badge"):
        find_badge(edition=edition, text=old_code)
    assert find_badge(edition=edition, text=token_of(new)) == new


def test_a_badge_of_an_edition_that_is_over_has_expired(day):
    edition, _meeting, buyer_badge, _ = day
    edition.start_date = edition.end_date = timezone.localdate() - datetime.timedelta(days=3)
    edition.save()
    with pytest.raises(BadgeRefused, match="expired"):
        find_badge(edition=edition, text=token_of(buyer_badge))


def test_search_finds_by_person_and_organisation(day):
    edition, _meeting, buyer_badge, provider_badge = day
    assert search_badges(edition=edition, query="anna") == [buyer_badge]
    assert search_badges(edition=edition, query="上海") == [provider_badge]
    assert search_badges(edition=edition, query="a") == []


def test_the_first_meeting_not_yet_over_is_shown_with_the_other_party(day):
    _edition, meeting, buyer_badge, provider_badge = day
    shown = next_meeting(buyer_badge)
    assert (shown.meeting_id, shown.starts_at, shown.table_number) == (
        meeting.pk,
        meeting.slot.starts_at,
        meeting.table.number,
    )
    assert (shown.counterpart.name_original, shown.counterpart.name_en) == (
        "上海外包有限公司",
        "Shanghai Outsourcing",
    )
    assert next_meeting(provider_badge).counterpart.name_en == "Berlin Buyer GmbH"
    assert next_meeting(buyer_badge, now=meeting.slot.ends_at) is None


def test_not_checked_in_by_a_time_are_marked_absent_in_one_action(day):
    edition, meeting, buyer_badge, provider_badge = day
    check_in(badge=provider_badge, user=None)
    deadline = timezone.now()
    absentee = buyer_badge.delegate.participation
    assert list(not_checked_in_by(edition=edition, deadline=deadline)) == [absentee]
    # Its meeting, not yet over, is cancelled: the slot is free for rescheduling.
    absent, cancelled = mark_absent_by(edition=edition, deadline=deadline, user=None)
    assert (absent, cancelled) == (1, 1)
    meeting.refresh_from_db()
    assert (meeting.state, meeting.slot) == (MeetingState.CANCELLED, None)


def test_a_walk_in_delegate_gets_a_badge_on_the_spot(day):
    from fairmatch.onsite.domain.badges import badge_for_delegate

    edition, meeting, *_ = day
    walk_in = DelegateFactory(participation=meeting.first, full_name="Late Comer")
    badge = badge_for_delegate(delegate=walk_in)
    assert badge_for_delegate(delegate=walk_in) == badge
    assert find_badge(edition=edition, text=badge.code) == badge
