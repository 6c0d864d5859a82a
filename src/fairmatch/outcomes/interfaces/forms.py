"""Forms of the outcomes pages: record an intention, dispute it, enter one at a ceremony,
answer a follow-up. They parse; the rules live in ``outcomes.domain``."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from fairmatch.conference.models import CooperationKind, Field
from fairmatch.enterprises.models import Participation
from fairmatch.outcomes.domain.intentions import DOCUMENT_TYPES, Terms
from fairmatch.outcomes.models import FollowUpOutcome, IntentionForm


class TermsForm(forms.Form):
    form = forms.ChoiceField(label=_("Form"), choices=IntentionForm.choices)
    kind = forms.ModelChoiceField(
        label=_("Cooperation kind"), queryset=CooperationKind.objects.all(), empty_label=None
    )
    field = forms.ModelChoiceField(label=_("Field"), queryset=Field.objects.all(), empty_label=None)
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2)
    currency = forms.CharField(
        label=_("Currency"),
        max_length=3,
        min_length=3,
        initial="USD",
        help_text=_("e.g. USD, EUR, CNY"),
    )
    expected_start = forms.DateField(
        label=_("Expected start"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def terms(self) -> Terms:
        data = self.cleaned_data
        return Terms(
            form=data["form"],
            kind=data["kind"],
            field=data["field"],
            amount=Decimal(data["amount"]),
            currency=data["currency"].upper(),
            expected_start=data.get("expected_start"),
        )


class RecordForm(TermsForm):
    meeting = forms.TypedChoiceField(label=_("Meeting"), coerce=int)
    document = forms.FileField(
        label=_("Signed document (optional)"),
        required=False,
        help_text=_("PDF, JPEG or PNG, up to 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(DOCUMENT_TYPES)}),
    )

    def __init__(self, *args: Any, meetings: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = meetings
        self.order_fields(["meeting"])


class DisputeForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # the label is a question
        super().__init__(*args, **kwargs)

    reason = forms.CharField(
        label=_("What is wrong?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CeremonyForm(TermsForm):
    first = forms.ModelChoiceField(label=_("First party"), queryset=Participation.objects.none())
    second = forms.ModelChoiceField(label=_("Second party"), queryset=Participation.objects.none())
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parties = (
            Participation.objects.filter(edition=edition, is_negotiator=True)
            .select_related("enterprise")
            .order_by("enterprise__name_en")
        )
        self.fields["first"].queryset = parties
        self.fields["second"].queryset = parties
        self.order_fields(["first", "second"])


class FollowUpForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")  # the labels are questions
        super().__init__(*args, **kwargs)

    outcome = forms.ChoiceField(
        label=_("What became of the deal?"),
        choices=FollowUpOutcome.choices,
        widget=forms.RadioSelect,
    )
    value = forms.DecimalField(
        label=_("Value of the contract"), max_digits=18, decimal_places=2, required=False
    )
    currency = forms.CharField(label=_("Currency"), max_length=3, required=False)
    reason = forms.CharField(
        label=_("If not, why not?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
