"""The whole reference conference as a plan: a pure function of the seed and the sizes.

The counts below are the organiser's published figures of the reference event (about 80
foreign applicants, 57 qualified from more than ten countries, about 20 waiting for
confirmation); the seed decides who is who, their names, demands and dates.
"""

import random
from collections.abc import Iterable
from dataclasses import dataclass, field

from fairmatch.demo.buyers import plan_buyer_enterprise, plan_buyer_participation
from fairmatch.demo.catalogue import CURRENT, PREVIOUS
from fairmatch.demo.plan import DemoPlan, EnterprisePlan, ParticipationPlan
from fairmatch.demo.providers import plan_provider_enterprise, plan_provider_participation
from fairmatch.demo.timeline import Clock, Fate

QUALIFIED_FATES = (Fate.QUALIFIED, Fate.CONFIRMED)


def _current_buyers() -> dict[str, int]:
    return {
        "US": 14,
        "JP": 12,
        "KR": 9,
        "IN": 8,
        "DE": 7,
        "GB": 7,
        "FR": 6,
        "CA": 6,
        "SG": 5,
        "AU": 5,
        "NL": 3,
        "SE": 2,
    }


def _previous_only_buyers() -> dict[str, int]:
    return {
        "US": 5,
        "JP": 4,
        "KR": 3,
        "IN": 3,
        "DE": 3,
        "GB": 3,
        "FR": 2,
        "CA": 1,
        "SG": 1,
        "AU": 1,
    }


def _current_buyer_fates() -> dict[Fate, int]:
    return {
        Fate.CONFIRMED: 16,
        Fate.QUALIFIED: 41,
        Fate.WAITING: 20,
        Fate.REJECTED_CONTRACT: 2,
        Fate.REJECTED_RANK: 2,
        Fate.SUBMITTED: 1,
        Fate.SUBMITTED_BELOW_RANK: 1,
        Fate.DRAFT: 1,
    }


def _previous_buyer_fates() -> dict[Fate, int]:
    return {
        Fate.CONFIRMED: 35,
        Fate.WAITING_CONFIRMED: 15,
        Fate.WAITING_WITHDRAWN: 9,
        Fate.REJECTED_CONTRACT: 2,
        Fate.REJECTED_RANK: 1,
    }


def _current_provider_fates() -> dict[Fate, int]:
    return {
        Fate.CONFIRMED: 110,
        Fate.QUALIFIED: 140,
        Fate.WAITING: 36,
        Fate.SUBMITTED: 10,
        Fate.DRAFT: 4,
    }


def _previous_provider_fates() -> dict[Fate, int]:
    return {
        Fate.CONFIRMED: 175,
        Fate.WAITING_CONFIRMED: 20,
        Fate.WAITING_WITHDRAWN: 10,
        Fate.QUALIFIED_WITHDRAWN: 15,
    }


def _exhibitor_fates() -> dict[Fate, int]:
    return {Fate.QUALIFIED: 5, Fate.CONFIRMED: 5, Fate.SUBMITTED: 2}


@dataclass(frozen=True)
class DemoSize:
    """How many of each the demo holds; the defaults are the reference event."""

    current_buyers: dict[str, int] = field(default_factory=_current_buyers)
    previous_only_buyers: dict[str, int] = field(default_factory=_previous_only_buyers)
    returning_buyers: int = 36
    current_buyer_fates: dict[Fate, int] = field(default_factory=_current_buyer_fates)
    previous_buyer_fates: dict[Fate, int] = field(default_factory=_previous_buyer_fates)
    exhibiting_buyers: int = 8
    providers: int = 300
    current_provider_fates: dict[Fate, int] = field(default_factory=_current_provider_fates)
    previous_providers: int = 220
    previous_provider_fates: dict[Fate, int] = field(default_factory=_previous_provider_fates)
    exhibiting_providers: int = 20
    exhibitors_only: int = 12
    exhibitor_fates: dict[Fate, int] = field(default_factory=_exhibitor_fates)

    def check(self) -> None:
        """Raise ``ValueError`` when the counts do not add up."""
        pairs = [
            ("current_buyer_fates", self.current_buyer_fates, sum(self.current_buyers.values())),
            (
                "previous_buyer_fates",
                self.previous_buyer_fates,
                self.returning_buyers + sum(self.previous_only_buyers.values()),
            ),
            ("current_provider_fates", self.current_provider_fates, self.providers),
            ("previous_provider_fates", self.previous_provider_fates, self.previous_providers),
            ("exhibitor_fates", self.exhibitor_fates, self.exhibitors_only),
        ]
        for name, fates, expected in pairs:
            if sum(fates.values()) != expected:
                raise ValueError(f"{name} adds up to {sum(fates.values())}, not {expected}")
        if self.current_buyer_fates.get(Fate.QUALIFIED, 0) < len(self.current_buyers):
            raise ValueError("every country needs at least one qualified buyer")


def _expand(counts: dict[Fate, int]) -> list[Fate]:
    return [fate for fate, count in counts.items() for _ in range(count)]


def _first(
    participations: Iterable[tuple[EnterprisePlan, Fate, bool]], *, fate: Fate
) -> EnterprisePlan:
    return next(e for e, f, exhibits in participations if f == fate and not exhibits)


