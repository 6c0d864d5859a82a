"""The organiser's matchmaking page: permissions, settings, arranged meetings, wishes."""

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.matching.domain import requests
from fairmatch.matching.models import MatchingPolicy, MeetingMode, MeetingRequest, WishLevel
from tests.factories import OrganiserFactory
from tests.matching.helpers import buyer, edition_with_policy, member, provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return edition_with_policy(meetings_per_participant=1)


def test_only_organisers_may_open_it(client, edition):
    url = f"/organiser/{edition.slug}/matching/"
    assert client.get(url).status_code == 302
    client.force_login(member(buyer(edition)))
    assert client.get(url).status_code == 403
    client.force_login(OrganiserFactory())
    assert client.get(url).status_code == 200
    assert client.get("/organiser/no-such-edition/matching/").status_code == 404


def test_settings_are_saved_and_audited(client, edition):
    organiser = OrganiserFactory()
    client.force_login(organiser)
    response = client.post(
        f"/organiser/{edition.slug}/matching/",
        {
            "policy-mode": "wishes",
            "policy-pairs": ["buyer:provider", "provider:provider"],
            "policy-buyer_request_quota": "10",
            "policy-provider_request_quota": "5",
            "policy-meetings_per_participant": "12",
        },
    )
    assert response.status_code == 302
    policy = MatchingPolicy.objects.get(edition=edition)
    assert (policy.mode, policy.provider_request_quota, policy.meetings_per_participant) == (
        MeetingMode.WISHES,
        5,
        12,
    )
    assert policy.allowed_pairs == [["buyer", "provider"], ["provider", "provider"]]
    assert policy.may_meet({"provider"}, {"provider"})
    entry = AuditEntry.objects.get(action="matching.policy")
    assert entry.actor == organiser
    assert entry.data["meetings_per_participant"] == ["1", "12"]


def test_a_negative_quota_is_refused_at_its_field(client, edition):
    client.force_login(OrganiserFactory())
    response = client.post(
        f"/organiser/{edition.slug}/matching/",
        {
            "policy-mode": "requests",
            "policy-pairs": ["buyer:provider"],
            "policy-buyer_request_quota": "-1",
            "policy-provider_request_quota": "5",
            "policy-meetings_per_participant": "12",
        },
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["buyer_request_quota"]


def test_arranging_a_meeting(client, edition):
    first, second = provider(edition), buyer(edition)
    client.force_login(OrganiserFactory())
    client.post(
        f"/organiser/{edition.slug}/matching/arrange/",
        {"first": first.pk, "second": second.pk, "note": "Asked by phone"},
    )
    meeting = MeetingRequest.objects.get()
    assert (meeting.requester, meeting.recipient, meeting.message) == (
        first,
        second,
        "Asked by phone",
    )
    assert AuditEntry.objects.filter(action="meeting_request.arrange").count() == 1


def test_wishes_become_meetings_must_first_within_limits(client, edition):
    wanted = buyer(edition)
    must, nice = provider(edition), provider(edition)
    vetoed = provider(edition)
    requests.set_wish(wisher=must, target=wanted, level=WishLevel.MUST)
    requests.set_wish(wisher=nice, target=wanted, level=WishLevel.WOULD_LIKE)
    requests.set_wish(wisher=wanted, target=nice, level=WishLevel.WOULD_LIKE)
    requests.set_wish(wisher=vetoed, target=wanted, level=WishLevel.MUST)
    requests.set_wish(wisher=wanted, target=vetoed, level=WishLevel.NO_THANKS)
    client.force_login(OrganiserFactory())
    client.post(f"/organiser/{edition.slug}/matching/wishes/")
    meetings = list(MeetingRequest.objects.values_list("requester", "recipient", "message"))
    assert len(meetings) == 1  # the buyer's limit is one meeting: the must-meet pair wins
    pair = {meetings[0][0], meetings[0][1]}
    assert pair == {must.pk, wanted.pk}


def test_figures_count_meetings_per_participant(client, edition, django_assert_max_num_queries):
    client.force_login(OrganiserFactory())
    for _ in range(3):
        request = requests.send_request(
            requester=provider(edition), recipient=buyer(edition), user=None
        )
        requests.accept_request(request=request, user=None)
    with django_assert_max_num_queries(30) as small:
        response = client.get(f"/organiser/{edition.slug}/matching/")
    figures = response.context["figures"]
    assert (figures.accepted, figures.participants_with_meetings, figures.participants_listed) == (
        3,
        6,
        6,
    )
    assert figures.meetings_distribution == [(1, 6)]
    for _ in range(10):
        provider(edition)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(f"/organiser/{edition.slug}/matching/")
