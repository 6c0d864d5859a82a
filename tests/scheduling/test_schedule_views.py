"""Schedule pages: who may use them, bad input answered clearly, constant queries."""

import pytest

from fairmatch.scheduling.models import (
    Meeting,
    NegotiationSession,
    NegotiationTable,
    RunStatus,
    ScheduleRun,
    Slot,
    Unavailability,
)
from tests.factories import OrganiserFactory, UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db

ORGANISER_PAGES = ["", "board/", "runs/compare/", "print.pdf"]


@pytest.mark.parametrize("page", ORGANISER_PAGES)
def test_organiser_pages_refuse_enterprises_and_send_visitors_to_log_in(client, page):
    edition = grid_edition()
    url = f"/organiser/{edition.slug}/schedule/{page}"
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(OrganiserFactory())
    assert client.get(url).status_code == 200


def test_a_run_with_nothing_to_schedule_says_so(client):
    edition = grid_edition()
    client.force_login(OrganiserFactory())
    response = client.post(
        f"/organiser/{edition.slug}/schedule/runs/",
        {"run-time_limit": "5", "run-fairness": "2", "run-seed": "0"},
        follow=True,
    )
    assert "There is no accepted meeting to schedule yet." in response.content.decode()
    assert not ScheduleRun.objects.exists()


def test_a_run_with_a_bad_time_limit_names_the_field(client):
    edition = grid_edition()
    client.force_login(OrganiserFactory())
    response = client.post(
        f"/organiser/{edition.slug}/schedule/runs/",
        {"run-time_limit": "-3", "run-fairness": "2", "run-seed": "0"},
        follow=True,
    )
    assert "Time limit (seconds): Ensure this value is greater than or equal to 1." in (
        response.content.decode()
    )


def test_moving_onto_a_busy_table_from_the_board_says_so_and_changes_nothing(client):
    edition = grid_edition(slots=2, tables=1)
    accepted_meetings(edition, 2)
    first, second = Meeting.objects.order_by("pk")
    table = NegotiationTable.objects.get()
    for meeting, index in ((first, 0), (second, 1)):
        meeting.slot, meeting.table = Slot.objects.get(index=index), table
        meeting.save()
    client.force_login(OrganiserFactory())
    response = client.post(
        f"/organiser/{edition.slug}/schedule/meetings/move/",
        {"meeting": first.pk, "version": 1, "slot": second.slot_id, "table": table.pk},
        follow=True,
    )
    assert "Table 1 is taken in this slot." in response.content.decode()
    first.refresh_from_db()
    assert first.slot.index == 0


def test_publishing_during_a_run_says_so(client):
    edition = grid_edition()
    ScheduleRun.objects.create(edition=edition, status=RunStatus.RUNNING)
    client.force_login(OrganiserFactory())
    response = client.post(
        f"/organiser/{edition.slug}/schedule/publish/", {"publish-name": "final"}, follow=True
    )
    assert "A solver run is in progress; publish when it has finished." in (
        response.content.decode()
    )
    assert not edition.releases.exists()


def test_deleting_a_session_first_shows_the_meetings_it_moves(client):
    edition = grid_edition(slots=2, tables=1)
    accepted_meetings(edition, 1)
    meeting = Meeting.objects.get()
    meeting.slot, meeting.table = Slot.objects.get(index=0), NegotiationTable.objects.get()
    meeting.save()
    session = NegotiationSession.objects.get()
    client.force_login(OrganiserFactory())
    page = client.get(f"/organiser/{edition.slug}/schedule/sessions/{session.pk}/delete/")
    assert [m.pk for m in page.context["affected"]] == [meeting.pk]
    client.post(f"/organiser/{edition.slug}/schedule/sessions/{session.pk}/delete/")
    meeting.refresh_from_db()
    assert (meeting.slot, meeting.unplaced_reason) == (None, "its slot was removed from the grid")


