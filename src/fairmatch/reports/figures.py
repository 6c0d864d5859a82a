"""The figures the organiser publishes for an edition (read side only).

Definitions, shown to the organiser with the figures:
- *qualified*: participations admitted and not withdrawn, i.e. state qualified or confirmed;
- *growth vs previous*: qualified now against qualified in the previous edition, in per cent;
- *confirmation rate*: of the previous edition's participations that were ever waiting for
  confirmation and have since been settled, the share that confirmed;
- *expected attendance* = qualified + waiting for confirmation x that rate;
- *applications over time*: applications submitted so far, counted by days before the
  edition's first day, so that two editions line up;
- *meetings requested*: meeting requests ever sent; *placed*: meetings with a slot and a
  table in the working schedule; *held* / *missed*: as recorded on the day (not recorded
  yet: shown as such, never estimated);
- *intentions* and their US-dollar totals: see ``fairmatch.outcomes.domain.totals``.
"""

import datetime
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from fairmatch.conference.models import Edition, Field
from fairmatch.enterprises.models import Participation, State, StateChange
from fairmatch.matching.models import MeetingRequest
from fairmatch.outcomes.domain.totals import IntentionTotals, ValueRow, intention_totals
from fairmatch.scheduling.models import Meeting, MeetingState

QUALIFIED_STATES = (State.QUALIFIED, State.CONFIRMED)


class Segment:
    ALL = "all"
    FOREIGN = "foreign"
    DOMESTIC = "domestic"
    CHOICES = (ALL, FOREIGN, DOMESTIC)


@dataclass(frozen=True)
class CountRow:
    key: str
    label: str
    count: int


@dataclass
class Figures:
    edition: str
    segment: str
    applicants: int
    by_state: dict[str, int]
    qualified: int
    waiting_confirmation: int
    rejected: int
    withdrawn: int
    confirmed: int
    countries_qualified: int
    qualified_by_country: list[CountRow] = field(default_factory=list)
    applicants_by_country: list[CountRow] = field(default_factory=list)
    qualified_by_field: list[CountRow] = field(default_factory=list)
    qualified_by_role: list[CountRow] = field(default_factory=list)
    previous_edition: str | None = None
    previous_qualified: int | None = None
    growth_vs_previous_pct: float | None = None
    previous_confirmation_rate: float | None = None
    expected_attendance: float = 0.0
    expected_attendance_formula: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def country_table(self) -> list[tuple[CountRow, int]]:
        """Applications per country with the number qualified beside each."""
        qualified = {row.key: row.count for row in self.qualified_by_country}
        return [(row, qualified.get(row.key, 0)) for row in self.applicants_by_country]

    def state_rows(self) -> list[CountRow]:
        """Counts per state in workflow order, with the state's name in the active language."""
        return [CountRow(state.value, str(state.label), self.by_state[state]) for state in State]


def segment_participations(edition: Edition, segment: str) -> QuerySet[Participation]:
    """The edition's participations of enterprises in the segment (by the host country)."""
    participations = edition.participations.all()
    host = edition.host_country
    if segment == Segment.FOREIGN:
        participations = participations.exclude(enterprise__country=host)
    elif segment == Segment.DOMESTIC:
        participations = participations.filter(enterprise__country=host)
    return participations


def confirmation_rate(edition: Edition, segment: str) -> float | None:
    """Share of the edition's once-waiting participations that confirmed, once settled."""
    ever_waiting = segment_participations(edition, segment).filter(
        pk__in=StateChange.objects.filter(to_state=State.WAITING_CONFIRMATION).values(
            "participation_id"
        )
    )
    settled = ever_waiting.aggregate(
        confirmed=Count("pk", filter=Q(state=State.CONFIRMED)),
        settled=Count("pk", filter=Q(state__in=[State.CONFIRMED, State.WITHDRAWN])),
    )
    if not settled["settled"]:
        return None
    return float(settled["confirmed"]) / settled["settled"]


