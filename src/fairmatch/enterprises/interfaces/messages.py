"""Renders the qualification engine's messages in the reader's language."""

from decimal import Decimal
from typing import Any

from django.utils.translation import get_language, gettext

from fairmatch.conference.qualification import Localized, Message, Money
from fairmatch.core.interfaces.number_formats import format_amount_short, is_myriad_language


def _trim(number: Decimal) -> str:
    text = f"{number:,.1f}"
    return text[:-2] if text.endswith(".0") else text


def format_money_short(money: Money, language: str) -> str:
    """Compact amounts as people say them: "USD 9.3 M", "JPY 1.4 bn"; "USD 930万" in Chinese
    and Japanese, "USD 930만" in Korean."""
    amount = money.amount
    if money.exact:
        return f"{money.currency} {amount:,.2f}".removesuffix(".00")
    if is_myriad_language(language):
        return format_amount_short(amount, money.currency, language)
    for size, unit in ((Decimal("1e9"), "bn"), (Decimal("1e6"), "M"), (Decimal("1e3"), "k")):
        if abs(amount) >= size:
            return f"{money.currency} {_trim(amount / size)} {unit}"
    return f"{money.currency} {_trim(amount)}"


def _render_param(value: Any, language: str) -> str:
    if isinstance(value, Money):
        return format_money_short(value, language)
    if isinstance(value, Localized):
        return value.in_language(language)
    if isinstance(value, tuple):
        if not value:
            return "—"
        separator = "、" if language.startswith(("zh", "ja")) else ", "
        return separator.join(_render_param(item, language) for item in value)
    return str(value)


def render_message(message: Message | dict[str, Any] | None, language: str | None = None) -> str:
    """The message translated into ``language`` (default: the active one), parameters filled."""
    if not message:
        return ""
    if isinstance(message, dict):
        message = Message.from_json(message)
    language = language or get_language() or "en"
    params = {name: _render_param(value, language) for name, value in message.params.items()}
    return gettext(message.template) % params
