"""The allocator's results in the reader's language: messages, wish kinds, names for keys.

The engine returns language-neutral messages (an id and its parameters, which name
exhibitors, booths, halls and zones by their keys); a run stores them as they came. Here
the id's English template is translated and each parameter shown as the reader reads it:
a key as the name of its row, a country and a field by name, a sponsor tier and a booth
type in words.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from fairmatch.conference.models import Edition, Field
from fairmatch.exhibition.engine.messages import TEMPLATES
from fairmatch.exhibition.models import (
    Booth,
    BoothKind,
    ExhibitorApplication,
    Hall,
    SponsorTier,
    Zone,
)

WISH_KINDS = {
    "preferred_hall": gettext_lazy("Preferred hall"),
    "preferred_zone": gettext_lazy("Preferred zone"),
    "country_pavilion": gettext_lazy("Country pavilion"),
    "country_neighbours": gettext_lazy("Same-country neighbours"),
    "field_neighbours": gettext_lazy("Same-field neighbours"),
    "wanted_neighbour": gettext_lazy("Wanted neighbour"),
    "avoided_neighbour": gettext_lazy("Avoided neighbour"),
    "sponsor_footfall": gettext_lazy("Sponsor on a busy booth"),
}
# The engine names tiers in English words; the model's labels translate them.
TIERS = {
    "none": SponsorTier.NONE,
    "bronze": SponsorTier.BRONZE,
    "silver": SponsorTier.SILVER,
    "gold": SponsorTier.GOLD,
}


SOLVER_STATUS = {
    "optimal": gettext_lazy("optimal (proved)"),
    "feasible": gettext_lazy("feasible (not proved optimal)"),
    "infeasible": gettext_lazy("infeasible"),
    "unknown": gettext_lazy("no allocation found"),
}


def solver_status(code: str) -> str:
    return str(SOLVER_STATUS.get(code, code))


def wish_kind(kind: str) -> str:
    return str(WISH_KINDS.get(kind, kind))


@dataclass
class Names:
    """The edition's rows by key, read once per page; labels are made in the reader's
    language when asked."""

    exhibitors: dict[str, ExhibitorApplication] = field(default_factory=dict)
    booths: dict[str, Booth] = field(default_factory=dict)
    halls: dict[str, Hall] = field(default_factory=dict)
    zones: dict[str, Zone] = field(default_factory=dict)
    fields: dict[str, Field] = field(default_factory=dict)

    @classmethod
    def of(cls, edition: Edition) -> "Names":
        return cls(
            exhibitors={
                f"e{a.pk}": a
                for a in ExhibitorApplication.objects.filter(
                    participation__edition=edition
                ).select_related("participation__enterprise")
            },
            booths={
                f"b{b.pk}": b
                for b in Booth.objects.filter(hall__edition=edition).select_related("hall")
            },
            halls={f"h{h.pk}": h for h in Hall.objects.filter(edition=edition)},
            zones={f"z{z.pk}": z for z in Zone.objects.filter(hall__edition=edition)},
            fields={f.code: f for f in Field.objects.all()},
        )

    def exhibitor(self, key: str) -> str:
        found = self.exhibitors.get(key)
        return found.participation.enterprise.display_name if found else _("(removed)")

    def booth(self, key: str) -> str:
        found = self.booths.get(key)
        return f"{found.hall.code}-{found.code}" if found else _("(removed)")

    def label(self, value: Any) -> Any:
        """A key as its row's name; any other value as it is."""
        if not isinstance(value, str) or len(value) < 2:
            return value
        if value in self.exhibitors:
            return self.exhibitor(value)
        if value in self.booths:
            return self.booth(value)
        if value in self.halls:
            return self.halls[value].name
        if value in self.zones:
            return self.zones[value].name
        return value


def _param(name: str, value: Any, names: Names) -> Any:
    if name == "size" and isinstance(value, str):
        # The engine writes a size as "18–24 m² (shell)": the booth type in the reader's words.
        for kind in BoothKind:
            value = value.replace(f"({kind.value})", f"({kind.label})")
        return value
    if name == "country" and isinstance(value, str) and len(value) == 2:
        return countries.name(value) or value
    if name == "field" and value in names.fields:
        return names.fields[value].name
    if name == "tier" and value in TIERS:
        return str(TIERS[value].label)
    if name in ("kind", "asked") and value in BoothKind.values:
        return str(BoothKind(value).label)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return names.label(value)


def render(message: dict[str, Any] | None, names: Names) -> str:
    """A stored engine message in the reader's language, rows named."""
    if not message:
        return ""
    template = TEMPLATES.get(message.get("id", ""))
    if template is None:
        return str(message.get("text") or message.get("id", ""))
    params = {
        key: _param(key, value, names) for key, value in (message.get("params") or {}).items()
    }
    try:
        return _(template) % params
    except (KeyError, TypeError, ValueError):
        return str(message.get("text") or template)
