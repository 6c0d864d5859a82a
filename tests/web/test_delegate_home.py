"""Where people land after logging in, and a delegate's home page: next meeting, requests to
answer, suggestions, the agenda with accepted meetings not yet scheduled, and what changed
since the last visit."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fairmatch.matching.domain import requests
from fairmatch.matching.models import MeetingRequest
from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import Meeting, NegotiationTable, Slot
from fairmatch.web.models import HomeVisit
from tests.factories import EditionFactory, OrganiserFactory, ParticipationFactory, UserFactory
from tests.matching.helpers import buyer, provider
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    """A buyer with two accepted meetings: one placed at 09:00 (Shanghai) and released,
    one not placed; the organiser's release is named for the organisers only."""
    edition = grid_edition(slots=3, tables=2, timezone="Asia/Shanghai")
    the_buyer = buyer(edition, name_original="Northgate LLC", name_en="Northgate LLC")
    accepted_meetings(edition, 2, buyers=[the_buyer])
    first, second = Meeting.objects.order_by("pk")
    first.slot, first.table = Slot.objects.get(index=0), NegotiationTable.objects.get(number=1)
    first.save()
    first.first.enterprise.name_original = "大连渲染科技有限公司"
    first.first.enterprise.name_en = "Dalian Render Tech"
    first.first.enterprise.save()
    releases.publish(
        edition=edition,
        name="internal: after the complaint of Mr Zhang",
        public_note="Hall A opens at 08:30.",
        user=None,
    )
    user = UserFactory(enterprise=the_buyer.enterprise)
    return edition, the_buyer, user, first, second


def test_an_organiser_lands_on_the_edition_overview(client):
    edition = EditionFactory(status="open")
    client.force_login(OrganiserFactory())
    response = client.get("/start/")
    assert response.status_code == 302
    assert response["Location"] == f"/organiser/{edition.slug}/"


