"""The demo's exhibition: two halls with pavilions and a sponsor area, the exhibitors'
applications, a floor plan allocated by the booth engine and published, and negotiations
agreed at exhibitors' booths.

The reference event: more than 50 foreign firms took booths, a quarter of all exhibitors
and 70 % more than the edition before. Exhibitors are admitted participations (the same
count as the figures'), chosen by the seed among those admitted by the workflow, so that
the negotiation figures stay those of the reference event. Their applications are written
in bulk (they carry no workflow of their own: the participation does).
"""

import random
import time
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.test.utils import override_settings

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.demo.generator import QUIET_SETTINGS, without_mail
from fairmatch.enterprises.models import Participation, State
from fairmatch.exhibition.models import (
    Booth,
    BoothAssignment,
    ExhibitorApplication,
    Hall,
    SponsorTier,
    Zone,
)
from fairmatch.matching.models import MeetingRequest, RequestState

ADMITTED = (State.QUALIFIED, State.CONFIRMED)
FOREIGN_EXHIBITORS = 51  # "more than 50 foreign firms took booths"
PREVIOUS_FOREIGN_EXHIBITORS = 30  # 51 is 70 % more
DOMESTIC_EXHIBITORS = 153  # foreign exhibitors are a quarter of all
PREVIOUS_DOMESTIC_EXHIBITORS = 110
SPONSORS = (SponsorTier.GOLD, SponsorTier.GOLD, SponsorTier.SILVER, SponsorTier.SILVER)
AT_BOOTH_SHARE = 0.4  # exhibitors that accept negotiations at their booth
BOOTH_MEETINGS = 24  # accepted requests the two sides agree to hold at the booth
ALLOCATION_SECONDS = 8  # the demo's allocation; the plan is good long before that

# The floor: each hall has three blocks of two back-to-back rows of 3 m x 3 m booths,
# split by a cross aisle; the international hall's front holds four 6 m x 6 m islands.
BOOTH = 3
COLUMNS = 14  # booths per row on each side of the cross aisle
BLOCK_ROWS_Y = (8, 22, 36)  # the north edge of each block (two rows of 3 m each)
LEFT_X, RIGHT_X = 5, 5 + COLUMNS * BOOTH + 4
ISLANDS_X = (8, 30, 58, 80)
ISLANDS_Y = 48
HALLS = (
    # code, English name, Chinese name, width, depth
    ("H1", "Hall 1 (international)", "一号馆（国际）", 100, 60),
    ("H2", "Hall 2 (China)", "二号馆（中国）", 100, 50),
)
COUNTRY_PAVILIONS = (
    ("JP", "Japan pavilion", "日本馆"),
    ("KR", "Korea pavilion", "韩国馆"),
    ("US", "USA pavilion", "美国馆"),
    ("IN", "India pavilion", "印度馆"),
)
FIELD_PAVILION_NAMES = {"en": "%s pavilion", "zh": "%s展区"}


@dataclass(frozen=True)
class ExhibitionResult:
    exhibitors: int
    foreign: int
    previous_foreign: int
    booths: int
    taken: int
    release_number: int
    booth_meetings: int
    solver_status: str
    seconds: float


def build_exhibition(*, edition: Edition, organiser: User, seed: int) -> ExhibitionResult:
    """Choose the exhibitors of both editions, draw the floor, take the applications,
    allocate the booths, publish the plan, and agree some negotiations at booths."""
    started = time.perf_counter()
    rng = random.Random(seed * 7919 + 11)
    with override_settings(**QUIET_SETTINGS), without_mail(), transaction.atomic():
        if edition.previous is not None:
            _choose_exhibitors(
                edition.previous,
                foreign=PREVIOUS_FOREIGN_EXHIBITORS,
                domestic=PREVIOUS_DOMESTIC_EXHIBITORS,
                rng=rng,
            )
        exhibitors = _choose_exhibitors(
            edition, foreign=FOREIGN_EXHIBITORS, domestic=DOMESTIC_EXHIBITORS, rng=rng
        )
        booths = _floor(edition)
        applications = _applications(edition, exhibitors, rng=rng)
        status = _allocate(edition, applications, booths, seed=seed)
        from fairmatch.exhibition.domain.releases import publish

        release = publish(edition=edition, user=organiser, note="")
        booth_meetings = _agree_booth_meetings(edition, rng=rng)
    foreign = sum(1 for p in exhibitors if p.enterprise.country != edition.host_country)
    return ExhibitionResult(
        exhibitors=len(exhibitors),
        foreign=foreign,
        previous_foreign=PREVIOUS_FOREIGN_EXHIBITORS if edition.previous else 0,
        booths=len(booths),
        taken=release.entries.filter(participation__isnull=False).count(),
        release_number=release.number,
        booth_meetings=booth_meetings,
        solver_status=status,
        seconds=time.perf_counter() - started,
    )


