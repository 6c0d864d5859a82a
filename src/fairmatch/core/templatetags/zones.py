"""Time zones and days named for people: "China (Shanghai) Time" / "中国（上海）时间", not an
id; a meeting's day in the reader's order: "June 15 (Tue)" / "6月15日 (星期二)"."""

import datetime

from babel import UnknownLocaleError
from babel.dates import get_timezone, get_timezone_location
from django import template
from django.utils.formats import date_format
from django.utils.translation import get_language, to_locale

register = template.Library()


@register.filter
def zone_name(zone_id: str) -> str:
    """The zone as CLDR names it in the active language; the id itself if CLDR cannot."""
    try:
        return get_timezone_location(get_timezone(zone_id), locale=to_locale(get_language()))
    except (LookupError, UnknownLocaleError, ValueError):
        return zone_id


@register.filter(expects_localtime=True)
def meeting_day(value: datetime.datetime | None) -> str:
    """The day with its weekday in the active language's order (a fixed pattern such as
    "D j M" reads "星期二 15 六月" in Chinese)."""
    if value is None:
        return ""
    return f"{date_format(value, 'MONTH_DAY_FORMAT')} ({date_format(value, 'D')})"


@register.filter(expects_localtime=True)
def meeting_day_time(value: datetime.datetime | None) -> str:
    """The day as ``meeting_day`` writes it, then the 24-hour time: "June 15 (Tue) 09:30"."""
    if value is None:
        return ""
    return f"{meeting_day(value)} {value:%H:%M}"
