"""Planning foreign buyer enterprises and their applications (demands, delegates)."""

import math
import random
from decimal import Decimal

from fairmatch.conference.money import to_usd
from fairmatch.demo.catalogue import MIN_CONTRACT_USD, EditionSpec
from fairmatch.demo.foreign_names import BUYER_FIELD_WORDS, COUNTRIES, buyer_name, person_name
from fairmatch.demo.plan import (
    DelegatePlan,
    DemandPlan,
    EnterprisePlan,
    Expect,
    ParticipationPlan,
    domain_for,
    email_local_part,
    nice_amount,
)
from fairmatch.demo.texts import BUYER_PROFILES, DEMANDS, TITLES_EN
from fairmatch.demo.timeline import Clock, Fate, expectation, plan_steps

FIELD_CODES = ("animation", "software", "applied_rd", "pharma_rd")
# Software dominates the reference event; pharmaceutical R&D is the smallest field.
FIELD_WEIGHTS = (3, 5, 3, 2)
KIND_CODES = ("outsourcing", "investment", "overseas_markets")
KIND_WEIGHTS = (7, 2, 2)
SENIOR_RANKS = ("outsourcing_manager", "director", "vice_president", "chief_executive")
SENIOR_WEIGHTS = (5, 4, 2, 1)
JUNIOR_RANKS = ("staff", "manager")

# Largest demand, in US dollars, of applications that pass and of those that fall short.
PASSING_USD = (Decimal("8400000"), Decimal("48000000"))
FAILING_USD = (Decimal("2500000"), Decimal("7200000"))


def _log_uniform(rng: random.Random, low: Decimal, high: Decimal) -> Decimal:
    ratio = math.log(float(high / low))
    return Decimal(round(float(low) * math.exp(rng.uniform(0, ratio))))


def plan_buyer_enterprise(
    *, rng: random.Random, country: str, used_names: set[str]
) -> EnterprisePlan:
    """A made-up foreign buyer of ``country`` with a name not yet in ``used_names``."""
    profile = COUNTRIES[country]
    while True:
        primary = rng.choices(FIELD_CODES, weights=FIELD_WEIGHTS)[0]
        core = rng.choice(profile.cores)
        word = rng.choice(BUYER_FIELD_WORDS[primary][profile.language])
        form = rng.choice(profile.legal_forms)
        name_original, name_en = buyer_name(profile=profile, core=core, word=word, form=form)
        domain = domain_for(name_en, form[1])
        if domain not in used_names:
            used_names.add(domain)
            break
    fields: tuple[str, ...] = (primary,)
    if rng.random() < 0.25:
        fields += (rng.choice([code for code in FIELD_CODES if code != primary]),)
    contact = person_name(
        profile=profile,
        given=rng.choice(profile.given_names),
        family=rng.choice(profile.family_names),
    )
    languages: tuple[str, ...] = (
        (profile.language,) if profile.language == "en" else (profile.language, "en")
    )
    description = BUYER_PROFILES[profile.language][primary].format(
        city=rng.choice(profile.cities), year=rng.randint(1968, 2016)
    )
    return EnterprisePlan(
        key=domain,
        name_original=name_original,
        name_en=name_en,
        country=country,
        kind="buyer",
        fields=fields,
        size=rng.choices(("medium", "large", "very_large"), weights=(2, 4, 3))[0],
        certifications=tuple(
            sorted(rng.sample(("ISO 9001", "ISO/IEC 27001", "ISO 14001"), rng.randint(0, 2)))
        ),
        languages=languages,
        description=description,
        description_language=profile.language,
        contact_name=contact,
        contact_email=f"{email_local_part(contact)}@{domain}",
        user_language="en",
    )


