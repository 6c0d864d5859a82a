"""Time zones named for people: "China (Shanghai) Time" / "中国（上海）时间", not an id."""

from babel import UnknownLocaleError
from babel.dates import get_timezone, get_timezone_location
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()


@register.filter
def zone_name(zone_id: str) -> str:
    """The zone as CLDR names it in the active language; the id itself if CLDR cannot."""
    try:
        return get_timezone_location(get_timezone(zone_id), locale=to_locale(get_language()))
    except (LookupError, UnknownLocaleError, ValueError):
        return zone_id
