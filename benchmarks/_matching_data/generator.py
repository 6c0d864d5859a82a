"""A seeded edition with planted true partners, to measure recommendation quality.

Buyers write English, Japanese, Korean, German, French or Spanish, each demand in one of
three registers (terse, marketing, technical); providers write Chinese (80 %) or English.
Every demand gets one planted partner: a provider offering the same service for the same
market, the cooperation kind asked for, enough capacity and a shared working language,
described in its own words. About 40 other providers offer the same service for the same
market, so the partner is told apart by kind, capacity, language and certifications too:
recall@10 has a ceiling below 1.

``wording="held_out"`` words the demands with :mod:`wording_held_out` instead; everything
else (participants, planted pairs, providers' texts) stays the same.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from types import ModuleType

from benchmarks._matching_data import wording, wording_held_out
from fairmatch.matching.engine.model import Buyer, Demand, Edition, Provider

WORDINGS = ("development", "held_out")
BUYER_LANGUAGE_SHARES = {"en": 0.30, "ja": 0.15, "ko": 0.15, "de": 0.14, "fr": 0.13, "es": 0.13}
BUYER_COUNTRIES = {
    "en": ("US", "CA", "IN", "GB", "AU"),
    "ja": ("JP",),
    "ko": ("KR",),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CA"),
    "es": ("ES",),
}
PROVIDER_ENGLISH_SHARE = 0.2
# An English-writing buyer's partner writes English this often, so enough same-language
# pairs exist to compare with.
ENGLISH_PARTNER_OF_ENGLISH_BUYER = 0.5
KINDS = ("outsourcing", "investment", "overseas_markets")
KIND_WEIGHTS = (0.75, 0.12, 0.13)


@dataclass(frozen=True, slots=True)
class PlantedPair:
    """A true partner: the buyer's demand and the provider planted for it."""

    buyer: int
    demand: int
    provider: int
    buyer_language: str
    provider_language: str
    register: str

    @property
    def cross_lingual(self) -> bool:
        return self.buyer_language != self.provider_language


@dataclass(frozen=True, slots=True)
class GeneratedEdition:
    edition: Edition
    planted: tuple[PlantedPair, ...]
    # The true (service, market) of every demand (buyer, then demand order) and provider:
    # what a perfect reading of the texts would find.
    demand_topics: tuple[tuple[str, str], ...]
    provider_topics: tuple[tuple[str, str], ...]


@dataclass
class _Offer:
    """What a provider offers, before it is written down."""

    service: str
    market: str
    language: str
    kinds: frozenset[str]
    capacity: float
    languages: frozenset[str]
    certifications: frozenset[str]

    @property
    def field(self) -> str:
        return wording.FIELDS[self.service]


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return round(math.exp(rng.uniform(math.log(low), math.log(high))), -4)


def _random_offer(rng: random.Random) -> _Offer:
    service = rng.choice(sorted(wording.FIELDS))
    field = wording.FIELDS[service]
    languages = {"zh"}
    for language, share in (("en", 0.6), ("ja", 0.2), ("ko", 0.1), ("de", 0.05), ("fr", 0.05)):
        if rng.random() < share:
            languages.add(language)
    kinds = {"outsourcing"} if rng.random() < 0.8 else {rng.choice(KINDS)}
    if rng.random() < 0.2:
        kinds.add(rng.choice(KINDS))
    return _Offer(
        service=service,
        market=rng.choice(wording.MARKETS[field]),
        language="en" if rng.random() < PROVIDER_ENGLISH_SHARE else "zh",
        kinds=frozenset(kinds),
        capacity=_log_uniform(rng, 1e6, 5e7),
        languages=frozenset(languages),
        certifications=frozenset(rng.sample(wording.CERTIFICATIONS[field], rng.randint(0, 2))),
    )


def _describe(rng: random.Random, offer: _Offer) -> str:
    language = offer.language
    background = rng.choice(wording.PROVIDER_BACKGROUNDS[language]).format(
        year=rng.randint(1995, 2020),
        city=rng.choice(wording.CITIES[language]),
        n=rng.randint(20, 900),
    )
    frame = rng.choice(wording.PROVIDER_FRAMES[language])
    return background + frame.format(
        s=rng.choice(wording.PROVIDER_SERVICES[offer.service][language]),
        t=rng.choice(wording.PROVIDER_MARKETS[offer.market][language]),
        n=rng.randint(10, 500),
    )


