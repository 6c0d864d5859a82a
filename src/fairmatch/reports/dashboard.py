"""The charts of the organiser's dashboard and the press page, drawn from the figures'
selectors (``reports.figures``) or from a press snapshot's stored figures, never from
numbers of their own."""

from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from fairmatch.conference.models import Edition
from fairmatch.core.interfaces.number_formats import format_amount_short, is_myriad_language
from fairmatch.outcomes.domain.totals import ValueRow
from fairmatch.reports.charts import PREVIOUS, Bar, Series, bar_chart, line_chart
from fairmatch.reports.figures import Figures, OutcomeFigures, applications_curve

TOP = 10


def money(value: Decimal | float | str | None) -> str:
    """US dollars in millions in the reader's number format; in myriads for Chinese,
    Japanese and Korean readers ("USD 1.2亿", as their press writes it)."""
    if value is None:
        return "–"
    language = get_language()
    if is_myriad_language(language):
        return format_amount_short(Decimal(value), "USD", language)
    millions = Decimal(value) / Decimal(1_000_000)
    return _("USD %(amount)s million") % {
        "amount": number_format(
            round(millions, 1), decimal_pos=1, use_l10n=True, force_grouping=True
        )
    }


def count(value: int | None) -> str:
    return _("not recorded") if value is None else number_format(value, force_grouping=True)


def applications_chart(
    edition: Edition, points: Any = None, previous_points: Any = None
) -> SafeString:
    if points is None:
        points = applications_curve(edition).points
        if edition.previous is not None:
            previous_points = applications_curve(edition.previous).points
    series = [Series(_("this edition"), points)]
    if previous_points:
        series.append(Series(_("previous edition"), previous_points, colour=PREVIOUS, dashed=True))
    return line_chart(
        title=_("Applications over time"),
        series=series,
        x_label=_("days before the first day"),
        chart_id="chart-applications",
    )


def against_previous(current: list[ValueRow], previous: list[ValueRow]) -> list[Bar]:
    """Bars of this edition's values, each with the previous edition's beneath (thin)."""
    before = {row.key: row for row in previous}
    bars = [
        Bar(row.label, float(row.usd), money(row.usd), _previous_usd(before.get(row.key)))
        for row in current
    ]
    now = {row.key for row in current}
    bars += [
        Bar(row.label, 0.0, money(0), float(row.usd)) for row in previous if row.key not in now
    ]
    return bars


def _previous_usd(row: ValueRow | None) -> float | None:
    return None if row is None else float(row.usd)


def dashboard_charts(
    edition: Edition, figures: Figures, outcomes: OutcomeFigures
) -> dict[str, SafeString]:
    totals = outcomes.totals
    meetings = outcomes.meetings
    return {
        "applications": applications_chart(edition),
        "countries": bar_chart(
            title=_("Qualified by country"),
            chart_id="chart-countries",
            bars=[
                Bar(r.label, r.count, count(r.count)) for r in figures.qualified_by_country[:TOP]
            ],
        ),
        "fields": bar_chart(
            title=_("Qualified by field"),
            chart_id="chart-fields",
            bars=[Bar(r.label, r.count, count(r.count)) for r in figures.qualified_by_field],
        ),
        "meetings": bar_chart(
            title=_("Meetings"),
            chart_id="chart-meetings",
            bars=[
                Bar(_("requested"), meetings.requested, count(meetings.requested)),
                Bar(_("placed"), meetings.placed, count(meetings.placed)),
                Bar(_("held"), meetings.held, count(meetings.held)),
                Bar(_("missed"), meetings.missed, count(meetings.missed)),
            ],
        ),
        "kinds": bar_chart(
            title=_("Intentions by cooperation kind"),
            chart_id="chart-kinds",
            bars=against_previous(totals.by_kind, outcomes.previous_by_kind),
        ),
        "intention_fields": bar_chart(
            title=_("Intentions by field"),
            chart_id="chart-intention-fields",
            bars=against_previous(totals.by_field, outcomes.previous_by_field),
        ),
        "against_previous": bar_chart(
            title=_("Intentional cooperation investment against the previous edition"),
            chart_id="chart-against-previous",
            bars=[
                Bar(_("this edition"), float(totals.total_usd), money(totals.total_usd)),
                Bar(
                    _("previous edition"),
                    None
                    if outcomes.previous_total_usd is None
                    else float(outcomes.previous_total_usd),
                    money(outcomes.previous_total_usd),
                ),
            ],
            not_recorded=_("no previous edition"),
        ),
        "funnel": bar_chart(
            title=_("Follow-up funnel"),
            chart_id="chart-funnel",
            bars=[
                Bar(
                    str(stage.label),
                    stage.count,
                    count(stage.count) + ("" if stage.usd is None else f" · {money(stage.usd)}"),
                )
                for stage in outcomes.funnel
            ],
        ),
    }


def _label(figures: dict[str, Any], group: str, key: str) -> str:
    labels = figures.get("labels", {})
    language = (get_language() or "en").lower()
    chosen = labels.get(language) or labels.get("en") or {}
    return chosen.get(group, {}).get(key, key)


def press_charts(edition: Edition, figures: dict[str, Any]) -> dict[str, SafeString]:
    """The press page's charts, from the (live or frozen) press figures alone."""
    return {
        "kinds": bar_chart(
            title=_("Intentions by cooperation kind"),
            chart_id="chart-kinds",
            bars=[
                Bar(_label(figures, "kind", r["key"]), float(r["usd"]), money(r["usd"]))
                for r in figures["intentions_by_kind"]
            ],
        ),
        "fields": bar_chart(
            title=_("Intentions by field"),
            chart_id="chart-intention-fields",
            bars=[
                Bar(_label(figures, "field", r["key"]), float(r["usd"]), money(r["usd"]))
                for r in figures["intentions_by_field"]
            ],
        ),
        "countries": bar_chart(
            title=_("Qualified by country"),
            chart_id="chart-countries",
            bars=[
                Bar(_label(figures, "country", r["key"]), r["count"], count(r["count"]))
                for r in figures["qualified_by_country"]
            ],
        ),
        "applications": applications_chart(
            edition, figures["applications_curve"], figures.get("previous_applications_curve")
        ),
    }