def _buyer_fates(
    rng: random.Random, buyers: list[EnterprisePlan], counts: dict[Fate, int]
) -> list[Fate]:
    """Fates of the current buyers: each country has a qualified one, the rest at random."""
    pool = _expand(counts)
    fates: list[Fate | None] = [None] * len(buyers)
    seen: list[str] = []
    for index, buyer in enumerate(buyers):
        if buyer.country not in seen:
            seen.append(buyer.country)
            fates[index] = Fate.QUALIFIED
            pool.remove(Fate.QUALIFIED)
    rng.shuffle(pool)
    return [fate if fate is not None else pool.pop() for fate in fates]


def build_plan(*, seed: int, size: DemoSize | None = None) -> DemoPlan:
    """Plan the two editions of the reference conference from ``seed``."""
    size = size or DemoSize()
    size.check()
    rng = random.Random(seed)
    used: set[str] = set()
    previous_clock = Clock(rng=rng, spec=PREVIOUS)
    current_clock = Clock(rng=rng, spec=CURRENT)

    buyers = [
        plan_buyer_enterprise(rng=rng, country=country, used_names=used)
        for country, count in size.current_buyers.items()
        for _ in range(count)
    ]
    former_buyers = [
        plan_buyer_enterprise(rng=rng, country=country, used_names=used)
        for country, count in size.previous_only_buyers.items()
        for _ in range(count)
    ]
    providers = [plan_provider_enterprise(rng=rng, used_names=used) for _ in range(size.providers)]
    exhibitors = [
        plan_provider_enterprise(rng=rng, used_names=used) for _ in range(size.exhibitors_only)
    ]

    # Current edition.
    buyer_fates = _buyer_fates(rng, buyers, size.current_buyer_fates)
    showcase_buyer = buyers[0]  # the first US buyer, qualified by construction
    admitted = [b for b, f in zip(buyers, buyer_fates, strict=True) if f in QUALIFIED_FATES]
    exhibiting = {
        b.key
        for b in rng.sample(
            [b for b in admitted if b is not showcase_buyer], size.exhibiting_buyers
        )
    }
    provider_fates = _expand(size.current_provider_fates)
    rng.shuffle(provider_fates)
    admitted_providers = [
        p for p, f in zip(providers, provider_fates, strict=True) if f in QUALIFIED_FATES
    ]
    exhibiting |= {p.key for p in rng.sample(admitted_providers, size.exhibiting_providers)}
    exhibitor_fates = _expand(size.exhibitor_fates)
    rng.shuffle(exhibitor_fates)
    current: list[tuple[EnterprisePlan, Fate, bool]] = [
        (b, f, b.key in exhibiting) for b, f in zip(buyers, buyer_fates, strict=True)
    ]
    current += [(p, f, p.key in exhibiting) for p, f in zip(providers, provider_fates, strict=True)]

    # Previous edition: some of today's buyers came before, and most of today's providers.
    returning = rng.sample(buyers, size.returning_buyers)
    previous_buyers = [*returning, *former_buyers]
    previous_buyer_fates = _expand(size.previous_buyer_fates)
    rng.shuffle(previous_buyer_fates)
    previous_providers = rng.sample(providers, size.previous_providers)
    previous_provider_fates = _expand(size.previous_provider_fates)
    rng.shuffle(previous_provider_fates)

    participations: list[ParticipationPlan] = []
    for buyer, fate in zip(previous_buyers, previous_buyer_fates, strict=True):
        participations.append(
            plan_buyer_participation(
                rng=rng, enterprise=buyer, fate=fate, spec=PREVIOUS, clock=previous_clock
            )
        )
    for provider, fate in zip(previous_providers, previous_provider_fates, strict=True):
        participations.append(
            plan_provider_participation(
                rng=rng, enterprise=provider, fate=fate, spec=PREVIOUS, clock=previous_clock
            )
        )
    for enterprise, fate, exhibits in current:
        plan_participation = (
            plan_buyer_participation if enterprise.kind == "buyer" else plan_provider_participation
        )
        participations.append(
            plan_participation(
                rng=rng,
                enterprise=enterprise,
                fate=fate,
                spec=CURRENT,
                clock=current_clock,
                is_exhibitor=exhibits,
            )
        )
    for exhibitor, fate in zip(exhibitors, exhibitor_fates, strict=True):
        participations.append(
            plan_provider_participation(
                rng=rng,
                enterprise=exhibitor,
                fate=fate,
                spec=CURRENT,
                clock=current_clock,
                is_negotiator=False,
                is_exhibitor=True,
            )
        )

    exhibitor_rows = [(e, f, False) for e, f in zip(exhibitors, exhibitor_fates, strict=True)]
    return DemoPlan(
        seed=seed,
        enterprises=tuple([*buyers, *former_buyers, *providers, *exhibitors]),
        participations=tuple(participations),
        login_enterprises={
            "buyer": showcase_buyer.key,
            "provider": _first(current[len(buyers) :], fate=Fate.QUALIFIED).key,
            "exhibitor": _first(exhibitor_rows, fate=Fate.QUALIFIED).key,
        },
    )
