"""Forms of the schedule pages: every number a request carries is read through one of them.

Row numbers and versions are written with the digits 0-9 only: ``int()`` alone accepts
other scripts' digits and any length, which the database then refuses with a server error.
"""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from fairmatch.conference.models import Field
from fairmatch.core.interfaces.languages import language_choices
from fairmatch.enterprises.models import Participation
from fairmatch.scheduling.models import (
    Meeting,
    NegotiationSession,
    NegotiationTable,
    ScheduleRun,
    Slot,
)

_ROW_NUMBER = re.compile(r"[0-9]{1,18}")  # below 2**63, the largest primary key
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,50}")
MAX_VERSION = 2**31 - 1  # the version column is a positive integer
MAX_COMPARED_RUNS = 4


class WholeNumberField(forms.IntegerField):
    """A whole number in the digits 0-9; bounds are checked by the usual validators."""

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not _WHOLE_NUMBER.fullmatch(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(text)


class RowChoiceField(forms.ModelChoiceField):
    """One row of the queryset, named by its number; anything else is not a valid choice."""

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values or isinstance(value, Model):
            return super().to_python(value)
        if not _ROW_NUMBER.fullmatch(str(value).strip()):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(str(value).strip())


class RowsChoiceField(forms.ModelMultipleChoiceField):
    """Several rows of the queryset, each named by its number."""

    def _check_values(self, value: Any) -> Any:
        for item in value:
            if not _ROW_NUMBER.fullmatch(str(item)):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)


def version_field(label: Any = None) -> WholeNumberField:
    return WholeNumberField(
        label=label or _("Version"), min_value=1, max_value=MAX_VERSION, widget=forms.NumberInput
    )


def meeting_field(edition: Any, label: Any) -> RowChoiceField:
    return RowChoiceField(
        label=label,
        queryset=Meeting.objects.filter(edition=edition),
        widget=forms.NumberInput(attrs={"min": 1}),
        error_messages={"invalid_choice": _("No meeting of this edition has that number.")},
    )


class SessionForm(forms.ModelForm):
    class Meta:
        model = NegotiationSession
        fields = [
            "date",
            "part",
            "starts_at",
            "slot_count",
            "slot_minutes",
            "pause_minutes",
            "table_count",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
        }