def _choose_exhibitors(
    edition: Edition, *, foreign: int, domestic: int, rng: random.Random
) -> list[Participation]:
    """Admitted participations that exhibit: those that asked to, and as many more (chosen
    by the seed) as the reference counts need."""
    admitted = list(
        Participation.objects.filter(edition=edition, state__in=ADMITTED)
        .select_related("enterprise")
        .order_by("pk")
    )
    chosen = []
    for is_foreign, wanted in ((True, foreign), (False, domestic)):
        group = [
            p for p in admitted if (p.enterprise.country != edition.host_country) == is_foreign
        ]
        already = [p for p in group if p.is_exhibitor]
        others = [p for p in group if not p.is_exhibitor]
        more = rng.sample(others, max(0, min(wanted - len(already), len(others))))
        for participation in more:
            participation.is_exhibitor = True
        Participation.objects.bulk_update(more, ["is_exhibitor"])
        chosen += sorted(already + more, key=lambda p: p.pk)
    return chosen


def _floor(edition: Edition) -> list[Booth]:
    """Two halls, their pavilions and sponsor area, and their booths."""
    from fairmatch.conference.models import Field

    booths: list[Booth] = []
    fields = list(Field.objects.order_by("position"))
    for position, (code, name_en, name_zh, width, depth) in enumerate(HALLS):
        hall = Hall.objects.create(
            edition=edition,
            code=code,
            name_en=name_en,
            name_zh=name_zh,
            width=Decimal(width),
            depth=Decimal(depth),
            entrances=[[width / 2, 0]],
            position=position,
        )
        if code == "H1":
            zones = [
                Zone.objects.create(
                    hall=hall, kind=Zone.Kind.COUNTRY, country=country, name_en=en, name_zh=zh
                )
                for country, en, zh in COUNTRY_PAVILIONS
            ]
            sponsor = Zone.objects.create(
                hall=hall, kind=Zone.Kind.SPONSOR, name_en="Sponsors' area", name_zh="赞助商展区"
            )
            booths += [
                Booth(
                    hall=hall,
                    code=f"S{n + 1}",
                    x=Decimal(x),
                    y=Decimal(ISLANDS_Y),
                    width=Decimal(6),
                    depth=Decimal(6),
                    kind="space",
                    open_sides="island",
                    price_band="premium",
                    zone=sponsor,
                )
                for n, x in enumerate(ISLANDS_X)
            ]
        else:
            zones = [
                Zone.objects.create(
                    hall=hall,
                    kind=Zone.Kind.FIELD,
                    field=field,
                    name_en=FIELD_PAVILION_NAMES["en"] % field.name_en,
                    name_zh=FIELD_PAVILION_NAMES["zh"] % field.name_zh,
                )
                for field in fields
            ]
        # Half-blocks in order: block 1 left, block 1 right, block 2 left, ...; the first
        # ones are the pavilions, the rest open to all.
        half_blocks = [(y, x) for y in BLOCK_ROWS_Y for x in (LEFT_X, RIGHT_X)]
        for index, (block_y, block_x) in enumerate(half_blocks):
            zone = zones[index] if index < len(zones) else None
            letter = "ABCDEF"[index]
            for row in range(2):
                for column in range(COLUMNS):
                    end = column in (0, COLUMNS - 1)
                    booths.append(
                        Booth(
                            hall=hall,
                            code=f"{letter}{row * COLUMNS + column + 1:02d}",
                            x=Decimal(block_x + column * BOOTH),
                            y=Decimal(block_y + row * BOOTH),
                            width=Decimal(BOOTH),
                            depth=Decimal(BOOTH),
                            open_sides="corner" if end else "row",
                            price_band="corner" if end else "standard",
                            zone=zone,
                        )
                    )
    return Booth.objects.bulk_create(booths)


