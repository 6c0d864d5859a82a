"""Shows the matching engine's reasons in the reader's language, with names for codes."""

from typing import Any

from django.utils.translation import gettext

from fairmatch.conference.models import CooperationKind, Field
from fairmatch.core.interfaces.languages import language_name
from fairmatch.core.models import is_chinese_active
from fairmatch.matching.engine.glossary import concept


def _concept_name(code: str) -> str:
    try:
        found = concept(code)
    except KeyError:
        return code
    return found.zh or code


class ReasonRenderer:
    """Renders stored reasons; loads the field and kind names once per page."""

    def __init__(self) -> None:
        self.fields = {f.code: f.name for f in Field.objects.all()}
        self.kinds = {k.code: k.name for k in CooperationKind.objects.all()}

    def _param(self, name: str, value: Any) -> Any:
        if name == "field":
            return self.fields.get(value, value)
        if name == "kind":
            return self.kinds.get(value, value)
        if name == "languages" and isinstance(value, str):
            return ", ".join(language_name(code.strip()) for code in value.split(","))
        return value

    def render(self, reason: dict[str, Any]) -> str:
        params = {name: self._param(name, value) for name, value in reason["params"].items()}
        if is_chinese_active() and reason["params"].get("concept_codes"):
            params["concepts"] = "、".join(
                _concept_name(code) for code in reason["params"]["concept_codes"].split(",")
            )
        try:
            return gettext(reason["template"]) % params
        except (KeyError, TypeError, ValueError):
            return str(reason.get("text", ""))

    def render_all(self, reasons: list[dict[str, Any]]) -> list[str]:
        return [self.render(reason) for reason in reasons]
