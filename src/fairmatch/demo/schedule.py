"""The demo's negotiation schedule: a two-day grid, one solver run, a published release."""

import datetime
import math
import time
from dataclasses import dataclass

from django.db import transaction
from django.test.utils import override_settings

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.demo.generator import QUIET_SETTINGS
from fairmatch.scheduling.domain import releases, runs, sameday
from fairmatch.scheduling.domain.grid import rebuild_slots
from fairmatch.scheduling.models import (
    NegotiationSession,
    NegotiationTable,
    ScheduleRun,
    SessionPart,
    Slot,
)

SLOTS_PER_SESSION = 8
SLOT_MINUTES = 25
PAUSE_MINUTES = 5
SPARE_TABLES = 0.15  # room to move meetings by hand
INTERPRETER_TABLES = {"ja": 2, "ko": 2}
# 745 meetings: 15 s reach the same schedule (205 breaks) as 30 s did (measured 2026-11-30).
SOLVER_SECONDS = 15


@dataclass(frozen=True)
class ScheduleResult:
    run: ScheduleRun
    release_number: int
    seconds: float


def build_schedule(*, edition: Edition, organiser: User) -> ScheduleResult:
    """Set up the grid on the edition's days, solve, apply and publish the schedule."""
    started = time.perf_counter()
    with override_settings(**QUIET_SETTINGS):
        with transaction.atomic():
            day = edition.start_date
            while day <= edition.end_date:
                for part, hour in ((SessionPart.MORNING, 9), (SessionPart.AFTERNOON, 14)):
                    NegotiationSession.objects.create(
                        edition=edition,
                        date=day,
                        part=part,
                        starts_at=datetime.time(hour, 0),
                        slot_count=SLOTS_PER_SESSION,
                        slot_minutes=SLOT_MINUTES,
                        pause_minutes=PAUSE_MINUTES,
                    )
                day += datetime.timedelta(days=1)
            rebuild_slots(edition)
            accepted = edition.meeting_requests.filter(state="accepted").count()
            slots = Slot.objects.filter(session__edition=edition).count()
            count = math.ceil(accepted / slots * (1 + SPARE_TABLES))
            interpreters = [lang for lang, n in INTERPRETER_TABLES.items() for _ in range(n)]
            NegotiationTable.objects.bulk_create(
                NegotiationTable(
                    edition=edition,
                    number=number,
                    zone="A" if number <= count // 2 else "B",
                    interpreter_languages=(
                        [interpreters[number - 1]] if number <= len(interpreters) else []
                    ),
                )
                for number in range(1, count + 1)
            )
        # The immediate task backend solves the run as soon as it is committed.
        run = runs.start_run(
            edition=edition, user=organiser, time_limit=SOLVER_SECONDS, fairness=2, seed=2027
        )
        run.refresh_from_db()
        runs.apply_run(run=run, user=organiser)
        # On a busy machine the time limit may leave a few meetings waiting: fit them in.
        outcome = sameday.reschedule_waiting(edition=edition, user=organiser, name="final")
        release = outcome.release or releases.publish(edition=edition, name="final", user=organiser)
    return ScheduleResult(
        run=run, release_number=release.number, seconds=time.perf_counter() - started
    )
