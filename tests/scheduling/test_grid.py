"""Slots come from sessions; changing the grid says which meetings it moves."""

import datetime

import pytest

from fairmatch.scheduling.domain.grid import preview_grid_change, rebuild_slots, slot_times
from fairmatch.scheduling.models import Meeting, NegotiationSession, Slot
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
