"""Reasons and conflicts as language-neutral messages: an id, its parameters, and an English
template to render them with.

The engine imports no Django, so the templates are marked for extraction with a local
``gettext_noop`` (a keyword ``makemessages`` knows); the pages translate ``template`` and
fill in ``params`` in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Param = str | int | float


def gettext_noop(message: str) -> str:
    return message


TEMPLATES: dict[str, str] = {
    # Why an exhibitor has no booth.
    "no_booth_of_size": gettext_noop("no booth of %(size)s in the halls"),
    "no_free_booth_of_size": gettext_noop(
        "no free booth of %(size)s: the %(count)s booths of that size went to other exhibitors"
    ),
    "area_range_reversed": gettext_noop(
        "the smallest booth asked for (%(min_area)s m²) is larger than the largest "
        "(%(max_area)s m²)"
    ),
    "not_placed_in_time": gettext_noop("not placed within the time limit"),
    # Wishes.
    "in_preferred_hall": gettext_noop("in the preferred hall %(hall)s"),
    "not_in_preferred_hall": gettext_noop("in hall %(hall)s, not the preferred hall %(preferred)s"),
    "in_preferred_zone": gettext_noop("in the preferred zone %(zone)s"),
    "not_in_preferred_zone": gettext_noop("not in the preferred zone %(preferred)s"),
    "in_country_pavilion": gettext_noop("in the %(country)s pavilion"),
    "not_in_country_pavilion": gettext_noop("outside the %(country)s pavilion"),
    "country_neighbour": gettext_noop("beside another exhibitor from %(country)s"),
    "no_country_neighbour": gettext_noop("no other exhibitor from %(country)s beside it"),
    "field_neighbour": gettext_noop("beside another exhibitor in %(field)s"),
    "no_field_neighbour": gettext_noop("no other exhibitor of its fields beside it"),
    "wanted_neighbour_beside": gettext_noop("%(neighbour)s is beside it, as wished"),
    "wanted_neighbour_apart": gettext_noop("%(neighbour)s is not beside it"),
    "wanted_neighbour_absent": gettext_noop("%(neighbour)s has no booth"),
    "avoided_neighbour_apart": gettext_noop("%(neighbour)s is not beside it, as wished"),
    "avoided_neighbour_beside": gettext_noop("%(neighbour)s is beside it, against its wish"),
    "busy_booth": gettext_noop(
        "a busy booth for a %(tier)s sponsor (footfall %(footfall)s, of at most %(best)s)"
    ),
    "quiet_booth": gettext_noop(
        "a quieter booth than a %(tier)s sponsor should have "
        "(footfall %(footfall)s, of at most %(best)s)"
    ),
    "wish_unmet_unplaced": gettext_noop("no booth, so the wish could not be met"),
    # Conflicts in the input.
    "locked_twice": gettext_noop(
        "%(first)s and %(second)s are both locked to booth %(booth)s; %(second)s is placed anew"
    ),
    "locked_booth_unknown": gettext_noop(
        "%(exhibitor)s is locked to booth %(booth)s, which is not in the plan; it is placed anew"
    ),
    "locked_booth_blocked": gettext_noop(
        "%(exhibitor)s is locked to booth %(booth)s, which is blocked; the lock is kept"
    ),
    "locked_booth_wrong_size": gettext_noop(
        "%(exhibitor)s is locked to booth %(booth)s of %(area)s m², outside the %(size)s it asks "
        "for; the lock is kept"
    ),
    "locked_booth_wrong_kind": gettext_noop(
        "%(exhibitor)s is locked to a %(kind)s booth %(booth)s but asks for %(asked)s; "
        "the lock is kept"
    ),
    "wanted_and_avoided": gettext_noop(
        "%(exhibitor)s both wants and avoids %(neighbour)s as a neighbour; the avoidance is kept"
    ),
    "wish_contradicted": gettext_noop(
        "%(exhibitor)s wants %(neighbour)s as a neighbour, who wants to be away from it"
    ),
    "no_booth_for_size": gettext_noop("no booth offers the %(size)s that %(exhibitor)s asks for"),
    "unknown_neighbour": gettext_noop(
        "%(exhibitor)s names %(neighbour)s as a neighbour, who does not exhibit; "
        "the wish is ignored"
    ),
    "stopped": gettext_noop("stopped on request; the best allocation found so far is returned"),
}


@dataclass(frozen=True, slots=True)
class Message:
    """One reason or conflict: a message id from ``TEMPLATES`` and the values it names."""

    id: str
    params: dict[str, Param] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return TEMPLATES[self.id]

    def render(self) -> str:
        """The message in English (the untranslated template filled in)."""
        return self.template % self.params

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "params": dict(self.params), "text": self.render()}


def size_text(min_area: float, max_area: float, kind: str | None) -> str:
    """An area range as the reasons show it: ``18–24 m²``, ``18 m² space only``."""
    low, high = _number(min_area), _number(max_area)
    text = f"{low} m²" if low == high else f"{low}–{high} m²"
    return f"{text} ({kind})" if kind else text


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")
