"""Live check-in counts for the organiser: checked in by role and by country, against
those expected (admitted participations; badges issued)."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django_countries import countries

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation, State
from fairmatch.onsite.domain.badges import BADGED_STATES
from fairmatch.onsite.models import Badge, BadgeRole, CheckIn


@dataclass(frozen=True)
class CountLine:
    key: str
    label: str
    checked_in: int
    expected: int
    confirmed: int

    @property
    def percent(self) -> int:
        return round(100 * self.checked_in / self.expected) if self.expected else 0


@dataclass
class CheckInCounts:
    """Enterprises (an enterprise is in when one of its delegates is) and people."""

    enterprises_checked_in: int = 0
    enterprises_expected: int = 0
    enterprises_confirmed: int = 0
    people_checked_in: int = 0
    badges: int = 0
    by_role: list[CountLine] = field(default_factory=list)
    by_country: list[CountLine] = field(default_factory=list)


def _roles(kind: str, negotiator: bool, exhibitor: bool) -> list[str]:
    roles = []
    if negotiator and kind in ("buyer", "both"):
        roles.append(BadgeRole.BUYER)
    if negotiator and kind in ("provider", "both"):
        roles.append(BadgeRole.PROVIDER)
    if exhibitor:
        roles.append(BadgeRole.EXHIBITOR)
    return roles


def checkin_counts(edition: Edition) -> CheckInCounts:
    """A constant number of queries, however many participants the edition has."""
    arrived = set(
        CheckIn.objects.filter(badge__edition=edition, badge__delegate__isnull=False)
        .values_list("badge__delegate__participation_id", flat=True)
        .distinct()
    )
    rows = Participation.objects.filter(edition=edition, state__in=BADGED_STATES).values_list(
        "pk", "state", "enterprise__kind", "enterprise__country", "is_negotiator", "is_exhibitor"
    )
    expected: Counter[str] = Counter()
    confirmed: Counter[str] = Counter()
    checked: Counter[str] = Counter()
    result = CheckInCounts()
    for pk, state, kind, country, negotiator, exhibitor in rows:
        keys = [f"role:{r}" for r in _roles(kind, negotiator, exhibitor)] + [f"country:{country}"]
        for key in keys:
            expected[key] += 1
            confirmed[key] += state == State.CONFIRMED
            checked[key] += pk in arrived
        result.enterprises_expected += 1
        result.enterprises_confirmed += state == State.CONFIRMED
        result.enterprises_checked_in += pk in arrived
    people = Badge.objects.filter(edition=edition).aggregate(
        badges=Count("pk"),
        checked_in=Count("pk", filter=Q(check_in__isnull=False)),
        press=Count("pk", filter=Q(role=BadgeRole.PRESS)),
        press_in=Count("pk", filter=Q(role=BadgeRole.PRESS, check_in__isnull=False)),
    )
    result.people_checked_in = people["checked_in"]
    result.badges = people["badges"]
    labels = dict(BadgeRole.choices)
    for role in (BadgeRole.BUYER, BadgeRole.PROVIDER, BadgeRole.EXHIBITOR):
        key = f"role:{role}"
        result.by_role.append(
            CountLine(role, str(labels[role]), checked[key], expected[key], confirmed[key])
        )
    result.by_role.append(
        CountLine(
            BadgeRole.PRESS, str(labels[BadgeRole.PRESS]), people["press_in"], people["press"], 0
        )
    )
    country_keys = sorted(
        (k for k in expected if k.startswith("country:")), key=lambda k: (-expected[k], k)
    )
    for key in country_keys:
        code = key.split(":", 1)[1]
        result.by_country.append(
            CountLine(code, str(countries.name(code)), checked[key], expected[key], confirmed[key])
        )
    return result
