"""Reasons shown beside a recommendation, as templates rendered later in the reader's language.

The engine must not import Django, so templates are marked for extraction with a local
``gettext_noop`` (a keyword ``makemessages`` knows) and translated when shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Param = str | int | float


def gettext_noop(message: str) -> str:
    return message


@dataclass(frozen=True, slots=True)
class Reason:
    """One human-readable reason: the component it explains, a template and its values."""

    component: str
    template: str
    params: dict[str, Param] = field(default_factory=dict)

    def render(self) -> str:
        """The reason in English (the untranslated template filled in)."""
        return self.template % self.params

    def to_json(self) -> dict[str, Any]:
        return {
            "component": self.component,
            "template": self.template,
            "params": dict(self.params),
            "text": self.render(),
        }


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the organiser should know about a whole ranking (not about one pair)."""

    template: str
    params: dict[str, Param] = field(default_factory=dict)

    def render(self) -> str:
        """The notice in English (the untranslated template filled in)."""
        return self.template % self.params

    def to_json(self) -> dict[str, Any]:
        return {"template": self.template, "params": dict(self.params), "text": self.render()}


SAME_FIELD = gettext_noop("same field: %(field)s")
KIND_OFFERED = gettext_noop("offers %(kind)s")
CAPACITY_COVERS = gettext_noop("capacity %(capacity)s covers the %(value)s contract")
CAPACITY_SHORT = gettext_noop("capacity %(capacity)s is below the %(value)s contract")
SHARED_LANGUAGES = gettext_noop("both speak %(languages)s")
CERTIFIED = gettext_noop("holds the certifications asked for: %(certifications)s")
CERTIFICATIONS_MISSING = gettext_noop("lacks %(certifications)s")
SAME_SERVICES = gettext_noop("both describe %(concepts)s")
SIMILAR_TEXT = gettext_noop("similar descriptions (%(percent)s%%)")
CLOSE_IN_MEANING = gettext_noop("descriptions close in meaning (%(percent)s%%)")
MUTUAL_INTEREST = gettext_noop("interest shown by both sides")
ONE_SIDED_INTEREST = gettext_noop("interest already shown by %(who)s")


def money(amount: float) -> str:
    """A compact US-dollar amount: USD 9.2 M, USD 750 k."""
    if amount >= 1_000_000:
        return f"USD {amount / 1_000_000:.3g} M"
    if amount >= 1_000:
        return f"USD {amount / 1_000:.3g} k"
    return f"USD {amount:.0f}"


TEXT_TRUNCATED = gettext_noop(
    "the description of %(who)s has %(length)s characters; only the first %(limit)s are compared"
)
TEXTS_PENDING = gettext_noop(
    "%(pending)s of %(total)s texts are still being analysed; until then their pairs are "
    "scored on the other components"
)
