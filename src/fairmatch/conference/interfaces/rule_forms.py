"""Forms of the rule configuration page: one form per rule kind, and exchange rates."""

from decimal import Decimal
from typing import Any, ClassVar

from babel.numbers import list_currencies
from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from fairmatch.conference.domain.rules import RuleError, validate_rule
from fairmatch.conference.models import Field, QualificationRule, Rank, Role, RuleKind
from fairmatch.conference.qualification.countries import KNOWN_GROUPS

MAX_USD = Decimal("1e15")

GROUP_LABELS = {
    "foreign": _("foreign (outside the host country)"),
    "domestic": _("domestic (the host country)"),
    "eu": _("European Union"),
    "asean": _("ASEAN"),
    "g7": _("G7"),
    "north_america": _("North America"),
    "east_asia": _("East Asia"),
}
BASIS_CHOICES = [
    ("largest", _("the largest single demand")),
    ("sum", _("the sum of all demands")),
]
SCOPE_CHOICES = [
    ("any", _("at least one attending delegate")),
    ("all", _("every attending delegate")),
]
MODE_CHOICES = [
    ("any", _("at least one of the fields")),
    ("all", _("all of the fields")),
]


class RuleForm(forms.Form):
    """Common part of every rule form: the role; subclasses add the kind's parameters."""

    kind: ClassVar[str]
    # The engine names a bad parameter ("amount_usd: ..."); this maps it to the form field.
    parameter_fields: ClassVar[dict[str, str]] = {}

    role = forms.ChoiceField(label=_("Applies to"), choices=Role.choices)

    def parameters(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def initial_for(cls, rule: QualificationRule) -> dict[str, Any]:
        """The form's initial values from a stored rule."""
        return {"role": rule.role}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            try:
                validate_rule(kind=self.kind, parameters=self.parameters())
            except RuleError as error:
                name, _sep, message = str(error).partition(":")
                field = self.parameter_fields.get(name.strip())
                self.add_error(field, message.strip() or str(error))
        return cleaned


class MinContractValueForm(RuleForm):
    kind = RuleKind.MIN_CONTRACT_VALUE
    parameter_fields = {"amount_usd": "amount_usd", "basis": "basis"}

    amount_usd = forms.DecimalField(
        label=_("Minimum contract value (USD)"),
        min_value=Decimal("0.01"),
        max_value=MAX_USD,
        max_digits=30,
        decimal_places=2,
        error_messages={
            "min_value": _("Enter a positive amount of US dollars."),
            "max_value": _("This amount is larger than any contract on record."),
        },
        help_text=_("Demands in other currencies are converted with the edition's rates."),
    )
    basis = forms.ChoiceField(label=_("Compare with"), choices=BASIS_CHOICES, initial="largest")

    def parameters(self) -> dict[str, Any]:
        return {
            "amount_usd": f"{self.cleaned_data['amount_usd'].normalize():f}",
            "basis": self.cleaned_data["basis"],
        }

    @classmethod
    def initial_for(cls, rule: QualificationRule) -> dict[str, Any]:
        return {
            **super().initial_for(rule),
            "amount_usd": rule.parameters.get("amount_usd"),
            "basis": rule.parameters.get("basis", "largest"),
        }


class MinDelegateRankForm(RuleForm):
    kind = RuleKind.MIN_DELEGATE_RANK
    parameter_fields = {"rank_level": "rank", "scope": "scope"}

    rank = forms.ModelChoiceField(
        label=_("Lowest rank that qualifies"),
        queryset=Rank.objects.all(),
        empty_label=_("choose a rank"),
        error_messages={"required": _("Choose the lowest rank that qualifies.")},
    )
    scope = forms.ChoiceField(label=_("Who must hold it"), choices=SCOPE_CHOICES, initial="any")

    def parameters(self) -> dict[str, Any]:
        return {"rank_level": self.cleaned_data["rank"].level, "scope": self.cleaned_data["scope"]}

    @classmethod
    def initial_for(cls, rule: QualificationRule) -> dict[str, Any]:
        return {
            **super().initial_for(rule),
            "rank": Rank.objects.filter(level=rule.parameters.get("rank_level")).first(),
            "scope": rule.parameters.get("scope", "any"),
        }


class RequiredFieldsForm(RuleForm):
    kind = RuleKind.REQUIRED_FIELDS
    parameter_fields = {"fields": "field_codes", "mode": "mode", "only_groups": "only_groups"}

    field_codes = forms.ModelMultipleChoiceField(
        label=_("Fields"),
        queryset=Field.objects.all(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one field.")},
    )
    mode = forms.ChoiceField(label=_("The application covers"), choices=MODE_CHOICES)
    only_groups = forms.MultipleChoiceField(
        label=_("Only for enterprises from"),
        choices=[(group, GROUP_LABELS.get(group, group)) for group in KNOWN_GROUPS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave empty to judge every enterprise; others pass this rule."),
    )

    def parameters(self) -> dict[str, Any]:
        parameters: dict[str, Any] = {
            "fields": [field.code for field in self.cleaned_data["field_codes"]],
            "mode": self.cleaned_data["mode"],
        }
        if self.cleaned_data.get("only_groups"):
            parameters["only_groups"] = list(self.cleaned_data["only_groups"])
        return parameters

    @classmethod
    def initial_for(cls, rule: QualificationRule) -> dict[str, Any]:
        return {
            **super().initial_for(rule),
            "field_codes": rule.parameters.get("fields", []),
            "mode": rule.parameters.get("mode", "any"),
            "only_groups": rule.parameters.get("only_groups", []),
        }


class AllowedCountriesForm(RuleForm):
    kind = RuleKind.ALLOWED_COUNTRIES
    parameter_fields = {"countries": "countries", "groups": "groups"}

    groups = forms.MultipleChoiceField(
        label=_("Country groups"),
        choices=[(group, GROUP_LABELS.get(group, group)) for group in KNOWN_GROUPS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    countries = forms.MultipleChoiceField(
        label=_("Single countries"),
        choices=lambda: list(countries),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        required=False,
        help_text=_("Enterprises from a chosen group or country may take part."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = self.cleaned_data
        if not self.errors and not cleaned.get("groups") and not cleaned.get("countries"):
            self.add_error("countries", _("Choose at least one country or group."))
        return super().clean()

    def parameters(self) -> dict[str, Any]:
        return {
            "countries": sorted(self.cleaned_data["countries"]),
            "groups": list(self.cleaned_data["groups"]),
        }

    @classmethod
    def initial_for(cls, rule: QualificationRule) -> dict[str, Any]:
        return {
            **super().initial_for(rule),
            "countries": rule.parameters.get("countries", []),
            "groups": rule.parameters.get("groups", []),
        }


RULE_FORMS: dict[str, type[RuleForm]] = {
    form.kind: form
    for form in (
        MinContractValueForm,
        MinDelegateRankForm,
        RequiredFieldsForm,
        AllowedCountriesForm,
    )
}


class ExchangeRateForm(forms.Form):
    """A rate as it is quoted: how many units of the currency one US dollar buys."""

    currency = forms.CharField(
        label=_("Currency"),
        max_length=3,
        min_length=3,
        help_text=_("ISO 4217 code, e.g. JPY"),
        widget=forms.TextInput(attrs={"size": 4, "autocapitalize": "characters"}),
    )
    units_per_usd = forms.DecimalField(
        label=_("Units per US dollar"),
        min_value=Decimal("0.000001"),
        max_digits=20,
        decimal_places=6,
        error_messages={"min_value": _("Enter a positive rate.")},
        help_text=_("e.g. 151.5 for JPY: one US dollar buys 151.5 yen"),
    )

    def clean_currency(self) -> str:
        code = self.cleaned_data["currency"].strip().upper()
        if code == "USD":
            raise forms.ValidationError(_("Amounts in US dollars need no rate."))
        if code not in list_currencies():
            raise forms.ValidationError(
                _("%(code)s is not an ISO 4217 currency code."), params={"code": code}
            )
        return code
