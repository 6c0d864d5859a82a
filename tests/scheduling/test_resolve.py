"""Re-solving a published schedule: manual decisions survive runs, a run after a release moves
as little as it can, the apply page counts what publication will mail, and the working
schedule can be reset to any release."""

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.matching.domain import requests
from fairmatch.scheduling.domain import edits, releases, reset, runs
from fairmatch.scheduling.domain.problem import sync_meetings
from fairmatch.scheduling.models import (
    Meeting,
    MeetingState,
    NegotiationTable,
    RunStatus,
    ScheduleRun,
    Slot,
    Unavailability,
)
from tests.factories import OrganiserFactory, UserFactory
from tests.matching.helpers import buyer, provider
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db


def slot(index):
    return Slot.objects.get(index=index)


def table(number):
    return NegotiationTable.objects.get(number=number)


def place(meeting, index, number=1):
    meeting.slot, meeting.table = slot(index), table(number)
    meeting.save()


def places():
    return {
        m.pk: (m.slot.index if m.slot else None, m.table.number if m.table else None)
        for m in Meeting.objects.select_related("slot", "table")
    }


def solved_run(edition, django_capture_on_commit_callbacks, **options):
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_run(edition=edition, user=OrganiserFactory(), time_limit=10, **options)
    run.refresh_from_db()
    assert run.status == RunStatus.FINISHED
    return run


@pytest.fixture
def released(django_capture_on_commit_callbacks):
    """One buyer meeting three providers in slots 0, 1, 2 at table 1; published as version 1."""
    edition = grid_edition(slots=4, tables=2)
    (the_buyer,) = accepted_meetings(edition, 3)
    meetings = list(Meeting.objects.order_by("pk"))
    for index, meeting in enumerate(meetings):
        place(meeting, index)
    with django_capture_on_commit_callbacks(execute=True):
        releases.publish(edition=edition, name="first", user=None)
    return edition, the_buyer, meetings


# Manual decisions


def test_moves_swaps_and_removals_are_marked_as_manual(released):
    _edition, _buyer, (first, second, third) = released
    organiser = OrganiserFactory()
    edits.move_meeting(meeting=first, slot=slot(3), table=table(2), version=1, user=organiser)
    edits.swap_meetings(
        first=second, first_version=1, second=first, second_version=2, user=organiser
    )
    edits.unplace_meeting(meeting=third, version=1, user=organiser)
    marks = dict(Meeting.objects.values_list("pk", "manual"))
    assert marks == {first.pk: "moved", second.pk: "moved", third.pk: "removed"}
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-4:] == ["schedule.move", "schedule.swap", "schedule.swap", "schedule.unplace"]


def test_a_run_never_undoes_a_manual_removal_or_move(released, django_capture_on_commit_callbacks):
    # The finding: applying a run placed a meeting the organiser had taken off the grid.
    edition, _buyer, (first, second, third) = released
    organiser = OrganiserFactory()
    edits.unplace_meeting(meeting=second, version=1, user=organiser)
    edits.move_meeting(meeting=third, slot=slot(3), table=table(2), version=1, user=organiser)
    run = solved_run(edition, django_capture_on_commit_callbacks)
    assert str(second.pk) not in run.assignments  # left out of the problem
    runs.apply_run(run=run, user=organiser)
    second.refresh_from_db()
    assert (second.slot, second.manual) == (None, "removed")
    assert second.unplaced_reason == "taken off the grid by the organiser"
    assert places()[third.pk] == (3, 2)
    assert places()[first.pk] == (0, 1)  # untouched by hand, and where the release had it


def test_a_removal_made_while_a_run_works_survives_its_application(
    released, django_capture_on_commit_callbacks
):
    edition, _buyer, (first, _second, _third) = released
    run = solved_run(edition, django_capture_on_commit_callbacks)
    assert run.assignments[str(first.pk)]["slot"] == slot(0).pk
    edits.unplace_meeting(meeting=first, version=1, user=None)
    runs.apply_run(run=run, user=None)
    first.refresh_from_db()
    assert (first.slot, first.manual) == (None, "removed")