def _demand_text(
    rng: random.Random,
    pools: ModuleType,
    *,
    service: str,
    market: str,
    language: str,
    register: str,
) -> str:
    frame = rng.choice(pools.DEMAND_FRAMES[register][language])
    return frame.format(
        s=rng.choice(pools.DEMAND_SERVICES[service][language]),
        t=rng.choice(pools.DEMAND_MARKETS[market][language]),
        d=rng.choice(pools.DEMAND_DETAILS[wording.FIELDS[service]][language]),
        y=rng.randint(2, 5),
    )


def generate(
    *,
    participants: int = 2000,
    buyer_share: float = 0.2,
    seed: int = 1,
    wording_set: str = "development",
) -> GeneratedEdition:
    """A seeded edition of ``participants`` (buyers and providers) with planted partners."""
    if wording_set not in WORDINGS:
        raise ValueError(f"wording: must be one of {', '.join(WORDINGS)}, not {wording_set!r}")
    pools = wording if wording_set == "development" else wording_held_out
    rng = random.Random(seed)
    # Wording draws have generators of their own, so participants and planted pairs do not
    # depend on the wording set.
    demand_words = random.Random(seed * 7919 + 1)
    provider_words = random.Random(seed * 7919 + 2)
    n_buyers = max(1, round(participants * buyer_share))
    offers = [_random_offer(rng) for _ in range(participants - n_buyers)]
    free = list(range(len(offers)))
    rng.shuffle(free)
    languages = list(BUYER_LANGUAGE_SHARES)
    buyers: list[Buyer] = []
    planted: list[PlantedPair] = []
    topics: list[tuple[str, str]] = []
    for b in range(n_buyers):
        language = rng.choices(languages, list(BUYER_LANGUAGE_SHARES.values()))[0]
        spoken = {language} | ({"en"} if rng.random() < 0.7 else set())
        demands: list[Demand] = []
        asked: set[str] = set()
        for d in range(rng.choices((1, 2, 3), (4, 4, 2))[0]):
            service = rng.choice(sorted(wording.FIELDS))
            field = wording.FIELDS[service]
            market = rng.choice(wording.MARKETS[field])
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            value = _log_uniform(rng, 1e6, 3e7)
            register = rng.choice(wording.REGISTERS)
            text = _demand_text(
                demand_words,
                pools,
                service=service,
                market=market,
                language=language,
                register=register,
            )
            demands.append(
                Demand(field=field, kind=kind, value_usd=value, text=text, language=language)
            )
            topics.append((service, market))
            if rng.random() < 0.2:
                asked.add(rng.choice(wording.CERTIFICATIONS[field]))
            if not free:
                continue
            partner = free.pop()
            offer = offers[partner]
            offer.service, offer.market = service, market
            offer.kinds = offer.kinds | {kind}
            offer.capacity = max(offer.capacity, round(value * rng.uniform(1.0, 3.0), -4))
            offer.languages = offer.languages | {rng.choice(sorted(spoken))}
            offer.certifications = offer.certifications | (
                asked & set(wording.CERTIFICATIONS[field])
            )
            english = (
                ENGLISH_PARTNER_OF_ENGLISH_BUYER if language == "en" else PROVIDER_ENGLISH_SHARE
            )
            offer.language = "en" if rng.random() < english else "zh"
            planted.append(PlantedPair(b, d, partner, language, offer.language, register))
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
    providers = tuple(
        Provider(
            id=f"P{p:04d}",
            country="CN",
            languages=offer.languages,
            fields=frozenset({offer.field}),
            capacity_usd=offer.capacity,
            certifications=offer.certifications,
            text=_describe(provider_words, offer),
            language=offer.language,
            kinds=offer.kinds,
            slots=12,
            quota=15,
        )
        for p, offer in enumerate(offers)
    )
    return GeneratedEdition(
        edition=Edition(buyers=tuple(buyers), providers=providers),
        planted=tuple(planted),
        demand_topics=tuple(topics),
        provider_topics=tuple((offer.service, offer.market) for offer in offers),
    )
