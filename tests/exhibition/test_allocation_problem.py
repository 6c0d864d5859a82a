"""The exhibition as the allocator's problem: confirmed exhibitors only, locks, stable keys."""

from decimal import Decimal

import pytest

from fairmatch.enterprises.models import State
from fairmatch.exhibition.domain.allocation import build_problem, key_id
from fairmatch.exhibition.models import BoothAssignment, NeighbourWish, SponsorTier, Zone
from tests.exhibition.allocation_helpers import booth, exhibitor, hall_with_booths
from tests.factories import FieldFactory

pytestmark = pytest.mark.django_db


def test_only_confirmed_exhibitors_are_placed():
    hall = hall_with_booths(count=3)
    edition = hall.edition
    confirmed = exhibitor(edition, name="Confirmed")
    exhibitor(edition, name="Waiting", state=State.WAITING_CONFIRMATION)
    exhibitor(edition, name="Withdrawn", state=State.WITHDRAWN)
    problem = build_problem(edition).problem
    assert [spec.key for spec in problem.exhibitors] == [f"e{confirmed.pk}"]


def test_keys_are_stable_and_name_no_one(django_assert_max_num_queries):
    hall = hall_with_booths(count=2)
    first = exhibitor(hall.edition, name="Evil <script> & Co", country="DE", min_area=8)
    with django_assert_max_num_queries(7):
        problem = build_problem(hall.edition).problem
    again = build_problem(hall.edition).problem
    assert problem == again
    assert [b.key for b in problem.booths] == [
        f"b{booth(hall, '1').pk}",
        f"b{booth(hall, '2').pk}",
    ]
    assert [h.key for h in problem.halls] == [f"h{hall.pk}"]
    spec = problem.exhibitors[0]
    assert (spec.key, spec.country, spec.min_area, spec.max_area, spec.kind) == (
        f"e{first.pk}",
        "DE",
        8.0,
        9.0,
        "shell",
    )
    assert key_id(spec.key, "e") == first.pk
    assert key_id(spec.key, "b") is None
    assert "Evil" not in repr(problem)


def test_locked_assignments_are_passed_as_locked_booths():
    hall = hall_with_booths(count=3)
    locked, free = exhibitor(hall.edition, name="L"), exhibitor(hall.edition, name="F")
    BoothAssignment.objects.create(booth=booth(hall, "3"), application=locked, locked=True)
    BoothAssignment.objects.create(booth=booth(hall, "1"), application=free, locked=False)
    specs = {spec.key: spec for spec in build_problem(hall.edition).problem.exhibitors}
    assert specs[f"e{locked.pk}"].locked_booth == f"b{booth(hall, '3').pk}"
    assert specs[f"e{free.pk}"].locked_booth is None


def test_wishes_zones_tiers_and_blocked_booths():
    hall = hall_with_booths(count=3)
    edition = hall.edition
    field = FieldFactory()
    zone = Zone.objects.create(
        hall=hall, kind=Zone.Kind.COUNTRY, country="FR", name_en="France", name_zh="法国"
    )
    blocked = booth(hall, "2")
    blocked.is_blocked, blocked.zone = True, zone
    blocked.save()
    a = exhibitor(edition, name="A", preferred_zone=zone, sponsor_tier=SponsorTier.GOLD)
    a.fields.add(field)
    b = exhibitor(edition, name="B", preferred_hall=hall)
    waiting = exhibitor(edition, name="W", state=State.SUBMITTED)
    NeighbourWish.objects.create(
        application=a, enterprise=b.participation.enterprise, kind="wanted"
    )
    NeighbourWish.objects.create(
        application=b, enterprise=a.participation.enterprise, kind="avoided"
    )
    # A wish about an enterprise that is not a confirmed exhibitor has no one to place.
    NeighbourWish.objects.create(
        application=a, enterprise=waiting.participation.enterprise, kind="avoided"
    )
    problem = build_problem(edition, weights={"wanted_neighbour": 7, "nonsense": 1}).problem
    specs = {spec.key: spec for spec in problem.exhibitors}
    spec_a, spec_b = specs[f"e{a.pk}"], specs[f"e{b.pk}"]
    assert (spec_a.wanted, spec_a.avoided) == ((f"e{b.pk}",), ())
    assert (spec_b.wanted, spec_b.avoided) == ((), (f"e{a.pk}",))
    assert (spec_a.fields, spec_a.sponsor_tier, spec_a.preferred_zone) == (
        (field.code,),
        3,
        f"z{zone.pk}",
    )
    assert spec_b.preferred_hall == f"h{hall.pk}"
    assert [(b.key, b.blocked, b.zone) for b in problem.booths if b.blocked] == [
        (f"b{blocked.pk}", True, f"z{zone.pk}")
    ]
    assert problem.zones[0].country == "FR"
    assert problem.weights.wanted_neighbour == 7
    assert problem.booths[0].rect.area == float(Decimal(9))
