"""The schedule board: one session at a time in the edition's time zone, checks answered
before anything is saved, filters kept after a change, destructive changes undone until the
next release, and a number of queries that does not grow with the edition."""

import re

import pytest

from fairmatch.scheduling.domain import board, releases
from fairmatch.scheduling.models import (
    BoardAction,
    Meeting,
    MeetingState,
    NegotiationTable,
    Slot,
    Unavailability,
)
from tests.factories import OrganiserFactory
from tests.matching.helpers import buyer
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = pytest.mark.django_db

LONG_NAME = "Dalian Hi-Think Computer Technology Corporation Limited"


def url(edition, page="board/"):
    return f"/organiser/{edition.slug}/schedule/{page}"


@pytest.fixture
def placed():
    """Three meetings of one buyer at table 1 in slots 0, 1 and 2; tables 1 and 2."""
    edition = grid_edition(slots=4, tables=2)
    (host,) = accepted_meetings(edition, 3)
    meetings = place_in_turn(list(Meeting.objects.order_by("pk")))
    return edition, host, meetings


def place(meeting):
    meeting.refresh_from_db()
    return (meeting.state, meeting.slot_id, meeting.table_id)


def test_the_board_shows_local_times_and_full_names(client, placed):
    edition, host, (first, _second, _third) = placed
    enterprise = first.first.enterprise
    enterprise.name_en = enterprise.name_original = LONG_NAME
    enterprise.save()
    client.force_login(OrganiserFactory())
    page = client.get(url(edition)).content.decode()
    # The grid starts at 09:00 in Shanghai (01:00 UTC).
    assert ">09:00<" in page and ">01:00<" not in page
    assert "China (Shanghai) Time" in page  # the zone named for people, not its id
    assert page.count(LONG_NAME) >= 2  # the cell's text and its title, never cut
    details = client.get(url(edition, f"board/meetings/{first.pk}/")).content.decode()
    assert LONG_NAME in details
    assert f"Mark {host.enterprise.display_name} absent" in details


def test_the_check_answers_before_anything_is_saved(client, placed):
    edition, _host, (first, second, third) = placed
    table_1, table_2 = NegotiationTable.objects.order_by("number")
    slots = list(Slot.objects.order_by("index"))
    client.force_login(OrganiserFactory())
    before = sorted(Meeting.objects.values_list("pk", "slot", "table", "version"))

    def ask(meeting, slot, table, version=1):
        data = {"meeting": meeting.pk, "version": version, "slot": slot.pk, "table": table.pk}
        return client.get(url(edition, "board/check/"), data).json()

    assert ask(first, slots[3], table_2) == {
        "ok": True,
        "kind": "move",
        "message": "Free: the meeting can move here.",
    }
    # The buyer meets someone at table 1 in slot 1: table 2 there is free, the buyer is not.
    clash = ask(first, slots[1], table_2)
    assert clash["ok"] is False
    assert clash["message"] == (
        f"{first.second.enterprise.display_name} already meets someone else in this slot."
    )
    swap = ask(first, slots[1], table_1)
    assert (swap["ok"], swap["kind"], swap["other"]) == (True, "swap", second.pk)
    assert ask(first, slots[3], table_2, version=7)["message"].startswith("Someone else changed")
    Unavailability.objects.create(participation=first.first, slot=slots[3])
    refused = ask(first, slots[3], table_2)
    assert refused["message"] == f"{first.first.enterprise.display_name} cannot attend this slot."
    edits_free = ask(third, slots[3], table_1)
    assert edits_free["ok"] is True
    assert sorted(Meeting.objects.values_list("pk", "slot", "table", "version")) == before
    bad = client.get(url(edition, "board/check/"), {"meeting": "x"})
    assert bad.status_code == 400 and bad.json()["ok"] is False