def _delegates(
    *, rng: random.Random, enterprise: EnterprisePlan, fate: Fate
) -> tuple[DelegatePlan, ...]:
    profile = COUNTRIES[enterprise.country]
    below_rank = expectation(fate) == Expect.FAIL_RANK
    lead_rank = (
        rng.choice(JUNIOR_RANKS) if below_rank else rng.choices(SENIOR_RANKS, SENIOR_WEIGHTS)[0]
    )
    ranks = [(lead_rank, True)]
    ranks += [(rng.choice(JUNIOR_RANKS), True) for _ in range(rng.randint(0, 2))]
    if below_rank and rng.random() < 0.5:
        # A senior colleague is named but does not travel: the rule looks at attendees only.
        ranks.append(("vice_president", False))
    names: list[str] = []
    while len(names) < len(ranks):
        name = person_name(
            profile=profile,
            given=rng.choice(profile.given_names),
            family=rng.choice(profile.family_names),
        )
        if name not in names:
            names.append(name)
    domain = enterprise.key
    return tuple(
        DelegatePlan(
            full_name=name,
            title=TITLES_EN[rank],
            rank=rank,
            email=f"{email_local_part(name)}@{domain}",
            is_attending=attending,
        )
        for name, (rank, attending) in zip(names, ranks, strict=True)
    )


def _demands(
    *, rng: random.Random, enterprise: EnterprisePlan, fate: Fate, spec: EditionSpec
) -> tuple[DemandPlan, ...]:
    profile = COUNTRIES[enterprise.country]
    language = enterprise.description_language
    currency = rng.choice(profile.currencies)
    rate = Decimal(1) if currency == "USD" else spec.usd_per_unit[currency]
    passes = expectation(fate) != Expect.FAIL_CONTRACT
    low, high = PASSING_USD if passes else FAILING_USD
    largest_usd = _log_uniform(rng, low, high)
    largest = nice_amount(usd=largest_usd, usd_per_unit=rate, up=passes)
    values = [largest]
    for _ in range(rng.choices((0, 1, 2), weights=(3, 4, 2))[0]):
        share = Decimal(rng.randint(15, 70)) / 100
        values.append(nice_amount(usd=largest_usd * share, usd_per_unit=rate, up=False))
    demands = []
    used: list[str] = []
    for index, value in enumerate(values):
        field = enterprise.fields[index % len(enterprise.fields)]
        texts = DEMANDS[language][field]
        options = [
            (kind, text)
            for kind in (("outsourcing",) if index == 0 else KIND_CODES)
            for text in texts[kind]
            if text not in used
        ]
        weights = [KIND_WEIGHTS[KIND_CODES.index(kind)] for kind, _text in options]
        kind, template = rng.choices(options, weights)[0]
        used.append(template)
        demands.append(
            DemandPlan(
                field=field,
                kind=kind,
                value=value,
                currency=currency,
                description=template.format(years=rng.randint(2, 5)),
                language=language,
            )
        )
    return tuple(demands)


def plan_buyer_participation(
    *,
    rng: random.Random,
    enterprise: EnterprisePlan,
    fate: Fate,
    spec: EditionSpec,
    clock: Clock,
    is_exhibitor: bool = False,
) -> ParticipationPlan:
    """A foreign buyer's application to one edition, with the fate it meets there."""
    created_at, steps = plan_steps(fate=fate, clock=clock, domestic=False)
    demands = (
        () if fate == Fate.DRAFT else _demands(rng=rng, enterprise=enterprise, fate=fate, spec=spec)
    )
    return ParticipationPlan(
        enterprise=enterprise.key,
        edition=spec.slug,
        is_negotiator=True,
        is_exhibitor=is_exhibitor,
        created_at=created_at,
        steps=steps,
        expect=expectation(fate),
        delegates=_delegates(rng=rng, enterprise=enterprise, fate=fate),
        demands=demands,
    )


def largest_demand_usd(*, participation: ParticipationPlan, spec: EditionSpec) -> Decimal:
    """The largest planned demand in US dollars at the edition's rates (for checks)."""
    values = [to_usd(d.value, d.currency, spec.usd_per_unit) for d in participation.demands]
    if None in values:
        raise ValueError("a planned demand is in a currency without a rate")
    return max((value for value in values if value is not None), default=Decimal(0))


def meets_contract_minimum(*, participation: ParticipationPlan, spec: EditionSpec) -> bool:
    """Whether the planned demands reach the reference USD 8 million (for checks)."""
    return largest_demand_usd(participation=participation, spec=spec) >= MIN_CONTRACT_USD
