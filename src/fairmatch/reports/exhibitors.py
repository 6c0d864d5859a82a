"""The exhibition's figures: exhibitors, the foreign share and its growth, booths and area.

How they are counted (the same for every edition, so that growth compares like with like):

- an exhibitor is a participation that takes part in the exhibition (``is_exhibitor``) and
  is qualified or confirmed (admitted, not withdrawn), whether or not it has a booth yet;
- a foreign exhibitor is one whose enterprise's country is not the edition's host country;
- the previous edition's exhibitors are counted the same way (its participations now);
- booths taken and the floor area let come from the latest published floor plan (a plan
  release freezes the booths given to exhibitors): the booths it gives, and their width
  times depth in square metres; none before the first release. The total is the
  edition's booths on the floor plan that are not blocked (a pillar, a stage).
"""

from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import State
from fairmatch.exhibition.models import Booth, PlanRelease

EXHIBITOR_STATES = (State.QUALIFIED, State.CONFIRMED)


@dataclass(frozen=True)
class ExhibitorFigures:
    exhibitors: int
    foreign_exhibitors: int
    foreign_exhibitor_share_pct: float | None
    foreign_exhibitors_previous: int | None
    foreign_exhibitor_growth_pct: float | None
    booths_taken: int
    booths_total: int
    floor_area_let_m2: float
    plan_release: int | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def exhibitor_counts(edition: Edition) -> tuple[int, int]:
    """(exhibitors, foreign exhibitors) of the edition, counted as the module says."""
    counts = edition.participations.filter(state__in=EXHIBITOR_STATES, is_exhibitor=True).aggregate(
        total=Count("pk"),
        foreign=Count("pk", filter=~Q(enterprise__country=edition.host_country)),
    )
    return counts["total"], counts["foreign"]


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def exhibitor_figures(edition: Edition) -> ExhibitorFigures:
    total, foreign = exhibitor_counts(edition)
    previous = None
    if edition.previous_id is not None:
        previous = exhibitor_counts(edition.previous)[1]
    growth = round(100.0 * (foreign - previous) / previous, 1) if previous else None
    release = PlanRelease.objects.filter(edition=edition).order_by("-number").first()
    booths_total = Booth.objects.filter(hall__edition=edition, is_blocked=False).count()
    taken, area, number = 0, Decimal(0), None
    if release is not None:
        let = list(
            release.entries.filter(participation__isnull=False).values_list("geometry", flat=True)
        )
        taken = len(let)
        area = sum((Decimal(str(g[2])) * Decimal(str(g[3])) for g in let), Decimal(0))
        number = release.number
    return ExhibitorFigures(
        exhibitors=total,
        foreign_exhibitors=foreign,
        foreign_exhibitor_share_pct=_pct(foreign, total),
        foreign_exhibitors_previous=previous,
        foreign_exhibitor_growth_pct=growth,
        booths_taken=taken,
        booths_total=booths_total,
        floor_area_let_m2=float(round(area, 2)),
        plan_release=number,
    )
