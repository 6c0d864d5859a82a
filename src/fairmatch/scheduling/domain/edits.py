"""Manual edits of the working schedule: move, swap, lock, unplace, and releasing the
manual decisions they leave.

A move or swap marks the meeting as placed by hand, taking it off the grid marks it as
removed by hand (``Meeting.manual``); solver runs keep both, like locks, until the organiser
releases them (one meeting, or all of an edition). Who decided and when is in the audit log.

Locking rule: every edit takes the working schedule's lock first (``domain/locks.py``:
the edition's row, one lock per transaction), so two organisers editing at once are
serialised; each edit then re-reads the meetings
and checks, against the database, that no participant and no table is double-booked.
An edit names the version of the meeting it was made on; a newer version means someone
else changed it meanwhile, and the edit is refused (nothing is lost, the page reloads).
"""

from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.scheduling.domain.booths import booth_of, published_booths
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.models import (
    PLACED_STATES,
    ManualDecision,
    Meeting,
    MeetingState,
    NegotiationTable,
    RunStatus,
    ScheduleRun,
    Slot,
    Unavailability,
)


class EditError(Exception):
    """The edit would break the schedule or is stale; the message says why."""


def _fresh(meeting: Meeting, version: int) -> Meeting:
    current = Meeting.objects.select_related("first__enterprise", "second__enterprise").get(
        pk=meeting.pk
    )
    if current.version != version:
        raise EditError(
            _("Someone else changed this meeting meanwhile; the page shows it as it is now.")
        )
    if current.state != MeetingState.SCHEDULED:
        raise EditError(_("Only scheduled meetings can be edited."))
    return current


def _check_place(
    meeting: Meeting, slot: Slot, table: NegotiationTable, *, ignore: set[int]
) -> None:
    if slot.session.edition_id != meeting.edition_id or table.edition_id != meeting.edition_id:
        raise EditError(_("That slot or table belongs to another edition."))
    if (
        table.booth_id is not None
        and booth_of(meeting, published_booths(meeting.edition)) != table.booth_id
    ):
        raise EditError(_("Only the meetings agreed at this booth take place there."))
    open_tables = slot.session.table_count
    if open_tables is not None:
        open_numbers = set(
            NegotiationTable.objects.filter(edition_id=meeting.edition_id)
            .order_by("number")
            .values_list("pk", flat=True)[:open_tables]
        )
        if table.pk not in open_numbers:
            raise EditError(
                _("Table %(table)s is not open in this session.") % {"table": table.number}
            )
    busy = Meeting.objects.filter(slot=slot, state__in=PLACED_STATES).exclude(pk__in=ignore)
    if busy.filter(table=table).exists():
        raise EditError(_("Table %(table)s is taken in this slot.") % {"table": table.number})
    people = (meeting.first_id, meeting.second_id)
    clash = busy.filter(Q(first_id__in=people) | Q(second_id__in=people)).first()
    if clash is not None:
        busy_person = (
            meeting.first
            if meeting.first_id in (clash.first_id, clash.second_id)
            else (meeting.second)
        )
        raise EditError(
            _("%(name)s already meets someone else in this slot.")
            % {"name": busy_person.enterprise.display_name}
        )
    away = (
        Unavailability.objects.filter(participation_id__in=people, slot=slot)
        .values_list("participation_id", flat=True)
        .first()
    )
    if away is not None:
        absent_person = meeting.first if away == meeting.first_id else meeting.second
        raise EditError(
            _("%(name)s cannot attend this slot.") % {"name": absent_person.enterprise.display_name}
        )


def _save(meeting: Meeting, *, user: Any, action: str, data: dict[str, Any]) -> Meeting:
    meeting.version += 1
    meeting.unplaced_reason = "" if meeting.slot_id else meeting.unplaced_reason
    meeting.save()
    record_action(actor=user, action=f"schedule.{action}", target=meeting, data=data)
    return meeting


