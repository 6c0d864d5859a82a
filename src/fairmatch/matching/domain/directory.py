"""Read side of the directory: who may see it, and the filtered list of counterparts."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import Edition
from fairmatch.conference.money import Rates, to_usd
from fairmatch.enterprises.models import Capability, Demand, Participation, State
from fairmatch.matching.models import MeetingRequest, RequestState

LISTED_STATES = (State.QUALIFIED, State.CONFIRMED)

# Contract size bands in US dollars: (code, lower bound inclusive, upper bound exclusive).
SIZE_BANDS: tuple[tuple[str, Decimal, Decimal | None], ...] = (
    ("under_1m", Decimal(0), Decimal(1_000_000)),
    ("1m_8m", Decimal(1_000_000), Decimal(8_000_000)),
    ("8m_20m", Decimal(8_000_000), Decimal(20_000_000)),
    ("over_20m", Decimal(20_000_000), None),
)


def viewer_participation(*, user: Any, edition: Edition) -> Participation | None:
    """The user's own listed participation in the edition, if any."""
    if not user.is_authenticated or user.enterprise_id is None:
        return None
    return (
        Participation.objects.select_related("enterprise", "edition")
        .filter(enterprise_id=user.enterprise_id, edition=edition, state__in=LISTED_STATES)
        .first()
    )


def may_see_directory(*, user: Any, edition: Edition) -> bool:
    """Organisers, and qualified or confirmed participants of this very edition."""
    if not user.is_authenticated:
        return False
    return bool(user.is_organiser) or viewer_participation(user=user, edition=edition) is not None


@dataclass(frozen=True)
class DirectoryFilters:
    text: str = ""
    field: str = ""
    cooperation_kind: str = ""
    country: str = ""
    size_band: str = ""
    certification: str = ""
    language: str = ""
    role: str = ""


def listed_participations(edition: Edition) -> QuerySet[Participation]:
    return (
        Participation.objects.filter(edition=edition, state__in=LISTED_STATES, is_negotiator=True)
        .select_related("enterprise")
        .prefetch_related(
            "enterprise__fields",
            Prefetch(
                "demands", queryset=Demand.objects.select_related("field", "cooperation_kind")
            ),
            Prefetch(
                "capabilities",
                queryset=Capability.objects.select_related("field", "cooperation_kind"),
            ),
        )
        .order_by("enterprise__name_en")
    )


def largest_demand_usd(participation: Participation, rates: Rates) -> Decimal | None:
    """The largest demand in US dollars, among those in a currency with a rate."""
    values = [
        to_usd(demand.value, demand.currency, rates) for demand in participation.demands.all()
    ]
    return max((value for value in values if value is not None), default=None)


def _in_band(value: Decimal | None, band: str) -> bool:
    for code, low, high in SIZE_BANDS:
        if code == band:
            return value is not None and value >= low and (high is None or value < high)
    return True


def search_directory(*, edition: Edition, filters: DirectoryFilters) -> list[Participation]:
    """Listed participants matching the filters; text matches names and descriptions in any
    language (Chinese needs no word splitting: a plain substring search)."""
    participations = listed_participations(edition)
    text = filters.text.strip()
    if text:
        participations = participations.filter(
            Q(enterprise__name_original__icontains=text)
            | Q(enterprise__name_en__icontains=text)
            | Q(enterprise__description__icontains=text)
            | Q(demands__description__icontains=text)
            | Q(capabilities__description__icontains=text)
        ).distinct()
    if filters.field:
        participations = participations.filter(
            Q(enterprise__fields__code=filters.field)
            | Q(demands__field__code=filters.field)
            | Q(capabilities__field__code=filters.field)
        ).distinct()
    if filters.cooperation_kind:
        participations = participations.filter(
            Q(demands__cooperation_kind__code=filters.cooperation_kind)
            | Q(capabilities__cooperation_kind__code=filters.cooperation_kind)
        ).distinct()
    if filters.country:
        participations = participations.filter(enterprise__country=filters.country)
    if filters.certification:
        participations = participations.filter(
            enterprise__certifications__icontains=filters.certification
        )
    if filters.language:
        participations = participations.filter(
            enterprise__languages__icontains=f'"{filters.language}"'
        )
    if filters.role == "buyer":
        participations = participations.filter(enterprise__kind__in=["buyer", "both"])
    elif filters.role == "provider":
        participations = participations.filter(enterprise__kind__in=["provider", "both"])
    rows = list(participations)
    rates = exchange_rates(edition)
    for row in rows:
        row.largest_demand_usd = largest_demand_usd(row, rates)  # type: ignore[attr-defined]
    if filters.size_band:
        rows = [row for row in rows if _in_band(row.largest_demand_usd, filters.size_band)]  # type: ignore[attr-defined]
    return rows


def contacts_visible(*, viewer: Participation | None, other: Participation, user: Any) -> bool:
    """Contact details show once a meeting between the two is accepted (or to organisers)."""
    if getattr(user, "is_organiser", False):
        return True
    if viewer is None:
        return False
    return MeetingRequest.objects.filter(
        Q(requester=viewer, recipient=other) | Q(requester=other, recipient=viewer),
        state=RequestState.ACCEPTED,
    ).exists()
