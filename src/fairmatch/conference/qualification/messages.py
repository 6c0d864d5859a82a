"""Translatable messages built by the pure engine and rendered later in the reader's language.

The engine must not import Django, so templates are marked for extraction with a local
``gettext_noop`` (a keyword ``makemessages`` knows) and translated when shown.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fairmatch.conference.qualification.facts import Localized, Money

Param = str | int | Money | Localized | tuple[Localized, ...] | tuple[Money, ...]


def gettext_noop(message: str) -> str:
    return message


@dataclass(frozen=True)
class Message:
    template: str
    params: dict[str, Param] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "params": {name: _param_to_json(value) for name, value in self.params.items()},
        }

    def in_plain_english(self) -> str:
        """The untranslated message with exact amounts, for logs (readers: ``render_message``)."""
        return self.template % {name: _plain(value) for name, value in self.params.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Message":
        params = {name: _param_from_json(value) for name, value in data["params"].items()}
        return cls(template=data["template"], params=params)


def _plain(value: Param) -> str:
    if isinstance(value, Money):
        return f"{value.currency} {value.amount:,.2f}".removesuffix(".00")
    if isinstance(value, Localized):
        return value.en
    if isinstance(value, tuple):
        return ", ".join(_plain(item) for item in value) or "-"
    return str(value)


def _param_to_json(value: Param) -> Any:
    if isinstance(value, Money):
        return {"money": str(value.amount), "currency": value.currency, "exact": value.exact}
    if isinstance(value, Localized):
        return {"en": value.en, "zh": value.zh}
    if isinstance(value, tuple):
        return [_param_to_json(item) for item in value]
    return value


def _param_from_json(value: Any) -> Param:
    if isinstance(value, dict) and "money" in value:
        return Money(Decimal(value["money"]), value["currency"], bool(value.get("exact")))
    if isinstance(value, dict):
        return Localized(value["en"], value.get("zh", ""))
    if isinstance(value, list):
        items = [_param_from_json(item) for item in value]
        if all(isinstance(item, Money) for item in items):
            return tuple(item for item in items if isinstance(item, Money))
        return tuple(item for item in items if isinstance(item, Localized))
    assert isinstance(value, str | int)
    return value
