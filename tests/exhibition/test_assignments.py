"""Manual edits of the working plan, refused with every conflict named."""

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.models import State
from fairmatch.exhibition.domain import assignments
from fairmatch.exhibition.models import BoothAssignment
from tests.exhibition.allocation_helpers import booth, exhibitor, hall_with_booths
from tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall():
    return hall_with_booths(count=3)


def plan():
    return sorted(
        (a.booth.code, a.application.participation.enterprise.name_en, a.locked)
        for a in BoothAssignment.objects.select_related("booth", "application__participation")
    )


def refused(change):
    with pytest.raises(assignments.AssignmentError) as error:
        change()
    return error.value.conflicts


def test_assign_move_and_unassign(hall):
    organiser = OrganiserFactory()
    a = exhibitor(hall.edition, name="A")
    one, two = booth(hall, "1"), booth(hall, "2")
    assignments.assign(application=a, booth=one, version=one.version, user=organiser)
    assert plan() == [("1", "A", False)]
    one.refresh_from_db()
    assert one.version == 2
    assignments.assign(
        application=a, booth=two, version=two.version, source_version=one.version, user=organiser
    )
    assert plan() == [("2", "A", False)]
    two.refresh_from_db()
    assignments.unassign(booth=two, version=two.version, user=organiser)
    assert plan() == []
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == [
        "exhibition.assign",
        "exhibition.move",
        "exhibition.unassign",
    ]


def test_a_stale_move_is_refused_and_nothing_changes(hall):
    organiser = OrganiserFactory()
    a, b = exhibitor(hall.edition, name="A"), exhibitor(hall.edition, name="B")
    one, two = booth(hall, "1"), booth(hall, "2")
    seen = one.version  # the page is loaded with booth 1 free ...
    assignments.assign(application=b, booth=one, version=one.version, user=organiser)
    # ... meanwhile B got booth 1: moving A there from the old page is refused.
    conflicts = refused(
        lambda: assignments.assign(application=a, booth=one, version=seen, user=organiser)
    )
    assert conflicts == [
        "Booth A-1 changed since your page was loaded; reload it and try again.",
        "Booth A-1 is already taken by B.",
    ]
    assert plan() == [("1", "B", False)]
    two.refresh_from_db()
    assert two.version == 1


def test_size_blocked_and_unconfirmed_are_named(hall):
    organiser = OrganiserFactory()
    big = exhibitor(hall.edition, name="Big", min_area=18, max_area=24)
    waiting = exhibitor(hall.edition, name="Waiting", state=State.QUALIFIED)
    three = booth(hall, "3")
    three.is_blocked = True
    three.save()
    assert refused(
        lambda: assignments.assign(application=big, booth=three, version=1, user=organiser)
    ) == [
        "Booth A-3 is blocked and is never allocated.",
        "Booth A-3 has 9 m²; Big asked for 18 to 24 m².",
    ]
    one = booth(hall, "1")
    assert refused(
        lambda: assignments.assign(application=waiting, booth=one, version=1, user=organiser)
    ) == ["Waiting is not a confirmed exhibitor."]
    exact = exhibitor(hall.edition, name="Exact", min_area=12, max_area=12)
    assert refused(
        lambda: assignments.assign(application=exact, booth=one, version=1, user=organiser)
    ) == ["Booth A-1 has 9 m²; Exact asked for 12 m²."]
    assert plan() == []


def test_swap_and_locks(hall):
    organiser = OrganiserFactory()
    a, b = exhibitor(hall.edition, name="A"), exhibitor(hall.edition, name="B")
    one, two = booth(hall, "1"), booth(hall, "2")
    assignments.assign(application=a, booth=one, version=1, user=organiser)
    assignments.assign(application=b, booth=two, version=1, user=organiser)
    assignments.swap(first=one, first_version=2, second=two, second_version=2, user=organiser)
    assert plan() == [("1", "B", False), ("2", "A", False)]
    assignments.set_locked(booth=one, version=3, locked=True, user=organiser)
    assert refused(
        lambda: assignments.swap(
            first=one, first_version=4, second=two, second_version=3, user=organiser
        )
    ) == ["The booth of B is locked; unlock it first."]
    assert refused(lambda: assignments.unassign(booth=one, version=4, user=organiser)) == [
        "The booth of B is locked; unlock it first."
    ]
    assert plan() == [("1", "B", True), ("2", "A", False)]
