"""Press accreditation: register, approve (a press badge follows), reject, refusals."""

import pytest

from fairmatch.conference.models import Edition
from fairmatch.onsite.domain import press
from fairmatch.onsite.domain.checkin import find_badge
from fairmatch.onsite.models import Badge, PressState
from tests.factories import EditionFactory, OrganiserFactory

pytestmark = pytest.mark.django_db


def _register(edition, email="li@daily.example"):
    return press.register(
        edition=edition, full_name="李华", outlet="Daily News", country="CN", email=email
    )


def test_registering_twice_with_one_address_makes_one_request():
    edition = EditionFactory()
    first, created = _register(edition)
    again, created_again = _register(edition, email="LI@daily.example ")
    assert (created, created_again, first.pk) == (True, False, again.pk)
    assert first.state == PressState.PENDING


def test_approval_issues_a_press_badge_that_checks_in():
    edition = EditionFactory()
    accreditation, _ = _register(edition)
    press.decide(accreditation=accreditation, state=PressState.APPROVED, user=OrganiserFactory())
    badge = Badge.objects.get(press=accreditation)
    assert (badge.role, badge.name, badge.organisation_en) == ("press", "李华", "Daily News")
    assert find_badge(edition=edition, text=badge.code) == badge


def test_rejection_and_a_decision_taken_twice():
    edition = EditionFactory()
    accreditation, _ = _register(edition)
    press.decide(accreditation=accreditation, state=PressState.REJECTED, user=None)
    assert not Badge.objects.exists()
    with pytest.raises(press.PressError, match="rejected already"):
        press.decide(accreditation=accreditation, state=PressState.REJECTED, user=None)


def test_a_finished_edition_takes_no_accreditation():
    edition = EditionFactory(status=Edition.Status.FINISHED)
    with pytest.raises(press.PressError, match="over"):
        _register(edition)
