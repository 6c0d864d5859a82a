"""Shows the matching engine's reasons in the reader's language, with names for codes.

The engine states each reason once, about the pair (buyer, provider), with participation
ids and codes. A delegate reads it from one side: "your capacity ... covers their contract"
for a provider, "their capacity ... covers your contract" for a buyer; participants are
named by their enterprise's name, never by an id, and the reader is "you". Facts that speak
against the match (capacity below the contract, certifications missing) are not reasons:
they are shown apart, as points to check.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext, pgettext

from fairmatch.conference.models import CooperationKind, Field
from fairmatch.core.interfaces.languages import language_name
from fairmatch.core.models import is_chinese_active
from fairmatch.matching.engine import messages as m
from fairmatch.matching.engine.glossary import concept

BUYER = "buyer"
PROVIDER = "provider"

# Templates whose fact speaks against the match.
AGAINST = frozenset({m.CAPACITY_SHORT, m.CERTIFICATIONS_MISSING})


def _side_templates() -> dict[tuple[str, str], str]:
    """The engine's template, as the reader on one side reads it (looked up when shown)."""
    return {
        (m.KIND_OFFERED, BUYER): pgettext(
            "reason read by a buyer", "takes on the cooperation you seek: %(kind)s"
        ),
        (m.KIND_OFFERED, PROVIDER): pgettext(
            "reason read by a provider", "seeks %(kind)s, a cooperation you take on"
        ),
        (m.CAPACITY_COVERS, BUYER): pgettext(
            "reason read by a buyer", "their capacity %(capacity)s covers your %(value)s contract"
        ),
        (m.CAPACITY_COVERS, PROVIDER): pgettext(
            "reason read by a provider",
            "your capacity %(capacity)s covers their %(value)s contract",
        ),
        (m.CAPACITY_SHORT, BUYER): pgettext(
            "point to check read by a buyer",
            "their capacity %(capacity)s is below your %(value)s contract",
        ),
        (m.CAPACITY_SHORT, PROVIDER): pgettext(
            "point to check read by a provider",
            "your capacity %(capacity)s is below their %(value)s contract",
        ),
        (m.CERTIFIED, BUYER): pgettext(
            "reason read by a buyer", "holds the certifications you ask for: %(certifications)s"
        ),
        (m.CERTIFIED, PROVIDER): pgettext(
            "reason read by a provider",
            "you hold the certifications they ask for: %(certifications)s",
        ),
        (m.CERTIFICATIONS_MISSING, BUYER): pgettext(
            "point to check read by a buyer",
            "does not list %(certifications)s, which you ask for",
        ),
        (m.CERTIFICATIONS_MISSING, PROVIDER): pgettext(
            "point to check read by a provider",
            "they ask for %(certifications)s, which you do not list",
        ),
    }


def _concept_name(code: str) -> str:
    try:
        found = concept(code)
    except KeyError:
        return code
    return found.zh or code


@dataclass(frozen=True)
class RenderedReasons:
    """What speaks for a match, and the points a delegate should check before meeting."""

    reasons: list[str] = field(default_factory=list)
    points_to_check: list[str] = field(default_factory=list)


class ReasonRenderer:
    """Renders stored reasons; loads the field and kind names once per page.

    ``names`` maps a participation's id (as the engine gives it, a string) to the name to
    show; ``reader`` is the reading participation's id (it becomes "you") and ``side`` the
    side it reads from (``"buyer"``, ``"provider"``, or empty for an organiser, who reads
    the engine's own wording).
    """

    def __init__(
        self, *, names: Mapping[str, str] | None = None, reader: str = "", side: str = ""
    ) -> None:
        self.fields = {f.code: f.name for f in Field.objects.all()}
        self.kinds = {k.code: k.name for k in CooperationKind.objects.all()}
        self.names = dict(names or {})
        self.reader = str(reader)
        self.side = side

    def _param(self, name: str, value: Any) -> Any:
        if name == "field":
            return self.fields.get(value, value)
        if name == "kind":
            return self.kinds.get(value, value)
        if name == "languages" and isinstance(value, str):
            return ", ".join(language_name(code.strip()) for code in value.split(","))
        return value

    def _template(self, reason: Mapping[str, Any], side: str) -> str | None:
        template = str(reason["template"])
        if template == m.ONE_SIDED_INTEREST:
            who = str(reason["params"].get("who", ""))
            if who and who == self.reader:
                return gettext("you have already shown interest")
            if who in self.names:
                template = (
                    gettext("%(name)s has already shown interest in you")
                    if self.reader
                    else gettext("%(name)s has already shown interest")
                )
                return template % {"name": self.names[who].replace("%", "%%")}
            # An id without a name is never shown: the fact without its subject.
            return gettext("interest already shown by one side")
        if side:
            return _side_templates().get((template, side))
        return None

    def render(self, reason: Mapping[str, Any], *, side: str | None = None) -> str:
        """One reason in the active language, worded for ``side`` (default: the renderer's)."""
        side = self.side if side is None else side
        params = {name: self._param(name, value) for name, value in reason["params"].items()}
        if is_chinese_active() and reason["params"].get("concept_codes"):
            params["concepts"] = "、".join(
                _concept_name(code) for code in reason["params"]["concept_codes"].split(",")
            )
        template = self._template(reason, side) or gettext(reason["template"])
        try:
            return template % params
        except (KeyError, TypeError, ValueError):
            return str(reason.get("text", ""))

    def render_all(self, reasons: Iterable[Mapping[str, Any]]) -> list[str]:
        return [self.render(reason) for reason in reasons]

    def split(
        self, reasons: Iterable[Mapping[str, Any]], *, side: str | None = None
    ) -> RenderedReasons:
        """The reasons for the match, and apart from them the facts that speak against it."""
        rendered = RenderedReasons()
        for reason in reasons:
            target = rendered.points_to_check if reason["template"] in AGAINST else rendered.reasons
            target.append(self.render(reason, side=side))
        return rendered


def reading_side(reader: Any, counterpart: Any) -> str:
    """The side a participation reads a pair from: it is the buyer when the counterpart
    provides (an enterprise that both buys and provides reads as the other's opposite)."""
    if counterpart.enterprise.is_provider and not counterpart.enterprise.is_buyer:
        return BUYER
    if counterpart.enterprise.is_buyer and not counterpart.enterprise.is_provider:
        return PROVIDER
    return BUYER if reader.enterprise.is_buyer else PROVIDER


def render_recommendations(
    *, reader: Any, recommendations: Iterable[Any]
) -> list[tuple[Any, RenderedReasons]]:
    """Each recommendation with its reasons as ``reader`` reads them (names, side, checks)."""
    items = list(recommendations)
    names = {str(reader.pk): reader.enterprise.display_name}
    names |= {str(item.counterpart_id): item.counterpart.enterprise.display_name for item in items}
    renderer = ReasonRenderer(names=names, reader=str(reader.pk))
    return [
        (item, renderer.split(item.reasons, side=reading_side(reader, item.counterpart)))
        for item in items
    ]
