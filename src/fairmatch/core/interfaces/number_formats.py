"""Amounts as readers of each interface language write them, from CLDR's data (Babel).

Chinese, Japanese and Korean readers count large amounts in myriads: 11,000,000 is
"1,100万" (ja, zh) or "1,100만" (ko), 120,000,000 "1.2亿" / "1.2億" / "1.2억". The unit of
each magnitude comes from the locale's compact decimal patterns; the number before it keeps
its thousands separators (Babel's compact format drops them: "1100万"). Other languages
keep "USD 9.3 M".
"""

from decimal import Decimal

from babel import Locale
from babel.core import UnknownLocaleError
from babel.numbers import format_decimal

_MYRIAD_LANGUAGES = ("zh", "ja", "ko")


def babel_locale(language: str | None) -> Locale:
    """The Babel locale of an interface language code ("zh-hans" -> zh_Hans)."""
    code = (language or "en").replace("-", "_")
    if code.lower().startswith("zh_hans") or code.lower() == "zh":
        code = "zh_Hans"
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return Locale("en")


def _compact_unit(amount: Decimal, locale: Locale) -> tuple[Decimal, str]:
    """(divisor, unit) of the largest CLDR compact magnitude with a unit not above ``amount``."""
    patterns = locale.compact_decimal_formats["short"]["other"]
    best = (Decimal(1), "")
    for magnitude, pattern in sorted(patterns.items(), key=lambda item: int(item[0])):
        if int(magnitude) > abs(amount):
            break
        text = pattern.pattern.strip("'")
        unit = text.replace("0", "").strip()
        if unit:
            zeros = text.count("0")
            best = (Decimal(int(magnitude)) / Decimal(10 ** (zeros - 1)), unit)
    return best


def is_myriad_language(language: str | None) -> bool:
    return (language or "en").lower().startswith(_MYRIAD_LANGUAGES)


def format_number(amount: Decimal | int | float, language: str | None) -> str:
    """A number with the locale's separators, up to one decimal: "1,234.5"."""
    return format_decimal(amount, format="#,##0.#", locale=babel_locale(language))


def format_amount_short(amount: Decimal, currency: str, language: str | None) -> str:
    """An amount in myriads for Chinese, Japanese and Korean readers ("USD 1,100万")."""
    locale = babel_locale(language)
    divisor, unit = _compact_unit(Decimal(amount), locale)
    # Below ten thousand the Japanese and Chinese patterns have no unit (the number as is);
    # Korean has 천 for thousands, which Korean readers write only with small numbers.
    if divisor < 10_000:
        divisor, unit = Decimal(1), ""
    number = format_decimal(Decimal(amount) / divisor, format="#,##0.#", locale=locale)
    return f"{currency} {number}{unit}"