def edition_figures(edition: Edition, *, segment: str = Segment.ALL) -> Figures:
    """The edition's published figures for one segment (all, foreign or domestic enterprises).

    A constant number of queries, however many participations the edition has.
    """
    participations = segment_participations(edition, segment)
    counts = dict(
        participations.values_list("state").annotate(n=Count("pk")).values_list("state", "n")
    )
    by_state = {state.value: counts.get(state.value, 0) for state in State}
    qualified_set = participations.filter(state__in=QUALIFIED_STATES)
    by_country = list(
        qualified_set.values_list("enterprise__country")
        .annotate(n=Count("pk"))
        .order_by("-n", "enterprise__country")
    )
    applicants_by_country = list(
        participations.exclude(state=State.DRAFT)
        .values_list("enterprise__country")
        .annotate(n=Count("pk"))
        .order_by("-n", "enterprise__country")
    )
    field_counts = dict(
        qualified_set.values_list("enterprise__fields").annotate(n=Count("pk", distinct=True))
    )
    role_counts = qualified_set.aggregate(
        buyer=Count("pk", filter=Q(is_negotiator=True, enterprise__kind__in=["buyer", "both"])),
        provider=Count(
            "pk", filter=Q(is_negotiator=True, enterprise__kind__in=["provider", "both"])
        ),
        exhibitor=Count("pk", filter=Q(is_exhibitor=True)),
    )
    role_labels = {"buyer": _("buyers"), "provider": _("providers"), "exhibitor": _("exhibitors")}
    qualified = by_state[State.QUALIFIED] + by_state[State.CONFIRMED]
    waiting = by_state[State.WAITING_CONFIRMATION]
    figures = Figures(
        edition=edition.slug,
        segment=segment,
        applicants=sum(n for state, n in by_state.items() if state != State.DRAFT),
        by_state=by_state,
        qualified=qualified,
        waiting_confirmation=waiting,
        rejected=by_state[State.REJECTED],
        withdrawn=by_state[State.WITHDRAWN],
        confirmed=by_state[State.CONFIRMED],
        countries_qualified=len(by_country),
        qualified_by_country=[
            CountRow(code, str(countries.name(code)), n) for code, n in by_country
        ],
        applicants_by_country=[
            CountRow(code, str(countries.name(code)), n) for code, n in applicants_by_country
        ],
        qualified_by_field=[
            CountRow(f.code, f.name, field_counts.get(f.pk, 0)) for f in Field.objects.all()
        ],
        qualified_by_role=[CountRow(k, str(role_labels[k]), n) for k, n in role_counts.items()],
    )
    previous = edition.previous
    rate = None
    if previous is not None:
        figures.previous_edition = previous.slug
        figures.previous_qualified = (
            segment_participations(previous, segment).filter(state__in=QUALIFIED_STATES).count()
        )
        if figures.previous_qualified:
            figures.growth_vs_previous_pct = round(
                100.0 * (qualified - figures.previous_qualified) / figures.previous_qualified, 1
            )
        rate = confirmation_rate(previous, segment)
        figures.previous_confirmation_rate = None if rate is None else round(rate, 4)
    if rate is None:
        figures.expected_attendance = float(qualified + waiting)
        figures.expected_attendance_formula = _(
            "%(qualified)d qualified + %(waiting)d waiting (no confirmation rate from a "
            "previous edition, so all are counted) = %(expected).0f"
        ) % {"qualified": qualified, "waiting": waiting, "expected": qualified + waiting}
    else:
        exact = qualified + waiting * rate
        # People come whole: the figure is rounded, the formula keeps the exact value.
        figures.expected_attendance = float(int(exact + 0.5))
        figures.expected_attendance_formula = _(
            "%(qualified)d qualified + %(waiting)d waiting × %(rate).1f%% confirmed last "
            "edition = %(exact).1f, about %(expected)d people"
        ) % {
            "qualified": qualified,
            "waiting": waiting,
            "rate": 100 * rate,
            "exact": exact,
            "expected": figures.expected_attendance,
        }
    return figures


# --- The day on site: check-ins and meetings held or missed ---------------------------------
#
# - *checked_in*: admitted participations (qualified or confirmed) of which at least one
#   delegate's badge was checked in; *checked_in_people*: badges checked in (press included);
# - *meetings_held* / *meetings_missed*: meetings marked so on the day (by a participant or
#   staff; the last mark counts), in the segment when either party is in it.


@dataclass
class OnsiteFigures:
    checked_in: int
    checked_in_people: int
    meetings_held: int
    meetings_missed: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def onsite_figures(edition: Edition, *, segment: str = Segment.ALL) -> OnsiteFigures:
    """Check-ins and meeting outcomes of the edition for one segment (constant queries)."""
    from fairmatch.onsite.domain.badges import BADGED_STATES
    from fairmatch.onsite.models import CheckIn, MeetingAttendance, Outcome

    participations = segment_participations(edition, segment)
    arrived = CheckIn.objects.filter(badge__edition=edition)
    people = arrived
    if segment != Segment.ALL:
        people = arrived.filter(badge__delegate__participation__in=participations)
    checked_in = participations.filter(
        state__in=BADGED_STATES,
        pk__in=arrived.values("badge__delegate__participation_id"),
    ).count()
    attendance = MeetingAttendance.objects.filter(meeting__edition=edition)
    if segment != Segment.ALL:
        attendance = attendance.filter(
            Q(meeting__first__in=participations) | Q(meeting__second__in=participations)
        )
    outcomes = attendance.aggregate(
        held=Count("pk", filter=Q(outcome=Outcome.HELD)),
        missed=Count("pk", filter=Q(outcome=Outcome.MISSED)),
    )
    return OnsiteFigures(
        checked_in=checked_in,
        checked_in_people=people.count(),
        meetings_held=outcomes["held"],
        meetings_missed=outcomes["missed"],
    )


# --- Applications over time ------------------------------------------------------------------

# The curve's points: so many days before the edition's first day.
CURVE_DAYS = (360, 300, 240, 210, 180, 150, 120, 90, 60, 45, 30, 14, 0)


