"""Calendar feeds: answered only while the delegate attends, replaceable, private, and
escaped so that no enterprise name can break the feed or add a property."""

import pytest
import vobject
from django.utils import translation
from django.utils.translation import gettext
from icalendar import Calendar

from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.models import Enterprise, State
from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import CalendarFeed, Meeting
from fairmatch.scheduling.models.meetings import MeetingState
from tests.factories import DelegateFactory, OrganiserFactory, UserFactory
from tests.matching.helpers import buyer
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = pytest.mark.django_db

CALENDAR_PROPERTIES = {"PRODID", "VERSION", "X-WR-CALNAME", "X-WR-TIMEZONE"}
EVENT_PROPERTIES = {
    "UID",
    "DTSTART",
    "DTEND",
    "DTSTAMP",
    "SEQUENCE",
    "SUMMARY",
    "LOCATION",
    "DESCRIPTION",
}


def published_buyer(*, meetings: int = 2, buyer_name: str = "Keiko Trading"):
    edition = grid_edition(slots=max(meetings, 2), tables=2)
    host = buyer(edition, name_original=buyer_name, name_en=buyer_name)
    accepted_meetings(edition, meetings, buyers=[host])
    place_in_turn(list(Meeting.objects.filter(edition=edition).order_by("pk")))
    releases.publish(edition=edition, name="final", user=None)
    delegate = DelegateFactory(participation=host, full_name="Keiko Yamada")
    member = UserFactory(enterprise=host.enterprise)
    return edition, host, delegate, member


def feed_address(client, edition, member):
    client.force_login(member)
    (_delegate, feed), *_ = client.get(f"/e/{edition.slug}/agenda/").context["feeds"]
    client.logout()  # calendar clients have no session
    return f"/calendar/{feed.token}.ics"


def test_a_feed_is_private_to_its_reader(client):
    edition, _host, _delegate, member = published_buyer()
    response = client.get(feed_address(client, edition, member))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=300"


def test_the_agenda_pdf_is_private_to_its_reader(client):
    edition, _host, _delegate, member = published_buyer()
    client.force_login(member)
    assert client.get(f"/e/{edition.slug}/agenda.pdf")["Cache-Control"] == "private, max-age=0"


@pytest.mark.parametrize(
    "stop",
    [
        "delegate no longer attends",
        "delegate removed",
        "participation withdrawn",
        "participation rejected",
        "every user inactive",
    ],
)
def test_a_feed_stops_answering_when_its_delegate_no_longer_attends(client, stop):
    edition, host, delegate, member = published_buyer()
    address = feed_address(client, edition, member)
    if stop == "delegate no longer attends":
        delegate.is_attending = False
        delegate.save()
    elif stop == "delegate removed":
        delegate.delete()
    elif stop == "participation withdrawn":
        host.state = State.WITHDRAWN
        host.save()
    elif stop == "participation rejected":
        host.state = State.REJECTED
        host.save()
    else:
        UserFactory(enterprise=host.enterprise, is_active=False)
        member.is_active = False
        member.save()
    assert client.get(address).status_code == 404


def test_a_feed_answers_while_one_user_of_the_enterprise_is_active(client):
    edition, host, _delegate, member = published_buyer()
    address = feed_address(client, edition, member)
    UserFactory(enterprise=host.enterprise, is_active=False)
    assert client.get(address).status_code == 200
    member.is_active = False
    member.save()
    UserFactory(enterprise=host.enterprise, language="zh-hans")
    response = client.get(address)
    assert response.status_code == 200
    # Written in the language of the enterprise's first active user.
    summaries = [e.summary.value for e in vobject.readOne(response.content.decode()).vevent_list]
    assert all(summary.startswith("与") for summary in summaries), summaries


def test_a_delegate_gets_a_new_address_and_the_old_one_stops_at_once(client):
    edition, _host, delegate, member = published_buyer()
    old = feed_address(client, edition, member)
    client.force_login(member)
    page = client.post(
        f"/e/{edition.slug}/agenda/calendar/new-address/", {"delegate": delegate.pk}, follow=True
    )
    assert "Keiko Yamada has a new calendar address; the old one no longer works." in (
        page.content.decode()
    )
    new = f"/calendar/{CalendarFeed.objects.get(delegate=delegate).token}.ics"
    assert new != old
    client.logout()
    assert (client.get(old).status_code, client.get(new).status_code) == (404, 200)
    assert not AuditEntry.objects.filter(action="schedule.feed.rotate").exists()


