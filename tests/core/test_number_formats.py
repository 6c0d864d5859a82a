"""Amounts, numbers and dates as the readers of each interface language write them."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from fairmatch.core.interfaces.number_formats import format_amount_short, format_number

AMOUNTS = [Decimal("11000000"), Decimal("9200000"), Decimal("123456789"), Decimal("5000")]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh-hans", ["USD 1,100万", "USD 920万", "USD 1.2亿", "USD 5,000"]),
        ("ja", ["USD 1,100万", "USD 920万", "USD 1.2億", "USD 5,000"]),
        ("ko", ["USD 1,100만", "USD 920만", "USD 1.2억", "USD 5,000"]),
    ],
)
def test_east_asian_readers_count_in_myriads_with_thousands_separators(language, expected):
    assert [format_amount_short(amount, "USD", language) for amount in AMOUNTS] == expected


@pytest.mark.parametrize("language", ["en", "zh-hans", "ja", "ko"])
def test_numbers_keep_a_separator_every_three_digits(language):
    assert format_number(Decimal("11000000.5"), language) == "11,000,000.5"
    with translation.override(language):
        assert formats.number_format(11000000, force_grouping=True) == "11,000,000"


@pytest.mark.parametrize(
    ("language", "amount"),
    [
        ("en", "CNY 11,000,000"),
        ("zh-hans", "CNY 1,100万"),
        ("ja", "CNY 1,100万"),
        ("ko", "CNY 1,100만"),
    ],
)
def test_the_amount_filter_follows_the_active_language(language, amount):
    template = Template("{% load amounts %}{{ value|amount:currency }}")
    with translation.override(language):
        assert template.render(Context({"value": Decimal(11000000), "currency": "CNY"})) == amount


MOMENT = datetime.datetime(2026, 5, 12, 15, 30)


@pytest.mark.parametrize(
    ("language", "date", "short_datetime", "month_day", "weekday"),
    [
        ("en", "May 12, 2026", "05/12/2026 3:30 p.m.", "May 12", "Tue"),
        ("zh-hans", "2026年5月12日", "2026年5月12日 15:30", "5月12日", "星期二"),
        ("ja", "2026年5月12日", "2026/05/12 15:30", "5月12日", "火"),
        ("ko", "2026년 5월 12일", "2026. 5. 12. 15:30", "5월 12일", "화요일"),
    ],
)
def test_dates_and_times(language, date, short_datetime, month_day, weekday):
    with translation.override(language):
        assert formats.date_format(MOMENT, "DATE_FORMAT") == date
        assert formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") == short_datetime
        assert formats.date_format(MOMENT, "MONTH_DAY_FORMAT") == month_day
        assert formats.date_format(MOMENT, "D") == weekday
        assert formats.time_format(MOMENT, "TIME_FORMAT") in {"15:30", "3:30 p.m."}
