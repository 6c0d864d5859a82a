"""Every writer that changes meetings in bulk bumps their version, so an edit made on the
page as it was before is refused as stale instead of silently overriding the change."""

import pytest

from fairmatch.matching.domain import requests
from fairmatch.scheduling.domain import edits, grid, runs, sameday
from fairmatch.scheduling.domain.problem import sync_meetings
from fairmatch.scheduling.models import Meeting, NegotiationSession, NegotiationTable, Slot
from tests.factories import OrganiserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = pytest.mark.django_db


def two_placed(slots=3):
    edition = grid_edition(slots=slots, tables=1)
    accepted_meetings(edition, 2)
    return edition, place_in_turn(list(Meeting.objects.order_by("pk")))


def versions():
    return list(Meeting.objects.order_by("pk").values_list("version", flat=True))


def test_a_shorter_session_bumps_the_meetings_it_unplaces_and_a_stale_move_is_refused():
    edition, (_first, second) = two_placed(slots=2)
    NegotiationSession.objects.filter(edition=edition).update(slot_count=1)
    grid.rebuild_slots(edition)
    assert versions() == [1, 2]
    with pytest.raises(edits.EditError, match="Someone else changed this meeting"):
        edits.move_meeting(
            meeting=second,
            slot=Slot.objects.get(index=0),
            table=NegotiationTable.objects.get(),
            version=1,  # as the organiser's page showed it before the grid changed
            user=None,
        )


def test_deleting_a_session_bumps_its_meetings():
    _edition, _meetings = two_placed()
    lost = grid.delete_session(session=NegotiationSession.objects.get(), user=OrganiserFactory())
    assert (lost, versions()) == (2, [2, 2])


def test_an_absent_participant_bumps_its_cancelled_meetings():
    _edition, (first, _second) = two_placed()
    assert sameday.mark_absent(participation=first.first, user=None) == 1
    assert versions() == [2, 1]


def test_a_request_cancelled_meanwhile_bumps_its_meeting():
    edition, (first, _second) = two_placed()
    requests.cancel_request(request=first.request, user=None)
    assert sync_meetings(edition) == 1
    assert versions() == [2, 1]


def test_applying_a_run_bumps_every_meeting_it_rewrites(django_capture_on_commit_callbacks):
    edition = grid_edition(slots=2, tables=1)
    accepted_meetings(edition, 2)
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=edition, user=None, time_limit=10)
    run.refresh_from_db()
    first, second = Meeting.objects.order_by("pk")
    # Meanwhile the organiser locks the second meeting where the run put the first.
    taken = run.assignments[str(first.pk)]
    edits.move_meeting(
        meeting=second,
        slot=Slot.objects.get(pk=taken["slot"]),
        table=NegotiationTable.objects.get(pk=taken["table"]),
        version=1,
        user=None,
    )
    edits.set_locked(meeting=second, locked=True, version=2, user=None)
    assert runs.apply_run(run=run, user=None) == 0
    first.refresh_from_db()
    assert first.unplaced_reason == "its place was taken by a meeting locked meanwhile"
    assert versions() == [2, 3]  # the unplaced one is bumped; the locked one is untouched