def test_a_member_cannot_replace_another_enterprises_address(client):
    edition, _host, delegate, member = published_buyer()
    address = feed_address(client, edition, member)
    other = buyer(edition)
    stranger = UserFactory(enterprise=other.enterprise)
    client.force_login(stranger)
    page = client.post(
        f"/e/{edition.slug}/agenda/calendar/new-address/", {"delegate": delegate.pk}, follow=True
    )
    assert "No delegate of this participant has that number." in page.content.decode()
    assert f"/calendar/{CalendarFeed.objects.get(delegate=delegate).token}.ics" == address


def test_the_organiser_replaces_a_participants_address_and_it_is_audited(client):
    edition, host, delegate, member = published_buyer()
    old = feed_address(client, edition, member)
    organiser = OrganiserFactory()
    client.force_login(organiser)
    url = f"/organiser/{edition.slug}/schedule/participants/{host.pk}/calendar/"
    page = client.get(url)
    assert [d.full_name for d, _feed in page.context["delegates"]] == ["Keiko Yamada"]
    client.post(url, {"delegate": delegate.pk})
    client.logout()
    assert client.get(old).status_code == 404
    entry = AuditEntry.objects.get(action="schedule.feed.rotate")
    assert (entry.actor, entry.object_id) == (organiser, str(delegate.pk))


def test_only_organisers_see_a_participants_addresses(client):
    edition, host, _delegate, member = published_buyer()
    client.force_login(member)
    url = f"/organiser/{edition.slug}/schedule/participants/{host.pk}/calendar/"
    assert client.get(url).status_code == 403


def _properties(component):
    return {name for name in component}


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Evil\r\nATTENDEE:evil", "Evil ATTENDEE:evil"),
        ("A, B; C\\ D", "A, B; C\\ D"),
        ("Line\nbreak; and \\n, all", "Line break; and \\n, all"),
    ],
)
def test_hostile_names_neither_break_the_feed_nor_add_a_property(client, name, shown):
    edition, _host, _delegate, member = published_buyer(buyer_name=name)
    counterpart = Meeting.objects.order_by("pk").first().first.enterprise
    Enterprise.objects.filter(pk=counterpart.pk).update(name_original=name, name_en=name)
    releases.publish(edition=edition, name="renamed", user=None)
    response = client.get(feed_address(client, edition, member))
    assert response.status_code == 200

    calendar = Calendar.from_ical(response.content)
    assert _properties(calendar) == CALENDAR_PROPERTIES
    assert str(calendar["X-WR-CALNAME"]) == f"{edition.name} – {shown}"
    events = sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("DTSTART"))
    assert [_properties(event) for event in events] == [EVENT_PROPERTIES] * 2
    assert str(events[0]["SUMMARY"]) == f"Negotiation with {shown}"

    parsed = vobject.readOne(response.content.decode())
    components = {"vevent", "vtimezone"}
    assert set(parsed.contents) == {p.lower() for p in CALENDAR_PROPERTIES} | components
    assert parsed.x_wr_calname.value == f"{edition.name} – {shown}"
    first = sorted(parsed.vevent_list, key=lambda event: event.dtstart.value)[0]
    assert set(first.contents) == {p.lower() for p in EVENT_PROPERTIES}
    assert first.summary.value == f"Negotiation with {shown}"


def test_the_feed_makes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    small_edition, _host, _delegate, small_member = published_buyer(meetings=2)
    small = feed_address(client, small_edition, small_member)
    with django_assert_max_num_queries(10) as counted:
        assert client.get(small).status_code == 200
    small_count = len(counted.captured_queries)  # the next request clears the query log
    large_edition, _host, _delegate, large_member = published_buyer(meetings=8)
    large = feed_address(client, large_edition, large_member)
    with django_assert_max_num_queries(small_count):
        response = client.get(large)
    assert len(vobject.readOne(response.content.decode()).vevent_list) == 8


