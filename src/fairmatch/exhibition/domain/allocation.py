"""The edition's exhibition as the booth allocator's ``Problem``, and its keys.

Only confirmed exhibitors are allocated. Every object crosses into the engine under a
stable key made of a letter and the row's number (``e12`` an exhibitor application, ``b7``
a booth, ``h1`` a hall, ``z3`` a zone): the same row has the same key in every run, so runs
can be compared and applied later, and a key carries no user text. Keys are for the engine
and the stored results only; pages show names.

A booth held by a locked assignment of the working plan is passed as the exhibitor's
``locked_booth``; the engine keeps it.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import State
from fairmatch.exhibition.engine import model as spec
from fairmatch.exhibition.engine.geometry import Rect
from fairmatch.exhibition.models import (
    Booth,
    BoothAssignment,
    ExhibitorApplication,
    Hall,
    NeighbourWish,
    SponsorTier,
    Zone,
)

TIERS = {SponsorTier.NONE: 0, SponsorTier.BRONZE: 1, SponsorTier.SILVER: 2, SponsorTier.GOLD: 3}


def exhibitor_key(application_id: int) -> str:
    return f"e{application_id}"


def booth_key(booth_id: int) -> str:
    return f"b{booth_id}"


def hall_key(hall_id: int) -> str:
    return f"h{hall_id}"


def zone_key(zone_id: int) -> str:
    return f"z{zone_id}"


def key_id(key: str, prefix: str) -> int | None:
    """The row number in a key of the given kind (``key_id("b7", "b") == 7``); None for a key
    of another kind or a malformed one."""
    if len(key) < 2 or key[0] != prefix or not key[1:].isdigit():
        return None
    return int(key[1:])


def confirmed_exhibitors(edition: Edition) -> Any:
    """The exhibitor applications the allocation places: confirmed exhibitor participations."""
    return ExhibitorApplication.objects.filter(
        participation__edition=edition,
        participation__is_exhibitor=True,
        participation__state=State.CONFIRMED,
    )


def weights_of(values: Mapping[str, Any]) -> spec.Weights:
    """The engine's weights with the given ones (by name) instead of its defaults; names the
    engine does not know are left out."""
    return spec.Weights.from_mapping(values)


def default_weights() -> dict[str, int]:
    """The engine's default weights by name, in its order."""
    defaults = spec.Weights()
    return {name: getattr(defaults, name) for name in spec.Weights.names()}


@dataclass(frozen=True)
class StoredProblem:
    """The problem and the rows behind it, counted for the run's page."""

    problem: spec.Problem
    exhibitors: int
    booths: int
    locked: int
    blocked: int


def _rect(x: Any, y: Any, width: Any, depth: Any) -> Rect:
    return Rect(float(x), float(y), float(width), float(depth))


def build_problem(edition: Edition, *, weights: Mapping[str, Any] | None = None) -> StoredProblem:
    """The edition's halls, zones, booths and confirmed exhibitors as the engine's problem.

    A fixed number of queries, whatever the size of the exhibition.
    """
    halls = list(Hall.objects.filter(edition=edition).order_by("position", "code", "pk"))
    zones = list(Zone.objects.filter(hall__edition=edition).select_related("field").order_by("pk"))
    booths = list(Booth.objects.filter(hall__edition=edition).order_by("hall_id", "code", "pk"))
    applications = list(
        confirmed_exhibitors(edition)
        .select_related("participation__enterprise")
        .prefetch_related("fields")
        .order_by("pk")
    )
    by_enterprise = {a.participation.enterprise_id: a.pk for a in applications}
    locked = dict(
        BoothAssignment.objects.filter(
            application__in=[a.pk for a in applications], locked=True
        ).values_list("application_id", "booth_id")
    )
    wishes: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for application_id, enterprise_id, kind in NeighbourWish.objects.filter(
        application__in=[a.pk for a in applications]
    ).values_list("application_id", "enterprise_id", "kind"):
        other = by_enterprise.get(enterprise_id)
        # A wish about an enterprise that does not exhibit here has no neighbour to place.
        if other is not None and other != application_id:
            wishes[application_id][kind].append(exhibitor_key(other))
    problem = spec.Problem(
        halls=tuple(
            spec.HallSpec(
                key=hall_key(hall.pk),
                rect=_rect(0, 0, hall.width, hall.depth),
                entrances=tuple((float(x), float(y)) for x, y in hall.entrances or ()),
            )
            for hall in halls
        ),
        zones=tuple(
            spec.ZoneSpec(
                key=zone_key(zone.pk),
                hall=hall_key(zone.hall_id),
                kind=zone.kind,
                field=zone.field.code if zone.field else None,
                country=str(zone.country) or None,
            )
            for zone in zones
        ),
        booths=tuple(
            spec.BoothSpec(
                key=booth_key(booth.pk),
                hall=hall_key(booth.hall_id),
                rect=_rect(booth.x, booth.y, booth.width, booth.depth),
                kind=booth.kind,
                zone=zone_key(booth.zone_id) if booth.zone_id else None,
                blocked=booth.is_blocked,
            )
            for booth in booths
        ),
        exhibitors=tuple(
            spec.ExhibitorSpec(
                key=exhibitor_key(application.pk),
                country=str(application.participation.enterprise.country),
                fields=tuple(sorted(field.code for field in application.fields.all())),
                min_area=float(application.min_area),
                max_area=float(application.max_area),
                kind=application.booth_kind,
                preferred_hall=(
                    hall_key(application.preferred_hall_id)
                    if application.preferred_hall_id
                    else None
                ),
                preferred_zone=(
                    zone_key(application.preferred_zone_id)
                    if application.preferred_zone_id
                    else None
                ),
                wanted=tuple(wishes[application.pk][NeighbourWish.Kind.WANTED]),
                avoided=tuple(wishes[application.pk][NeighbourWish.Kind.AVOIDED]),
                sponsor_tier=TIERS.get(application.sponsor_tier, 0),
                locked_booth=(
                    booth_key(locked[application.pk]) if application.pk in locked else None
                ),
            )
            for application in applications
        ),
        weights=weights_of(weights or {}),
    )
    return StoredProblem(
        problem=problem,
        exhibitors=len(applications),
        booths=len(booths),
        locked=len(locked),
        blocked=sum(booth.is_blocked for booth in booths),
    )
