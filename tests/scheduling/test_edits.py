"""Manual edits: every double booking refused, stale edits refused, everything audited."""

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from fairmatch.core.models import AuditEntry
from fairmatch.scheduling.domain import edits
from fairmatch.scheduling.models import Meeting, NegotiationTable, Slot, Unavailability
from tests.factories import OrganiserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed():
    """Two meetings of one buyer: slot 0 at table 1 and slot 1 at table 1."""
    edition = grid_edition(slots=3, tables=2)
    accepted_meetings(edition, 2)
    first, second = Meeting.objects.order_by("pk")
    table = NegotiationTable.objects.get(number=1)
    for meeting, index in ((first, 0), (second, 1)):
        meeting.slot, meeting.table = Slot.objects.get(index=index), table
        meeting.save()
    return edition, first, second


def slot(index):
    return Slot.objects.get(index=index)


def table(number):
    return NegotiationTable.objects.get(number=number)


def test_moving_to_a_free_place(placed):
    _edition, first, _second = placed
    organiser = OrganiserFactory()
    edits.move_meeting(meeting=first, slot=slot(2), table=table(2), version=1, user=organiser)
    first.refresh_from_db()
    assert (first.slot.index, first.table.number, first.version) == (2, 2, 2)
    entry = AuditEntry.objects.get(action="schedule.move")
    assert (entry.actor, entry.data["to"]) == (organiser, [slot(2).pk, table(2).pk])


def test_moving_onto_a_busy_table_is_refused(placed):
    _edition, first, _second = placed
    with pytest.raises(edits.EditError, match="Table 1 is taken"):
        edits.move_meeting(meeting=first, slot=slot(1), table=table(1), version=1, user=None)
    first.refresh_from_db()
    assert (first.slot.index, first.version) == (0, 1)


def test_moving_where_a_participant_is_busy_is_refused(placed):
    _edition, first, _second = placed
    with pytest.raises(edits.EditError, match="already meets someone else"):
        edits.move_meeting(meeting=first, slot=slot(1), table=table(2), version=1, user=None)


def test_moving_into_an_unavailable_slot_is_refused(placed):
    _edition, first, _second = placed
    Unavailability.objects.create(participation=first.first, slot=slot(2))
    with pytest.raises(edits.EditError, match="cannot attend"):
        edits.move_meeting(meeting=first, slot=slot(2), table=table(2), version=1, user=None)


def test_a_stale_edit_is_refused_and_loses_nothing(placed):
    _edition, first, _second = placed
    edits.move_meeting(meeting=first, slot=slot(2), table=table(2), version=1, user=None)
    with pytest.raises(edits.EditError, match="Someone else changed this meeting"):
        edits.unplace_meeting(meeting=first, version=1, user=None)
    first.refresh_from_db()
    assert (first.slot.index, first.table.number) == (2, 2)


def test_swapping_two_meetings(placed):
    _edition, first, second = placed
    edits.swap_meetings(first=first, first_version=1, second=second, second_version=1, user=None)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.slot.index, second.slot.index) == (1, 0)


def test_lock_needs_a_place_and_unplace_unlocks(placed):
    _edition, first, _second = placed
    edits.set_locked(meeting=first, locked=True, version=1, user=None)
    first.refresh_from_db()
    assert first.locked
    edits.unplace_meeting(meeting=first, version=2, user=None)
    first.refresh_from_db()
    assert (first.slot, first.locked) == (None, False)
    with pytest.raises(edits.EditError, match="Place the meeting before locking"):
        edits.set_locked(meeting=first, locked=True, version=3, user=None)


def test_a_closed_table_is_refused(placed):
    edition, first, _second = placed
    edition.negotiation_sessions.update(table_count=1)
    with pytest.raises(edits.EditError, match="not open in this session"):
        edits.move_meeting(meeting=first, slot=slot(2), table=table(2), version=1, user=None)


def test_the_reason_for_taking_a_meeting_off_is_read_in_the_readers_language(client, placed):
    """Stored as the message id whatever the acting organiser reads, shown in the reader's."""
    edition, first, _second = placed
    with translation.override("ja"):
        edits.unplace_meeting(meeting=first, version=first.version, user=OrganiserFactory())
    first.refresh_from_db()
    assert first.unplaced_reason == "taken off the grid by the organiser"
    client.force_login(OrganiserFactory(language="zh-hans"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    page = client.get(f"/organiser/{edition.slug}/schedule/board/").content.decode()
    with translation.override("zh-hans"):
        reason = gettext("taken off the grid by the organiser")
    assert reason != "taken off the grid by the organiser"
    assert f'<span class="reason muted">{reason}</span>' in page  # the board's tray
