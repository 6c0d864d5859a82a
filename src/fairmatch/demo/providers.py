"""Planning domestic (Chinese) provider enterprises and their applications."""

import random
from decimal import Decimal

from fairmatch.demo.buyers import FIELD_CODES, FIELD_WEIGHTS
from fairmatch.demo.catalogue import EditionSpec
from fairmatch.demo.names import (
    CHINESE_CITIES,
    CHINESE_CORES,
    CHINESE_FIELD_SUFFIXES,
    CHINESE_GIVEN_NAMES,
    CHINESE_SURNAMES,
)
from fairmatch.demo.plan import (
    CapabilityPlan,
    DelegatePlan,
    EnterprisePlan,
    ParticipationPlan,
    domain_for,
)
from fairmatch.demo.texts import (
    CAPABILITIES,
    PROVIDER_CERTIFICATIONS,
    PROVIDER_CERTIFIED,
    PROVIDER_CLIENTS,
    PROVIDER_FOCUS,
    PROVIDER_PROFILE,
    REFERENCES,
    TITLES_ZH,
)
from fairmatch.demo.timeline import Clock, Fate, expectation, plan_steps

LEGAL_FORM = ("有限公司", "Co., Ltd.")
PROVIDER_RANKS = ("manager", "outsourcing_manager", "director", "vice_president", "chief_executive")
PROVIDER_RANK_WEIGHTS = (3, 4, 3, 2, 1)


def _chinese_person(rng: random.Random) -> tuple[str, str]:
    """(Chinese name, pinyin mailbox name) of a made-up person."""
    surname, surname_pinyin = rng.choice(CHINESE_SURNAMES)
    given, given_pinyin = rng.choice(CHINESE_GIVEN_NAMES)
    return f"{surname}{given}", f"{given_pinyin}.{surname_pinyin}".lower()


def plan_provider_enterprise(*, rng: random.Random, used_names: set[str]) -> EnterprisePlan:
    """A made-up Chinese service provider with a Chinese name, English name and description."""
    while True:
        primary = rng.choices(FIELD_CODES, weights=FIELD_WEIGHTS)[0]
        city, city_pinyin = rng.choice(CHINESE_CITIES)
        core, core_pinyin = rng.choice(CHINESE_CORES)
        suffix, suffix_en = rng.choice(CHINESE_FIELD_SUFFIXES[primary])
        name_original = f"{city}{core}{suffix}{LEGAL_FORM[0]}"
        name_en = f"{city_pinyin} {core_pinyin} {suffix_en} {LEGAL_FORM[1]}"
        domain = domain_for(name_en, LEGAL_FORM[1])
        if domain not in used_names:
            used_names.add(domain)
            break
    fields: tuple[str, ...] = (primary,)
    if rng.random() < 0.2:
        fields += (rng.choice([code for code in FIELD_CODES if code != primary]),)
    certifications = tuple(sorted(rng.sample(PROVIDER_CERTIFICATIONS[primary], rng.randint(0, 2))))
    description = PROVIDER_PROFILE.format(
        name=name_original,
        year=rng.randint(1995, 2020),
        city=city,
        staff=rng.choice((45, 80, 120, 260, 450, 800, 1500, 3200)),
        focus=rng.choice(PROVIDER_FOCUS[primary]),
        clients=rng.choice(PROVIDER_CLIENTS),
    )
    if certifications:
        description += PROVIDER_CERTIFIED.format(certifications="、".join(certifications))
    languages: tuple[str, ...] = ("zh", "en")
    if rng.random() < 0.35:
        languages += (rng.choice(("ja", "ja", "ko")),)
    contact_name, mailbox = _chinese_person(rng)
    return EnterprisePlan(
        key=domain,
        name_original=name_original,
        name_en=name_en,
        country="CN",
        kind="provider",
        fields=fields,
        size=rng.choices(("small", "medium", "large", "very_large"), weights=(2, 5, 3, 1))[0],
        certifications=certifications,
        languages=languages,
        description=description,
        description_language="zh-hans",
        contact_name=contact_name,
        contact_email=f"{mailbox}@{domain}",
        user_language="zh-hans",
    )


def _delegates(*, rng: random.Random, enterprise: EnterprisePlan) -> tuple[DelegatePlan, ...]:
    delegates = []
    for _ in range(rng.randint(1, 2)):
        name, mailbox = _chinese_person(rng)
        rank = rng.choices(PROVIDER_RANKS, PROVIDER_RANK_WEIGHTS)[0]
        delegates.append(
            DelegatePlan(
                full_name=name,
                title=TITLES_ZH[rank],
                rank=rank,
                email=f"{mailbox}@{enterprise.key}",
            )
        )
    return tuple(delegates)


def _capabilities(*, rng: random.Random, enterprise: EnterprisePlan) -> tuple[CapabilityPlan, ...]:
    count = rng.randint(1, 2)
    fields = [enterprise.fields[index % len(enterprise.fields)] for index in range(count)]
    capacity = Decimal(rng.choice((1, 2, 3, 5, 8, 10, 15, 20, 30))) * 1_000_000
    capabilities: list[CapabilityPlan] = []
    for index, field in enumerate(fields):
        described = [c.description for c in capabilities]
        capabilities.append(
            CapabilityPlan(
                field=field,
                kind="outsourcing"
                if index == 0
                else rng.choices(("outsourcing", "investment", "overseas_markets"), (6, 1, 1))[0],
                capacity=capacity,
                references="；".join(rng.sample(REFERENCES[field], 2)),
                description=rng.choice([t for t in CAPABILITIES[field] if t not in described]),
            )
        )
    return tuple(capabilities)


def plan_provider_participation(
    *,
    rng: random.Random,
    enterprise: EnterprisePlan,
    fate: Fate,
    spec: EditionSpec,
    clock: Clock,
    is_negotiator: bool = True,
    is_exhibitor: bool = False,
) -> ParticipationPlan:
    """A domestic provider's application (negotiations and/or exhibition) to one edition."""
    created_at, steps = plan_steps(fate=fate, clock=clock, domestic=True)
    capabilities = (
        _capabilities(rng=rng, enterprise=enterprise)
        if is_negotiator and fate != Fate.DRAFT
        else ()
    )
    return ParticipationPlan(
        enterprise=enterprise.key,
        edition=spec.slug,
        is_negotiator=is_negotiator,
        is_exhibitor=is_exhibitor,
        created_at=created_at,
        steps=steps,
        expect=expectation(fate),
        delegates=_delegates(rng=rng, enterprise=enterprise),
        capabilities=capabilities,
    )
