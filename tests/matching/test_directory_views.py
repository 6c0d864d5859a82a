"""Directory and inbox pages: who may see them, search, hidden contacts, query counts."""

import pytest

from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.domain.applications import profile_changed
from fairmatch.enterprises.models import Participation, State
from fairmatch.matching.domain import requests
from fairmatch.matching.domain.recommendations import refresh_recommendations
from fairmatch.matching.models import MeetingRequest, RequestState
from tests.factories import (
    DelegateFactory,
    OrganiserFactory,
    QualificationRuleFactory,
    UserFactory,
)
from tests.matching.helpers import buyer, edition_with_policy, member, provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return edition_with_policy()


def test_visitors_are_sent_to_log_in(client, edition):
    response = client.get(f"/e/{edition.slug}/directory/")
    assert response.status_code == 302


@pytest.mark.parametrize("state", [State.DRAFT, State.SUBMITTED, State.WAITING_CONFIRMATION])
def test_applicants_not_yet_qualified_may_not_see_the_directory(client, edition, state):
    client.force_login(member(provider(edition, state=state)))
    assert client.get(f"/e/{edition.slug}/directory/").status_code == 403


def test_participants_of_another_edition_may_not_see_it(client, edition):
    client.force_login(member(provider(edition_with_policy())))
    assert client.get(f"/e/{edition.slug}/directory/").status_code == 403
    listed = buyer(edition)
    assert client.get(f"/e/{edition.slug}/directory/{listed.pk}/").status_code == 403


def test_users_without_enterprise_or_participation_may_not_see_it(client, edition):
    client.force_login(UserFactory())
    assert client.get(f"/e/{edition.slug}/directory/").status_code == 403


def test_search_in_chinese_and_english(client, edition):
    viewer = buyer(edition)
    provider(edition, name_original="大连动漫科技有限公司", name_en="Dalian Animation Technology")
    provider(edition, name_original="沈阳医药研发中心", name_en="Shenyang Pharma R&D Centre")
    client.force_login(member(viewer))
    page = client.get(f"/e/{edition.slug}/directory/", {"q": "动漫"})
    assert [row.enterprise.name_en for row in page.context["rows"]] == [
        "Dalian Animation Technology"
    ]
    page = client.get(f"/e/{edition.slug}/directory/", {"q": "pharma"})
    assert [row.enterprise.name_en for row in page.context["rows"]] == [
        "Shenyang Pharma R&D Centre"
    ]


def test_filters_by_country_role_and_contract_size(client, edition):
    viewer = provider(edition)
    small = buyer(edition, country="JP", name_en="Small Buyer")
    small.demands.update(value=2_000_000)
    big = buyer(edition, country="US", name_en="Big Buyer")
    big.demands.update(value=30_000_000)
    provider(edition, name_en="Other Provider")
    client.force_login(member(viewer))
    url = f"/e/{edition.slug}/directory/"

    def names(**query):
        return sorted(r.enterprise.name_en for r in client.get(url, query).context["rows"])

    assert names(role="buyer") == ["Big Buyer", "Small Buyer"]
    assert names(country="JP") == ["Small Buyer"]
    assert names(size_band="over_20m") == ["Big Buyer"]
    assert names(size_band="1m_8m") == ["Small Buyer"]
    assert names(role="provider") == ["Other Provider"]


def test_contacts_are_hidden_until_a_meeting_is_accepted(client, edition):
    viewer, other = provider(edition), buyer(edition)
    DelegateFactory(participation=other, email="secret.contact@example.com")
    client.force_login(member(viewer))
    url = f"/e/{edition.slug}/directory/{other.pk}/"
    assert "secret.contact@example.com" not in client.get(url).content.decode()
    request = requests.send_request(requester=viewer, recipient=other, user=None)
    assert "secret.contact@example.com" not in client.get(url).content.decode()
    requests.accept_request(request=request, user=None)
    assert "secret.contact@example.com" in client.get(url).content.decode()


