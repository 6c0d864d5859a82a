"""Meetings at exhibitors' booths: agreed on the request, placed at the booth (never at a
table, and no other meeting ever at the booth), and shown as hall and booth in the agenda
page, its PDF and the ICS feed, in the reader's language."""

import io

import pypdf
import pytest
import vobject
from django.utils import translation

from fairmatch.enterprises.models import State
from fairmatch.matching.domain import requests
from fairmatch.scheduling.domain import releases, runs
from fairmatch.scheduling.domain.agendas import agenda_for
from fairmatch.scheduling.domain.booths import BOOTH_TABLE_NUMBERS
from fairmatch.scheduling.domain.problem import build_problem, sync_meetings
from fairmatch.scheduling.models import Meeting, NegotiationTable
from tests.exhibition.published import booth, exhibitor, hall, publish
from tests.factories import DelegateFactory, OrganiserFactory, UserFactory
from tests.matching.helpers import buyer
from tests.scheduling.helpers import grid_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair():
    """A buyer meets three providers: one at the provider's booth, two at tables."""
    edition = grid_edition(slots=4, tables=2)
    the_buyer = buyer(edition, name_original="Hamburg Logistik", name_en="Hamburg Logistik")
    stand = exhibitor(
        edition,
        name_original="杭州光影数码",
        name_en="Hangzhou Lightshadow",
        state=State.QUALIFIED,
        meetings_at_booth=True,
        negotiator=True,
    )
    h1 = hall(edition, code="H1", name_en="Hall 1", name_zh="一号馆")
    a12 = booth(h1, "A12")
    publish(edition, [(a12, stand)])
    at_booth = requests.send_request(requester=the_buyer, recipient=stand, user=None, at_booth=True)
    requests.accept_request(request=at_booth, user=None)
    others = [
        exhibitor(edition, name_original=f"Table Firm {n}", state=State.QUALIFIED, negotiator=True)
        for n in range(2)
    ]
    for other in others:
        request = requests.send_request(requester=other, recipient=the_buyer, user=None)
        requests.accept_request(request=request, user=None)
    sync_meetings(edition)
    booth_meeting = Meeting.objects.get(request=at_booth)
    return edition, the_buyer, stand, booth_meeting, a12


def test_asking_for_a_booth_needs_an_exhibitor_that_takes_meetings_there(fair):
    edition, the_buyer, *_ = fair
    plain = exhibitor(
        edition, name_original="No Booth Talks", state=State.QUALIFIED, negotiator=True
    )
    with pytest.raises(requests.RequestError):
        requests.send_request(requester=the_buyer, recipient=plain, user=None, at_booth=True)


def test_the_problem_keeps_booths_out_of_the_tables_and_the_meeting_at_its_booth(fair):
    edition, _buyer, _stand, booth_meeting, a12 = fair
    stored = build_problem(edition)
    location = NegotiationTable.objects.get(booth=a12)
    assert (location.number, location.zone) == (BOOTH_TABLE_NUMBERS, "H1-A12")
    assert [t.number for t in stored.tables] == [1, 2]  # the booth is no table of the engine
    assert [t.name for t in stored.problem.tables] == ["1", "2"]
    index = stored.meetings.index(booth_meeting)
    assert stored.locations == {index: location}
    # Whatever table the engine would give, the booth meeting is at its booth; others not.
    from fairmatch.scheduling import engine

    assert stored.table_for(index, engine.Placement(0, 1)) == location
    other = next(i for i in range(len(stored.meetings)) if i != index)
    assert stored.table_for(other, engine.Placement(0, 1)) == stored.tables[1]
    # Building again reuses the booth's location.
    build_problem(edition)
    assert NegotiationTable.objects.filter(booth__isnull=False).count() == 1


def test_a_run_places_the_booth_meeting_at_the_booth(fair, django_capture_on_commit_callbacks):
    edition, _buyer, _stand, booth_meeting, a12 = fair
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=edition, user=OrganiserFactory(), time_limit=10)
    run.refresh_from_db()
    runs.apply_run(run=run, user=OrganiserFactory())
    placed = {m.pk: m.table for m in Meeting.objects.select_related("table")}
    assert placed[booth_meeting.pk].booth == a12
    assert all(t.booth_id is None for pk, t in placed.items() if pk != booth_meeting.pk)
    # The buyer's three meetings are in three different slots.
    assert len({m.slot_id for m in Meeting.objects.all()}) == 3


@pytest.fixture
def released(fair, django_capture_on_commit_callbacks):
    edition = fair[0]
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=edition, user=OrganiserFactory(), time_limit=10)
    run.refresh_from_db()
    runs.apply_run(run=run, user=OrganiserFactory())
    releases.publish(edition=edition, name="first", user=None)
    return fair


def test_the_agenda_shows_hall_and_booth_in_the_readers_language(released):
    _edition, the_buyer, _stand, booth_meeting, _a12 = released
    items = {item.meeting_id: item for item in agenda_for(participation=the_buyer).items}
    assert items[booth_meeting.pk].table == "Hall 1, booth A12"
    with translation.override("zh-hans"):
        assert items[booth_meeting.pk].table == "一号馆 A12 展位"
    others = [item.table for pk, item in items.items() if pk != booth_meeting.pk]
    assert sorted(others)[0].startswith(("1", "2"))


