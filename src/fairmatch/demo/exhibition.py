"""The demo's exhibition: two halls with pavilions and a sponsor area, the exhibitors'
applications, a floor plan allocated and published as the organiser does it, and
negotiations agreed at exhibitors' booths.

The reference event: more than 50 foreign firms took booths, a quarter of all exhibitors
and 70 % more than the edition before. Exhibitors are admitted participations (the same
count as the figures'), chosen by the seed among those admitted by the workflow, so that
the negotiation figures stay those of the reference event. Their applications are written
in bulk (they carry no workflow of their own: the participation does). A booth goes to
confirmed exhibitors only, so the organiser confirms the admitted exhibitors' attendance
through the workflow; then the organiser's own path allocates the booths: an allocation run
(solved at once, as its background task would), applied to the working plan, published.
"""

import datetime
import random
import time
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.test.utils import override_settings

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.demo.generator import QUIET_SETTINGS, without_mail
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.models import Participation, State, StateChange
from fairmatch.exhibition.domain import releases, runs
from fairmatch.exhibition.models import (
    AllocationRun,
    Booth,
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
ALLOCATION_SECONDS = 8  # the demo's allocation run; the plan is good long before that
CONFIRMATION_NOTE = "Exhibition contract signed; attendance confirmed."
CONFIRMED_AFTER_ADMISSION = datetime.timedelta(days=7)

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
    confirm the exhibitors, allocate the booths by an allocation run, apply it, publish the
    plan, and agree some negotiations at booths.

    The run is started, solved and applied as on the organiser's allocation page (its
    solver reports progress from its own threads, so it runs outside the demo's other
    transactions, which would hold SQLite's write lock)."""
    started = time.perf_counter()
    rng = random.Random(seed * 7919 + 11)
    with override_settings(**QUIET_SETTINGS), without_mail():
        with transaction.atomic():
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
            _applications(edition, exhibitors, rng=rng)
            _confirm(exhibitors, organiser=organiser)
        run = _allocate(edition, organiser=organiser)
        with transaction.atomic():
            runs.apply_run(run=run, user=organiser)
            release = releases.publish(edition=edition, user=organiser, note="")
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
        solver_status=run.solver_status,
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


def _confirm(exhibitors: list[Participation], *, organiser: User) -> None:
    """The organiser confirms the admitted exhibitors' attendance (the allocation places
    confirmed exhibitors only), each through the workflow; each confirmation is dated a
    week after the exhibitor's admission, so the same seed gives the same history."""
    changes = [
        workflow.confirm(participation=participation, user=organiser, note=CONFIRMATION_NOTE)
        for participation in exhibitors
        if participation.state == State.QUALIFIED
    ]
    admitted = dict(
        StateChange.objects.filter(
            participation__in=[change.participation_id for change in changes],
            to_state=State.QUALIFIED,
        )
        .values("participation_id")
        .annotate(at=Max("at"))
        .values_list("participation_id", "at")
    )
    for change in changes:
        change.at = admitted[change.participation_id] + CONFIRMED_AFTER_ADMISSION
    StateChange.objects.bulk_update(changes, ["at"])


def _allocate(edition: Edition, *, organiser: User) -> AllocationRun:
    """An allocation run as the organiser starts it, solved at once as its task would."""
    run = runs.start_run(edition=edition, user=organiser, time_limit=ALLOCATION_SECONDS)
    run = runs.execute_run(run.pk)  # a no-op when the task backend has run it already
    if not runs.has_result(run):
        raise RuntimeError(f"the demo's allocation run ended {run.status}: {run.error}")
    return run


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