def test_participants_mark_slots_they_cannot_attend(client):
    edition = grid_edition(slots=3)
    (buyer,) = accepted_meetings(edition, 1)
    client.force_login(UserFactory(enterprise=buyer.enterprise))
    slot = Slot.objects.get(index=1)
    client.post(f"/e/{edition.slug}/availability/", {"slot": [slot.pk]})
    assert list(Unavailability.objects.values_list("participation", "slot")) == [
        (buyer.pk, slot.pk)
    ]
    other_edition_slot = Slot.objects.get(index=2)
    other_edition_slot.session = NegotiationSession.objects.create(
        edition=grid_edition().negotiation_sessions.get().edition,
        date="2027-06-16",
        part="morning",
        starts_at="09:00",
        slot_count=1,
        slot_minutes=20,
    )
    other_edition_slot.save()
    response = client.post(
        f"/e/{edition.slug}/availability/", {"slot": [other_edition_slot.pk]}, follow=True
    )
    assert "does not exist in this edition" in response.content.decode()
    assert Unavailability.objects.count() == 1


def test_the_board_makes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    edition = grid_edition(slots=4, tables=2)
    accepted_meetings(edition, 2)
    client.force_login(OrganiserFactory())
    url = f"/organiser/{edition.slug}/schedule/board/"
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    accepted_meetings(edition, 6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_swapping_from_the_board_and_a_stale_swap_is_refused(client):
    edition = grid_edition(slots=2, tables=1)
    accepted_meetings(edition, 2)
    first, second = Meeting.objects.order_by("pk")
    table = NegotiationTable.objects.get()
    for meeting, index in ((first, 0), (second, 1)):
        meeting.slot, meeting.table = Slot.objects.get(index=index), table
        meeting.save()
    client.force_login(OrganiserFactory())
    url = f"/organiser/{edition.slug}/schedule/meetings/swap/"
    data = {"first": first.pk, "first_version": 1, "second": second.pk, "second_version": 1}
    client.post(url, data)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.slot.index, second.slot.index) == (1, 0)
    response = client.post(url, data, follow=True)  # the versions are now 2
    assert "Someone else changed this meeting meanwhile" in response.content.decode()
    first.refresh_from_db()
    assert first.slot.index == 1


def test_the_board_finds_an_enterprise_by_any_of_its_names(client):
    edition = grid_edition(slots=2, tables=2)
    accepted_meetings(edition, 2)
    first, second = Meeting.objects.order_by("pk")
    enterprise = first.first.enterprise
    enterprise.name_original, enterprise.name_en = "大连渲染科技有限公司", "Dalian Rendering Tech"
    enterprise.save()
    client.force_login(OrganiserFactory())
    url = f"/organiser/{edition.slug}/schedule/board/"
    for words in ("渲染", "rendering tech"):
        page = client.get(url, {"q": words})
        assert [m.pk for m in page.context["board"].tray] == [first.pk], words
    assert {m.pk for m in client.get(url).context["board"].tray} == {first.pk, second.pk}


def test_a_malformed_version_is_named_and_changes_nothing(client):
    edition = grid_edition(slots=2, tables=1)
    accepted_meetings(edition, 1)
    meeting = Meeting.objects.get()
    meeting.slot, meeting.table = Slot.objects.get(index=0), NegotiationTable.objects.get()
    meeting.save()
    client.force_login(OrganiserFactory())
    response = client.post(
        f"/organiser/{edition.slug}/schedule/meetings/{meeting.pk}/lock/",
        {"version": "abc"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Version: Enter a whole number." in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.locked, meeting.version) == (False, 1)


@pytest.mark.parametrize("number", ["abc", "", "999999"])
def test_marking_an_unknown_participant_absent_says_so(client, number):
    edition = grid_edition()
    client.force_login(OrganiserFactory())
    response = client.post(
        f"/organiser/{edition.slug}/schedule/absent/", {"participant": number}, follow=True
    )
    assert "No participant of this edition has that number." in response.content.decode()
