"""Numbers in schedule requests: a superscript, another script's digit, thirty nines, a
negative, nothing, or another edition's row are answered with a clear message (or a 404
for a path), never a server error, and change nothing."""

import pytest

from fairmatch.scheduling.models import (
    CalendarFeed,
    Meeting,
    NegotiationSession,
    NegotiationTable,
    RunStatus,
    ScheduleRun,
    Slot,
    Unavailability,
)
from tests.factories import DelegateFactory, OrganiserFactory, UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = pytest.mark.django_db

THIRTY_NINES = "9" * 30
BAD = ["²", "٣", THIRTY_NINES, "-1", "", "other edition"]
VERSION_ERRORS = {
    "²": "Enter a whole number.",
    "٣": "Enter a whole number.",
    THIRTY_NINES: "Ensure this value is less than or equal to 2147483647.",
    "-1": "Ensure this value is greater than or equal to 1.",
    "": "This field is required.",
}
NUMBER_BAD = BAD[:-1]  # a version belongs to no edition


def cases(fields, version_fields):
    return [
        (field, bad) for field in fields for bad in (NUMBER_BAD if field in version_fields else BAD)
    ]


NO_MEETING = "No meeting of this edition has that number."
NO_PARTICIPANT = "No participant of this edition has that number."


@pytest.fixture
def two_editions():
    edition = grid_edition(slots=3, tables=2)
    (host,) = accepted_meetings(edition, 2)
    first, second = place_in_turn(list(Meeting.objects.filter(edition=edition).order_by("pk")))
    ScheduleRun.objects.create(edition=edition, status=RunStatus.FINISHED)
    other = grid_edition(slots=1, tables=1)
    (other_host,) = accepted_meetings(other, 1)
    other_run = ScheduleRun.objects.create(edition=other, status=RunStatus.FINISHED)
    others = {
        "meeting": Meeting.objects.get(edition=other).pk,
        "participant": other_host.pk,
        "slot": Slot.objects.get(session__edition=other).pk,
        "run": other_run.pk,
        "session": other.negotiation_sessions.get().pk,
    }
    return edition, host, first, second, others


def schedule_state():
    return (
        sorted(Meeting.objects.values_list("pk", "slot", "table", "state", "locked", "version")),
        Unavailability.objects.count(),
    )


def value_for(bad, others, kind):
    return str(others[kind]) if bad == "other edition" else bad


def organiser_post(client, url, data):
    client.force_login(OrganiserFactory())
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("bad", NUMBER_BAD)
def test_a_bad_version_on_a_meeting_edit(client, two_editions, bad):
    edition, _host, first, _second, _others = two_editions
    before = schedule_state()
    page = organiser_post(
        client, f"/organiser/{edition.slug}/schedule/meetings/{first.pk}/lock/", {"version": bad}
    )
    assert f"Version: {VERSION_ERRORS[bad]}" in page
    assert schedule_state() == before


@pytest.mark.parametrize(
    ("field", "bad"),
    cases(
        ["first", "first_version", "second", "second_version"], {"first_version", "second_version"}
    ),
)
def test_a_bad_number_in_a_swap(client, two_editions, field, bad):
    edition, _host, first, second, others = two_editions
    data = {"first": first.pk, "first_version": 1, "second": second.pk, "second_version": 1}
    data[field] = value_for(bad, others, "meeting")
    before = schedule_state()
    page = organiser_post(client, f"/organiser/{edition.slug}/schedule/meetings/swap/", data)
    label = {"first": "Swap meeting (#)", "second": "with meeting (#)"}.get(field, "its version")
    if field.endswith("version"):
        assert f"{label}: {VERSION_ERRORS[bad]}" in page
    elif bad == "":
        assert f"{label}: This field is required." in page
    else:
        assert f"{label}: {NO_MEETING}" in page
    assert schedule_state() == before


@pytest.mark.parametrize(
    ("field", "bad"), cases(["meeting", "version", "slot", "table"], {"version"})
)
def test_a_bad_number_in_a_move(client, two_editions, field, bad):
    edition, _host, first, _second, others = two_editions
    others = others | {"table": NegotiationTable.objects.exclude(edition=edition).first().pk}
    data = {
        "meeting": first.pk,
        "version": 1,
        "slot": Slot.objects.get(session__edition=edition, index=2).pk,
        "table": NegotiationTable.objects.get(edition=edition, number=2).pk,
    }
    data[field] = value_for(bad, others, field)
    before = schedule_state()
    page = organiser_post(client, f"/organiser/{edition.slug}/schedule/meetings/move/", data)
    label = {"meeting": "Meeting (#)", "version": "Version", "slot": "Slot", "table": "Table"}
    if field == "version":
        expected = VERSION_ERRORS[bad]
    elif bad == "":
        expected = "This field is required."
    elif field == "meeting":
        expected = NO_MEETING
    else:
        expected = "Select a valid choice. That choice is not one of the available choices."
    assert f"{label[field]}: {expected}" in page
    assert schedule_state() == before