def test_a_move_from_the_board_keeps_the_filters(client, placed):
    edition, _host, (first, _second, _third) = placed
    table_2 = NegotiationTable.objects.get(number=2)
    slot = Slot.objects.get(index=3)
    client.force_login(OrganiserFactory())
    response = client.post(
        url(edition, "meetings/move/"),
        {
            "meeting": first.pk,
            "version": 1,
            "slot": slot.pk,
            "table": table_2.pk,
            "q": first.first.enterprise.name_en,
            "state": "unlocked",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.templates[0].name == "scheduling/_board.html"
    query = response.context["query"]
    assert (query.q, query.state) == (first.first.enterprise.name_en, "unlocked")
    assert "The schedule has been changed." in response.content.decode()
    assert place(first)[1:] == (slot.pk, table_2.pk)
    # Without htmx, the board comes back with the same filters in its address.
    response = client.post(
        url(edition, f"meetings/{first.pk}/lock/"), {"version": 2, "q": "Buyer", "view": "people"}
    )
    assert response.status_code == 302
    assert response.url.endswith("board/?view=people&q=Buyer")


def test_a_cancel_is_undone_until_the_next_release(client, placed):
    edition, _host, (first, second, _third) = placed
    client.force_login(OrganiserFactory())
    was = place(first)
    page = client.post(
        url(edition, f"meetings/{first.pk}/cancel/"), {"version": 1}, follow=True
    ).content.decode()
    assert "— you can undo it until the next release." in page  # never "Ltd.."
    assert place(first)[0] == MeetingState.CANCELLED
    action = BoardAction.objects.get()
    assert [a.pk for a in board.undoable_actions(edition)] == [action.pk]
    page = client.post(url(edition, f"board/undo/{action.pk}/"), follow=True).content.decode()
    assert "(1 meeting restored)." in page  # one meeting, in the singular
    assert place(first) == was
    # Undone once: not twice.
    page = client.post(url(edition, f"board/undo/{action.pk}/"), follow=True).content.decode()
    assert "can no longer be undone" in page
    # Taken off the grid, then a release: the change stays.
    client.post(url(edition, f"meetings/{second.pk}/unplace/"), {"version": 1})
    releases.publish(edition=edition, name="after", user=None)
    later = BoardAction.objects.get(kind="unplace")
    assert board.undoable_actions(edition) == []
    client.post(url(edition, f"board/undo/{later.pk}/"))
    assert place(second)[1] is None


def test_an_undo_refuses_a_meeting_changed_since_or_a_taken_place(client, placed):
    edition, _host, (first, _second, _third) = placed
    table_2 = NegotiationTable.objects.get(number=2)
    client.force_login(OrganiserFactory())
    client.post(url(edition, f"meetings/{first.pk}/unplace/"), {"version": 1})
    action = BoardAction.objects.get()
    # Someone else takes its place meanwhile: a new meeting at table 1 in slot 0.
    accepted_meetings(edition, 1)
    newcomer = Meeting.objects.order_by("-pk").first()
    newcomer.slot, newcomer.table = (
        Slot.objects.get(index=0),
        NegotiationTable.objects.get(number=1),
    )
    newcomer.save()
    page = client.post(url(edition, f"board/undo/{action.pk}/"), follow=True).content.decode()
    assert "Table 1 is taken in this slot." in page
    assert place(first)[1] is None
    newcomer.table = table_2
    newcomer.save()
    board.undo(action=action, user=None)
    assert place(first)[1:] == (
        Slot.objects.get(index=0).pk,
        NegotiationTable.objects.get(number=1).pk,
    )


def test_an_absence_chosen_by_name_is_undone_whole(client, placed):
    edition, host, meetings = placed
    client.force_login(OrganiserFactory())
    was = [place(m) for m in meetings]
    page = client.post(
        url(edition, "absent/"), {"participant": host.pk}, follow=True
    ).content.decode()
    assert f"{host.enterprise.display_name} is absent: 3 meetings cancelled." in page
    action = BoardAction.objects.get(kind="absent")
    assert action.label == host.enterprise.display_name
    client.post(url(edition, f"board/undo/{action.pk}/"))
    assert [place(m) for m in meetings] == was


def test_the_board_pages_tables_and_participants(client):
    edition = grid_edition(slots=2, tables=board.TABLES_PER_PAGE + 3)
    accepted_meetings(edition, 2)
    client.force_login(OrganiserFactory())
    first_page = client.get(url(edition)).context["board"]
    assert len(first_page.columns) == board.TABLES_PER_PAGE
    assert first_page.page_labels == [f"1–{board.TABLES_PER_PAGE}", f"17–{16 + 3}"]
    second_page = client.get(url(edition), {"page": 2}).context["board"]
    assert [t.number for t in second_page.columns] == [17, 18, 19]
    people = client.get(url(edition), {"view": "people"}).context["board"]
    assert people.rows == []  # nobody is placed yet


def test_conflicts_are_counted_and_filtered(client, placed):
    edition, _host, (first, second, _third) = placed
    # A double booking written around the edits (as an old import could leave it).
    Meeting.objects.filter(pk=second.pk).update(
        slot=first.slot, table=NegotiationTable.objects.get(number=2)
    )
    client.force_login(OrganiserFactory())
    shown = client.get(url(edition), {"conflicts": "1"}).context["board"]
    assert shown.conflicts == 2
    visible = {c.meeting.pk for _s, cells in shown.rows for c in cells if c.meeting and c.shown}
    assert visible == {first.pk, second.pk}


def test_the_board_makes_the_same_queries_for_a_bigger_session(
    client, django_assert_max_num_queries
):
    edition = grid_edition(slots=4, tables=20)
    accepted_meetings(edition, 2)
    place_in_turn(list(Meeting.objects.order_by("pk")))
    client.force_login(OrganiserFactory())
    counted = {}
    for view in ("tables", "people"):
        with django_assert_max_num_queries(40) as small:
            client.get(url(edition), {"view": view, "q": "a"})
        counted[view] = len(small.captured_queries)
    accepted_meetings(edition, 12, buyers=[buyer(edition) for _ in range(3)])
    meetings = list(Meeting.objects.filter(slot__isnull=True).order_by("pk"))
    for index, meeting in enumerate(meetings):
        meeting.slot = Slot.objects.get(index=index % 4)
        meeting.table = NegotiationTable.objects.get(number=3 + index)
        meeting.save()
    for view in ("tables", "people"):
        with django_assert_max_num_queries(counted[view]):
            client.get(url(edition), {"view": view, "q": "a"})


def test_a_held_meeting_stays_on_the_board_marked_and_not_movable(client, placed):
    """On the event day the organiser sees where meetings took place; they cannot move."""
    edition, _host, (first, second, _third) = placed
    first.state = MeetingState.HELD
    first.save()
    client.force_login(OrganiserFactory())
    for view in ("tables", "people"):
        page = client.get(url(edition), {"view": view}).content.decode()
        held = re.search(rf'<button[^>]*data-meeting="{first.pk}"[^>]*>', page).group(0)
        assert "held" in re.search(r'class="([^"]*)"', held).group(1).split()
        assert "draggable" not in held
    tables = client.get(url(edition)).content.decode()
    scheduled = re.search(rf'<button[^>]*data-meeting="{second.pk}"[^>]*>', tables).group(0)
    assert 'draggable="true"' in scheduled
