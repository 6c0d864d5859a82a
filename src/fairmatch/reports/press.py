"""The press figures of an edition, live or frozen in a snapshot, in every site language.

A snapshot stores what the press page and the fact sheet show, labels included in each
language, so that quoted numbers and names stay exactly as they were when taken.
"""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import override
from django_countries import countries

from fairmatch.conference.models import CooperationKind, Edition, Field
from fairmatch.core.domain.audit import record_action
from fairmatch.reports.exhibitors import exhibitor_counts
from fairmatch.reports.figures import (
    Segment,
    applications_curve,
    edition_figures,
    outcome_figures,
)
from fairmatch.reports.models import PressSnapshot

TOP_COUNTRIES = 10


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def exhibitor_figures(edition: Edition) -> dict[str, Any] | None:
    """Exhibitors and their foreign share; None while the edition has none (counted as
    ``reports.exhibitors`` counts them)."""
    total, foreign = exhibitor_counts(edition)
    if not total:
        return None
    return {
        "count": total,
        "foreign": foreign,
        "foreign_share_pct": round(100.0 * foreign / total, 1),
    }


def _names(edition: Edition | None) -> dict[str, str] | None:
    if edition is None:
        return None
    return {
        code: edition.name_zh if code.startswith("zh") and edition.name_zh else edition.name_en
        for code in languages()
    }


def press_figures(edition: Edition) -> dict[str, Any]:
    """Everything the press page and the fact sheet show, JSON-ready, labels per language."""
    figures = edition_figures(edition, segment=Segment.ALL)
    foreign = edition_figures(edition, segment=Segment.FOREIGN)
    outcomes = outcome_figures(edition)
    kinds = list(CooperationKind.objects.all())
    fields = list(Field.objects.all())
    country_codes = [row.key for row in figures.qualified_by_country[:TOP_COUNTRIES]]
    country_codes += [row.key for row in outcomes.totals.by_country]
    by_language = {}
    for code in languages():
        with override(code):
            by_language[code] = {
                "kind": {kind.code: kind.name for kind in kinds},
                "field": {item.code: item.name for item in fields},
                "country": {key: str(countries.name(key)) for key in country_codes},
            }
    totals = outcomes.totals
    previous_curve = applications_curve(edition.previous) if edition.previous else None
    return {
        "edition": edition.slug,
        "edition_name": _names(edition),
        "previous_edition_name": _names(edition.previous),
        "taken_at": timezone.now().isoformat(),
        "qualified": figures.qualified,
        "countries_qualified": figures.countries_qualified,
        "foreign_qualified": foreign.qualified,
        "foreign_countries": foreign.countries_qualified,
        "waiting_confirmation": figures.waiting_confirmation,
        "expected_attendance": round(figures.expected_attendance),
        "previous_qualified": figures.previous_qualified,
        "growth_vs_previous_pct": figures.growth_vs_previous_pct,
        "exhibitors": exhibitor_figures(edition),
        "intentions_confirmed": totals.confirmed,
        "intentions_total_usd": str(round(totals.total_usd, 2)),
        "previous_intentions_total_usd": (
            None
            if outcomes.previous_total_usd is None
            else str(round(outcomes.previous_total_usd, 2))
        ),
        "intentions_growth_vs_previous_pct": outcomes.growth_vs_previous_pct,
        "intentions_by_kind": [
            {"key": row.key, "count": row.count, "usd": str(round(row.usd, 2))}
            for row in totals.by_kind
        ],
        "intentions_by_country": [
            {"key": row.key, "count": row.count, "usd": str(round(row.usd, 2))}
            for row in totals.by_country
        ],
        "intentions_by_field": [
            {"key": row.key, "count": row.count, "usd": str(round(row.usd, 2))}
            for row in totals.by_field
        ],
        "qualified_by_country": [
            {"key": row.key, "count": row.count}
            for row in figures.qualified_by_country[:TOP_COUNTRIES]
        ],
        "applications_curve": applications_curve(edition).points,
        "previous_applications_curve": previous_curve.points if previous_curve else None,
        "labels": by_language,
    }


def freeze_snapshot(*, edition: Edition, user: Any, title: str = "") -> PressSnapshot:
    """Freeze the live press figures before a press conference.

    Side effects, in order: the snapshot is stored, the organiser action is audited.
    """
    with transaction.atomic():
        snapshot = PressSnapshot.objects.create(
            edition=edition,
            taken_by=user if getattr(user, "pk", None) else None,
            title=title.strip()[:200],
            figures=press_figures(edition),
        )
        snapshot.figures["taken_at"] = snapshot.taken_at.isoformat()
        snapshot.save(update_fields=["figures"])
        record_action(
            actor=user,
            action="press.snapshot_frozen",
            target=snapshot,
            note=snapshot.title,
            data={"intentions_total_usd": snapshot.figures["intentions_total_usd"]},
        )
    return snapshot