class TablesForm(forms.Form):
    """Adds a run of numbered tables at once (a hall is set up row by row)."""

    count = forms.IntegerField(label=_("How many tables"), min_value=1, max_value=500)
    zone = forms.CharField(label=_("Zone"), max_length=60, required=False)
    interpreter_languages = forms.MultipleChoiceField(
        label=_("Interpreters"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class RunForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit (seconds)"), min_value=1, max_value=3600, initial=60
    )
    fairness = forms.IntegerField(
        label=_("Largest difference in breaks between two participants"),
        min_value=0,
        max_value=20,
        initial=2,
    )
    seed = forms.IntegerField(label=_("Seed"), min_value=0, max_value=2**31 - 1, initial=0)


class MoveForm(forms.Form):
    slot = RowChoiceField(label=_("Slot"), queryset=Slot.objects.none())
    table = RowChoiceField(label=_("Table"), queryset=NegotiationTable.objects.none())

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {
            "meeting": meeting_field(edition, _("Meeting (#)")),
            "version": version_field(),
            **self.fields,
        }
        self.fields["slot"].queryset = Slot.objects.filter(session__edition=edition)
        self.fields["table"].queryset = NegotiationTable.objects.filter(edition=edition)


class SwapForm(forms.Form):
    """Two placed meetings of the edition exchange their places; each names its version."""

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first"] = meeting_field(edition, _("Swap meeting (#)"))
        self.fields["first_version"] = version_field(_("its version"))
        self.fields["second"] = meeting_field(edition, _("with meeting (#)"))
        self.fields["second_version"] = version_field(_("its version"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("first") is not None and data.get("first") == data.get("second"):
            raise ValidationError(_("Choose two different meetings."))
        return data


class MeetingEditForm(forms.Form):
    """Lock, unlock, take off the grid or cancel one meeting, as of its version."""

    version = version_field()
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class ParticipantForm(forms.Form):
    """One participant of the edition, by its number (board filter, same-day absence)."""

    def __init__(self, *args: Any, edition: Any, required: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unknown = _("No participant of this edition has that number.")
        self.fields["participant"] = RowChoiceField(
            label=_("Participant"),
            queryset=Participation.objects.filter(edition=edition).select_related("enterprise"),
            required=required,
            error_messages={"invalid_choice": unknown, "required": unknown},
        )


class CompareRunsForm(forms.Form):
    """Up to four runs of the edition, side by side."""

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["run"] = RowsChoiceField(
            label=_("Runs"),
            queryset=ScheduleRun.objects.filter(edition=edition),
            required=False,
            error_messages={"invalid_choice": _("No run of this edition has that number.")},
        )

    def clean_run(self) -> Any:
        runs = self.cleaned_data["run"]
        if len(runs) > MAX_COMPARED_RUNS:
            raise ValidationError(
                ngettext(
                    "Compare at most %(count)d run at once.",
                    "Compare at most %(count)d runs at once.",
                    MAX_COMPARED_RUNS,
                )
                % {"count": MAX_COMPARED_RUNS}
            )
        return runs


class AvailabilityForm(forms.Form):
    """The slots of the edition a participant cannot attend."""

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unknown = _("One of the chosen slots does not exist in this edition.")
        self.fields["slot"] = RowsChoiceField(
            label=_("Slot"),
            queryset=Slot.objects.filter(session__edition=edition),
            required=False,
            error_messages={"invalid_choice": unknown, "invalid_pk_value": unknown},
        )


class PublishForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the release"),
        max_length=100,
        help_text=_("For the organisers only; delegates never see it."),
    )
    public_note = forms.CharField(
        label=_("Note to the delegates"),
        max_length=500,
        required=False,
        help_text=_("Optional; shown to the delegates with their agenda and in the e-mail."),
    )


class DelegateForm(forms.Form):
    """One of the given delegates (whose calendar address is to be replaced)."""

    def __init__(self, *args: Any, delegates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegate"] = RowChoiceField(
            label=_("Delegate"),
            queryset=delegates,
            error_messages={
                "invalid_choice": _("No delegate of this participant has that number."),
                "required": _("No delegate of this participant has that number."),
            },
        )


class BoardFilterForm(forms.Form):
    """The board's session, view, page and filters; a bad value is dropped and named."""

    session = RowChoiceField(label=_("Session"), queryset=NegotiationSession.objects.none())
    view = forms.ChoiceField(
        label=_("View"),
        choices=[("tables", _("Slots × tables")), ("people", _("Slots × participants"))],
    )
    page = WholeNumberField(label=_("Page"), min_value=1, max_value=100000)
    q = forms.CharField(label=_("Find an enterprise"), max_length=100, strip=True)
    field = forms.ModelChoiceField(label=_("Field"), queryset=Field.objects.none())
    country = forms.ChoiceField(label=_("Country"), choices=[])
    state = forms.ChoiceField(
        label=_("State"),
        choices=[
            ("", _("any state")),
            ("locked", _("locked")),
            ("unlocked", _("not locked")),
            ("moved", _("placed by hand")),
            ("removed", _("taken off the grid by hand")),
        ],
    )
    conflicts = forms.BooleanField(label=_("Only conflicts"))

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in self.fields.values():
            item.required = False
        self.fields["session"].queryset = NegotiationSession.objects.filter(edition=edition)
        self.fields["field"].queryset = Field.objects.filter(
            enterprises__participations__edition=edition
        ).distinct()
        codes = (
            Participation.objects.filter(edition=edition)
            .values_list("enterprise__country", flat=True)
            .distinct()
            .order_by()
        )
        names = dict(countries)
        named = sorted(
            ((code, names.get(code, code)) for code in set(codes) if code),
            key=lambda choice: str(choice[1]),
        )
        self.fields["country"].choices = [("", _("any country")), *named]

    def query(self) -> Any:
        """The asked board, keeping the valid values only (the form must have been cleaned)."""
        from fairmatch.scheduling.domain.board import BoardQuery

        data = {key: value for key, value in self.cleaned_data.items() if key not in self.errors}
        session = data.get("session")
        field = data.get("field")
        return BoardQuery(
            session=session.pk if session else None,
            view=data.get("view") or "tables",
            page=data.get("page") or 1,
            q=data.get("q") or "",
            field=field.pk if field else None,
            country=data.get("country") or "",
            state=data.get("state") or "",
            conflicts=bool(data.get("conflicts")),
        )


class PlaceCheckForm(forms.Form):
    """A meeting (at the version the page shows), and the slot and table it is dragged to."""

    slot = RowChoiceField(label=_("Slot"), queryset=Slot.objects.none())
    table = RowChoiceField(label=_("Table"), queryset=NegotiationTable.objects.none())

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"] = meeting_field(edition, _("Meeting (#)"))
        self.fields["version"] = version_field()
        self.fields["slot"].queryset = Slot.objects.filter(session__edition=edition).select_related(
            "session"
        )
        self.fields["table"].queryset = NegotiationTable.objects.filter(edition=edition)