def test_releasing_a_decision_lets_the_next_run_place_the_meeting(
    released, django_capture_on_commit_callbacks
):
    edition, _buyer, (first, _second, _third) = released
    organiser = OrganiserFactory()
    removed = edits.unplace_meeting(meeting=first, version=1, user=organiser)
    with pytest.raises(edits.EditError, match="changed this meeting meanwhile"):
        edits.release_decision(meeting=first, version=1, user=organiser)
    edits.release_decision(meeting=first, version=removed.version, user=organiser)
    first.refresh_from_db()
    assert (first.manual, first.version) == ("", 3)
    entry = AuditEntry.objects.latest("pk")
    assert (entry.action, entry.data) == ("schedule.release_decision", {"decision": "removed"})
    run = solved_run(edition, django_capture_on_commit_callbacks)
    runs.apply_run(run=run, user=organiser)
    assert places()[first.pk] == (0, 1)  # back where the release had it
    with pytest.raises(edits.EditError, match="no manual decision"):
        edits.release_decision(meeting=first, version=4, user=organiser)


def test_releasing_all_decisions_counts_and_audits_them(released):
    edition, _buyer, (first, second, _third) = released
    edits.move_meeting(meeting=first, slot=slot(3), table=table(2), version=1, user=None)
    edits.unplace_meeting(meeting=second, version=1, user=None)
    assert edits.release_all_decisions(edition=edition, user=OrganiserFactory()) == 2
    assert set(Meeting.objects.values_list("manual", flat=True)) == {""}
    assert dict(Meeting.objects.values_list("pk", "version"))[first.pk] == 3
    entry = AuditEntry.objects.latest("pk")
    assert (entry.action, entry.data) == (
        "schedule.release_all_decisions",
        {"moved": 1, "removed": 1},
    )


# A run after a release


def test_a_run_after_a_release_keeps_the_released_schedule(
    django_capture_on_commit_callbacks,
):
    # The finding: a new run moved almost every meeting. Here the release gives the buyer a
    # break (slots 0 and 2); a plain solve removes it by moving a meeting; a run after the
    # release keeps both where they were (moves come before breaks).
    edition = grid_edition(slots=3, tables=1)
    accepted_meetings(edition, 2)
    first, second = Meeting.objects.order_by("pk")
    place(first, 0)
    place(second, 2)
    releases.publish(edition=edition, name="first", user=None)
    run = solved_run(edition, django_capture_on_commit_callbacks)
    assert run.reference_release.number == 1
    assert run.assignments == {
        str(first.pk): {"slot": slot(0).pk, "table": table(1).pk},
        str(second.pk): {"slot": slot(2).pk, "table": table(1).pk},
    }
    assert run.moved == {"meetings": [], "participants": []}
    assert runs.preview_apply(run=run) == runs.ApplyPreview(
        release_number=1, moved=0, unplaced=0, placed=0, mailed=0
    )


def test_the_apply_preview_counts_what_publication_will_mail(
    released, django_capture_on_commit_callbacks
):
    edition, the_buyer, (first, _second, third) = released
    # Provider of the first meeting can no longer come to slot 0: that meeting must move.
    Unavailability.objects.create(participation=first.first, slot=slot(0))
    # The third is taken off the grid by hand; a new meeting between two newcomers arrives.
    edits.unplace_meeting(meeting=third, version=1, user=None)
    request = requests.send_request(
        requester=provider(edition), recipient=buyer(edition), user=None
    )
    requests.accept_request(request=request, user=None)
    sync_meetings(edition)
    newcomer = Meeting.objects.get(request=request)
    run = solved_run(edition, django_capture_on_commit_callbacks)
    assert run.moved == {
        "meetings": [first.pk],
        "participants": sorted([first.first_id, the_buyer.pk]),
    }
    preview = runs.preview_apply(run=run)
    assert preview == runs.ApplyPreview(release_number=1, moved=1, unplaced=1, placed=1, mailed=5)
    runs.apply_run(run=run, user=None, expected=preview)
    release = releases.publish(edition=edition, name="second", user=None)
    assert (release.changes["moved"], release.changes["cancelled"], release.changes["added"]) == (
        [str(first.pk)],
        [str(third.pk)],
        [str(newcomer.pk)],
    )
    assert len(release.changes["affected"]) == preview.mailed


