"""Working languages of enterprises and texts, named in the reader's language by Babel."""

from babel import Locale
from django.utils.translation import get_language

from fairmatch.core.interfaces.number_formats import babel_locale

WORKING_LANGUAGES = ("en", "zh", "ja", "ko", "hi", "de", "fr", "es", "it", "pt", "ru", "ar")


def _babel_locale() -> Locale:
    return babel_locale(get_language())


def language_choices() -> list[tuple[str, str]]:
    """(code, name) pairs, named in the active interface language."""
    names = _babel_locale().languages
    return [(code, names.get(code, code)) for code in WORKING_LANGUAGES]


def language_name(code: str) -> str:
    return _babel_locale().languages.get(code, code)
