"""The demo's first day on site: badges issued, most delegates checked in through the
morning, the first day's meetings held or missed, exhibitors' leads. Written in bulk from
a seeded generator (the day is simulated, so times are set, not taken from the clock)."""

import datetime
import random
import zoneinfo
from dataclasses import dataclass

from django.db import transaction

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation
from fairmatch.onsite.domain.badges import BADGED_STATES, issue_badges
from fairmatch.onsite.models import (
    Absent,
    Badge,
    CheckIn,
    CheckInMethod,
    Lead,
    MarkedAs,
    MeetingAttendance,
    Outcome,
)
from fairmatch.scheduling.models import Meeting, MeetingState

ARRIVAL_SHARE = 0.9  # of badges checked in on the first day
HELD_SHARE = 0.93  # of meetings between two present participants
LEADS_PER_EXHIBITOR = 6
NOTES = ("", "asked for a quotation", "wants to visit the office", "send the brochure")


@dataclass(frozen=True)
class DayResult:
    badges: int
    checked_in: int
    held: int
    missed: int
    leads: int


@transaction.atomic
def simulate_first_day(*, edition: Edition, organiser: User, seed: int) -> DayResult:
    rng = random.Random(seed)
    tz = zoneinfo.ZoneInfo(edition.timezone)
    day = edition.start_date
    issue_badges(edition=edition)
    badges = list(Badge.objects.filter(edition=edition).select_related("delegate").order_by("pk"))
    opening = datetime.datetime.combine(day, datetime.time(8, 0), tzinfo=tz)
    arrived = [b for b in badges if rng.random() < ARRIVAL_SHARE]
    methods = [CheckInMethod.SCAN] * 8 + [CheckInMethod.CODE, CheckInMethod.SEARCH]
    CheckIn.objects.bulk_create(
        CheckIn(
            badge=badge,
            at=opening + datetime.timedelta(minutes=rng.triangular(0, 150, 40)),
            by=organiser,
            method=rng.choice(methods),
        )
        for badge in arrived
    )
    present = {b.delegate.participation_id for b in arrived if b.delegate_id}
    meetings = list(
        Meeting.objects.filter(
            edition=edition, state=MeetingState.SCHEDULED, slot__session__date=day
        ).select_related("slot", "table")
    )
    attendances, held, missed = [], [], []
    for meeting in meetings:
        first_in, second_in = meeting.first_id in present, meeting.second_id in present
        marked_at = meeting.slot.ends_at
        if first_in and second_in and rng.random() < HELD_SHARE:
            meeting.state = MeetingState.HELD
            held.append(meeting)
            attendances.append(
                MeetingAttendance(
                    meeting=meeting,
                    outcome=Outcome.HELD,
                    first_says=Outcome.HELD,
                    second_says=Outcome.HELD if rng.random() < 0.7 else "",
                    marked_as=MarkedAs.PARTICIPANT,
                    marked_at=marked_at,
                )
            )
            continue
        absent = (
            Absent.BOTH
            if not first_in and not second_in
            else Absent.FIRST
            if not first_in
            else Absent.SECOND
            if not second_in
            else rng.choice([Absent.FIRST, Absent.SECOND])
        )
        attendances.append(
            MeetingAttendance(
                meeting=meeting,
                outcome=Outcome.MISSED,
                absent=absent,
                slot=meeting.slot,
                table_number=meeting.table.number if meeting.table else None,
                marked_as=MarkedAs.STAFF,
                marked_by=organiser,
                marked_at=marked_at,
            )
        )
        meeting.state = MeetingState.NO_SHOW
        meeting.slot = meeting.table = None
        meeting.unplaced_reason = "missed"
        missed.append(meeting)
    Meeting.objects.bulk_update(held + missed, ["state", "slot", "table", "unplaced_reason"])
    MeetingAttendance.objects.bulk_create(attendances)
    exhibitors = Participation.objects.filter(
        edition=edition, is_exhibitor=True, state__in=BADGED_STATES
    )
    visitors = [b for b in arrived if b.delegate_id]
    leads = []
    for exhibitor in exhibitors:
        own = [b for b in visitors if b.delegate.participation_id != exhibitor.pk]
        for badge in rng.sample(own, min(LEADS_PER_EXHIBITOR, len(own))):
            leads.append(
                Lead(
                    exhibitor=exhibitor,
                    badge=badge,
                    note=rng.choice(NOTES),
                    follow_up=rng.random() < 0.4,
                )
            )
    Lead.objects.bulk_create(leads)
    return DayResult(
        badges=len(badges),
        checked_in=len(arrived),
        held=len(held),
        missed=len(missed),
        leads=len(leads),
    )
