"""The shape of the demo data as plain values: what the generator writes, nothing else.

A plan is a pure function of the seed (see ``fairmatch.demo.planner``); the generator
turns it into rows and workflow transitions. Keeping the two apart makes reproducibility
testable without a database.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import StrEnum

from django.utils.text import slugify


class Expect(StrEnum):
    """What the edition's rules must say about an application, given its planned fate."""

    PASS = "pass"
    FAIL_CONTRACT = "fail_contract"
    FAIL_RANK = "fail_rank"
    INCOMPLETE = "incomplete"  # a draft: the rules may say anything


@dataclass(frozen=True)
class DelegatePlan:
    full_name: str
    title: str
    rank: str  # rank code
    email: str
    is_attending: bool = True


@dataclass(frozen=True)
class DemandPlan:
    field: str
    kind: str
    value: Decimal
    currency: str
    description: str
    language: str


@dataclass(frozen=True)
class CapabilityPlan:
    field: str
    kind: str
    capacity: Decimal
    references: str
    description: str
    currency: str = "USD"
    language: str = "zh-hans"


@dataclass(frozen=True)
class EnterprisePlan:
    key: str  # the enterprise's web domain; unique
    name_original: str
    name_en: str
    country: str
    kind: str
    fields: tuple[str, ...]
    size: str
    certifications: tuple[str, ...]
    languages: tuple[str, ...]
    description: str
    description_language: str
    contact_name: str
    contact_email: str
    user_language: str

    @property
    def website(self) -> str:
        return f"https://www.{self.key}"


@dataclass(frozen=True)
class Step:
    """One workflow transition: to which state, when, by whom, and why."""

    state: str
    at: datetime.datetime
    by_organiser: bool
    note: str = ""


@dataclass(frozen=True)
class ParticipationPlan:
    enterprise: str  # EnterprisePlan.key
    edition: str  # edition slug
    is_negotiator: bool
    is_exhibitor: bool
    created_at: datetime.datetime
    steps: tuple[Step, ...]
    expect: Expect
    delegates: tuple[DelegatePlan, ...] = ()
    demands: tuple[DemandPlan, ...] = ()
    capabilities: tuple[CapabilityPlan, ...] = ()

    @property
    def final_state(self) -> str:
        return self.steps[-1].state if self.steps else "draft"

    @property
    def last_change_at(self) -> datetime.datetime:
        return self.steps[-1].at if self.steps else self.created_at


@dataclass(frozen=True)
class DemoPlan:
    seed: int
    enterprises: tuple[EnterprisePlan, ...]
    participations: tuple[ParticipationPlan, ...]
    # Demo login role ("buyer", "provider", "exhibitor") -> EnterprisePlan.key.
    login_enterprises: dict[str, str]


# --- Small pure helpers the planners share --------------------------------------------------


def email_local_part(name: str) -> str:
    """An ASCII mailbox name for a person's romanised name ("Élodie Girard" -> elodie.girard)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", ".", ascii_name.lower()).strip(".")


def domain_for(name_en: str, legal_form_en: str) -> str:
    """A made-up web domain under the reserved ``.example`` top-level domain."""
    stem = name_en.removesuffix(legal_form_en).strip()
    return f"{slugify(stem)}.example"


def nice_amount(*, usd: Decimal, usd_per_unit: Decimal, up: bool) -> Decimal:
    """``usd`` in another currency, rounded to two significant digits, up or down.

    Rounding up keeps a passing contract above the threshold; rounding down keeps a
    failing one below it.
    """
    amount = usd / usd_per_unit
    quantum = Decimal(1).scaleb(amount.adjusted() - 1)
    rounding = ROUND_CEILING if up else ROUND_FLOOR
    return ((amount / quantum).to_integral_value(rounding=rounding) * quantum).quantize(
        Decimal("0.01")
    )