def _applications(
    edition: Edition, exhibitors: list[Participation], *, rng: random.Random
) -> list[ExhibitorApplication]:
    """Each exhibitor's application: its fields, what it shows, where it would like to be."""
    pavilions = {
        zone.country.code if zone.country else zone.field.code: zone
        for zone in Zone.objects.filter(hall__edition=edition).select_related("field")
        if zone.kind in (Zone.Kind.COUNTRY, Zone.Kind.FIELD)
    }
    participations = Participation.objects.filter(
        pk__in=[p.pk for p in exhibitors]
    ).prefetch_related("enterprise__fields", "capabilities", "demands")
    sponsors = set(rng.sample([p.pk for p in exhibitors], len(SPONSORS)))
    tiers = dict(zip(sorted(sponsors), SPONSORS, strict=True))
    applications, fields_of = [], []
    for participation in participations.order_by("pk"):
        enterprise = participation.enterprise
        offers = [c.description for c in participation.capabilities.all()]
        offers += [d.description for d in participation.demands.all()]
        products = (offers[0] if offers else enterprise.description) or enterprise.name_en
        codes = [f.code for f in enterprise.fields.all()]
        is_sponsor = participation.pk in tiers
        preferred = None
        if not is_sponsor:
            preferred = pavilions.get(enterprise.country.code) or next(
                (pavilions[code] for code in codes if code in pavilions), None
            )
        applications.append(
            ExhibitorApplication(
                participation=participation,
                min_area=Decimal(36 if is_sponsor else 9),
                max_area=Decimal(36 if is_sponsor else 9),
                booth_kind="space" if is_sponsor else "shell",
                preferred_zone=preferred,
                products=products[:3000],
                products_language=enterprise.description_language or "en",
                meetings_at_booth=participation.is_negotiator and rng.random() < AT_BOOTH_SHARE,
                sponsor_tier=tiers.get(participation.pk, SponsorTier.NONE),
            )
        )
        fields_of.append([f.pk for f in enterprise.fields.all()])
    created = ExhibitorApplication.objects.bulk_create(applications)
    through = ExhibitorApplication.fields.through
    through.objects.bulk_create(
        through(exhibitorapplication_id=application.pk, field_id=field_id)
        for application, field_ids in zip(created, fields_of, strict=True)
        for field_id in field_ids
    )
    return created


def _allocate(
    edition: Edition,
    applications: list[ExhibitorApplication],
    booths: list[Booth],
    *,
    seed: int,
) -> str:
    """The booth engine's allocation, written as the working plan; returns its status."""
    from fairmatch.exhibition import engine

    halls = {h.pk: h for h in Hall.objects.filter(edition=edition)}
    zones = list(Zone.objects.filter(hall__edition=edition).select_related("field"))
    tiers = {"": 0, "bronze": 1, "silver": 2, "gold": 3}
    problem = engine.Problem(
        halls=tuple(
            engine.HallSpec(
                key=str(h.pk),
                rect=engine.Rect(0, 0, float(h.width), float(h.depth)),
                entrances=tuple((float(x), float(y)) for x, y in h.entrances),
            )
            for h in halls.values()
        ),
        zones=tuple(
            engine.ZoneSpec(
                key=str(z.pk),
                hall=str(z.hall_id),
                kind=z.kind,
                field=z.field.code if z.field else None,
                country=z.country.code or None,
            )
            for z in zones
        ),
        booths=tuple(
            engine.BoothSpec(
                key=str(b.pk),
                hall=str(b.hall_id),
                rect=engine.Rect(float(b.x), float(b.y), float(b.width), float(b.depth)),
                kind=b.kind,
                zone=str(b.zone_id) if b.zone_id else None,
            )
            for b in booths
        ),
        exhibitors=tuple(
            engine.ExhibitorSpec(
                key=str(a.pk),
                country=a.participation.enterprise.country.code,
                fields=tuple(sorted(f.code for f in a.participation.enterprise.fields.all())),
                min_area=float(a.min_area),
                max_area=float(a.max_area),
                kind=a.booth_kind,
                preferred_zone=str(a.preferred_zone_id) if a.preferred_zone_id else None,
                sponsor_tier=tiers[a.sponsor_tier],
            )
            for a in applications
        ),
    )
    allocation = engine.allocate(problem, time_limit=ALLOCATION_SECONDS, workers=2, seed=seed)
    BoothAssignment.objects.bulk_create(
        BoothAssignment(booth_id=int(booth), application_id=int(application))
        for application, booth in sorted(allocation.assignments.items(), key=lambda p: int(p[0]))
    )
    return str(allocation.status)


def _agree_booth_meetings(edition: Edition, *, rng: random.Random) -> int:
    """Some accepted requests with an exhibitor that takes meetings at its booth: the two
    sides agreed to meet there (the request says so)."""
    at_booth = set(
        ExhibitorApplication.objects.filter(
            participation__edition=edition,
            meetings_at_booth=True,
            assignment__isnull=False,
        ).values_list("participation_id", flat=True)
    )
    candidates = list(
        MeetingRequest.objects.filter(edition=edition, state=RequestState.ACCEPTED)
        .filter(recipient_id__in=at_booth)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    candidates += list(
        MeetingRequest.objects.filter(edition=edition, state=RequestState.ACCEPTED)
        .filter(requester_id__in=at_booth)
        .exclude(recipient_id__in=at_booth)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    chosen = rng.sample(candidates, min(BOOTH_MEETINGS, len(candidates)))
    return MeetingRequest.objects.filter(pk__in=chosen).update(at_booth=True)
