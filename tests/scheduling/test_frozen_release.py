"""A release is frozen as its rows: what changes after publication (a same-day
cancellation, a renamed table zone, a renamed enterprise) shows in no agenda, feed or
print-out until the next release; then it does. Reading them costs a constant number of
queries."""

import io

import pypdf
import pytest
import vobject

from fairmatch.enterprises.models import Demand, Enterprise
from fairmatch.matching.models import MeetingRequest
from fairmatch.scheduling.domain import releases, sameday
from fairmatch.scheduling.models import Meeting, NegotiationTable
from tests.factories import DelegateFactory, OrganiserFactory, UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = pytest.mark.django_db


def published(meetings: int = 2):
    edition = grid_edition(slots=max(meetings, 2), tables=1)
    (host,) = accepted_meetings(edition, meetings)
    placed = place_in_turn(list(Meeting.objects.filter(edition=edition).order_by("pk")))
    MeetingRequest.objects.filter(meeting__in=placed).update(demand=host.demands.get())
    releases.publish(edition=edition, name="final", user=None)
    DelegateFactory(participation=host)
    return edition, host, placed


def pdf_text(response):
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def everything_shown(client, edition, member, organiser):
    """The agenda page's items, the agenda PDF, the feed's events and the print-out."""
    client.force_login(member)
    page = client.get(f"/e/{edition.slug}/agenda/")
    items = [
        (i.starts_at, i.table, i.counterpart_name, i.demand) for i in page.context["agenda"].items
    ]
    agenda_pdf = pdf_text(client.get(f"/e/{edition.slug}/agenda.pdf"))
    (_delegate, feed), *_ = page.context["feeds"]
    calendar = vobject.readOne(client.get(f"/calendar/{feed.token}.ics").content.decode())
    events = sorted(
        (e.dtstart.value, e.location.value, e.summary.value) for e in calendar.vevent_list
    )
    client.force_login(organiser)
    print_out = pdf_text(client.get(f"/organiser/{edition.slug}/schedule/print.pdf"))
    return {"items": items, "pdf": agenda_pdf, "events": events, "print": print_out}


def test_changes_after_publication_show_nowhere_until_the_next_release(client):
    edition, host, (first, second) = published()
    member, organiser = UserFactory(enterprise=host.enterprise), OrganiserFactory()
    before = everything_shown(client, edition, member, organiser)
    assert [location for _start, location, _summary in before["events"]] == ["Table 1 (A)"] * 2
    assert before["print"].count("Table plan") == 2
    counterpart = second.first.enterprise
    field = host.demands.get().field.name_en
    assert [item[3] for item in before["items"]] == [
        f"{field}: Mobile banking application maintenance, five years."
    ] * 2

    sameday.cancel_meeting(meeting=first, user=organiser, reason="flight cancelled")
    NegotiationTable.objects.filter(edition=edition).update(zone="Hall 7")
    Enterprise.objects.filter(pk=counterpart.pk).update(name_en="Renamed Ltd")
    Demand.objects.filter(participation=host).update(description="Rewritten")

    assert everything_shown(client, edition, member, organiser) == before

    releases.publish(edition=edition, name="after changes", user=organiser)
    after = everything_shown(client, edition, member, organiser)
    assert [(location, summary) for _start, location, summary in after["events"]] == [
        ("Table 1 (Hall 7)", "Negotiation with Renamed Ltd")
    ]
    assert [item[1:] for item in after["items"]] == [
        ("1 (Hall 7)", "Renamed Ltd", f"{field}: Rewritten")
    ]
    assert "Renamed Ltd" in after["print"]
    assert after["print"].count("Table plan") == 1  # the cancelled meeting's slot is empty


def test_a_renamed_zone_counts_as_a_move_and_tells_the_participants(client):
    edition, _host, (first, second) = published()
    NegotiationTable.objects.filter(edition=edition).update(zone="Hall 7")
    release = releases.publish(edition=edition, name="new hall", user=None)
    assert release.changes["moved"] == [str(first.pk), str(second.pk)]


def test_the_agenda_page_makes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    counts = []
    for meetings in (2, 8):
        edition, host, _placed = published(meetings)
        client.force_login(UserFactory(enterprise=host.enterprise))
        with django_assert_max_num_queries(counts[0] if counts else 20) as counted:
            page = client.get(f"/e/{edition.slug}/agenda/")
        counts.append(len(counted.captured_queries))
        assert len(page.context["agenda"].items) == meetings
    assert counts[1] <= counts[0]


def test_the_agenda_pdf_makes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    counts = []
    for meetings in (2, 8):
        edition, host, _placed = published(meetings)
        client.force_login(UserFactory(enterprise=host.enterprise))
        with django_assert_max_num_queries(counts[0] if counts else 20) as counted:
            text = pdf_text(client.get(f"/e/{edition.slug}/agenda.pdf"))
        counts.append(len(counted.captured_queries))
        assert text.count("Acme Outsourcing") >= meetings
    assert counts[1] <= counts[0]


def test_the_print_out_makes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    client.force_login(OrganiserFactory())
    counts = []
    for meetings in (2, 8):
        edition, _host, _placed = published(meetings)
        with django_assert_max_num_queries(counts[0] if counts else 20) as counted:
            response = client.get(f"/organiser/{edition.slug}/schedule/print.pdf")
        counts.append(len(counted.captured_queries))
        # one agenda per participant (the buyer and each provider), one plan per slot
        assert len(pypdf.PdfReader(io.BytesIO(response.content)).pages) == 2 * meetings + 1
    assert counts[1] <= counts[0]
