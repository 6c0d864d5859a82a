"""Same-day changes: a cancelled meeting or an absent participant frees slots; the meetings
still waiting for a place are fitted in around everything else, which stays fixed, and a
new release tells only the delegates concerned."""

import time
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Participation
from fairmatch.scheduling import engine
from fairmatch.scheduling.domain.edits import EditError, run_in_progress
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.domain.problem import build_problem
from fairmatch.scheduling.domain.releases import pending_changes, publish
from fairmatch.scheduling.models import Meeting, MeetingState, Release

SAME_DAY_TIME_LIMIT = 10.0


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, user: Any, reason: str) -> Meeting:
    """Cancel one meeting on the day; its slot and table become free."""
    lock_working_schedule(meeting.edition_id)
    meeting = Meeting.objects.get(pk=meeting.pk)
    if meeting.state != MeetingState.SCHEDULED:
        raise EditError(_("Only scheduled meetings can be cancelled."))
    meeting.state = MeetingState.CANCELLED
    meeting.slot = meeting.table = None
    meeting.locked = False
    meeting.unplaced_reason = reason[:300]
    meeting.version += 1
    meeting.save()
    record_action(actor=user, action="schedule.cancel", target=meeting, note=reason)
    return meeting


@transaction.atomic
def mark_absent(*, participation: Participation, user: Any) -> int:
    """The participant does not come: its remaining meetings are cancelled."""
    lock_working_schedule(participation.edition_id)
    meetings = Meeting.objects.filter(
        Q(first=participation) | Q(second=participation), state=MeetingState.SCHEDULED
    )
    # Meetings already over stay as they were: they took place (or were missed) already.
    meetings = meetings.filter(Q(slot__isnull=True) | Q(slot__ends_at__gt=timezone.now()))
    count = meetings.update(
        state=MeetingState.CANCELLED,
        slot=None,
        table=None,
        locked=False,
        unplaced_reason=_("participant absent"),
        version=F("version") + 1,
    )
    record_action(
        actor=user, action="schedule.absent", target=participation, data={"cancelled": count}
    )
    return count


@dataclass(frozen=True)
class SameDayOutcome:
    placed: int
    still_unplaced: int
    release: Release | None
    seconds: float


def reschedule_waiting(*, edition: Edition, user: Any, name: str = "") -> SameDayOutcome:
    """Place the meetings without a place in the freed slots; publish if anything changed."""
    if run_in_progress(edition):
        raise EditError(_("A solver run is in progress; wait for it first."))
    with transaction.atomic():
        lock_working_schedule(edition.pk)
        stored = build_problem(edition, fix_placed=True)
        waiting = [i for i, m in enumerate(stored.meetings) if m.slot_id is None]
        if not waiting:
            return SameDayOutcome(placed=0, still_unplaced=0, release=None, seconds=0.0)
        started = time.monotonic()
        solution = engine.solve(stored.problem, time_limit=SAME_DAY_TIME_LIMIT, fairness=None)
        seconds = time.monotonic() - started
        placed = 0
        for index in waiting:
            placement = solution.placements[index]
            meeting = stored.meetings[index]
            if placement is None:
                meeting.unplaced_reason = solution.unplaced_reasons.get(index, "")[:300]
            else:
                meeting.slot = stored.slots[placement.slot]
                meeting.table = stored.table_for(index, placement)
                meeting.unplaced_reason = ""
                placed += 1
            meeting.version += 1
        Meeting.objects.bulk_update(
            [stored.meetings[i] for i in waiting], ["slot", "table", "unplaced_reason", "version"]
        )
        record_action(
            actor=user, action="schedule.same_day", target=edition, data={"placed": placed}
        )
    release = None
    if pending_changes(edition):
        release = publish(
            edition=edition,
            name=name or _("changes of %(time)s") % {"time": f"{timezone.localtime():%H:%M}"},
            user=user,
        )
    return SameDayOutcome(
        placed=placed,
        still_unplaced=len(waiting) - placed,
        release=release,
        seconds=round(seconds, 2),
    )
