"""An exhibitor's leads as CSV or XLSX, safe to open in a spreadsheet."""

import csv
from collections.abc import Iterable
from io import BytesIO, StringIO

from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from openpyxl import Workbook

from fairmatch.onsite.models import Lead

# A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _rows(leads: Iterable[Lead]) -> list[list[str]]:
    header = [
        _("Name"),
        _("Organisation"),
        _("Organisation (English)"),
        _("Country"),
        _("Role"),
        _("Follow up"),
        _("Note"),
        _("Captured"),
    ]
    rows = [header]
    for lead in leads:
        badge = lead.badge
        rows.append(
            [
                _cell(badge.name),
                _cell(badge.organisation_original),
                _cell(badge.organisation_en),
                str(countries.name(badge.country)) if badge.country else "",
                str(badge.get_role_display()),
                _("yes") if lead.follow_up else _("no"),
                _cell(lead.note),
                timezone.localtime(lead.captured_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return rows


def leads_csv(leads: Iterable[Lead]) -> bytes:
    out = StringIO()
    csv.writer(out).writerows(_rows(leads))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # a BOM so spreadsheets read UTF-8


def leads_xlsx(leads: Iterable[Lead]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Leads")[:31]
    for row in _rows(leads):
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()
