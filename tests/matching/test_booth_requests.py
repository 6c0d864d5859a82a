"""Asking to meet at an exhibitor's booth from the request page, and agreeing by accepting."""

from decimal import Decimal

import pytest

from fairmatch.exhibition.models import ExhibitorApplication
from fairmatch.matching.domain import requests
from fairmatch.matching.models import MeetingRequest, RequestState
from tests.matching.helpers import buyer, edition_with_policy, member, provider

pytestmark = pytest.mark.django_db


def exhibiting(participation, *, at_booth=True):
    participation.is_exhibitor = True
    participation.save()
    ExhibitorApplication.objects.create(
        participation=participation,
        min_area=Decimal(9),
        max_area=Decimal(9),
        products="Rendering",
        products_language="en",
        meetings_at_booth=at_booth,
    )
    return participation


def test_the_page_offers_the_booth_only_when_one_side_takes_meetings_there(client):
    edition = edition_with_policy()
    viewer, stand, plain = buyer(edition), exhibiting(provider(edition)), provider(edition)
    exhibiting(plain, at_booth=False)
    client.force_login(member(viewer))
    assert (
        'name="at_booth"' in client.get(f"/e/{edition.slug}/directory/{stand.pk}/").content.decode()
    )
    assert (
        'name="at_booth"'
        not in client.get(f"/e/{edition.slug}/directory/{plain.pk}/").content.decode()
    )


def test_asking_and_accepting_agrees_to_meet_at_the_booth(client):
    edition = edition_with_policy()
    viewer, stand = buyer(edition), exhibiting(provider(edition))
    client.force_login(member(viewer))
    response = client.post(
        f"/e/{edition.slug}/directory/{stand.pk}/",
        {"message": "At your booth?", "priority": "2", "at_booth": "on"},
    )
    assert response.status_code == 302
    request = MeetingRequest.objects.get()
    assert (request.at_booth, request.state) == (True, RequestState.PENDING)
    client.force_login(member(stand))
    inbox = client.get(f"/e/{edition.slug}/meetings/").content.decode()
    assert "data-at-booth" in inbox
    requests.accept_request(request=request, user=None)
    request.refresh_from_db()
    assert (request.at_booth, request.state) == (True, RequestState.ACCEPTED)


def test_a_booth_cannot_be_asked_of_a_non_exhibitor():
    edition = edition_with_policy()
    with pytest.raises(requests.RequestError):
        requests.send_request(
            requester=buyer(edition), recipient=provider(edition), user=None, at_booth=True
        )
