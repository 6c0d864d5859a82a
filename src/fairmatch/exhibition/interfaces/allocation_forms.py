"""Forms of the allocation pages: every number a request carries is read through one of them.

A booth is chosen as ``<booth number>:<version>`` (the version the page showed), an
exhibitor as ``<application number>:<version of its booth>`` (0 without a booth): the
domain refuses an edit made on a stale page. Numbers are read in the digits 0-9 only.
"""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from fairmatch.exhibition.domain.allocation import confirmed_exhibitors, default_weights
from fairmatch.exhibition.models import AllocationRun, Booth, ExhibitorApplication

_ROW_AND_VERSION = re.compile(r"([0-9]{1,18}):([0-9]{1,10})")
MAX_COMPARED_RUNS = 4
MAX_WEIGHT = 1000


def weight_labels() -> dict[str, Any]:
    """The engine's weights as the organiser reads them."""
    return {
        "preferred_hall": _("Preferred hall"),
        "preferred_zone": _("Preferred zone"),
        "country_pavilion": _("Foreign exhibitor in its country's pavilion"),
        "country_neighbours": _("Same-country exhibitors side by side"),
        "field_neighbours": _("Same-field exhibitors side by side"),
        "wanted_neighbour": _("Wanted neighbour beside"),
        "avoided_neighbour": _("Competitor beside (subtracted)"),
        "sponsor_footfall": _("Sponsors on busy booths"),
    }


class RunForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"), min_value=1, max_value=3600, initial=60
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = weight_labels()
        for name, value in default_weights().items():
            self.fields[f"weight_{name}"] = forms.IntegerField(
                label=labels.get(name, name),
                min_value=0,
                max_value=MAX_WEIGHT,
                initial=value,
                required=False,
            )

    def weight_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name.startswith("weight_")]

    def weights(self) -> dict[str, int]:
        return {
            name.removeprefix("weight_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("weight_") and value is not None
        }


def _row_and_version(value: Any, error: str) -> tuple[int, int]:
    match = _ROW_AND_VERSION.fullmatch(str(value or "").strip())
    if not match:
        raise ValidationError(error)
    return int(match.group(1)), int(match.group(2))


class _PlanForm(forms.Form):
    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edition = edition

    def _booth(self, value: Any) -> tuple[Booth, int]:
        pk, version = _row_and_version(value, _("Choose a booth of the list."))
        booth = Booth.objects.select_related("hall").filter(pk=pk, hall__edition=self.edition)
        found = booth.first()
        if found is None:
            raise ValidationError(_("Choose a booth of the list."))
        return found, version


class AssignForm(_PlanForm):
    """Give a booth to an exhibitor (a move when it has one)."""

    exhibitor = forms.CharField(label=_("Exhibitor"))
    booth = forms.CharField(label=pgettext_lazy("booth allocation", "Booth"))

    def clean_exhibitor(self) -> tuple[ExhibitorApplication, int]:
        pk, version = _row_and_version(
            self.cleaned_data["exhibitor"], _("Choose an exhibitor of the list.")
        )
        found = (
            ExhibitorApplication.objects.filter(pk=pk, participation__edition=self.edition)
            .select_related("participation__enterprise")
            .first()
        )
        if found is None:
            raise ValidationError(_("Choose an exhibitor of the list."))
        return found, version

    def clean_booth(self) -> tuple[Booth, int]:
        return self._booth(self.cleaned_data["booth"])


class SwapForm(_PlanForm):
    first = forms.CharField(label=pgettext_lazy("booth allocation", "Booth"))
    second = forms.CharField(label=_("with booth"))

    def clean_first(self) -> tuple[Booth, int]:
        return self._booth(self.cleaned_data["first"])

    def clean_second(self) -> tuple[Booth, int]:
        return self._booth(self.cleaned_data["second"])


class VersionForm(forms.Form):
    """The booth's version the page showed, for lock, unlock and free."""

    version = forms.RegexField(regex=r"^[0-9]{1,10}$")

    def version_number(self) -> int:
        return int(self.cleaned_data["version"])


class PublishForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the exhibitors"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CompareRunsForm(forms.Form):
    run = forms.MultipleChoiceField(label=_("Runs"))

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["run"].choices = [
            (str(pk), str(pk))
            for pk in AllocationRun.objects.filter(edition=edition).values_list("pk", flat=True)
        ]

    def clean_run(self) -> list[AllocationRun]:
        chosen = self.cleaned_data["run"]
        if not 1 <= len(chosen) <= MAX_COMPARED_RUNS:
            raise ValidationError(
                _("Choose between one and %(count)d runs.") % {"count": MAX_COMPARED_RUNS}
            )
        return list(
            AllocationRun.objects.filter(edition=self.edition, pk__in=chosen).order_by("pk")
        )


def exhibitor_choices(edition: Any) -> list[tuple[str, str]]:
    """Confirmed exhibitors as the assign form lists them: value ``pk:booth version``."""
    rows = (
        confirmed_exhibitors(edition)
        .select_related("participation__enterprise", "assignment__booth__hall")
        .order_by("participation__enterprise__name_en", "pk")
    )
    choices = []
    for application in rows:
        assignment = getattr(application, "assignment", None)
        name = application.participation.enterprise.display_name
        if assignment is None:
            choices.append((f"{application.pk}:0", name))
        else:
            booth = assignment.booth
            choices.append(
                (f"{application.pk}:{booth.version}", f"{name} ({booth.hall.code}-{booth.code})")
            )
    return choices