def test_the_agenda_names_the_booth_as_the_floor_plan_release_froze_it(
    fair, django_capture_on_commit_callbacks
):
    edition, the_buyer, _stand, booth_meeting, a12 = fair
    # The working plan changes after the floor plan was published, and is not published.
    a12.code = "Z99"
    a12.save(update_fields=["code"])
    a12.hall.name_en, a12.hall.name_zh = "Hall Renamed", "改名馆"
    a12.hall.save(update_fields=["name_en", "name_zh"])
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=edition, user=OrganiserFactory(), time_limit=10)
    run.refresh_from_db()
    runs.apply_run(run=run, user=OrganiserFactory())
    releases.publish(edition=edition, name="first", user=None)
    items = {item.meeting_id: item for item in agenda_for(participation=the_buyer).items}
    assert items[booth_meeting.pk].table == "Hall 1, booth A12"
    with translation.override("zh-hans"):
        assert items[booth_meeting.pk].table == "一号馆 A12 展位"


def test_the_agenda_page_pdf_and_feed_show_hall_and_booth(client, released):
    edition, the_buyer, _stand, _meeting, _a12 = released
    DelegateFactory(participation=the_buyer, full_name="Keiko Yamada")
    client.force_login(UserFactory(enterprise=the_buyer.enterprise))
    page = client.get(f"/e/{edition.slug}/agenda/")
    assert "Hall 1, booth A12" in page.content.decode()
    pdf = client.get(f"/e/{edition.slug}/agenda.pdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Hall 1, booth A12" in " ".join(text.split()), text
    feed = page.context["feeds"][0][1]
    client.logout()
    calendar = vobject.readOne(client.get(f"/calendar/{feed.token}.ics").content.decode())
    locations = sorted(e.location.value for e in calendar.vevent_list)
    assert "Hall 1, booth A12" in locations
    assert len(locations) == 3


def test_the_page_in_chinese_shows_the_chinese_hall(client, released):
    edition, the_buyer, *_ = released
    client.force_login(UserFactory(enterprise=the_buyer.enterprise))
    client.cookies["django_language"] = "zh-hans"
    page = client.get(f"/e/{edition.slug}/agenda/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "一号馆 A12 展位" in page.content.decode()


def test_a_meeting_not_agreed_at_the_booth_cannot_be_moved_there(released):
    from fairmatch.scheduling.domain import edits

    _edition, _buyer, _stand, booth_meeting, a12 = released
    location = NegotiationTable.objects.get(booth=a12)
    other = Meeting.objects.exclude(pk=booth_meeting.pk).select_related("slot").first()
    with pytest.raises(edits.EditError) as error:
        edits.move_meeting(
            meeting=other, slot=other.slot, table=location, version=other.version, user=None
        )
    assert str(error.value) == "Only the meetings agreed at this booth take place there."


def test_the_board_shows_booths_after_the_tables_on_a_page_of_their_own(client, released):
    edition = released[0]
    client.force_login(OrganiserFactory())
    board_url = f"/organiser/{edition.slug}/schedule/board/"
    tables = client.get(board_url).content.decode()
    assert "Table 1" in tables and "Booth H1-A12" not in tables
    assert "booths H1-A12–H1-A12" in tables  # the second page's link
    booths = client.get(board_url, {"page": 2}).content.decode()
    assert "Booth H1-A12" in booths and "Table 1<" not in booths


def test_the_schedule_page_counts_tables_and_names_booths_apart(client, released):
    edition = released[0]
    client.force_login(OrganiserFactory())
    page = client.get(f"/organiser/{edition.slug}/schedule/").content.decode()
    booth_table = NegotiationTable.objects.get(edition=edition, booth__isnull=False)
    tables = NegotiationTable.objects.filter(edition=edition, booth__isnull=True).count()
    assert f"{tables} tables" in page or f"{tables} table<" in page
    assert "Meetings also take place at 1 exhibitor's booth: H1-A12" in page
    assert f">{booth_table.number} (" not in page and f"{booth_table.number} ·" not in page


def test_the_board_details_name_the_booth_not_a_table_number(client, released):
    edition, _buyer, _stand, booth_meeting, _a12 = released
    client.force_login(OrganiserFactory())
    details = client.get(
        f"/organiser/{edition.slug}/schedule/board/meetings/{booth_meeting.pk}/"
    ).content.decode()
    assert "Booth H1-A12" in details and "Table 3" not in details


def test_the_check_in_answer_names_the_booth_of_a_first_meeting_there(released):
    from fairmatch.onsite.domain.badges import issue_badges
    from fairmatch.onsite.domain.checkin import next_meeting
    from fairmatch.onsite.models import Badge

    edition, _buyer, stand, booth_meeting, _a12 = released
    booth_meeting.refresh_from_db()
    DelegateFactory(participation=stand)
    issue_badges(edition=edition)
    first = next_meeting(
        Badge.objects.get(delegate__participation=stand), now=booth_meeting.slot.starts_at
    )
    assert (first.meeting_id, first.booth, first.table_number) == (booth_meeting.pk, "H1-A12", None)