def test_a_delegate_lands_on_its_home_and_the_login_leads_there(client, published):
    edition, _buyer, user, _first, _second = published
    client.force_login(user)
    assert client.get("/start/")["Location"] == f"/e/{edition.slug}/home/"
    client.logout()
    response = client.post(
        "/accounts/login/",
        {"login": user.email, "password": "correct horse battery staple"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"/e/{edition.slug}/home/"


def test_a_member_without_a_participation_lands_on_the_site_home(client):
    client.force_login(UserFactory())
    assert client.get("/start/")["Location"] == "/"


def test_the_home_shows_the_next_meeting_in_the_edition_time_zone(client, published):
    edition, _buyer, user, _first, _second = published
    client.force_login(user)
    response = client.get(f"/e/{edition.slug}/home/")
    assert response.status_code == 200
    page = response.content.decode()
    next_meeting = page[page.index('id="next-meeting"') :].split("</section>")[0]
    assert "09:00–09:25" in next_meeting
    assert "大连渲染科技有限公司" in next_meeting
    assert "Dalian Render Tech" in next_meeting
    assert "Table 1 (A)" in next_meeting


def test_a_chinese_reader_sees_the_day_in_chinese_order_and_the_zone_by_name(client, published):
    edition, _buyer, user, _first, _second = published
    client.force_login(user)
    client.cookies["django_language"] = "zh-hans"
    page = client.get(f"/e/{edition.slug}/home/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    next_meeting = page[page.index('id="next-meeting"') :].split("</section>")[0]
    assert "6月15日 (星期二) 09:00–09:25" in next_meeting  # never "星期二 15 六月"
    assert "时间为中国（上海）时间" in page and "Asia/Shanghai" not in page
    assert "时间时间" not in page


def test_an_accepted_meeting_not_scheduled_is_on_the_agenda_as_such(client, published):
    edition, _buyer, user, _first, second = published
    client.force_login(user)
    response = client.get(f"/e/{edition.slug}/home/")
    assert [r.pk for r in response.context["page"].unscheduled] == [second.request_id]
    agenda = response.content.decode().split('id="home-agenda"')[1]
    assert "accepted, not scheduled yet" in agenda
    assert second.first.enterprise.display_name in agenda


def test_requests_waiting_for_an_answer_are_listed(client, published):
    edition, the_buyer, user, _first, _second = published
    asking = provider(edition, name_en="Shenyang Testing Services")
    requests.send_request(requester=asking, recipient=the_buyer, user=None)
    client.force_login(user)
    page = client.get(f"/e/{edition.slug}/home/").content.decode()
    waiting = page[page.index('id="waiting"') :].split("</section>")[0]
    assert "Shenyang Testing Services" in waiting


def test_the_home_lists_what_changed_since_the_last_visit(client, published):
    edition, the_buyer, user, first, _second = published
    client.force_login(user)
    first_visit = client.get(f"/e/{edition.slug}/home/")
    assert first_visit.context["page"].changes.since is None
    HomeVisit.objects.filter(user=user).update(
        seen_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    # Since then: the meeting moved to 09:30 in a new release, and a new request came.
    Meeting.objects.filter(pk=first.pk).update(
        slot=Slot.objects.get(session__edition=edition, index=1)
    )
    asking = provider(edition, name_en="Harbin Render Works")
    requests.send_request(requester=asking, recipient=the_buyer, user=None)
    older = releases.latest_release(edition)
    older.published_at = datetime.datetime(2019, 12, 1, tzinfo=datetime.UTC)
    older.save()
    releases.publish(edition=edition, name="second", public_note="", user=None)
    response = client.get(f"/e/{edition.slug}/home/")
    changes = response.context["page"].changes
    assert [(c.kind, c.item.starts_at.strftime("%H:%M")) for c in changes.agenda_changes] == [
        ("moved", "09:30")
    ]
    page = response.content.decode()
    section = page[page.index('id="since-last-visit"') :].split("</section>")[0]
    moved = "Meeting with Dalian Render Tech moved from June 15 (Tue) 09:00 to June 15 (Tue) 09:30"
    assert moved in " ".join(section.split())
    assert "Harbin Render Works asked you for a meeting" in section
    # The visit is recorded: reloading shows nothing new.
    again = client.get(f"/e/{edition.slug}/home/").context["page"].changes
    assert again.nothing


def test_release_names_never_reach_delegates_but_the_public_note_does(client, published):
    edition, _buyer, user, _first, _second = published
    client.force_login(user)
    for path in ("home/", "agenda/"):
        page = client.get(f"/e/{edition.slug}/{path}").content.decode()
        assert "Mr Zhang" not in page
        assert "Hall A opens at 08:30." in page
    mail.outbox.clear()
    releases.notify_release(release=releases.latest_release(edition))
    bodies = [message.body for message in mail.outbox]
    assert bodies and all("Mr Zhang" not in body for body in bodies)
    assert any("Hall A opens at 08:30." in body for body in bodies)


def test_the_organiser_publishes_with_a_public_note(client):
    edition = grid_edition(slots=2, tables=1)
    client.force_login(OrganiserFactory())
    client.post(
        f"/organiser/{edition.slug}/schedule/publish/",
        {"publish-name": "dry run", "publish-public_note": "Badges at the north entrance."},
    )
    release = releases.latest_release(edition)
    assert (release.name, release.public_note) == ("dry run", "Badges at the north entrance.")


def test_another_enterprise_has_no_home_in_the_edition(client, published):
    edition, _buyer, _user, _first, _second = published
    stranger = ParticipationFactory(edition=EditionFactory())
    client.force_login(UserFactory(enterprise=stranger.enterprise))
    assert client.get(f"/e/{edition.slug}/home/").status_code == 403


def test_declined_requests_do_not_wait(client, published):
    edition, the_buyer, user, _first, _second = published
    asking = provider(edition)
    request = requests.send_request(requester=asking, recipient=the_buyer, user=None)
    requests.decline_request(request=request, user=None, reason="not our field")
    client.force_login(user)
    response = client.get(f"/e/{edition.slug}/home/")
    assert response.context["page"].waiting == []
    assert MeetingRequest.objects.get(pk=request.pk).state == "declined"


def test_the_agenda_page_lists_accepted_meetings_not_yet_scheduled(client, published):
    edition, _buyer, user, _first, second = published
    client.force_login(user)
    response = client.get(f"/e/{edition.slug}/agenda/")
    assert [r.pk for r in response.context["unscheduled"]] == [second.request_id]
    page = response.content.decode()
    row = page[page.index('<tr class="unscheduled">') :].split("</tr>")[0]
    assert "accepted, not scheduled yet" in row
    assert second.first.enterprise.display_name in row


def test_the_home_page_queries_do_not_grow_with_requests_and_changes(client, published):
    edition, the_buyer, user, _first, _second = published
    client.force_login(user)
    client.get(f"/e/{edition.slug}/home/")  # the edition's zone is then known to the process

    def queries_with(new_requests: int) -> int:
        for _ in range(new_requests):
            requests.send_request(requester=provider(edition), recipient=the_buyer, user=None)
        HomeVisit.objects.update_or_create(
            user=user,
            edition=edition,
            defaults={"seen_at": datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)},
        )
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/e/{edition.slug}/home/")
        assert len(response.context["page"].changes.new_requests) >= new_requests
        return len(captured)

    assert queries_with(8) == queries_with(1)


def test_the_home_proposes_only_counterparts_not_yet_asked_or_met(client, published):
    """A counterpart with a meeting already accepted is on the agenda, not among the
    suggestions; a new one is recommended; the matching pages still list both."""
    from fairmatch.matching.domain.suggested import recommendations_for
    from fairmatch.matching.models import Recommendation

    edition, the_buyer, user, first, _second = published
    met = first.first if first.second == the_buyer else first.second
    new = provider(edition, name_en="Harbin Fresh Ideas")
    for rank, counterpart in enumerate([met, new], start=1):
        Recommendation.objects.create(
            edition=edition, participation=the_buyer, counterpart=counterpart, rank=rank, score=0.9
        )
    client.force_login(user)
    page = client.get(f"/e/{edition.slug}/home/").context["page"]
    assert [r.counterpart for r in page.recommendations] == [new]
    assert [r.counterpart for r in recommendations_for(viewer=the_buyer)] == [met, new]
