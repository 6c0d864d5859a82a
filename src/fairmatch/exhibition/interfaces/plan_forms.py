"""Forms of the plan editor: halls, zones, booths, split and merge."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from fairmatch.exhibition.models import Booth, BoothKind, Hall, Zone

METRE_ATTRS = {"step": "0.01", "inputmode": "decimal"}


def _metres(label: Any, minimum: str = "0") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=Decimal(minimum),
        max_digits=7,
        decimal_places=2,
        widget=forms.NumberInput(attrs=METRE_ATTRS),
    )


def _entrances(text: str) -> list[list[Decimal]]:
    """ "0 10; 30 5" -> [[0, 10], [30, 5]] (x y pairs separated by ; )."""
    points = []
    for part in text.replace("；", ";").split(";"):
        numbers = part.replace(",", " ").split()
        if not numbers:
            continue
        if len(numbers) != 2:
            raise ValidationError(_("Write each entrance as “x y”, entrances separated by ;."))
        try:
            points.append([Decimal(numbers[0]), Decimal(numbers[1])])
        except ArithmeticError as error:
            raise ValidationError(
                _("Write each entrance as “x y”, entrances separated by ;.")
            ) from error
    return points


class HallForm(forms.Form):
    code = forms.SlugField(label=_("code"), max_length=20)
    name_en = forms.CharField(label=_("name (English)"), max_length=200)
    name_zh = forms.CharField(label=_("name (Chinese)"), max_length=200, required=False)
    width = _metres(_("width (m)"), "0.5")
    depth = _metres(_("depth (m)"), "0.5")
    entrances = forms.CharField(
        label=_("entrances"),
        required=False,
        help_text=_("Points “x y” in metres on the walls, separated by ; (e.g. 0 10; 30 5)."),
    )

    def clean_entrances(self) -> list[list[Decimal]]:
        return _entrances(self.cleaned_data["entrances"])

    @classmethod
    def initial_for(cls, hall: Hall) -> dict[str, Any]:
        return {
            "code": hall.code,
            "name_en": hall.name_en,
            "name_zh": hall.name_zh,
            "width": hall.width,
            "depth": hall.depth,
            "entrances": "; ".join(f"{p[0]:g} {p[1]:g}" for p in hall.entrances or []),
        }


class ZoneForm(forms.Form):
    name_en = forms.CharField(label=_("name (English)"), max_length=200)
    name_zh = forms.CharField(label=_("name (Chinese)"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("kind"), choices=Zone.Kind.choices)

    @classmethod
    def initial_for(cls, zone: Zone) -> dict[str, Any]:
        return {"name_en": zone.name_en, "name_zh": zone.name_zh, "kind": zone.kind}


class BoothForm(forms.Form):
    """A booth's fields; ``version`` is the booth's version the page showed."""

    code = forms.CharField(label=_("booth number"), max_length=20)
    x = _metres(_("x (m)"))
    y = _metres(_("y (m)"))
    width = _metres(_("width (m)"), "0.5")
    depth = _metres(_("depth (m)"), "0.5")
    kind = forms.ChoiceField(label=_("booth type"), choices=BoothKind.choices)
    price_band = forms.CharField(label=_("price band"), max_length=20, required=False)
    zone = forms.ModelChoiceField(label=_("zone"), queryset=Zone.objects.none(), required=False)
    is_blocked = forms.BooleanField(label=_("blocked"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, hall: Hall, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = Zone.objects.filter(hall=hall)  # type: ignore[attr-defined]
        for name in ("code", "x", "y", "width", "depth"):
            self.fields[name].widget.attrs["data-booth-field"] = name

    @classmethod
    def initial_for(cls, booth: Booth) -> dict[str, Any]:
        return {
            "code": booth.code,
            "x": booth.x,
            "y": booth.y,
            "width": booth.width,
            "depth": booth.depth,
            "kind": booth.kind,
            "price_band": booth.price_band,
            "zone": booth.zone_id,
            "is_blocked": booth.is_blocked,
            "version": booth.version,
        }


class SplitForm(forms.Form):
    axis = forms.ChoiceField(
        label=_("split"),
        choices=[("x", _("into west and east parts")), ("y", _("into north and south parts"))],
    )
    at = forms.DecimalField(
        label=_("at (m from the west or north side)"),
        required=False,
        min_value=Decimal("0.5"),
        max_digits=7,
        decimal_places=2,
        help_text=_("Empty: half way."),
        widget=forms.NumberInput(attrs=METRE_ATTRS),
    )
    new_code = forms.CharField(label=_("number of the new part"), max_length=20, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class MergeForm(forms.Form):
    other = forms.ModelChoiceField(label=_("merge with"), queryset=Booth.objects.none())
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, booth: Booth, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = Booth.objects.filter(hall_id=booth.hall_id).exclude(  # type: ignore[attr-defined]
            pk=booth.pk
        )
        self.fields["other"].label_from_instance = lambda b: b.code  # type: ignore[attr-defined]