@pytest.mark.parametrize("bad", BAD)
def test_a_bad_participant_marked_absent(client, two_editions, bad):
    edition, _host, _first, _second, others = two_editions
    before = schedule_state()
    page = organiser_post(
        client,
        f"/organiser/{edition.slug}/schedule/absent/",
        {"participant": value_for(bad, others, "participant")},
    )
    assert f"Participant: {NO_PARTICIPANT}" in page
    assert schedule_state() == before


@pytest.mark.parametrize("bad", BAD)
def test_a_bad_board_session_shows_the_first_session_and_says_why(client, two_editions, bad):
    edition, _host, first, second, others = two_editions
    client.force_login(OrganiserFactory())
    page = client.get(
        f"/organiser/{edition.slug}/schedule/board/",
        {"session": value_for(bad, others, "session")},
    )
    assert page.status_code == 200
    board = page.context["board"]
    assert board.session == edition.negotiation_sessions.get()
    shown = sorted(cell.meeting.pk for _slot, cells in board.rows for cell in cells if cell.meeting)
    assert shown == [first.pk, second.pk]
    assert ("Session: Select a valid choice." in page.content.decode()) is (bad != "")


@pytest.mark.parametrize("bad", BAD)
def test_a_bad_run_to_compare(client, two_editions, bad):
    edition, _host, _first, _second, others = two_editions
    client.force_login(OrganiserFactory())
    run = ScheduleRun.objects.get(edition=edition)
    page = client.get(
        f"/organiser/{edition.slug}/schedule/runs/compare/",
        {"run": [run.pk, value_for(bad, others, "run")]},
    )
    assert page.status_code == 400
    assert page.context["runs"] == []
    assert "is not one of the available choices" in page.content.decode() or (
        "No run of this edition has that number." in page.content.decode()
    )


def test_at_most_four_runs_are_compared(client, two_editions):
    edition, *_rest = two_editions
    runs = [ScheduleRun.objects.create(edition=edition) for _ in range(4)]
    client.force_login(OrganiserFactory())
    url = f"/organiser/{edition.slug}/schedule/runs/compare/"
    page = client.get(url, {"run": [run.pk for run in runs]})
    assert [run.pk for run in page.context["runs"]] == sorted(
        (run.pk for run in runs), reverse=True
    )
    page = client.get(url, {"run": [run.pk for run in ScheduleRun.objects.filter(edition=edition)]})
    assert page.status_code == 400
    assert "Compare at most 4 runs at once." in page.content.decode()


@pytest.mark.parametrize("bad", BAD)
def test_a_bad_slot_someone_cannot_attend(client, two_editions, bad):
    edition, host, _first, _second, others = two_editions
    client.force_login(UserFactory(enterprise=host.enterprise))
    slot = Slot.objects.get(session__edition=edition, index=0)
    before = schedule_state()
    response = client.post(
        f"/e/{edition.slug}/availability/",
        {"slot": [slot.pk, value_for(bad, others, "slot")]},
        follow=True,
    )
    assert response.status_code == 200
    assert "One of the chosen slots does not exist in this edition." in response.content.decode()
    assert schedule_state() == before


@pytest.mark.parametrize("bad", BAD)
def test_a_bad_delegate_for_a_new_calendar_address(client, two_editions, bad):
    edition, host, *_rest = two_editions
    delegate = DelegateFactory(participation=host)
    other = DelegateFactory()
    client.force_login(UserFactory(enterprise=host.enterprise))
    (_delegate, feed), *_ = client.get(f"/e/{edition.slug}/agenda/").context["feeds"]
    value = str(other.pk) if bad == "other edition" else bad
    response = client.post(
        f"/e/{edition.slug}/agenda/calendar/new-address/", {"delegate": value}, follow=True
    )
    assert response.status_code == 200
    assert "No delegate of this participant has that number." in response.content.decode()
    assert CalendarFeed.objects.get(delegate=delegate).token == feed.token


@pytest.mark.parametrize(
    "path",
    [
        "meetings/{huge}/lock/",
        "sessions/{huge}/delete/",
        "runs/{huge}/",
        "participants/{huge}/calendar/",
    ],
)
def test_thirty_nines_in_a_path_are_not_found(client, two_editions, path):
    edition, *_rest = two_editions
    client.force_login(OrganiserFactory())
    url = f"/organiser/{edition.slug}/schedule/" + path.format(huge=THIRTY_NINES)
    response = client.post(url, {"version": 1}) if "lock" in path else client.get(url)
    assert response.status_code == 404


def test_a_session_of_another_edition_is_not_found(client, two_editions):
    edition, *_rest = two_editions
    other_session = NegotiationSession.objects.exclude(edition=edition).get()
    client.force_login(OrganiserFactory())
    url = f"/organiser/{edition.slug}/schedule/sessions/{other_session.pk}/delete/"
    assert client.post(url).status_code == 404
    assert NegotiationSession.objects.filter(pk=other_session.pk).exists()
