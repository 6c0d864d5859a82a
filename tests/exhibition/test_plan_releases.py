"""Publishing the floor plan: frozen rows, refused while a run is active, mail per exhibitor."""

import pytest
from django.core import mail

from fairmatch.core.models import AuditEntry
from fairmatch.exhibition.domain import releases
from fairmatch.exhibition.models import (
    AllocationRun,
    AllocationStatus,
    BoothAssignment,
    PlanRelease,
    PlanReleaseEntry,
)
from tests.exhibition.allocation_helpers import booth, exhibitor, hall_with_booths
from tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall():
    return hall_with_booths(count=3)


def test_publish_freezes_the_plan_and_mails_each_exhibitor_in_its_language(
    hall, django_capture_on_commit_callbacks
):
    organiser = OrganiserFactory()
    french = exhibitor(hall.edition, name="Lumière & Fils <SA>", language="en")
    chinese = exhibitor(hall.edition, name="大连软件", language="zh-hans")
    BoothAssignment.objects.create(booth=booth(hall, "1"), application=french)
    BoothAssignment.objects.create(booth=booth(hall, "2"), application=chinese, locked=True)
    with django_capture_on_commit_callbacks(execute=True):
        release = releases.publish(
            edition=hall.edition, user=organiser, note="Set-up opens at 8:00."
        )
    assert release.number == 1
    # Every booth of the plan is frozen, the free one too, in its frozen hall.
    assert list(
        PlanReleaseEntry.objects.filter(release=release).values_list(
            "hall__name_en", "hall_code", "booth_code", "state", "participation_id", "geometry"
        )
    ) == [
        ("Hall A", "A", "1", "taken", french.participation_id, [0.0, 0.0, 3.0, 3.0]),
        ("Hall A", "A", "2", "taken", chinese.participation_id, [3.0, 0.0, 3.0, 3.0]),
        ("Hall A", "A", "3", "free", None, [6.0, 0.0, 3.0, 3.0]),
    ]
    # The working plan changes afterwards: the release does not.
    booth_one = booth(hall, "1")
    booth_one.code = "99"
    booth_one.save()
    assert PlanReleaseEntry.objects.filter(release=release, booth_code="1").count() == 1
    by_address = {message.to[0]: message for message in mail.outbox}
    english = by_address[french.participation.enterprise.members.get().email]
    assert english.subject == f"{hall.edition.name}: your booth is at Hall A, booth 1"
    assert "Lumière & Fils <SA> exhibits at Hall A, booth 1." in english.body
    assert "Set-up opens at 8:00." in english.body
    # The hall is named in the recipient's language, as the agendas name it.
    zh = by_address[chinese.participation.enterprise.members.get().email]
    assert zh.subject.endswith("：您的展位在 A馆 2 展位")
    assert "大连软件 的展位：A馆 2 展位。" in zh.body
    entry = AuditEntry.objects.get(action="exhibition.publish")
    assert (entry.actor, entry.data) == (
        organiser,
        {"booths": 2, "added": 2, "moved": 0, "removed": 0},
    )


def test_the_next_release_mails_only_the_exhibitors_it_changed(
    hall, django_capture_on_commit_callbacks
):
    stays, moves = exhibitor(hall.edition, name="Stays"), exhibitor(hall.edition, name="Moves")
    BoothAssignment.objects.create(booth=booth(hall, "1"), application=stays)
    assignment = BoothAssignment.objects.create(booth=booth(hall, "2"), application=moves)
    releases.publish(edition=hall.edition, user=None)
    assignment.booth = booth(hall, "3")
    assignment.save()
    with django_capture_on_commit_callbacks(execute=True):
        second = releases.publish(edition=hall.edition, user=None)
    assert second.number == 2
    assert [message.to for message in mail.outbox] == [
        [moves.participation.enterprise.members.get().email]
    ]
    assert "Moves exhibits at Hall A, booth 3." in mail.outbox[0].body


@pytest.mark.parametrize("status", [AllocationStatus.QUEUED, AllocationStatus.RUNNING])
def test_publishing_while_a_run_is_active_is_refused_and_nothing_is_lost(hall, status):
    a = exhibitor(hall.edition, name="A")
    BoothAssignment.objects.create(booth=booth(hall, "1"), application=a, locked=True)
    AllocationRun.objects.create(edition=hall.edition, status=status)
    with pytest.raises(releases.PublishError) as error:
        releases.publish(edition=hall.edition, user=None, note="final")
    assert str(error.value) == (
        "An allocation run is in progress; publish when it has finished or cancel it. "
        "The working plan is kept as it is."
    )
    assert not PlanRelease.objects.exists()
    assert list(BoothAssignment.objects.values_list("booth__code", "locked")) == [("1", True)]
    assert not AuditEntry.objects.filter(action="exhibition.publish").exists()


def test_an_empty_plan_is_not_published(hall):
    with pytest.raises(releases.PublishError, match="nothing to publish"):
        releases.publish(edition=hall.edition, user=None)
