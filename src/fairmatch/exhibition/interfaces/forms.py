"""Forms of the exhibitor's side: the exhibition part of the application and the booth staff."""

from typing import Any

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from fairmatch.conference.models import Field
from fairmatch.core.interfaces.languages import language_choices
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.domain.applications import (
    ExhibitionPart,
    area_text,
    booth_sizes,
    halls_of,
    lookup_enterprises,
    problems_of,
    zones_of,
)
from fairmatch.exhibition.models import BoothStaff, ExhibitorApplication, NeighbourWish

NAMES_HELP = _(
    "One enterprise per line, by its original or English name (part of a name is enough "
    "when only one enterprise of this edition bears it)."
)


class ZoneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.hall.name} · {obj.name}"


class ExhibitionPartForm(forms.ModelForm):
    """The exhibition part; its checks are the domain's (``problems_of``), shown by field."""

    products_language = forms.ChoiceField(
        label=_("Language of the description"), choices=language_choices
    )
    wanted = forms.CharField(
        label=_("Neighbours wanted (partners)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=NAMES_HELP,
    )
    avoided = forms.CharField(
        label=_("Neighbours to avoid (competitors)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=NAMES_HELP,
    )

    class Meta:
        model = ExhibitorApplication
        fields = [
            "min_area",
            "max_area",
            "booth_kind",
            "preferred_hall",
            "preferred_zone",
            "fields",
            "products",
            "products_language",
            "meetings_at_booth",
        ]
        widgets = {
            "fields": forms.CheckboxSelectMultiple,
            "products": forms.Textarea(attrs={"rows": 4}),
            "min_area": forms.NumberInput(
                attrs={"step": "0.5", "min": "1", "inputmode": "decimal"}
            ),
            "max_area": forms.NumberInput(
                attrs={"step": "0.5", "min": "1", "inputmode": "decimal"}
            ),
        }

    def __init__(self, *args: Any, participation: Participation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.participation = participation
        edition = participation.edition
        self.part: ExhibitionPart | None = None
        self.fields["preferred_hall"].queryset = halls_of(edition)
        self.fields["preferred_hall"].empty_label = _("no preference")
        zone = ZoneChoiceField(
            queryset=zones_of(edition),
            required=False,
            label=self.fields["preferred_zone"].label,
            empty_label=_("no preference"),
        )
        self.fields["preferred_zone"] = zone
        self.fields["fields"].queryset = Field.objects.all()
        self.fields["fields"].help_text = _("The conference's fields you show at the booth.")
        self.fields["products_language"].initial = "en"
        sizes = booth_sizes(edition=edition)
        if sizes:
            self.fields["min_area"].help_text = _(
                "Booths of this edition measure %(sizes)s m²."
            ) % {"sizes": ", ".join(area_text(size) for size in sizes)}
        if self.instance.pk:
            wishes = list(self.instance.neighbour_wishes.select_related("enterprise"))
            for kind, name in (
                (NeighbourWish.Kind.WANTED, "wanted"),
                (NeighbourWish.Kind.AVOIDED, "avoided"),
            ):
                self.initial[name] = "\n".join(
                    w.enterprise.name_original for w in wishes if w.kind == kind
                )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        edition = self.participation.edition
        lookups = {}
        for name in ("wanted", "avoided"):
            lookup = lookup_enterprises(edition=edition, text=data.get(name, ""))
            for problem in lookup.problems:
                self.add_error(name, problem)
            lookups[name] = lookup.found
        needed = ("min_area", "max_area", "booth_kind", "products", "products_language")
        if any(name not in data or data[name] in (None, "") for name in needed):
            return data
        part = ExhibitionPart(
            min_area=data["min_area"],
            max_area=data["max_area"],
            booth_kind=data["booth_kind"],
            products=data["products"],
            products_language=data["products_language"],
            preferred_hall=data.get("preferred_hall"),
            preferred_zone=data.get("preferred_zone"),
            fields=list(data.get("fields") or []),
            wanted=lookups["wanted"],
            avoided=lookups["avoided"],
            meetings_at_booth=bool(data.get("meetings_at_booth")),
        )
        for name, messages in problems_of(participation=self.participation, part=part).items():
            for message in messages:
                self.add_error(name, message)
        self.part = part
        return data

    def validate_unique(self) -> None:
        # The model's own constraints (area range) repeat what clean() said on its field.
        if not self.errors:
            super().validate_unique()


class BoothStaffForm(forms.ModelForm):
    class Meta:
        model = BoothStaff
        fields = ["full_name", "title", "email", "phone"]


BoothStaffFormSet = inlineformset_factory(
    ExhibitorApplication,
    BoothStaff,
    form=BoothStaffForm,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=30,
    validate_max=True,
)


class SponsorTierForm(forms.ModelForm):
    class Meta:
        model = ExhibitorApplication
        fields = ["sponsor_tier"]
