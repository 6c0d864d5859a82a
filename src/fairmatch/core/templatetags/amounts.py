from decimal import Decimal

from django import template
from django.utils.translation import get_language

from fairmatch.core.interfaces.number_formats import (
    format_amount_short,
    format_number,
    is_myriad_language,
)

register = template.Library()


@register.filter
def amount(value: Decimal | int | float | None, currency: str) -> str:
    """An amount for the reader: "USD 11,000,000"; "USD 1,100万" / "USD 1,100만" for Chinese,
    Japanese and Korean readers, who count large amounts in myriads."""
    if value is None or value == "":
        return "–"
    language = get_language()
    if is_myriad_language(language):
        return format_amount_short(Decimal(value), currency, language)
    return f"{currency} {format_number(value, language)}"
