"""A seeded synthetic edition with planted true partners, to measure recommendation quality.

Every demand gets one planted partner: a provider offering the same service with the same
specialty, the cooperation kind asked for, enough capacity and a shared language, whose
description is written independently (another paraphrase, usually another language).
Every other provider is drawn at random, so many share the planted partner's field and
service: finding the partner takes the text, not the field alone.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

from benchmarks._matching_data.previous import phrases_held_out as synthetic_heldout
from benchmarks._matching_data.previous.phrases import (
    BACKGROUND,
    CAPABILITY_FRAMES,
    CERTIFICATIONS,
    CITIES,
    CITIES_EN,
    DEMAND_FRAMES,
    SERVICES,
    SPECIALTIES,
    Pool,
)
from fairmatch.matching.engine.model import Buyer, Demand, Edition, Provider

# Language a buyer writes in, with the countries that write it (and their weights).
BUYER_LANGUAGES = {"en": 0.45, "ja": 0.2, "ko": 0.15, "zh": 0.2}
BUYER_COUNTRIES = {
    "en": ("US", "GB", "DE", "AU", "CA", "FR", "IN"),
    "ja": ("JP",),
    "ko": ("KR",),
    "zh": ("SG", "HK", "MY"),
}
PROVIDER_ENGLISH_SHARE = 0.2  # share of providers describing themselves in English
KINDS = ("outsourcing", "investment", "overseas_markets")
KIND_WEIGHTS = (0.75, 0.12, 0.13)
PHRASINGS = ("development", "held_out")


@dataclass(frozen=True, slots=True)
class _Pools:
    services: dict[str, Pool]
    specialties: dict[str, dict[str, Pool]]


def _pools(phrasings: str) -> _Pools:
    if phrasings == "held_out":
        return _Pools(synthetic_heldout.SERVICES, synthetic_heldout.SPECIALTIES)
    if phrasings != "development":
        raise ValueError(f"phrasings: must be one of {', '.join(PHRASINGS)}, not {phrasings!r}")
    return _Pools({code: pools for code, (_field, pools) in SERVICES.items()}, SPECIALTIES)


@dataclass(frozen=True, slots=True)
class PlantedPair:
    """A true partner: the buyer's demand and the provider planted for it."""

    buyer: int
    demand: int
    provider: int
    cross_lingual: bool


@dataclass(frozen=True, slots=True)
class SyntheticEdition:
    edition: Edition
    planted: tuple[PlantedPair, ...]
    # Service code of each demand (by buyer) and of each provider: the structured codes.
    demand_services: tuple[tuple[str, ...], ...]
    provider_services: tuple[str, ...]


def _pick(rng: random.Random, options: tuple[str, ...], avoid: str = "") -> str:
    choices = [option for option in options if option != avoid] or list(options)
    return rng.choice(choices)


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return round(math.exp(rng.uniform(math.log(low), math.log(high))), -4)


@dataclass
class _Offer:
    """What a provider offers, before it is written down."""

    field: str
    service: str
    specialty: str
    language: str
    kinds: frozenset[str]
    capacity: float
    languages: frozenset[str]
    certifications: frozenset[str]


def _random_offer(rng: random.Random) -> _Offer:
    service = rng.choice(sorted(SERVICES))
    field = SERVICES[service][0]
    languages = {"zh"}
    if rng.random() < 0.6:
        languages.add("en")
    if rng.random() < 0.2:
        languages.add("ja")
    if rng.random() < 0.1:
        languages.add("ko")
    kinds = {"outsourcing"} if rng.random() < 0.8 else {rng.choice(KINDS)}
    if rng.random() < 0.2:
        kinds.add(rng.choice(KINDS))
    return _Offer(
        field=field,
        service=service,
        specialty=rng.choice(sorted(SPECIALTIES[field])),
        language="en" if rng.random() < PROVIDER_ENGLISH_SHARE else "zh",
        kinds=frozenset(kinds),
        capacity=_log_uniform(rng, 1e6, 5e7),
        languages=frozenset(languages),
        certifications=frozenset(rng.sample(CERTIFICATIONS[field], rng.randint(0, 2))),
    )


def _describe(
    rng: random.Random,
    *,
    offer: _Offer,
    pools: _Pools,
    avoid: tuple[str, str] = ("", ""),
) -> str:
    language = offer.language
    service = _pick(rng, pools.services[offer.service][language], avoid[0])
    specialty = _pick(rng, pools.specialties[offer.field][offer.specialty][language], avoid[1])
    background = rng.choice(BACKGROUND[language]).format(
        year=rng.randint(1995, 2020), city=rng.choice(CITIES if language == "zh" else CITIES_EN)
    )
    frame = rng.choice(CAPABILITY_FRAMES[language])
    return background + frame.format(s=service, t=specialty, n=rng.randint(20, 800))


