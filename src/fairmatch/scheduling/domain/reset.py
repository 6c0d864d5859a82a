"""Resetting the working schedule to a published release.

Each scheduled meeting goes back to its place in the release (its ``ReleaseEntry``: the slot
starting at the released time, the table with the released number); meetings the release
did not place are taken off the grid. Cancelled meetings stay cancelled. A released place the
grid no longer offers (slot or table gone, table no longer open in the session) or that a
participant has since marked unavailable is not restored: that meeting is taken off the grid
and says why. Manual decisions are cleared (the reset replaces them); locks stay on meetings
that are placed afterwards. Takes the edition's lock, bumps the version of every meeting it
changes, and is audited.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.scheduling.domain.edits import EditError, run_in_progress
from fairmatch.scheduling.domain.grid import SLOT_REMOVED
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.domain.releases import preview_publication, projected_placements
from fairmatch.scheduling.models import (
    Meeting,
    MeetingState,
    NegotiationTable,
    Release,
    ReleaseEntry,
    Slot,
    Unavailability,
)

Place = tuple[int | None, int | None, str]


@dataclass(frozen=True)
class ResetPreview:
    """What resetting to the release changes in the working schedule (meetings moved, taken
    off the grid, placed back), and the participants the next publication would mail."""

    release_number: int
    moved: int
    unplaced: int
    placed: int
    mailed: int

    @property
    def changed(self) -> int:
        return self.moved + self.unplaced + self.placed


def _targets(edition: Edition, release: Release, meetings: dict[int, Meeting]) -> dict[int, Place]:
    """Slot id, table id and reason (when off the grid) for every scheduled meeting."""
    slots = {
        s.starts_at: s
        for s in Slot.objects.filter(session__edition=edition).select_related("session")
    }
    tables = {t.number: t for t in NegotiationTable.objects.filter(edition=edition)}
    numbers = sorted(tables)
    unavailable = set(
        Unavailability.objects.filter(
            participation__edition=edition, slot__session__edition=edition
        ).values_list("participation_id", "slot_id")
    )
    entries = {
        e.meeting_id: e
        for e in ReleaseEntry.objects.filter(release=release, meeting_id__in=meetings)
    }
    not_released = _("not in version %(number)d") % {"number": release.number}
    targets: dict[int, Place] = {}
    for pk, meeting in meetings.items():
        entry = entries.get(pk)
        if entry is None:
            targets[pk] = (None, None, not_released)
            continue
        slot = slots.get(entry.starts_at)
        table = None if entry.table_number is None else tables.get(entry.table_number)
        if slot is None:
            targets[pk] = (None, None, SLOT_REMOVED)
        elif table is None and entry.table_number is not None:
            targets[pk] = (None, None, _("its released table no longer exists"))
        elif (
            table is not None
            and slot.session.table_count is not None
            and table.number not in numbers[: slot.session.table_count]
        ):
            targets[pk] = (None, None, _("its released table is not open in this session"))
        elif {(meeting.first_id, slot.pk), (meeting.second_id, slot.pk)} & unavailable:
            targets[pk] = (None, None, _("a participant can no longer attend its released slot"))
        else:
            targets[pk] = (slot.pk, None if table is None else table.pk, "")
    return targets


def _scheduled(edition: Edition) -> dict[int, Meeting]:
    meetings = Meeting.objects.filter(edition=edition, state=MeetingState.SCHEDULED)
    return {m.pk: m for m in meetings.order_by("pk")}


def _preview(edition: Edition, release: Release, meetings: dict[int, Meeting]) -> ResetPreview:
    targets = _targets(edition, release, meetings)
    moved = unplaced = placed = 0
    for pk, (slot_id, table_id, _reason) in targets.items():
        meeting = meetings[pk]
        if meeting.slot_id is None and slot_id is not None:
            placed += 1
        elif meeting.slot_id is not None and slot_id is None:
            unplaced += 1
        elif (meeting.slot_id, meeting.table_id) != (slot_id, table_id):
            moved += 1
    places = {pk: (slot, table) for pk, (slot, table, _r) in targets.items() if slot is not None}
    publication = preview_publication(edition=edition, after=projected_placements(edition, places))
    return ResetPreview(
        release_number=release.number,
        moved=moved,
        unplaced=unplaced,
        placed=placed,
        mailed=publication.mailed,
    )


def preview_reset(*, edition: Edition, release: Release) -> ResetPreview:
    """What resetting the working schedule to ``release`` would change, before it does."""
    return _preview(edition, release, _scheduled(edition))


@transaction.atomic
def reset_to_release(
    *, edition: Edition, release: Release, user: Any, expected: ResetPreview | None = None
) -> ResetPreview:
    """Put every scheduled meeting back where ``release`` had it (see the module docstring).

    With ``expected`` (the preview the organiser confirmed), it is refused when the changes
    are no longer those. Refused while a solver run is in progress.
    """
    lock_working_schedule(edition.pk)
    if release.edition_id != edition.pk:
        raise EditError(_("That version belongs to another edition."))
    if run_in_progress(edition):
        raise EditError(_("A solver run is in progress; wait for it first."))
    meetings = _scheduled(edition)
    done = _preview(edition, release, meetings)
    if expected is not None and done != expected:
        raise EditError(
            _("The schedule changed since you reviewed the reset; review the changes again.")
        )
    targets = _targets(edition, release, meetings)
    decisions = sum(1 for m in meetings.values() if m.manual)
    # Clear first so the unique (slot, table) rule holds while writing.
    Meeting.objects.filter(pk__in=list(meetings)).update(slot=None, table=None)
    for pk, (slot_id, table_id, reason) in targets.items():
        meeting = meetings[pk]
        if (meeting.slot_id, meeting.table_id) != (slot_id, table_id) or meeting.manual:
            meeting.version += 1
        meeting.slot_id, meeting.table_id = slot_id, table_id
        meeting.unplaced_reason = reason[:300]
        meeting.locked = meeting.locked and slot_id is not None
        meeting.manual = ""
    Meeting.objects.bulk_update(
        list(meetings.values()), ["slot", "table", "unplaced_reason", "locked", "manual", "version"]
    )
    record_action(
        actor=user,
        action="schedule.reset",
        target=release,
        data={
            "moved": done.moved,
            "unplaced": done.unplaced,
            "placed": done.placed,
            "manual_decisions_released": decisions,
        },
    )
    return done
