"""Same-day changes: freed slots take the waiting meetings; the rest stays where it was."""

import pytest
from django.core import mail

from fairmatch.scheduling.domain import releases, sameday
from fairmatch.scheduling.models import Meeting, MeetingState, NegotiationTable, Slot
from tests.factories import UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db


def test_an_absent_participant_frees_a_slot_for_a_waiting_meeting(
    django_capture_on_commit_callbacks,
):
    # One table, two slots, three meetings of one buyer: one has to wait.
    edition = grid_edition(slots=2, tables=1)
    accepted_meetings(edition, 3)
    first, second, waiting = Meeting.objects.order_by("pk")
    table = NegotiationTable.objects.get()
    for meeting, index in ((first, 0), (second, 1)):
        meeting.slot, meeting.table = Slot.objects.get(index=index), table
        meeting.save()
    releases.publish(edition=edition, name="final", user=None)
    waiting_member = UserFactory(enterprise=waiting.first.enterprise)
    second_member = UserFactory(enterprise=second.first.enterprise)
    untouched_member = UserFactory(enterprise=first.first.enterprise)

    assert sameday.mark_absent(participation=second.first, user=None) == 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        outcome = sameday.reschedule_waiting(edition=edition, user=None)

    assert (outcome.placed, outcome.still_unplaced) == (1, 0)
    first.refresh_from_db()
    second.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.slot.index, second.state, waiting.slot.index) == (0, MeetingState.CANCELLED, 1)
    assert outcome.release.number == 2
    assert outcome.release.changes["added"] == [str(waiting.pk)]
    assert outcome.release.changes["cancelled"] == [str(second.pk)]
    told = {message.to[0] for message in mail.outbox}
    assert waiting_member.email in told and second_member.email in told
    assert untouched_member.email not in told


def test_nothing_waiting_changes_nothing():
    edition = grid_edition(slots=2, tables=1)
    outcome = sameday.reschedule_waiting(edition=edition, user=None)
    assert (outcome.placed, outcome.release) == (0, None)
