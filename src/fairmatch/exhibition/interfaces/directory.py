"""The public exhibitor directory's filter form and the link to a booth on the plan."""

from typing import Any

from django import forms
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from fairmatch.conference.models import Edition, Field
from fairmatch.core.models.bilingual import is_chinese_active
from fairmatch.exhibition.domain.directory import ExhibitorFilters, service_choices

# The published floor plan's page (the pattern name); a booth's panel opens on the page
# from the fragment ``#booth-<hall>-<booth>`` (characters other than letters, digits, "-"
# and "_" written "_"), as the plan's own links do.
PLAN_URL_NAME = "floorplan:plan"


def plan_url(edition: Edition) -> str | None:
    """The public floor plan's address, or None while no such page exists."""
    try:
        return reverse(PLAN_URL_NAME, args=[edition.slug])
    except NoReverseMatch:
        return None


def booth_url(base: str | None, *, hall_code: str, booth_code: str) -> str | None:
    """The plan's address opened at one booth's panel."""
    if base is None or not booth_code:
        return None
    key = "".join(c if c.isalnum() or c in "-_" else "_" for c in f"{hall_code}-{booth_code}")
    return f"{base}#booth-{key}"


def _blank(label: Any) -> list[tuple[str, Any]]:
    return [("", label)]


class ExhibitorFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    field = forms.ChoiceField(label=_("Field"), required=False)
    service = forms.ChoiceField(label=_("Service"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    hall = forms.ChoiceField(label=_("Hall"), required=False)

    def __init__(self, *args: Any, halls: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = _blank(_("all fields")) + [
            (f.code, f.name) for f in Field.objects.all()
        ]
        self.fields["service"].choices = _blank(_("all services")) + service_choices(
            chinese=is_chinese_active()
        )
        self.fields["country"].choices = _blank(_("all countries")) + list(countries)
        self.fields["hall"].choices = _blank(_("all halls")) + halls
        if not halls:
            del self.fields["hall"]

    def filters(self) -> ExhibitorFilters:
        if not self.is_valid():
            return ExhibitorFilters()
        data = self.cleaned_data
        return ExhibitorFilters(
            text=data["q"],
            field=data["field"],
            service=data["service"],
            country=data["country"],
            hall=data.get("hall", ""),
        )