@transaction.atomic
def move_meeting(
    *, meeting: Meeting, slot: Slot, table: NegotiationTable, version: int, user: Any
) -> Meeting:
    """Put the meeting at ``table`` in ``slot`` if both participants and the table are free."""
    lock_working_schedule(meeting.edition_id)
    current = _fresh(meeting, version)
    _check_place(current, slot, table, ignore={current.pk})
    before = [current.slot_id, current.table_id]
    current.slot, current.table = slot, table
    current.manual = ManualDecision.MOVED
    return _save(
        current, user=user, action="move", data={"from": before, "to": [slot.pk, table.pk]}
    )


@transaction.atomic
def swap_meetings(
    *, first: Meeting, first_version: int, second: Meeting, second_version: int, user: Any
) -> tuple[Meeting, Meeting]:
    """Exchange the places of two placed meetings."""
    lock_working_schedule(first.edition_id)
    one, other = _fresh(first, first_version), _fresh(second, second_version)
    if one.slot is None or other.slot is None:
        raise EditError(_("Both meetings must be placed to swap them."))
    places = ((one.slot, one.table), (other.slot, other.table))
    Meeting.objects.filter(pk__in=[one.pk, other.pk]).update(slot=None, table=None)
    _check_place(one, places[1][0], places[1][1], ignore={one.pk, other.pk})
    _check_place(other, places[0][0], places[0][1], ignore={one.pk, other.pk})
    one.slot, one.table = places[1]
    other.slot, other.table = places[0]
    one.manual = other.manual = ManualDecision.MOVED
    data = {"meetings": [one.pk, other.pk]}
    return _save(one, user=user, action="swap", data=data), _save(
        other, user=user, action="swap", data=data
    )


@transaction.atomic
def set_locked(*, meeting: Meeting, locked: bool, version: int, user: Any) -> Meeting:
    """Lock a meeting where it is (a new run keeps it there), or unlock it."""
    lock_working_schedule(meeting.edition_id)
    current = _fresh(meeting, version)
    if locked and current.slot_id is None:
        raise EditError(_("Place the meeting before locking it."))
    current.locked = locked
    return _save(current, user=user, action="lock" if locked else "unlock", data={})


@transaction.atomic
def unplace_meeting(*, meeting: Meeting, version: int, user: Any) -> Meeting:
    """Take the meeting off the grid (it stays accepted; a run or a move places it again)."""
    lock_working_schedule(meeting.edition_id)
    current = _fresh(meeting, version)
    current.slot = current.table = None
    current.locked = False
    current.manual = ManualDecision.REMOVED
    # The message id: each reader sees it in their own language (``translated``).
    current.unplaced_reason = gettext_noop("taken off the grid by the organiser")
    return _save(current, user=user, action="unplace", data={})


@transaction.atomic
def release_decision(*, meeting: Meeting, version: int, user: Any) -> Meeting:
    """Forget the manual decision on a meeting: it stays where it is (or off the grid), and
    the next run may place it anew."""
    lock_working_schedule(meeting.edition_id)
    current = _fresh(meeting, version)
    if not current.manual:
        raise EditError(_("This meeting carries no manual decision."))
    decision = current.manual
    current.manual = ""
    return _save(current, user=user, action="release_decision", data={"decision": decision})


@transaction.atomic
def release_all_decisions(*, edition: Edition, user: Any) -> int:
    """Forget every manual decision of the edition's scheduled meetings; how many there were."""
    lock_working_schedule(edition.pk)
    decided = Meeting.objects.filter(edition=edition, state=MeetingState.SCHEDULED).exclude(
        manual=""
    )
    counts = {
        decision: decided.filter(manual=decision).count() for decision in ManualDecision.values
    }
    released = decided.update(manual="", version=F("version") + 1)
    record_action(actor=user, action="schedule.release_all_decisions", target=edition, data=counts)
    return released


def run_in_progress(edition: Edition) -> bool:
    return ScheduleRun.objects.filter(
        edition=edition, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
    ).exists()
