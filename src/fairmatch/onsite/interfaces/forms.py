"""Forms of the day: check-in, marking meetings, absentees, leads, press accreditation."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from fairmatch.onsite.models import Absent, BadgeLayout, Outcome, PressAccreditation


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Badge code"),
        max_length=300,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    method = forms.ChoiceField(
        choices=[("scan", "scan"), ("code", "code"), ("search", "search")],
        required=False,
        widget=forms.HiddenInput,
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation"), max_length=100, required=False)


class StaffMarkForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    absent = forms.ChoiceField(
        label=_("Who did not come"), choices=[("", "—"), *Absent.choices], required=False
    )
    place_again = forms.BooleanField(label=_("Place it again later today"), required=False)


class ParticipantMarkForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)


class AbsentByForm(forms.Form):
    deadline = forms.TimeField(
        label=_("Not checked in by"),
        initial=datetime.time(10, 0),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))


class PrintForm(forms.Form):
    layout = forms.ChoiceField(label=_("Layout"), choices=BadgeLayout.choices)


class LeadForm(forms.Form):
    code = forms.CharField(
        label=_("Badge code"), max_length=300, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    follow_up = forms.BooleanField(label=_("Follow up"), required=False)


class LeadEditForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    follow_up = forms.BooleanField(label=_("Follow up"), required=False)


class PressForm(forms.ModelForm):
    class Meta:
        model = PressAccreditation
        fields = ["full_name", "outlet", "country", "email", "phone"]


class PressDecisionForm(forms.Form):
    state = forms.ChoiceField(choices=[("approved", _("approve")), ("rejected", _("reject"))])