def test_every_time_zone_a_feed_names_is_defined_in_it(client, settings):
    settings.SITE_URL = "https://fair.example.org"
    edition, _host, _delegate, member = published_buyer()
    content = client.get(feed_address(client, edition, member)).content
    calendar = Calendar.from_ical(content)
    named = {
        str(event[prop].params["TZID"])
        for event in calendar.walk("VEVENT")
        for prop in ("DTSTART", "DTEND")
    }
    defined = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    assert named == {edition.timezone}
    assert named <= defined
    assert all(str(event["UID"]).endswith("@fair.example.org") for event in calendar.walk("VEVENT"))


def test_the_feed_passes_a_strict_rfc_5545_reader(client):
    from ical.calendar_stream import IcsCalendarStream

    edition, _host, _delegate, member = published_buyer(buyer_name="Keiko; Trading, Ltd\\")
    text = client.get(feed_address(client, edition, member)).content.decode()
    calendar = IcsCalendarStream.calendar_from_ics(text)  # raises on a malformed calendar
    assert len(calendar.events) == 2
    assert {zone.tz_id for zone in calendar.timezones} == {edition.timezone}


def test_a_client_that_has_the_feed_gets_not_modified(client):
    edition, _host, _delegate, member = published_buyer()
    address = feed_address(client, edition, member)
    first = client.get(address)
    again = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "private, max-age=300"


def test_a_new_release_or_name_gives_a_new_feed(client):
    edition, host, _delegate, member = published_buyer()
    address = feed_address(client, edition, member)
    first = client.get(address)
    meeting = Meeting.objects.filter(edition=edition).order_by("pk").first()
    meeting.state = MeetingState.CANCELLED
    meeting.save(update_fields=["state"])
    releases.publish(edition=edition, name="second", user=None)
    second = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert len(Calendar.from_ical(second.content).walk("VEVENT")) == 1
    Enterprise.objects.filter(pk=host.enterprise_id).update(name_en="Keiko Holdings")
    third = client.get(address, HTTP_IF_NONE_MATCH=second["ETag"])
    assert third.status_code == 200
    assert "Keiko Holdings" in Calendar.from_ical(third.content)["X-WR-CALNAME"]


@pytest.mark.parametrize("language", ["ja", "ko"])
def test_the_feed_is_written_in_the_members_language_not_the_askers(client, language):
    edition, host, _delegate, member = published_buyer(meetings=1)
    member.language = language
    member.save()
    address = feed_address(client, edition, member)
    # The calendar client's own language does not matter: the member's does.
    response = client.get(address, HTTP_ACCEPT_LANGUAGE="en")
    (event,) = vobject.readOne(response.content.decode()).vevent_list
    meeting = Meeting.objects.get()
    other = meeting.second if meeting.first_id == host.pk else meeting.first
    counterpart = other.enterprise
    with translation.override(language):
        expected = gettext("Negotiation with %(name)s") % {"name": counterpart.display_name}
        location_prefix = gettext("Table %(table)s") % {"table": ""}
    assert event.summary.value == expected
    assert event.location.value.startswith(location_prefix.strip())


def test_a_poll_costs_one_query_whether_answered_304_or_from_the_cache(
    client, django_assert_num_queries
):
    edition, _host, _delegate, member = published_buyer()
    address = feed_address(client, edition, member)
    first = client.get(address)  # builds the text and keeps it
    with django_assert_num_queries(1):
        again = client.get(address)
    with django_assert_num_queries(1):
        unchanged = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, again.content) == (200, first.content)
    assert unchanged.status_code == 304


def test_a_weak_etag_from_a_compressing_proxy_still_gets_not_modified(client):
    edition, _host, _delegate, member = published_buyer()
    address = feed_address(client, edition, member)
    etag = client.get(address)["ETag"]
    assert client.get(address, HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304


def test_a_feed_that_stopped_answering_is_not_found_even_with_its_last_etag(client):
    edition, _host, delegate, member = published_buyer()
    address = feed_address(client, edition, member)
    etag = client.get(address)["ETag"]
    delegate.is_attending = False
    delegate.save()
    assert client.get(address, HTTP_IF_NONE_MATCH=etag).status_code == 404
