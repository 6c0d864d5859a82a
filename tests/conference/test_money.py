"""The one conversion to US dollars: exact, and no value for a currency without a rate."""

from decimal import Decimal

import pytest

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.money import to_usd
from tests.factories import EditionFactory, ExchangeRateFactory

RATES = {"JPY": Decimal("0.0066"), "EUR": Decimal("1.0850000000")}


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("300000000"), "JPY", Decimal("1980000.0000")),
        (Decimal("0.10"), "EUR", Decimal("0.108500000000")),
        (Decimal("8000000"), "USD", Decimal("8000000")),
    ],
)
def test_amounts_convert_exactly(amount, currency, expected):
    converted = to_usd(amount, currency, RATES)
    assert (converted, type(converted), str(converted)) == (expected, Decimal, str(expected))


def test_a_currency_without_a_rate_has_no_value_rather_than_a_guess():
    assert to_usd(Decimal("1000"), "INR", RATES) is None


def test_us_dollars_need_no_rate():
    assert to_usd(Decimal("12.5"), "USD", {}) == Decimal("12.5")


@pytest.mark.django_db
def test_an_editions_rates_include_the_us_dollar():
    edition = EditionFactory()
    ExchangeRateFactory(edition=edition, currency="JPY", usd_per_unit=Decimal("0.0066"))
    ExchangeRateFactory(edition=EditionFactory(slug="other"), currency="EUR")
    assert exchange_rates(edition) == {"JPY": Decimal("0.0066"), "USD": Decimal(1)}
