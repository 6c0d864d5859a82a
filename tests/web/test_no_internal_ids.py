"""No page a delegate reads shows an internal id: every page of a buyer and of a provider is
walked on a small conference like the demo (requests in every state, recommendations with
reasons, suggestions, a published release), and its visible text is searched for the
database ids of the conference's rows and for "participant 123"-like phrases.

The ids are made distinctive (five digits, another range per table) so that a table number
or a score cannot be mistaken for one."""

import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.urls import reverse

from fairmatch.enterprises.models import Capability, Demand, Enterprise, Participation
from fairmatch.matching.domain import requests
from fairmatch.matching.domain.recommendations import generate_suggestions, refresh_recommendations
from fairmatch.matching.models import MeetingRequest, Recommendation
from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import Meeting, NegotiationTable, Slot
from tests.factories import CapabilityFactory, OrganiserFactory, UserFactory
from tests.matching.helpers import buyer, provider
from tests.scheduling.helpers import grid_edition

pytestmark = pytest.mark.django_db

# Each table's ids start in its own range of five-digit numbers.
ID_STARTS = {
    Enterprise: 61000,
    Participation: 62000,
    MeetingRequest: 63000,
    Meeting: 64000,
    Demand: 65000,
    Capability: 66000,
    Recommendation: 67000,
}
ID_PHRASES = re.compile(
    r"\b(participant|participation|enterprise|meeting|request|id|no\.)\s*[#:]?\s*\d+\b"
    r"|#\d+|(参与方|参会方|企业|会议|请求)\s*[#：:]?\s*\d+"
    r"|shown by \d+",
    re.IGNORECASE,
)


def _start_ids_at(model, start: int) -> None:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, start])
        elif connection.vendor == "sqlite":
            cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
            sql = "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)"
            cursor.execute(sql, [table, start])


class VisibleText(HTMLParser):
    """The text a reader sees: element contents, not attributes, scripts or styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return " ".join(" ".join(parser.parts).split())


@pytest.fixture
def conference():
    """A buyer and a provider with everything a delegate's pages can show."""
    for model, start in ID_STARTS.items():
        _start_ids_at(model, start)
    edition = grid_edition(slots=4, tables=2)
    the_buyer = buyer(edition, name_original="北欧数据有限公司", name_en="Nordic Data AB")
    the_provider = provider(edition, name_original="大连渲染科技", name_en="Dalian Render Tech")
    CapabilityFactory(participation=the_provider, capacity=1_000_000)
    others = []
    for number in range(4):
        other = provider(edition, name_en=f"Provider {number}", name_original=f"供应商{number}")
        CapabilityFactory(participation=other)
        others.append(other)
    other_buyer = buyer(edition, name_en="Lisbon Outsourcing", name_original="Lisboa Outsourcing")
    # Requests in every state, both ways.
    accepted = requests.send_request(requester=the_provider, recipient=the_buyer, user=None)
    requests.accept_request(request=accepted, user=None)
    requests.send_request(requester=others[0], recipient=the_buyer, user=None)
    declined = requests.send_request(requester=others[1], recipient=the_buyer, user=None)
    requests.decline_request(request=declined, user=None, reason="not now")
    requests.send_request(requester=the_buyer, recipient=others[2], user=None)
    requests.send_request(requester=other_buyer, recipient=the_provider, user=None)
    unplaced = requests.send_request(requester=others[3], recipient=the_buyer, user=None)
    requests.accept_request(request=unplaced, user=None)
    refresh_recommendations(edition=edition)
    generate_suggestions(edition=edition, minimum_per_provider=1, actor=OrganiserFactory())
    from fairmatch.scheduling.domain.problem import sync_meetings

    sync_meetings(edition)
    meeting = Meeting.objects.get(request=accepted)
    meeting.slot = Slot.objects.get(session__edition=edition, index=1)
    meeting.table = NegotiationTable.objects.get(edition=edition, number=2)
    meeting.save()
    releases.publish(edition=edition, name="first", public_note="Welcome to Dalian.", user=None)
    return edition, the_buyer, the_provider


def _pages(edition, participation):
    slug = edition.slug
    counterparts = set(
        Recommendation.objects.filter(participation=participation).values_list(
            "counterpart_id", flat=True
        )
    )
    for item in MeetingRequest.objects.filter(requester=participation):
        counterparts.add(item.recipient_id)
    for item in MeetingRequest.objects.filter(recipient=participation):
        counterparts.add(item.requester_id)
    return [
        reverse("web:delegate_home", args=[slug]),
        reverse("web:home"),
        reverse("matching:directory", args=[slug]),
        reverse("matching:directory", args=[slug]) + "?q=rendering",
        reverse("matching:inbox", args=[slug]),
        reverse("scheduling:agenda", args=[slug]),
        reverse("scheduling:availability", args=[slug]),
        reverse("enterprises:my_applications"),
        reverse("enterprises:profile"),
        *[reverse("matching:counterpart", args=[slug, pk]) for pk in sorted(counterparts)],
    ]


def _ids() -> set[int]:
    ids = set()
    for model in ID_STARTS:
        ids |= set(model.objects.values_list("pk", flat=True))
    return ids


@pytest.mark.parametrize("side", ["buyer", "provider"])
def test_no_delegate_page_shows_an_internal_id(client, conference, side):
    edition, the_buyer, the_provider = conference
    participation = the_buyer if side == "buyer" else the_provider
    client.force_login(UserFactory(enterprise=participation.enterprise))
    ids = _ids()
    assert min(ids) > 60000  # the ranges took effect: a found number can only be an id
    walked = 0
    for path in _pages(edition, participation):
        response = client.get(path)
        assert response.status_code == 200, path
        text = VisibleText.of(response.content.decode())
        numbers = {int(n) for n in re.findall(r"(?<![\d.,])\d{5}(?![\d.,])", text)}
        assert numbers & ids == set(), (path, numbers & ids)
        assert ID_PHRASES.search(text) is None, (path, ID_PHRASES.search(text))
        walked += 1
    assert walked >= 10
