"""Meeting requests: every refusal changes nothing; quotas, limits, mutual interest."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from fairmatch.enterprises.models import State
from fairmatch.matching.domain import requests
from fairmatch.matching.models import MeetingRequest, RequestState, WishLevel
from tests.factories import OrganiserFactory
from tests.matching.helpers import buyer, edition_with_policy, member, provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return edition_with_policy(provider_request_quota=2, meetings_per_participant=2)


def send(requester, recipient, **kwargs):
    return requests.send_request(
        requester=requester, recipient=recipient, user=member(requester), **kwargs
    )


def assert_refused(match, call):
    before = list(MeetingRequest.objects.values_list("pk", "state"))
    with pytest.raises(requests.RequestError, match=match):
        call()
    assert list(MeetingRequest.objects.values_list("pk", "state")) == before


def test_a_provider_asks_a_buyer_who_accepts(edition, django_capture_on_commit_callbacks):
    asking = provider(edition, name_original="大连动漫", name_en="Dalian Animation")
    asked = buyer(edition)
    asked_member = member(asked)
    with django_capture_on_commit_callbacks(execute=True):
        request = send(asking, asked, message="We localise games.", priority=1)
    assert (request.state, request.priority) == (RequestState.PENDING, 1)
    received = [m for m in mail.outbox if m.to == [asked_member.email]]
    assert [m.subject for m in received] == ["Meeting request from Dalian Animation"]
    assert "We localise games." in received[0].body
    with django_capture_on_commit_callbacks(execute=True):
        requests.accept_request(request=request, user=None)
    request.refresh_from_db()
    assert request.state == RequestState.ACCEPTED
    assert requests.accepted_meetings(asking) == 1
    answer = [m for m in mail.outbox if m.to != [asked_member.email]]
    assert [m.subject for m in answer] == [f"Meeting with {asked.enterprise.name_en} accepted"]


def test_mutual_interest_accepts_automatically(edition):
    first, second = provider(edition), buyer(edition)
    pending = send(first, second)
    answer = send(second, first)
    assert answer.pk == pending.pk
    assert answer.state == RequestState.ACCEPTED
    assert MeetingRequest.objects.count() == 1


def test_request_to_oneself_is_refused(edition):
    me = provider(edition)
    assert_refused("your own enterprise", lambda: send(me, me))


def test_request_to_another_edition_is_refused(edition):
    other_edition = edition_with_policy()
    assert_refused("within one edition", lambda: send(provider(edition), buyer(other_edition)))


def test_request_to_an_unqualified_participant_is_refused(edition):
    assert_refused(
        "not qualified",
        lambda: send(provider(edition), buyer(edition, state=State.SUBMITTED)),
    )


def test_an_unqualified_applicant_cannot_ask(edition):
    assert_refused(
        "must be qualified",
        lambda: send(provider(edition, state=State.WAITING_CONFIRMATION), buyer(edition)),
    )


def test_providers_do_not_meet_providers_by_default(edition):
    assert_refused("do not allow", lambda: send(provider(edition), provider(edition)))


def test_a_duplicated_request_is_refused(edition):
    asking, asked = provider(edition), buyer(edition)
    send(asking, asked)
    assert_refused("already a request", lambda: send(asking, asked))


def test_over_quota_is_refused(edition):
    asking = provider(edition)
    send(asking, buyer(edition))
    send(asking, buyer(edition))
    assert_refused("all 2 of your meeting requests", lambda: send(asking, buyer(edition)))


def test_a_cancelled_request_gives_the_quota_back(edition):
    asking = provider(edition)
    first = send(asking, buyer(edition))
    send(asking, buyer(edition))
    requests.cancel_request(request=first, user=None)
    assert send(asking, buyer(edition)).state == RequestState.PENDING


def test_after_the_deadline_requests_are_refused():
    edition = edition_with_policy(request_deadline=timezone.now() - datetime.timedelta(hours=1))
    assert_refused("closed on", lambda: send(provider(edition), buyer(edition)))


def test_no_thanks_blocks_requests_without_revealing_the_wish(edition):
    asking, asked = provider(edition), buyer(edition)
    requests.set_wish(wisher=asked, target=asking, level=WishLevel.NO_THANKS)
    assert_refused("does not take meeting requests from you", lambda: send(asking, asked))


def test_a_demand_of_a_third_enterprise_is_refused(edition):
    third = buyer(edition)
    assert_refused(
        "must belong",
        lambda: send(provider(edition), buyer(edition), demand=third.demands.get()),
    )


def test_accepting_beyond_the_meeting_limit_is_refused(edition):
    popular = buyer(edition)
    pending = [send(provider(edition), popular) for _ in range(3)]
    requests.accept_request(request=pending[0], user=None)
    requests.accept_request(request=pending[1], user=None)
    assert_refused(
        "most meetings possible", lambda: requests.accept_request(request=pending[2], user=None)
    )


def test_declining_needs_a_reason_and_answers_once(edition):
    request = send(provider(edition), buyer(edition))
    assert_refused(
        "give a reason", lambda: requests.decline_request(request=request, user=None, reason=" ")
    )
    requests.decline_request(request=request, user=None, reason="Not our field")
    assert_refused(
        "already been answered", lambda: requests.accept_request(request=request, user=None)
    )


def test_the_organiser_arranges_a_meeting_without_using_quota(
    edition, django_capture_on_commit_callbacks
):
    first, second = provider(edition), buyer(edition)
    first_member = member(first)
    first_member.language = "zh-hans"
    first_member.save()
    member(second)
    organiser = OrganiserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = requests.arrange_meeting(first=first, second=second, organiser=organiser)
    assert (meeting.state, meeting.arranged_by) == (RequestState.ACCEPTED, organiser)
    assert requests.requests_used(first) == 0
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert set(subjects) == {first_member.email, second.enterprise.members.get().email}
    assert subjects[second.enterprise.members.get().email] == (
        f"The organiser arranged a meeting with {first.enterprise.name_en}"
    )
