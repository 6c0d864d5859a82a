"""An exhibitor's leads as CSV or XLSX, safe to open in a spreadsheet."""

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from fairmatch.core.interfaces.tables import table_csv, table_xlsx
from fairmatch.onsite.models import Lead


def lead_header() -> list[str]:
    return [
        _("Name"),
        _("Organisation"),
        _("Organisation (English)"),
        _("Country"),
        _("Role"),
        _("Follow up"),
        _("Note"),
        _("Captured"),
    ]


def lead_row(lead: Lead) -> list[str]:
    """One lead as the export shows it (text cells are neutralised by the table writer)."""
    badge = lead.badge
    return [
        badge.name,
        badge.organisation_original,
        badge.organisation_en,
        str(countries.name(badge.country)) if badge.country else "",
        str(badge.get_role_display()),
        _("yes") if lead.follow_up else _("no"),
        lead.note,
        timezone.localtime(lead.captured_at).strftime("%Y-%m-%d %H:%M"),
    ]


def leads_csv(leads: Iterable[Lead]) -> bytes:
    return table_csv(lead_header(), (lead_row(lead) for lead in leads))


def leads_xlsx(leads: Iterable[Lead]) -> bytes:
    return table_xlsx(lead_header(), (lead_row(lead) for lead in leads), title=_("Leads"))