def test_applying_after_the_schedule_changed_since_the_preview_is_refused(
    released, django_capture_on_commit_callbacks
):
    edition, _buyer, (first, _second, _third) = released
    run = solved_run(edition, django_capture_on_commit_callbacks)
    preview = runs.preview_apply(run=run)
    assert preview.moved == preview.mailed == 0
    edits.move_meeting(meeting=first, slot=slot(3), table=table(2), version=1, user=None)
    with pytest.raises(runs.RunError, match="changed since you reviewed"):
        runs.apply_run(run=run, user=None, expected=preview)
    assert ScheduleRun.objects.get(pk=run.pk).applied_at is None


# Reset to a release


def test_reset_restores_the_release_and_takes_newer_meetings_off_the_grid(released):
    edition, _buyer, (first, second, third) = released
    before = places()
    organiser = OrganiserFactory()
    edits.move_meeting(meeting=first, slot=slot(3), table=table(2), version=1, user=organiser)
    edits.unplace_meeting(meeting=second, version=1, user=organiser)
    edits.set_locked(meeting=third, locked=True, version=1, user=organiser)
    request = requests.send_request(
        requester=provider(edition), recipient=buyer(edition), user=None
    )
    requests.accept_request(request=request, user=None)
    sync_meetings(edition)
    newcomer = Meeting.objects.get(request=request)
    edits.move_meeting(meeting=newcomer, slot=slot(1), table=table(2), version=1, user=organiser)
    release = edition.releases.get()
    preview = reset.preview_reset(edition=edition, release=release)
    # Back to the latest release: the next publication would mail nobody.
    assert preview == reset.ResetPreview(release_number=1, moved=1, unplaced=1, placed=1, mailed=0)
    assert preview.changed == 3
    reset.reset_to_release(edition=edition, release=release, user=organiser, expected=preview)
    after = places()
    assert {pk: after[pk] for pk in before} == before
    assert after[newcomer.pk] == (None, None)
    meetings = {m.pk: m for m in Meeting.objects.all()}
    assert meetings[newcomer.pk].unplaced_reason == "not in version 1"
    assert {m.manual for m in meetings.values()} == {""}
    assert meetings[third.pk].locked is True  # still placed: the lock stays
    assert [meetings[m.pk].version for m in (first, second, third, newcomer)] == [3, 3, 2, 3]
    entry = AuditEntry.objects.latest("pk")
    assert (entry.action, entry.object_id, entry.data) == (
        "schedule.reset",
        str(release.pk),
        {"moved": 1, "unplaced": 1, "placed": 1, "manual_decisions_released": 3},
    )
    assert releases.preview_publication(
        edition=edition, after=releases.placements(releases.working_entries(edition))
    ).changes.as_json() == {"added": [], "moved": [], "cancelled": []}


def test_reset_keeps_cancelled_meetings_cancelled_and_skips_places_no_longer_allowed(released):
    edition, _buyer, (first, second, _third) = released
    Meeting.objects.filter(pk=first.pk).update(state=MeetingState.CANCELLED, slot=None, table=None)
    Unavailability.objects.create(participation=second.first, slot=slot(1))
    release = edition.releases.get()
    done = reset.reset_to_release(edition=edition, release=release, user=None)
    assert (done.moved, done.unplaced, done.placed) == (0, 1, 0)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, first.slot) == (MeetingState.CANCELLED, None)
    assert (second.slot, second.unplaced_reason) == (
        None,
        "a participant can no longer attend its released slot",
    )


