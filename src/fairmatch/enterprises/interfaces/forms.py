"""Forms of the applicant side: enterprise profile, roles, delegates, demands, capabilities."""

from decimal import Decimal
from typing import Any

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import Edition, Field, Rank
from fairmatch.conference.money import to_usd
from fairmatch.core.interfaces.languages import language_choices
from fairmatch.enterprises.models import Capability, Delegate, Demand, Enterprise, Participation

# No single outsourcing contract comes near this; larger values are typing mistakes.
IMPLAUSIBLE_CONTRACT_USD = Decimal("50000000000")


class CommaListField(forms.CharField):
    """A list of short items typed as one line, separated by commas."""

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:
        text = super().to_python(value) or ""
        items = [item.strip() for item in text.replace("，", ",").split(",")]
        return [item for item in items if item]


class EnterpriseForm(forms.ModelForm):
    certifications = CommaListField(
        label=_("Certifications"),
        required=False,
        max_length=500,
        help_text=_("Separated by commas, e.g. ISO 9001, CMMI 5, ISO 27001"),
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    description_language = forms.ChoiceField(
        label=_("Language of the description"), choices=language_choices
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Enterprise
        fields = [
            "name_original",
            "name_en",
            "country",
            "kind",
            "fields",
            "size",
            "certifications",
            "languages",
            "website",
            "description",
            "description_language",
        ]
        widgets = {"fields": forms.CheckboxSelectMultiple}


class RolesForm(forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["is_negotiator", "is_exhibitor"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("is_negotiator") or data.get("is_exhibitor")):
            raise forms.ValidationError(_("Choose at least one role: negotiations or exhibition."))
        return data


class DelegateForm(forms.ModelForm):
    class Meta:
        model = Delegate
        fields = ["full_name", "title", "rank", "email", "phone", "is_attending"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rank"].queryset = Rank.objects.all()
        self.fields["rank"].help_text = _("Seniority, from staff to chief executive")


class EditionCurrencyMixin:
    """Money in a currency the edition has an exchange rate for, and of plausible size."""

    edition: Edition
    rates: dict[str, Decimal]

    def setup_currency(self, *, edition: Edition, rates: dict[str, Decimal]) -> None:
        self.edition = edition
        self.rates = rates
        field = self.fields["currency"]  # type: ignore[attr-defined]
        field.choices = [(code, code) for code in sorted(rates, key=lambda c: (c != "USD", c))]
        # Selects show their first option; an untouched empty row must not count as changed.
        field.initial = "USD"
        self.fields["description_language"].initial = "en"  # type: ignore[attr-defined]

    def check_amount(self, *, amount: Decimal | None, currency: str | None, field: str) -> None:
        usd = None if amount is None or not currency else to_usd(amount, currency, self.rates)
        if usd is not None and usd > IMPLAUSIBLE_CONTRACT_USD:
            self.add_error(  # type: ignore[attr-defined]
                field,
                _("%(amount)s %(currency)s is implausibly large; check the number of zeros.")
                % {"amount": f"{amount:,.0f}", "currency": currency},
            )


class CurrencyChoiceField(forms.ChoiceField):
    def validate(self, value: Any) -> None:
        if value and not self.valid_value(value):
            accepted = ", ".join(code for code, _label in self.choices)  # type: ignore[misc]
            raise forms.ValidationError(
                _("%(currency)s has no exchange rate in this edition; accepted: %(accepted)s.")
                % {"currency": value, "accepted": accepted},
                code="invalid_choice",
            )
        super().validate(value)


class DemandForm(EditionCurrencyMixin, forms.ModelForm):
    currency = CurrencyChoiceField(label=_("Currency"))
    description_language = forms.ChoiceField(
        label=_("Language of the description"), choices=language_choices
    )

    class Meta:
        model = Demand
        fields = [
            "field",
            "cooperation_kind",
            "value",
            "currency",
            "description",
            "description_language",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, edition: Edition, rates: dict[str, Decimal], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.setup_currency(edition=edition, rates=rates)
        self.fields["field"].queryset = Field.objects.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_amount(amount=data.get("value"), currency=data.get("currency"), field="value")
        return data


class CapabilityForm(EditionCurrencyMixin, forms.ModelForm):
    currency = CurrencyChoiceField(label=_("Currency"))
    description_language = forms.ChoiceField(
        label=_("Language of the description"), choices=language_choices
    )

    class Meta:
        model = Capability
        fields = [
            "field",
            "cooperation_kind",
            "capacity",
            "currency",
            "references",
            "description",
            "description_language",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "references": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, edition: Edition, rates: dict[str, Decimal], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.setup_currency(edition=edition, rates=rates)
        self.fields["field"].queryset = Field.objects.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_amount(
            amount=data.get("capacity"), currency=data.get("currency"), field="capacity"
        )
        return data


class CachedChoicesFormSet(BaseInlineFormSet):
    """Loads the choices of every select (ranks, fields, kinds) once, not once per row."""

    def _construct_form(self, i: int, **kwargs: Any) -> forms.Form:
        form = super()._construct_form(i, **kwargs)
        if not hasattr(self, "_choices"):
            self._choices = {
                name: list(field.choices)
                for name, field in form.fields.items()
                if isinstance(field, forms.ModelChoiceField) and not field.widget.is_hidden
            }
        for name, choices in self._choices.items():
            form.fields[name].choices = choices
        return form


class EditionFormSet(CachedChoicesFormSet):
    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        self.edition = edition
        self.rates = exchange_rates(edition)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(index)
        kwargs.update(edition=self.edition, rates=self.rates)
        return kwargs


DelegateFormSet = inlineformset_factory(
    Participation,
    Delegate,
    form=DelegateForm,
    formset=CachedChoicesFormSet,
    extra=1,
    can_delete=True,
    max_num=20,
)
DemandFormSet = inlineformset_factory(
    Participation,
    Demand,
    form=DemandForm,
    formset=EditionFormSet,
    extra=1,
    can_delete=True,
    max_num=20,
)
CapabilityFormSet = inlineformset_factory(
    Participation,
    Capability,
    form=CapabilityForm,
    formset=EditionFormSet,
    extra=1,
    can_delete=True,
    max_num=20,
)
