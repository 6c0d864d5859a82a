"""The demo's simulated first day, on a small edition: check-ins, outcomes, leads."""

import pytest

from fairmatch.demo.onsite_day import simulate_first_day
from fairmatch.onsite.models import CheckIn, Lead, MeetingAttendance
from fairmatch.reports.figures import onsite_figures
from tests.factories import DelegateFactory, OrganiserFactory, ParticipationFactory
from tests.onsite.helpers import day_edition

pytestmark = pytest.mark.django_db


def test_the_simulated_day_writes_what_the_figures_count():
    edition, meeting, *_ = day_edition()
    meeting.slot.session.date = edition.start_date
    exhibitor = ParticipationFactory(
        edition=edition, state="qualified", is_exhibitor=True, is_negotiator=False
    )
    DelegateFactory(participation=exhibitor)
    result = simulate_first_day(edition=edition, organiser=OrganiserFactory(), seed=7)
    figures = onsite_figures(edition)
    assert result.checked_in == CheckIn.objects.count() == figures.checked_in_people
    assert result.held + result.missed == MeetingAttendance.objects.count()
    assert (figures.meetings_held, figures.meetings_missed) == (result.held, result.missed)
    assert result.leads == Lead.objects.count()
