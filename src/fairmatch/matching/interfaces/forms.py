from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from fairmatch.conference.models import CooperationKind, Field
from fairmatch.core.interfaces.languages import language_choices
from fairmatch.enterprises.models import Demand, Participation
from fairmatch.matching.domain.directory import DirectoryFilters
from fairmatch.matching.models import MatchingPolicy, WishLevel

SIZE_BAND_LABELS = (
    ("", _("any size")),
    ("under_1m", _("under USD 1 M")),
    ("1m_8m", _("USD 1 M to 8 M")),
    ("8m_20m", _("USD 8 M to 20 M")),
    ("over_20m", _("over USD 20 M")),
)


def _blank(label: Any) -> list[tuple[str, Any]]:
    return [("", label)]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[("", _("all")), ("buyer", _("buyers")), ("provider", _("providers"))],
    )
    field = forms.ChoiceField(label=_("Field"), required=False)
    cooperation_kind = forms.ChoiceField(label=_("Cooperation kind"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    size_band = forms.ChoiceField(
        label=_("Contract size"), required=False, choices=SIZE_BAND_LABELS
    )
    certification = forms.CharField(label=_("Certification"), required=False, max_length=50)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = _blank(_("all fields")) + [
            (f.code, f.name) for f in Field.objects.all()
        ]
        self.fields["cooperation_kind"].choices = _blank(_("all kinds")) + [
            (k.code, k.name) for k in CooperationKind.objects.all()
        ]
        self.fields["country"].choices = _blank(_("all countries")) + list(countries)
        self.fields["language"].choices = _blank(_("any language")) + language_choices()

    def filters(self) -> DirectoryFilters:
        if not self.is_valid():
            return DirectoryFilters()
        data = self.cleaned_data
        return DirectoryFilters(
            text=data["q"],
            field=data["field"],
            cooperation_kind=data["cooperation_kind"],
            country=data["country"],
            size_band=data["size_band"],
            certification=data["certification"],
            language=data["language"],
            role=data["role"],
        )


class MeetingRequestForm(forms.Form):
    demand = forms.ModelChoiceField(
        label=_("About the demand"), queryset=Demand.objects.none(), required=False
    )
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        coerce=int,
        choices=[(1, _("high")), (2, _("normal")), (3, _("low"))],
        initial=2,
    )

    at_booth = forms.BooleanField(
        label=_("Meet at the exhibition booth instead of a negotiation table"),
        required=False,
        help_text=_("The meeting takes place at the booth if the other side accepts."),
    )

    def __init__(
        self,
        *args: Any,
        viewer: Participation,
        other: Participation,
        booth_possible: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["demand"].queryset = Demand.objects.filter(
            participation__in=[viewer, other]
        ).select_related("field")
        if not booth_possible:
            del self.fields["at_booth"]


class AnswerForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000, required=False
    )


class WishForm(forms.Form):
    level = forms.ChoiceField(label=_("Your wish"), choices=WishLevel.choices)


PAIR_CHOICES = (
    ("buyer:provider", _("buyers with providers")),
    ("provider:provider", _("providers with providers")),
    ("buyer:buyer", _("buyers with buyers")),
)


class PolicyForm(forms.ModelForm):
    pairs = forms.MultipleChoiceField(
        label=_("Who may meet whom"),
        choices=PAIR_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        initial=["buyer:provider"],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.allowed_pairs:
            self.initial["pairs"] = [f"{a}:{b}" for a, b in self.instance.allowed_pairs]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "pairs" in data:
            data["allowed_pairs"] = [pair.split(":") for pair in data["pairs"]]
        return data

    def _post_clean(self) -> None:
        super()._post_clean()
        if "allowed_pairs" in self.cleaned_data:
            self.instance.allowed_pairs = self.cleaned_data["allowed_pairs"]

    class Meta:
        model = MatchingPolicy
        fields = [
            "mode",
            "request_deadline",
            "buyer_request_quota",
            "provider_request_quota",
            "meetings_per_participant",
        ]
        widgets = {"request_deadline": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class ParticipantChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Participation) -> str:
        enterprise = obj.enterprise
        kind = enterprise.get_kind_display()
        return f"{enterprise.name_original} ({enterprise.country.code}, {kind})"


class ArrangeForm(forms.Form):
    first = ParticipantChoiceField(
        label=_("First participant"), queryset=Participation.objects.none()
    )
    second = ParticipantChoiceField(
        label=_("Second participant"), queryset=Participation.objects.none()
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args: Any, edition: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        listed = (
            Participation.objects.filter(
                edition=edition, state__in=["qualified", "confirmed"], is_negotiator=True
            )
            .select_related("enterprise")
            .order_by("enterprise__name_en")
        )
        self.fields["first"].queryset = listed
        self.fields["second"].queryset = listed


class SuggestionsForm(forms.Form):
    minimum_per_provider = forms.IntegerField(
        label=_("Suggestions every provider gets at least"), min_value=0, max_value=50, initial=3
    )
