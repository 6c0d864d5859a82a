"""Agendas: the delegate's own only; ICS read back by an independent parser; PDF opens."""

import datetime
import io
from zoneinfo import ZoneInfo

import pypdf
import pytest
import vobject

from fairmatch.scheduling.domain import edits, releases
from fairmatch.scheduling.models import CalendarFeed, Meeting, NegotiationTable, Slot
from tests.factories import DelegateFactory, OrganiserFactory, UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    edition = grid_edition(slots=3, tables=2, timezone="Asia/Shanghai")
    accepted_meetings(edition, 2)
    first, second = Meeting.objects.order_by("pk")
    for meeting, index in ((first, 0), (second, 1)):
        meeting.slot, meeting.table = (
            Slot.objects.get(index=index),
            NegotiationTable.objects.get(number=1),
        )
        meeting.save()
    releases.publish(edition=edition, name="first", user=None)
    buyer = first.second
    delegate = DelegateFactory(participation=buyer, full_name="Keiko Yamada")
    user = UserFactory(enterprise=buyer.enterprise)
    return edition, buyer, delegate, user, first


def feed_url(client, edition):
    page = client.get(f"/e/{edition.slug}/agenda/")
    return page.context["feeds"][0][1], page


def test_the_agenda_page_lists_the_meetings_in_local_time(client, published):
    edition, _buyer, _delegate, user, _first = published
    client.force_login(user)
    _feed, page = feed_url(client, edition)
    items = page.context["agenda"].items
    assert [(i.starts_at.strftime("%H:%M"), i.table_number) for i in items] == [
        ("09:00", 1),
        ("09:30", 1),
    ]


def test_the_ics_feed_parses_with_an_independent_library(client, published):
    edition, _buyer, _delegate, user, first = published
    client.force_login(user)
    feed, _page = feed_url(client, edition)
    client.logout()  # calendar clients have no session
    response = client.get(f"/calendar/{feed.token}.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = vobject.readOne(response.content.decode())
    events = sorted(calendar.vevent_list, key=lambda e: e.dtstart.value)
    shanghai = ZoneInfo("Asia/Shanghai")
    assert [e.dtstart.value.astimezone(shanghai).replace(tzinfo=None) for e in events] == [
        datetime.datetime(2027, 6, 15, 9, 0),
        datetime.datetime(2027, 6, 15, 9, 30),
    ]
    assert [e.dtend.value - e.dtstart.value for e in events] == [datetime.timedelta(minutes=25)] * 2
    assert events[0].uid.value.startswith(f"meeting-{first.pk}@")
    assert events[0].location.value == "Table 1 (A)"
    assert events[0].summary.value == f"Negotiation with {first.first.enterprise.name_en}"


def test_event_ids_stay_stable_across_releases(client, published):
    edition, _buyer, _delegate, user, first = published
    client.force_login(user)
    feed, _page = feed_url(client, edition)
    before = vobject.readOne(client.get(f"/calendar/{feed.token}.ics").content.decode())
    edits.move_meeting(
        meeting=first,
        slot=Slot.objects.get(index=2),
        table=NegotiationTable.objects.get(number=2),
        version=1,
        user=None,
    )
    releases.publish(edition=edition, name="second", user=None)
    after = vobject.readOne(client.get(f"/calendar/{feed.token}.ics").content.decode())
    uid = f"meeting-{first.pk}@"
    old = next(e for e in before.vevent_list if e.uid.value.startswith(uid))
    new = next(e for e in after.vevent_list if e.uid.value.startswith(uid))
    assert old.uid.value == new.uid.value
    assert (int(old.sequence.value), int(new.sequence.value)) == (1, 2)
    assert new.dtstart.value > old.dtstart.value
    assert len(after.vevent_list) == len(before.vevent_list) == 2


def test_an_unknown_feed_token_is_not_found(client, published):
    assert client.get("/calendar/not-a-token.ics").status_code == 404


def test_a_delegate_sees_only_its_own_agenda(client, published):
    edition, buyer, _delegate, _user, _first = published
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get(f"/e/{edition.slug}/agenda/").status_code == 403
    assert client.get(f"/e/{edition.slug}/agenda.pdf").status_code == 403
    assert not CalendarFeed.objects.exclude(delegate__participation=buyer).exists()


def test_the_agenda_pdf_opens_and_names_the_counterparts(client, published):
    edition, _buyer, _delegate, user, first = published
    client.force_login(user)
    response = client.get(f"/e/{edition.slug}/agenda.pdf")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert first.first.enterprise.name_en in text
    assert "09:00" in text
    assert "times in China (Shanghai) Time" in text  # the zone the times are in is stated


def test_the_organiser_prints_every_agenda_and_table_plan(client, published):
    edition, _buyer, _delegate, _user, _first = published
    client.force_login(OrganiserFactory())
    response = client.get(f"/organiser/{edition.slug}/schedule/print.pdf")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 3 + 2  # three participants' agendas, two slots' table plans
    assert "Table plan" in text
    assert text.count("times in China (Shanghai) Time") == 5  # every page states the zone
