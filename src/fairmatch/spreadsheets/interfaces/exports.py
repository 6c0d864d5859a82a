"""The organiser's exports: each a header and rows, in the reader's language, written as CSV
or XLSX by the shared table writer (``fairmatch.core.interfaces.tables``), which neutralises
cells a spreadsheet would read as formulas. Each export reads in a constant number of queries.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import Edition
from fairmatch.conference.money import to_usd
from fairmatch.enterprises.models import Delegate, Participation
from fairmatch.matching.models import MeetingRequest
from fairmatch.onsite.interfaces.exports import lead_header, lead_row
from fairmatch.onsite.models import CheckIn, Lead
from fairmatch.outcomes.models import FollowUp, Intention
from fairmatch.scheduling.models import Release, ReleaseEntry

Table = tuple[list[str], Iterable[list[Any]]]


@dataclass(frozen=True)
class Export:
    slug: str
    title: Any  # lazy: the reader's language
    description: Any
    build: Callable[[Edition], Table]


def _time(value: Any) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _country(code: Any) -> str:
    return str(countries.name(str(code))) if code else ""


def _yes(value: bool) -> str:
    return _("yes") if value else _("no")


def applications(edition: Edition) -> Table:
    rules = list(edition.rules.filter(is_active=True))
    header = [
        _("Enterprise"),
        _("Enterprise (English)"),
        _("Country"),
        _("Kind"),
        _("Negotiations"),
        _("Exhibition"),
        _("State"),
        _("Rule outcome"),
        _("Submitted"),
        *[str(rule) for rule in rules],
    ]
    participations = (
        Participation.objects.filter(edition=edition)
        .select_related("enterprise")
        .prefetch_related("rule_results")
        .order_by("enterprise__name_en", "pk")
    )

    def rows() -> Iterator[list[Any]]:
        for p in participations:
            results = {r.rule_id: r.get_outcome_display() for r in p.rule_results.all()}
            yield [
                p.enterprise.name_original,
                p.enterprise.name_en,
                _country(p.enterprise.country),
                p.enterprise.get_kind_display(),
                _yes(p.is_negotiator),
                _yes(p.is_exhibitor),
                p.get_state_display(),
                p.get_rule_outcome_display(),
                _time(p.submitted_at),
                *[results.get(rule.pk, "") for rule in rules],
            ]

    return header, rows()


def delegates(edition: Edition) -> Table:
    header = [
        _("Enterprise"),
        _("Enterprise (English)"),
        _("Country"),
        _("State"),
        _("Full name"),
        _("Job title"),
        _("Rank"),
        _("E-mail"),
        _("Phone"),
        _("Attends the negotiations"),
    ]
    found = (
        Delegate.objects.filter(participation__edition=edition)
        .select_related("participation__enterprise", "rank")
        .order_by("participation__enterprise__name_en", "pk")
    )
    return header, (
        [
            d.participation.enterprise.name_original,
            d.participation.enterprise.name_en,
            _country(d.participation.enterprise.country),
            d.participation.get_state_display(),
            d.full_name,
            d.title,
            d.rank.name,
            d.email,
            d.phone,
            _yes(d.is_attending),
        ]
        for d in found
    )


def meeting_requests(edition: Edition) -> Table:
    header = [
        _("From"),
        _("To"),
        _("Demand"),
        _("State"),
        _("Priority"),
        _("Message"),
        _("Sent"),
        _("Answered"),
    ]
    found = (
        MeetingRequest.objects.filter(edition=edition)
        .select_related("requester__enterprise", "recipient__enterprise", "demand__field")
        .order_by("created_at", "pk")
    )
    return header, (
        [
            r.requester.enterprise.display_name,
            r.recipient.enterprise.display_name,
            str(r.demand.field) if r.demand_id else "",
            r.get_state_display(),
            r.get_priority_display(),
            r.message,
            _time(r.created_at),
            _time(r.answered_at),
        ]
        for r in found
    )


def _latest_entries(edition: Edition) -> list[ReleaseEntry]:
    release = Release.objects.filter(edition=edition).order_by("-number").first()
    if release is None:
        return []
    return list(ReleaseEntry.objects.filter(release=release))


def schedule_by_participant(edition: Edition) -> Table:
    header = [
        _("Participant"),
        _("Participant (English)"),
        _("Starts"),
        _("Ends"),
        _("Table"),
        _("Zone"),
        _("Counterpart"),
        _("Counterpart (English)"),
        _("Interpreter"),
    ]
    rows = []
    for e in _latest_entries(edition):
        place = [_time(e.starts_at), _time(e.ends_at), e.table_number, e.table_zone]
        sides = (
            (e.first_name_original, e.first_name_en, e.second_name_original, e.second_name_en),
            (e.second_name_original, e.second_name_en, e.first_name_original, e.first_name_en),
        )
        for own, own_en, other, other_en in sides:
            rows.append([own, own_en, *place, other, other_en, e.interpreter_language])
    rows.sort(key=lambda row: (row[1], row[2]))
    return header, rows


def schedule_by_table(edition: Edition) -> Table:
    header = [
        _("Table"),
        _("Zone"),
        _("Starts"),
        _("Ends"),
        _("First party"),
        _("Second party"),
        _("Interpreter"),
    ]
    entries = sorted(_latest_entries(edition), key=lambda e: (e.table_number or 0, e.starts_at))
    return header, (
        [
            e.table_number,
            e.table_zone,
            _time(e.starts_at),
            _time(e.ends_at),
            e.first_name_original,
            e.second_name_original,
            e.interpreter_language,
        ]
        for e in entries
    )


def check_ins(edition: Edition) -> Table:
    header = [
        _("Name"),
        _("Organisation"),
        _("Organisation (English)"),
        _("Country"),
        _("Role"),
        _("Checked in at"),
        _("How"),
        _("By"),
    ]
    found = (
        CheckIn.objects.filter(badge__edition=edition)
        .select_related("badge", "by")
        .order_by("at", "pk")
    )
    return header, (
        [
            c.badge.name,
            c.badge.organisation_original,
            c.badge.organisation_en,
            _country(c.badge.country),
            c.badge.get_role_display(),
            _time(c.at),
            c.get_method_display(),
            getattr(c.by, "email", "") if c.by_id else "",
        ]
        for c in found
    )


def leads(edition: Edition) -> Table:
    found = (
        Lead.objects.filter(exhibitor__edition=edition)
        .select_related("exhibitor__enterprise", "badge")
        .order_by("exhibitor__enterprise__name_en", "captured_at", "pk")
    )
    return [_("Exhibitor"), *lead_header()], (
        [lead.exhibitor.enterprise.display_name, *lead_row(lead)] for lead in found
    )


def intentions(edition: Edition) -> Table:
    """Every intention of the edition, whatever its state, with its value in US dollars at
    the edition's rates (empty when its currency has no rate: never guessed) and what its
    follow-up answered."""
    header = [
        _("Recorded by"),
        _("Recorded by (English)"),
        _("Country"),
        _("Other party"),
        _("Other party (English)"),
        _("Other party's country"),
        _("Form"),
        _("Cooperation kind"),
        _("Field"),
        _("Amount"),
        _("Currency"),
        _("Amount in US dollars"),
        _("Expected start"),
        _("State"),
        _("Counted"),
        _("Source"),
        _("Recorded"),
        _("Answered"),
        _("Why it is disputed"),
        _("Follow-up answer"),
        _("Value at follow-up"),
        _("Currency at follow-up"),
        _("Why it did not go ahead"),
    ]
    rates = exchange_rates(edition)
    found = (
        Intention.objects.filter(edition=edition)
        .select_related(
            "recorder__enterprise", "counterpart__enterprise", "kind", "field", "follow_up"
        )
        .order_by("recorded_at", "pk")
    )

    def follow_up(intention: Intention) -> FollowUp | None:
        try:
            return intention.follow_up
        except FollowUp.DoesNotExist:
            return None

    def rows() -> Iterator[list[Any]]:
        for i in found:
            answer = follow_up(i)
            answered = answer is not None and answer.answered_at is not None
            yield [
                i.recorder.enterprise.name_original,
                i.recorder.enterprise.name_en,
                _country(i.recorder.enterprise.country),
                i.counterpart.enterprise.name_original,
                i.counterpart.enterprise.name_en,
                _country(i.counterpart.enterprise.country),
                i.get_form_display(),
                str(i.kind),
                str(i.field),
                i.amount,
                i.currency,
                to_usd(i.amount, i.currency, rates),
                i.expected_start,
                i.get_state_display(),
                _yes(i.counts),
                i.get_source_display(),
                _time(i.recorded_at),
                _time(i.answered_at),
                i.dispute_reason,
                answer.get_outcome_display() if answered else "",
                answer.value if answered else None,
                answer.currency if answered else "",
                answer.reason if answered else "",
            ]

    return header, rows()


EXPORTS = {
    export.slug: export
    for export in (
        Export(
            "applications",
            gettext_lazy("Applications"),
            gettext_lazy("Every application with its state and the outcome of each rule."),
            applications,
        ),
        Export(
            "delegates",
            gettext_lazy("Participants and delegates"),
            gettext_lazy("Every delegate with the enterprise and its state."),
            delegates,
        ),
        Export(
            "meeting-requests",
            gettext_lazy("Meeting requests"),
            gettext_lazy("Who asked whom, and the answer."),
            meeting_requests,
        ),
        Export(
            "schedule-participants",
            gettext_lazy("Schedule by participant"),
            gettext_lazy("The published schedule, one line per participant and meeting."),
            schedule_by_participant,
        ),
        Export(
            "schedule-tables",
            gettext_lazy("Schedule by table"),
            gettext_lazy("The published schedule, table by table."),
            schedule_by_table,
        ),
        Export(
            "check-ins",
            gettext_lazy("Check-ins"),
            gettext_lazy("Who came in, when, and how."),
            check_ins,
        ),
        Export(
            "leads",
            gettext_lazy("Leads"),
            gettext_lazy("Every exhibitor's leads."),
            leads,
        ),
        Export(
            "intentions",
            gettext_lazy("Intentions"),
            gettext_lazy(
                "Every intention with both parties, its value (also in US dollars at the "
                "edition's rates), its state and its follow-up."
            ),
            intentions,
        ),
    )
}
