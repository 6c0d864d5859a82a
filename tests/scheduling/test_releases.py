"""Releases: numbered, diffed against the previous one, mail only to those concerned."""

import datetime

import pytest
from django.core import mail

from fairmatch.scheduling.domain import edits, releases
from fairmatch.scheduling.models import Meeting, NegotiationTable, RunStatus, ScheduleRun, Slot
from tests.factories import OrganiserFactory, UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled():
    edition = grid_edition(slots=3, tables=2)
    accepted_meetings(edition, 2, buyers=None)
    first, second = Meeting.objects.order_by("pk")
    for meeting, index in ((first, 0), (second, 1)):
        meeting.slot, meeting.table = (
            Slot.objects.get(index=index),
            NegotiationTable.objects.get(number=1),
        )
        meeting.save()
    return edition, first, second


def test_the_first_release_adds_everything(scheduled, django_capture_on_commit_callbacks):
    edition, first, second = scheduled
    with django_capture_on_commit_callbacks(execute=True):
        release = releases.publish(edition=edition, name="first", user=OrganiserFactory())
    assert (release.number, release.name) == (1, "first")
    assert release.changes["added"] == [str(first.pk), str(second.pk)]
    assert release.changes["moved"] == release.changes["cancelled"] == []


def test_a_second_release_shows_the_move_and_tells_only_those_concerned(
    scheduled, django_capture_on_commit_callbacks
):
    edition, first, second = scheduled
    releases.publish(edition=edition, name="first", user=None)
    mover = UserFactory(enterprise=first.first.enterprise, language="zh-hans")
    bystander = UserFactory(enterprise=second.first.enterprise)
    buyer_member = UserFactory(enterprise=first.second.enterprise)
    edits.move_meeting(
        meeting=first,
        slot=Slot.objects.get(index=2),
        table=NegotiationTable.objects.get(number=2),
        version=1,
        user=None,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        release = releases.publish(edition=edition, name="after changes", user=None)
    assert release.number == 2
    assert release.changes["moved"] == [str(first.pk)]
    assert release.changes["added"] == release.changes["cancelled"] == []
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([mover.email, buyer_member.email])
    assert bystander.email not in recipients
    english = next(m for m in mail.outbox if m.to == [buyer_member.email])
    assert "1 meeting moved" in english.body


def test_publishing_while_a_run_is_in_progress_is_refused(scheduled):
    edition, _first, _second = scheduled
    ScheduleRun.objects.create(edition=edition, status=RunStatus.RUNNING)
    with pytest.raises(releases.PublishError, match="in progress"):
        releases.publish(edition=edition, name="x", user=None)
    assert not edition.releases.exists()


def test_a_release_needs_a_name(scheduled):
    edition, _first, _second = scheduled
    with pytest.raises(releases.PublishError, match="name"):
        releases.publish(edition=edition, name="  ", user=None)


def _placement(minute, table, zone="A"):
    starts = datetime.datetime(2027, 6, 15, 9, minute, tzinfo=datetime.UTC)
    return releases.Placement(
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=25),
        table_number=table,
        table_zone=zone,
        participants=(1, 2),
    )


def test_compare_finds_added_moved_cancelled():
    before = {1: _placement(0, 1), 2: _placement(30, 1), 3: _placement(0, 2), 5: _placement(0, 3)}
    after = {
        1: _placement(0, 1),
        2: _placement(30, 2),
        4: _placement(30, 1),
        5: _placement(0, 3, zone="B"),  # the table's zone was renamed: a new place
    }
    changes = releases.compare(before, after)
    assert changes.as_json() == {"added": ["4"], "moved": ["2", "5"], "cancelled": ["3"]}