def generate(
    *,
    participants: int = 2000,
    buyer_share: float = 0.2,
    seed: int = 1,
    phrasings: str = "development",
) -> SyntheticEdition:
    """A seeded edition of ``participants`` (buyers and providers) with planted partners.

    ``phrasings="held_out"`` words the demands with the pools of ``synthetic_heldout``
    (providers keep theirs, so no pair shares a phrase).
    """
    pools = _pools(phrasings)
    provider_pools = _pools("development")
    rng = random.Random(seed)
    # Wording draws come from their own generators, so the participants and planted pairs do
    # not depend on the phrasings.
    demand_wording = random.Random(seed * 7919 + 1)
    provider_wording = random.Random(seed * 7919 + 2)
    n_buyers = max(1, round(participants * buyer_share))
    n_providers = participants - n_buyers
    offers = [_random_offer(rng) for _ in range(n_providers)]
    free = list(range(n_providers))
    rng.shuffle(free)
    buyers: list[Buyer] = []
    demand_services: list[tuple[str, ...]] = []
    planted: list[PlantedPair] = []
    provider_avoid: dict[int, tuple[str, str]] = {}
    for b in range(n_buyers):
        language = rng.choices(list(BUYER_LANGUAGES), list(BUYER_LANGUAGES.values()))[0]
        spoken = {language} | ({"en"} if rng.random() < 0.7 else set())
        demands: list[Demand] = []
        services: list[str] = []
        asked: set[str] = set()
        for d in range(rng.choices((1, 2, 3), (4, 4, 2))[0]):
            service = rng.choice(sorted(SERVICES))
            field = SERVICES[service][0]
            specialty = rng.choice(sorted(SPECIALTIES[field]))
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            value = _log_uniform(rng, 1e6, 3e7)
            service_text = demand_wording.choice(pools.services[service][language])
            specialty_text = demand_wording.choice(pools.specialties[field][specialty][language])
            frame = demand_wording.choice(DEMAND_FRAMES[language])
            text = frame.format(s=service_text, t=specialty_text, y=demand_wording.randint(2, 5))
            demands.append(
                Demand(field=field, kind=kind, value_usd=value, text=text, language=language)
            )
            services.append(service)
            if rng.random() < 0.2:
                asked.add(rng.choice(CERTIFICATIONS[field]))
            if not free:
                continue
            partner = free.pop()
            offer = offers[partner]
            offer.field, offer.service, offer.specialty = field, service, specialty
            offer.kinds = offer.kinds | {kind}
            offer.capacity = max(offer.capacity, round(value * rng.uniform(1.0, 3.0), -4))
            offer.languages = offer.languages | {rng.choice(sorted(spoken))}
            offer.certifications = offer.certifications | (asked & set(CERTIFICATIONS[field]))
            if offer.language == language:
                # Same language: the partner must not reuse the demand's phrasing.
                provider_avoid[partner] = (service_text, specialty_text)
            planted.append(PlantedPair(b, d, partner, cross_lingual=offer.language != language))
        buyers.append(
            Buyer(
                id=f"B{b:04d}",
                country=rng.choice(BUYER_COUNTRIES[language]),
                languages=frozenset(spoken),
                fields=frozenset(d.field for d in demands),
                demands=tuple(demands),
                certifications_asked=frozenset(asked),
            )
        )
        demand_services.append(tuple(services))
    providers = []
    for p, offer in enumerate(offers):
        providers.append(
            Provider(
                id=f"P{p:04d}",
                country="CN",
                languages=offer.languages,
                fields=frozenset({offer.field}),
                capacity_usd=offer.capacity,
                certifications=offer.certifications,
                text=_describe(
                    provider_wording,
                    offer=offer,
                    pools=provider_pools,
                    avoid=provider_avoid.get(p, ("", "")),
                ),
                language=offer.language,
                kinds=offer.kinds,
                slots=12,
                quota=15,
            )
        )
    return SyntheticEdition(
        edition=Edition(buyers=tuple(buyers), providers=tuple(providers)),
        planted=tuple(planted),
        demand_services=tuple(demand_services),
        provider_services=tuple(offer.service for offer in offers),
    )


def with_service_codes(synthetic: SyntheticEdition) -> Edition:
    """The same edition with each side's structured service code filled in, as if picked on
    a form (for the ``services`` method)."""
    buyers = tuple(
        replace(
            buyer,
            demands=tuple(
                replace(demand, services=frozenset({code}))
                for demand, code in zip(buyer.demands, codes, strict=True)
            ),
        )
        for buyer, codes in zip(synthetic.edition.buyers, synthetic.demand_services, strict=True)
    )
    providers = tuple(
        replace(provider, services=frozenset({code}))
        for provider, code in zip(
            synthetic.edition.providers, synthetic.provider_services, strict=True
        )
    )
    return replace(synthetic.edition, buyers=buyers, providers=providers)