@dataclass(frozen=True)
class Curve:
    edition: str
    points: list[tuple[int, int]]  # (days before the first day, applications submitted by then)


def applications_curve(edition: Edition) -> Curve:
    """Applications submitted by each point in ``CURVE_DAYS`` (one query); points still in
    the future are left out, so a running edition's curve stops today."""
    submitted = sorted(
        at.date()
        for at in edition.participations.filter(submitted_at__isnull=False).values_list(
            "submitted_at", flat=True
        )
    )
    points = []
    today = timezone.localdate()
    for days in CURVE_DAYS:
        limit = edition.start_date - datetime.timedelta(days=days)
        if limit > today:
            break
        points.append((days, sum(1 for day in submitted if day <= limit)))
    return Curve(edition.slug, points)


# --- Meetings -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingCounts:
    requested: int
    placed: int
    held: int | None  # None: not recorded yet
    missed: int | None


def held_and_missed(edition: Edition) -> tuple[int | None, int | None]:
    """Meetings recorded as held and as missed on the day (the on-site record); (None, None)
    while nothing is recorded."""
    figures = onsite_figures(edition)
    if not figures.meetings_held and not figures.meetings_missed:
        return None, None
    return figures.meetings_held, figures.meetings_missed


def meeting_counts(edition: Edition) -> MeetingCounts:
    held, missed = held_and_missed(edition)
    return MeetingCounts(
        requested=MeetingRequest.objects.filter(edition=edition).count(),
        placed=Meeting.objects.filter(edition=edition, slot__isnull=False, table__isnull=False)
        .exclude(state=MeetingState.CANCELLED)
        .count(),
        held=held,
        missed=missed,
    )


# --- Outcomes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelStage:
    key: str
    label: str
    count: int | None  # None: not recorded
    usd: Decimal | None


@dataclass
class OutcomeFigures:
    edition: str
    totals: IntentionTotals
    meetings: MeetingCounts
    funnel: list[FunnelStage]
    previous_edition: str | None = None
    previous_total_usd: Decimal | None = None
    previous_confirmed: int | None = None
    growth_vs_previous_pct: float | None = None
    previous_by_kind: list[ValueRow] = field(default_factory=list)
    previous_by_field: list[ValueRow] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The figures ``fairmatch figures --json`` prints (US dollars to the cent)."""

        def usd(value: Decimal | None) -> float | None:
            return None if value is None else float(round(value, 2))

        totals = self.totals
        return {
            "meetings_requested": self.meetings.requested,
            "meetings_placed": self.meetings.placed,
            "intentions_recorded": totals.recorded,
            "intentions_confirmed": totals.confirmed,
            "intentions_disputed": totals.disputed,
            "intentions_total_usd": usd(totals.total_usd),
            "intentions_by_kind": {
                row.key: {"count": row.count, "usd": usd(row.usd)} for row in totals.by_kind
            },
            "intentions_by_field": {
                row.key: {"count": row.count, "usd": usd(row.usd)} for row in totals.by_field
            },
            "intentions_by_country": {
                row.key: {"count": row.count, "usd": usd(row.usd)} for row in totals.by_country
            },
            "intentions_not_converted": [
                {"currency": row.currency, "amount": str(row.amount), "count": row.count}
                for row in totals.unconverted
            ],
            "previous_intentions_total_usd": usd(self.previous_total_usd),
            "previous_intentions_by_kind": {
                row.key: {"count": row.count, "usd": usd(row.usd)} for row in self.previous_by_kind
            },
            "intentions_growth_vs_previous_pct": self.growth_vs_previous_pct,
            "follow_up_funnel": [
                {"stage": stage.key, "count": stage.count, "usd": usd(stage.usd)}
                for stage in self.funnel
            ],
        }


def outcome_figures(edition: Edition) -> OutcomeFigures:
    """Meetings, intentions and the follow-up funnel of the edition, against the previous."""
    totals = intention_totals(edition)
    meetings = meeting_counts(edition)
    funnel = [
        FunnelStage("held", _("meetings held"), meetings.held, None),
        FunnelStage("recorded", _("intentions recorded"), totals.recorded, None),
        FunnelStage("confirmed", _("intentions confirmed"), totals.confirmed, totals.total_usd),
        FunnelStage("answered", _("follow-ups answered"), totals.follow_ups_answered, None),
        FunnelStage(
            "contracts",
            _("contracts confirmed at follow-up"),
            totals.contracts,
            totals.contracts_usd,
        ),
    ]
    figures = OutcomeFigures(edition.slug, totals, meetings, funnel)
    previous = edition.previous
    if previous is not None:
        before = intention_totals(previous)
        figures.previous_edition = previous.slug
        figures.previous_total_usd = before.total_usd
        figures.previous_confirmed = before.confirmed
        figures.previous_by_kind = before.by_kind
        figures.previous_by_field = before.by_field
        if before.total_usd:
            figures.growth_vs_previous_pct = round(
                float(100 * (totals.total_usd - before.total_usd) / before.total_usd), 1
            )
    return figures
