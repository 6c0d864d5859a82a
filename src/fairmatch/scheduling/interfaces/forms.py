from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fairmatch.core.interfaces.languages import language_choices
from fairmatch.scheduling.models import NegotiationSession, NegotiationTable, Slot


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
    meeting = forms.IntegerField(label=_("Meeting (#)"), min_value=1)
    version = forms.IntegerField(label=_("Version"), min_value=1)
    slot = forms.ModelChoiceField(label=_("Slot"), queryset=Slot.objects.none())
    table = forms.ModelChoiceField(label=_("Table"), queryset=NegotiationTable.objects.none())

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = Slot.objects.filter(session__edition=edition)
        self.fields["table"].queryset = NegotiationTable.objects.filter(edition=edition)


class PublishForm(forms.Form):
    name = forms.CharField(label=_("Name of the release"), max_length=100)
