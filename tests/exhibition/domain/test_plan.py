"""Editing the floor plan: refusals name the booths and save nothing; open sides follow."""

from decimal import Decimal

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.exhibition.domain import plan
from fairmatch.exhibition.domain.plan import PlanError, StaleEdit
from fairmatch.exhibition.models import Booth
from tests.exhibition.helpers import assign, booth, exhibitor, hall
from tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser():
    return OrganiserFactory()


def _state(hall_obj):
    return sorted(
        (b.code, str(b.x), str(b.y), str(b.width), str(b.depth), b.version)
        for b in Booth.objects.filter(hall=hall_obj)
    )


def test_add_booth_and_open_sides_of_the_neighbour(organiser):
    h = hall()
    a = booth(h, "A1", 5, 5)
    assert a.open_sides == "row"  # stored default before any edit
    b = plan.add_booth(hall=h, code="A2", x=8, y=5, width=3, depth=3, user=organiser)
    a.refresh_from_db()
    # Each has three sides on aisles now (the shared wall is closed).
    assert (a.open_sides, b.open_sides) == ("peninsula", "peninsula")
    assert AuditEntry.objects.filter(action="exhibition.booth.add").count() == 1


def test_overlap_is_refused_naming_both_booths_and_nothing_saved(organiser):
    h = hall()
    booth(h, "A1", 0, 0)
    a2 = booth(h, "A2", 10, 0)
    before = _state(h)
    with pytest.raises(PlanError) as refused:
        plan.move_booth(booth_id=a2.pk, version=1, x=Decimal("1.5"), y=0, user=organiser)
    assert str(refused.value) == "Booth H1-A2 would overlap booth H1-A1."
    assert _state(h) == before
    with pytest.raises(PlanError, match="H1-A3 would overlap booth H1-A1"):
        plan.add_booth(hall=h, code="A3", x=2, y=2, width=2, depth=2, user=organiser)
    assert _state(h) == before


def test_outside_the_hall_is_refused(organiser):
    h = hall(width="10", depth="10")
    a = booth(h, "A1", 0, 0)
    with pytest.raises(PlanError) as refused:
        plan.resize_booth(booth_id=a.pk, version=1, width=11, depth=3, user=organiser)
    assert "Booth H1-A1" in str(refused.value)
    assert "outside hall H1" in str(refused.value)
    assert _state(h) == [("A1", "0.00", "0.00", "3.00", "3.00", 1)]


def test_stale_version_is_refused(organiser):
    h = hall()
    a = booth(h, "A1", 0, 0)
    moved = plan.move_booth(booth_id=a.pk, version=1, x=1, y=1, user=organiser)
    assert moved.version == 2
    with pytest.raises(StaleEdit, match="Booth H1-A1 was changed since this page was loaded"):
        plan.move_booth(booth_id=a.pk, version=1, x=5, y=5, user=organiser)
    assert _state(h) == [("A1", "1.00", "1.00", "3.00", "3.00", 2)]


def test_split_along_x_and_merge_back(organiser):
    h = hall()
    a = booth(h, "A1", 0, 0, 6, 3)
    west, east = plan.split_booth(booth_id=a.pk, version=1, axis="x", user=organiser)
    assert (west.code, west.x, west.width) == ("A1", Decimal("0.00"), Decimal("3.00"))
    assert (east.code, east.x, east.width, east.depth) == (
        "A1B",
        Decimal("3.00"),
        Decimal("3.00"),
        Decimal("3.00"),
    )
    # Corner against the walls: west part has its west and north on walls.
    assert (west.open_sides, east.open_sides) == ("row", "corner")
    merged = plan.merge_booths(
        booth_id=west.pk, version=west.version, other_id=east.pk, other_version=1, user=organiser
    )
    assert (merged.code, merged.width, merged.depth) == ("A1", Decimal("6.00"), Decimal("3.00"))
    assert _state(h) == [("A1", "0.00", "0.00", "6.00", "3.00", 3)]


def test_split_along_y_at_a_given_place(organiser):
    h = hall()
    a = booth(h, "A1", 5, 5, 4, 4)
    north, south = plan.split_booth(
        booth_id=a.pk, version=1, axis="y", at=Decimal("1"), new_code="A9", user=organiser
    )
    assert (north.depth, south.y, south.depth, south.code) == (
        Decimal("1.00"),
        Decimal("6.00"),
        Decimal("3.00"),
        "A9",
    )


def test_merge_of_booths_not_side_by_side_is_refused(organiser):
    h = hall()
    a = booth(h, "A1", 0, 0)
    b = booth(h, "B1", 10, 10)
    c = booth(h, "C1", 3, 0, 3, 2)  # adjacent to A1 but the union is not a rectangle
    before = _state(h)
    with pytest.raises(PlanError, match="Booths H1-A1 and H1-B1 cannot be merged"):
        plan.merge_booths(booth_id=a.pk, version=1, other_id=b.pk, user=organiser)
    with pytest.raises(PlanError, match="Booths H1-A1 and H1-C1 cannot be merged"):
        plan.merge_booths(booth_id=a.pk, version=1, other_id=c.pk, user=organiser)
    assert _state(h) == before


def test_assigned_booth_is_not_broken(organiser):
    h = hall()
    a = booth(h, "A1", 0, 0, 3, 3)
    assign(
        a, exhibitor(h.edition, name="Acme Exhibits", min_area=Decimal("6"), max_area=Decimal("12"))
    )
    with pytest.raises(PlanError, match="assigned to Acme Exhibits, who asked for 6 to 12 m²"):
        plan.resize_booth(booth_id=a.pk, version=1, width=5, depth=3, user=organiser)
    with pytest.raises(PlanError, match="blocking it would break that assignment"):
        plan.set_blocked(booth_id=a.pk, version=1, blocked=True, user=organiser)
    with pytest.raises(PlanError, match="splitting, merging or removing it"):
        plan.split_booth(booth_id=a.pk, version=1, axis="x", user=organiser)
    moved = plan.move_booth(booth_id=a.pk, version=1, x=2, y=2, user=organiser)
    assert moved.version == 2


def test_hall_cannot_shrink_under_its_booths(organiser):
    h = hall(width="30", depth="20")
    booth(h, "A1", 25, 0)
    with pytest.raises(PlanError, match="Booths H1-A1 would lie outside hall H1"):
        plan.update_hall(hall_id=h.pk, name_en="Hall", width=20, depth=20, user=organiser)
    h.refresh_from_db()
    assert h.width == Decimal("30.00")
