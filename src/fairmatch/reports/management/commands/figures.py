"""``fairmatch figures --json [--edition SLUG] [--segment all|foreign|domestic]``."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fairmatch.conference.models import Edition
from fairmatch.reports.exhibitors import exhibitor_figures
from fairmatch.reports.figures import Segment, edition_figures, onsite_figures, outcome_figures


class Command(BaseCommand):
    help = (
        "Print an edition's published figures (qualified, countries, growth, attendance, "
        "meetings, signed intentions, exhibitors and booths)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--edition", help="edition slug (default: the latest edition)")
        parser.add_argument("--segment", choices=Segment.CHOICES, default=Segment.ALL)
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["edition"]:
            edition = Edition.objects.filter(slug=options["edition"]).first()
            if edition is None:
                raise CommandError(f"no edition with the short name {options['edition']!r}")
        else:
            edition = Edition.objects.order_by("-start_date").first()
            if edition is None:
                raise CommandError("there is no edition yet; run `fairmatch demo` to build one")
        figures = edition_figures(edition, segment=options["segment"])
        data = figures.to_json()
        data.update(onsite_figures(edition, segment=options["segment"]).to_json())
        if options["segment"] == Segment.ALL:
            for segment in (Segment.FOREIGN, Segment.DOMESTIC):
                data[segment] = edition_figures(edition, segment=segment).to_json()
                data[segment].update(onsite_figures(edition, segment=segment).to_json())
        outcomes = outcome_figures(edition)
        data.update(outcomes.to_json())
        exhibition = exhibitor_figures(edition)
        data.update(exhibition.to_json())
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{edition.name}: {figures.qualified} enterprises from "
            f"{figures.countries_qualified} countries qualified, "
            f"{figures.waiting_confirmation} waiting for confirmation, "
            f"{figures.rejected} rejected; expected attendance "
            f"{figures.expected_attendance_formula}"
        )
        if figures.growth_vs_previous_pct is not None:
            self.stdout.write(
                f"growth vs previous edition: {figures.growth_vs_previous_pct:+.1f} %"
            )
        self.stdout.write(
            f"intentions: {outcomes.totals.confirmed} confirmed, "
            f"USD {outcomes.totals.total_usd:,.2f} of intentional cooperation investment"
        )
        self.stdout.write(
            f"exhibitors: {exhibition.exhibitors}, {exhibition.foreign_exhibitors} foreign; "
            f"booths {exhibition.booths_taken}/{exhibition.booths_total}, "
            f"{exhibition.floor_area_let_m2:,.1f} m² let"
        )
