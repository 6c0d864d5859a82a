"""Fates of applications and the dated workflow steps that lead to them."""

import datetime
import random
from enum import StrEnum

from fairmatch.demo.catalogue import EditionSpec
from fairmatch.demo.plan import Expect, Step


class Fate(StrEnum):
    """Where an application ends up, and by which path."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    SUBMITTED_BELOW_RANK = "submitted_below_rank"
    QUALIFIED = "qualified"
    CONFIRMED = "confirmed"  # qualified, then confirmed
    WAITING = "waiting"
    WAITING_CONFIRMED = "waiting_confirmed"
    WAITING_WITHDRAWN = "waiting_withdrawn"
    QUALIFIED_WITHDRAWN = "qualified_withdrawn"
    REJECTED_CONTRACT = "rejected_contract"
    REJECTED_RANK = "rejected_rank"


EXPECTATIONS: dict[Fate, Expect] = {
    Fate.DRAFT: Expect.INCOMPLETE,
    Fate.SUBMITTED_BELOW_RANK: Expect.FAIL_RANK,
    Fate.REJECTED_CONTRACT: Expect.FAIL_CONTRACT,
    Fate.REJECTED_RANK: Expect.FAIL_RANK,
}

# The states each fate passes through after the draft, and who moves it there.
_PATHS: dict[Fate, tuple[tuple[str, str], ...]] = {
    Fate.DRAFT: (),
    Fate.SUBMITTED: (("submitted", "applicant"),),
    Fate.SUBMITTED_BELOW_RANK: (("submitted", "applicant"),),
    Fate.QUALIFIED: (("submitted", "applicant"), ("qualified", "organiser")),
    Fate.CONFIRMED: (
        ("submitted", "applicant"),
        ("qualified", "organiser"),
        ("confirmed", "applicant"),
    ),
    Fate.WAITING: (("submitted", "applicant"), ("waiting_confirmation", "organiser")),
    Fate.WAITING_CONFIRMED: (
        ("submitted", "applicant"),
        ("waiting_confirmation", "organiser"),
        ("confirmed", "applicant"),
    ),
    Fate.WAITING_WITHDRAWN: (
        ("submitted", "applicant"),
        ("waiting_confirmation", "organiser"),
        ("withdrawn", "applicant"),
    ),
    Fate.QUALIFIED_WITHDRAWN: (
        ("submitted", "applicant"),
        ("qualified", "organiser"),
        ("withdrawn", "applicant"),
    ),
    Fate.REJECTED_CONTRACT: (("submitted", "applicant"), ("rejected", "organiser")),
    Fate.REJECTED_RANK: (("submitted", "applicant"), ("rejected", "organiser")),
}

# Notes written with each move, in English for foreign and Chinese for domestic enterprises.
_NOTES: dict[tuple[str, Fate | None], tuple[str, str]] = {
    ("submitted", None): ("", ""),
    ("qualified", None): (
        "All requirements met; admitted to the negotiations.",
        "符合全部参会要求，准予参加洽谈。",
    ),
    ("waiting_confirmation", None): (
        "Requirements met; admitted once the delegation confirms its travel.",
        "符合参会要求，待企业确认参会后正式录取。",
    ),
    ("confirmed", None): ("We confirm our delegation's attendance.", "我司确认按时参会。"),
    ("withdrawn", None): (
        "Our delegation cannot travel on the conference dates.",
        "因日程冲突，我司无法参会。",
    ),
    ("rejected", Fate.REJECTED_CONTRACT): (
        "The largest contract on offer is below the USD 8 million minimum.",
        "最大合同金额低于800万美元的要求。",
    ),
    ("rejected", Fate.REJECTED_RANK): (
        "No attending delegate is an outsourcing manager or more senior.",
        "参会代表中没有外包经理及以上职级人员。",
    ),
}


def expectation(fate: Fate) -> Expect:
    """What the rules must conclude for an application with this fate."""
    return EXPECTATIONS.get(fate, Expect.PASS)


class Clock:
    """Dates of applications within an edition's application window, from a seeded generator."""

    def __init__(self, *, rng: random.Random, spec: EditionSpec) -> None:
        self.rng = rng
        self.start = datetime.datetime.combine(
            spec.applications_open, datetime.time(1, 0), tzinfo=datetime.UTC
        )
        self.close = datetime.datetime.combine(
            spec.decisions_close, datetime.time(9, 0), tzinfo=datetime.UTC
        )

    def opening(self) -> datetime.datetime:
        """When an application was started: within the first two thirds of the window."""
        span_minutes = (self.close - self.start) // datetime.timedelta(minutes=1) * 2 // 3
        return self.start + datetime.timedelta(minutes=self.rng.randrange(span_minutes))

    def after(self, moment: datetime.datetime, *, days: tuple[int, int]) -> datetime.datetime:
        """A later working moment, ``days`` later, never after the window closes."""
        gap = datetime.timedelta(days=self.rng.randint(*days), minutes=self.rng.randint(5, 480))
        # Late moves spread over the window's last days rather than piling up at its end.
        latest = self.close - datetime.timedelta(minutes=self.rng.randint(0, 4 * 24 * 60))
        return max(moment + datetime.timedelta(minutes=1), min(moment + gap, latest))


_GAPS_DAYS = {
    "submitted": (0, 6),
    "qualified": (2, 12),
    "waiting_confirmation": (2, 12),
    "rejected": (2, 10),
    "confirmed": (5, 35),
    "withdrawn": (10, 40),
}


def plan_steps(
    *, fate: Fate, clock: Clock, domestic: bool
) -> tuple[datetime.datetime, tuple[Step, ...]]:
    """When the application was started, and its dated, annotated workflow steps."""
    created_at = clock.opening()
    moment = created_at
    steps = []
    for state, actor in _PATHS[fate]:
        moment = clock.after(moment, days=_GAPS_DAYS[state])
        english, chinese = _NOTES.get((state, fate)) or _NOTES[(state, None)]
        steps.append(
            Step(
                state=state,
                at=moment,
                by_organiser=actor == "organiser",
                note=chinese if domestic else english,
            )
        )
    return created_at, tuple(steps)