def test_reset_is_refused_while_a_run_is_in_progress_or_after_a_change_since_the_preview(
    released,
):
    edition, _buyer, (first, _second, _third) = released
    release = edition.releases.get()
    preview = reset.preview_reset(edition=edition, release=release)
    edits.move_meeting(meeting=first, slot=slot(3), table=table(2), version=1, user=None)
    with pytest.raises(edits.EditError, match="changed since you reviewed"):
        reset.reset_to_release(edition=edition, release=release, user=None, expected=preview)
    ScheduleRun.objects.create(edition=edition, status=RunStatus.RUNNING)
    with pytest.raises(edits.EditError, match="in progress"):
        reset.reset_to_release(edition=edition, release=release, user=None)
    assert places()[first.pk] == (3, 2)


# Pages


def test_the_apply_page_says_what_changes_and_applies_only_with_the_confirmation(
    client, released, django_capture_on_commit_callbacks
):
    edition, _buyer, (first, _second, _third) = released
    Unavailability.objects.create(participation=first.first, slot=slot(0))
    run = solved_run(edition, django_capture_on_commit_callbacks)
    client.force_login(OrganiserFactory())
    url = f"/organiser/{edition.slug}/schedule/runs/{run.pk}/apply/"
    page = client.get(url).content.decode()
    assert (
        "Applying this run moves 1 meeting (0 unplaced, 0 newly placed) and 2 participants "
        "will be mailed at the next publication."
    ) in page
    # A bare POST (no confirmation) applies nothing.
    response = client.post(url, follow=True)
    assert "The confirmation was incomplete" in response.content.decode()
    assert places()[first.pk] == (0, 1)
    counts = {"release": "1", "moved": "1", "unplaced": "0", "placed": "0", "mailed": "2"}
    response = client.post(url, counts, follow=True)
    assert "The run was applied: 3 meetings placed." in response.content.decode()
    assert places()[first.pk][0] == 3
    assert AuditEntry.objects.filter(action="schedule.apply").count() == 1


def test_the_board_marks_manual_decisions_and_releases_them(client, released):
    edition, _buyer, (first, second, _third) = released
    edits.move_meeting(meeting=first, slot=slot(3), table=table(2), version=1, user=None)
    edits.unplace_meeting(meeting=second, version=1, user=None)
    client.force_login(OrganiserFactory())
    board = client.get(f"/organiser/{edition.slug}/schedule/board/").content.decode()
    assert board.count('data-manual="moved"') == 1
    assert board.count('data-manual="removed"') == 1
    response = client.post(
        f"/organiser/{edition.slug}/schedule/meetings/{second.pk}/release-decision/",
        {"version": "2"},
        follow=True,
    )
    assert f"Meeting {second.pk} is free for the next run." in response.content.decode()
    response = client.post(
        f"/organiser/{edition.slug}/schedule/meetings/manual-decisions/release/", follow=True
    )
    assert "1 manual decision released." in response.content.decode()
    assert set(Meeting.objects.values_list("manual", flat=True)) == {""}


def test_the_reset_page_counts_the_changes_and_resets_on_confirmation(client, released):
    edition, _buyer, (first, _second, _third) = released
    edits.move_meeting(meeting=first, slot=slot(3), table=table(2), version=1, user=None)
    client.force_login(OrganiserFactory())
    url = f"/organiser/{edition.slug}/schedule/releases/1/reset/"
    page = client.get(url).content.decode()
    assert "1 meeting changes: 1 moved back, 0 taken off the grid, 0 placed back." in page
    counts = {"release": "1", "moved": "1", "unplaced": "0", "placed": "0", "mailed": "0"}
    response = client.post(url, counts, follow=True)
    assert "The working schedule is back to version 1: 1 meeting changed." in (
        response.content.decode()
    )
    assert places()[first.pk] == (0, 1)
    assert client.get(f"/organiser/{edition.slug}/schedule/releases/9/reset/").status_code == 404


@pytest.mark.parametrize("page", ["runs/{run}/apply/", "releases/1/reset/"], ids=["apply", "reset"])
def test_the_confirmation_pages_are_for_organisers_only(client, released, page):
    edition, _buyer, _meetings = released
    run = ScheduleRun.objects.create(edition=edition, status=RunStatus.FINISHED)
    url = f"/organiser/{edition.slug}/schedule/{page.format(run=run.pk)}"
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