def test_organisers_see_the_directory_and_contacts(client, edition):
    other = buyer(edition)
    DelegateFactory(participation=other, email="visible@example.com")
    client.force_login(OrganiserFactory())
    assert client.get(f"/e/{edition.slug}/directory/").status_code == 200
    assert (
        "visible@example.com"
        in client.get(f"/e/{edition.slug}/directory/{other.pk}/").content.decode()
    )


def test_sending_a_request_from_the_page(client, edition):
    viewer, other = provider(edition), buyer(edition)
    client.force_login(member(viewer))
    response = client.post(
        f"/e/{edition.slug}/directory/{other.pk}/",
        {"demand": other.demands.get().pk, "message": "Hello", "priority": "1"},
    )
    assert response.status_code == 302
    request = MeetingRequest.objects.get()
    assert (request.requester, request.recipient, request.priority) == (viewer, other, 1)


def test_a_refused_request_shows_the_reason_and_changes_nothing(client, edition):
    viewer = provider(edition)
    other = provider(edition)
    client.force_login(member(viewer))
    response = client.post(
        f"/e/{edition.slug}/directory/{other.pk}/", {"priority": "2"}, follow=True
    )
    assert "do not allow meetings between these roles" in response.content.decode()
    assert not MeetingRequest.objects.exists()


def test_only_the_recipient_answers_and_others_get_404(client, edition):
    asking, asked, stranger = provider(edition), buyer(edition), buyer(edition)
    request = requests.send_request(requester=asking, recipient=asked, user=None)
    client.force_login(member(stranger))
    assert client.post(f"/e/{edition.slug}/meetings/{request.pk}/accept/").status_code == 404
    client.force_login(member(asking))
    assert client.post(f"/e/{edition.slug}/meetings/{request.pk}/accept/").status_code == 404
    client.force_login(member(asked))
    client.post(f"/e/{edition.slug}/meetings/{request.pk}/accept/")
    request.refresh_from_db()
    assert request.state == RequestState.ACCEPTED


def test_list_pages_make_a_constant_number_of_queries(
    client, edition, django_assert_max_num_queries
):
    viewer = buyer(edition)
    client.force_login(member(viewer))
    for _ in range(3):
        requests.send_request(requester=provider(edition), recipient=viewer, user=None)
    urls = [f"/e/{edition.slug}/directory/", f"/e/{edition.slug}/meetings/"]
    counts = {}
    for url in urls:
        with django_assert_max_num_queries(40) as captured:
            client.get(url)
        counts[url] = len(captured.captured_queries)
    for _ in range(10):
        requests.send_request(requester=provider(edition), recipient=viewer, user=None)
        buyer(edition)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            client.get(url)


def test_a_participant_sent_back_to_review_leaves_directory_and_recommendations(client, edition):
    viewer = buyer(edition)
    changed = provider(edition, name_en="Dalian Soft", country="CN")
    QualificationRuleFactory(
        edition=edition,
        role="provider",
        kind="allowed_countries",
        parameters={"groups": ["domestic"]},
    )
    Participation.objects.filter(pk=changed.pk).update(state=State.SUBMITTED)
    workflow.qualify(participation=changed, user=OrganiserFactory())
    refresh_recommendations(edition=edition)
    client.force_login(member(viewer))
    directory = f"/e/{edition.slug}/directory/"
    inbox = f"/e/{edition.slug}/meetings/"

    def listed():
        names = [row.enterprise.name_en for row in client.get(directory).context["rows"]]
        recommended = [item.counterpart.pk for item, _ in client.get(inbox).context["recommended"]]
        return names, recommended

    assert listed() == (["Dalian Soft"], [changed.pk])
    changed.enterprise.country = "JP"
    changed.enterprise.save()
    profile_changed(enterprise=changed.enterprise)
    changed.refresh_from_db()
    assert changed.state == State.SUBMITTED
    assert listed() == ([], [])
    assert client.get(f"{directory}{changed.pk}/").status_code == 404
    workflow.qualify(participation=changed, user=OrganiserFactory(), note="checked again")
    assert listed() == (["Dalian Soft"], [changed.pk])
