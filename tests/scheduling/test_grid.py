"""Slots come from sessions; changing the grid says which meetings it moves."""

import datetime

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.scheduling.domain import grid
from fairmatch.scheduling.domain.grid import preview_grid_change, rebuild_slots, slot_times
from fairmatch.scheduling.models import Meeting, NegotiationSession, NegotiationTable, Slot
from tests.factories import OrganiserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db


def test_slots_are_cut_from_the_session_in_the_editions_time_zone():
    edition = grid_edition(slots=3)
    times = [(s.starts_at.isoformat(), s.ends_at.isoformat()) for s in slot_times(edition)]
    assert times == [
        ("2027-06-15T09:00:00+08:00", "2027-06-15T09:25:00+08:00"),
        ("2027-06-15T09:30:00+08:00", "2027-06-15T09:55:00+08:00"),
        ("2027-06-15T10:00:00+08:00", "2027-06-15T10:25:00+08:00"),
    ]
    assert list(Slot.objects.values_list("index", flat=True)) == [0, 1, 2]


def test_an_afternoon_session_adds_slots_after_the_morning():
    edition = grid_edition(slots=2)
    NegotiationSession.objects.create(
        edition=edition,
        date=datetime.date(2027, 6, 15),
        part="afternoon",
        starts_at=datetime.time(14, 0),
        slot_count=2,
        slot_minutes=25,
    )
    rebuild_slots(edition)
    assert [s.starts_at.hour for s in Slot.objects.order_by("index")] == [1, 1, 6, 6]  # UTC


def test_shortening_a_session_names_the_meetings_it_moves_and_unplaces_them():
    edition = grid_edition(slots=4)
    accepted_meetings(edition, 2)
    last = Slot.objects.get(index=3)
    moved, kept = Meeting.objects.order_by("pk")
    moved.slot, moved.table = last, edition.negotiation_tables.first()
    moved.save()
    kept.slot, kept.table = Slot.objects.get(index=0), edition.negotiation_tables.first()
    kept.save()
    NegotiationSession.objects.filter(edition=edition).update(slot_count=3)
    preview = preview_grid_change(edition)
    assert (preview.slots_before, preview.slots_after) == (4, 3)
    assert [m.pk for m in preview.meetings_moved] == [moved.pk]
    rebuild_slots(edition)
    moved.refresh_from_db()
    kept.refresh_from_db()
    assert (moved.slot, moved.unplaced_reason) == (None, "its slot was removed from the grid")
    assert kept.slot.index == 0


def test_adding_a_session_cuts_the_slots_and_refuses_a_second_one_on_the_same_part():
    edition = grid_edition(slots=2)
    organiser = OrganiserFactory()
    afternoon = NegotiationSession(
        date=datetime.date(2027, 6, 15),
        part="afternoon",
        starts_at=datetime.time(14, 0),
        slot_count=3,
        slot_minutes=25,
    )
    change = grid.add_session(edition=edition, session=afternoon, user=organiser)
    assert (change.slots_before, change.slots_after) == (2, 5)
    again = NegotiationSession(
        date=datetime.date(2027, 6, 15),
        part="afternoon",
        starts_at=datetime.time(15, 0),
        slot_count=1,
        slot_minutes=25,
    )
    with pytest.raises(grid.GridError, match="This session already exists"):
        grid.add_session(edition=edition, session=again, user=organiser)
    assert NegotiationSession.objects.filter(edition=edition).count() == 2
    assert list(AuditEntry.objects.values_list("action", "object_id")) == [
        ("schedule.grid.session", str(afternoon.pk))
    ]


def test_deleting_a_session_deleted_meanwhile_says_so():
    edition = grid_edition(slots=2)
    session = NegotiationSession.objects.get(edition=edition)
    NegotiationSession.objects.filter(pk=session.pk).delete()
    with pytest.raises(grid.GridError, match="deleted meanwhile"):
        grid.delete_session(session=session, user=None)


def test_tables_are_numbered_after_the_last_one_up_to_the_largest_number():
    edition = grid_edition(tables=2)
    organiser = OrganiserFactory()
    first = grid.add_tables(
        edition=edition, count=3, zone="B", interpreter_languages=["ja"], user=organiser
    )
    assert first == 3
    assert list(edition.negotiation_tables.values_list("number", "zone")) == [
        (1, "A"),
        (2, "A"),
        (3, "B"),
        (4, "B"),
        (5, "B"),
    ]
    assert AuditEntry.objects.get().data == {"count": 3, "first": 3}
    NegotiationTable.objects.filter(edition=edition, number=5).update(number=32767)
    with pytest.raises(grid.GridError, match="numbered up to 32767"):
        grid.add_tables(edition=edition, count=1, zone="", interpreter_languages=[], user=None)
    assert edition.negotiation_tables.count() == 5
