"""Two editions of the reference shape, shared by the figures and overview tests."""

import datetime

import pytest

from fairmatch.enterprises.models import Enterprise, State, StateChange
from tests.factories import EditionFactory, FieldFactory, ParticipationFactory


def participations(edition, state, count, *, country="US", was_waiting=False, **extra):
    made = []
    for _ in range(count):
        participation = ParticipationFactory(
            edition=edition, state=state, enterprise__country=country, **extra
        )
        if was_waiting:
            StateChange.objects.create(
                participation=participation,
                from_state=State.SUBMITTED,
                to_state=State.WAITING_CONFIRMATION,
            )
        made.append(participation)
    return made


@pytest.fixture
def previous():
    """6 qualified; of the 5 once waiting, 3 confirmed, 1 withdrew and 1 never answered."""
    edition = EditionFactory(
        slug="dalian-2026",
        status="finished",
        start_date=datetime.date(2026, 6, 15),
        end_date=datetime.date(2026, 6, 16),
    )
    participations(edition, State.CONFIRMED, 3, was_waiting=True)
    participations(edition, State.WITHDRAWN, 1, was_waiting=True)
    participations(edition, State.WAITING_CONFIRMATION, 1, was_waiting=True)
    participations(edition, State.QUALIFIED, 2)
    participations(edition, State.CONFIRMED, 1, country="CN")
    return edition


@pytest.fixture
def current(previous):
    """9 qualified (US 4, JP 3, CN 2), 4 waiting, 1 rejected, 1 draft."""
    edition = EditionFactory(slug="dalian-2027", previous=previous)
    software = FieldFactory(code="software")
    pharma = FieldFactory(code="pharma", name_en="Pharmaceutical R&D")
    for participation in participations(edition, State.QUALIFIED, 2, country="US"):
        participation.enterprise.fields.add(software, pharma)
    participations(edition, State.CONFIRMED, 2, country="US", is_exhibitor=True)
    participations(edition, State.QUALIFIED, 3, country="JP")
    participations(
        edition, State.QUALIFIED, 2, country="CN", enterprise__kind=Enterprise.Kind.PROVIDER
    )
    participations(edition, State.WAITING_CONFIRMATION, 4, country="IN")
    participations(edition, State.REJECTED, 1, country="KR")
    participations(edition, State.DRAFT, 1, country="FR")
    return edition
