"""The organiser's review of exhibitors: the queue filters them and shows the size asked, the
participation page shows the exhibition part, the sponsor tier is set there (audited)."""

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.models import State
from fairmatch.exhibition.models import BoothStaff, ExhibitorApplication, NeighbourWish
from tests.exhibition.helpers import exhibition_part
from tests.factories import EditionFactory, OrganiserFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(slug="dalian-2027")


@pytest.fixture
def organiser(client):
    user = OrganiserFactory()
    client.force_login(user)
    return user


@pytest.fixture
def exhibitor(edition):
    participation = ParticipationFactory(
        edition=edition,
        is_negotiator=False,
        is_exhibitor=True,
        state=State.SUBMITTED,
        enterprise__name_original="Booth Builder <b>Ltd</b>",
    )
    application = exhibition_part(participation)
    partner = ParticipationFactory(edition=edition, enterprise__name_original="Partner Co")
    rival = ParticipationFactory(edition=edition, enterprise__name_original="Rival Co")
    NeighbourWish.objects.create(
        application=application, enterprise=partner.enterprise, kind="wanted"
    )
    NeighbourWish.objects.create(
        application=application, enterprise=rival.enterprise, kind="avoided"
    )
    BoothStaff.objects.create(application=application, full_name="Zhao Lei", email="z@example.cn")
    return participation


def test_the_queue_filters_exhibitors_and_shows_the_size_asked(
    client, organiser, edition, exhibitor, django_assert_max_num_queries
):
    ParticipationFactory(edition=edition, state=State.SUBMITTED, enterprise__name_original="Buyer")
    with django_assert_max_num_queries(12):  # as the queue, with the edition's zone
        response = client.get(f"/organiser/{edition.slug}/applications/?role=exhibitor")
    assert [p.enterprise.name_original for p in response.context["page"].object_list] == [
        "Booth Builder <b>Ltd</b>"
    ]
    body = response.content.decode()
    assert "9–18 m²" in body and "<b>Ltd</b>" not in body


def test_the_participation_page_shows_the_exhibition_part(client, organiser, edition, exhibitor):
    body = client.get(f"/organiser/{edition.slug}/applications/{exhibitor.pk}/").content.decode()
    section = body[body.index('id="exhibition"') :]
    assert "9–18 m²" in section
    assert "<span>Partner Co</span>" in section and "<span>Rival Co</span>" in section
    assert "Zhao Lei" in section
    assert 'action="/organiser/dalian-2027/applications/exhibition/' in section


def test_the_sponsor_tier_is_set_and_audited(client, organiser, edition, exhibitor):
    response = client.post(
        f"/organiser/{edition.slug}/applications/exhibition/{exhibitor.pk}/sponsor-tier/",
        {"sponsor_tier": "silver"},
    )
    assert response.url == f"/organiser/{edition.slug}/applications/{exhibitor.pk}/"
    assert ExhibitorApplication.objects.get().sponsor_tier == "silver"
    audit = AuditEntry.objects.get()
    assert (audit.action, audit.actor, audit.data) == (
        "exhibition.sponsor_tier",
        organiser,
        {"before": "", "after": "silver"},
    )
    client.post(
        f"/organiser/{edition.slug}/applications/exhibition/{exhibitor.pk}/sponsor-tier/",
        {"sponsor_tier": "platinum"},
    )
    assert ExhibitorApplication.objects.get().sponsor_tier == "silver"
    assert AuditEntry.objects.count() == 1


def test_an_exhibitor_cannot_set_its_own_tier(client, edition, exhibitor):
    client.force_login(UserFactory(enterprise=exhibitor.enterprise))
    response = client.post(
        f"/organiser/{edition.slug}/applications/exhibition/{exhibitor.pk}/sponsor-tier/",
        {"sponsor_tier": "gold"},
    )
    assert response.status_code == 403
    assert ExhibitorApplication.objects.get().sponsor_tier == ""
