"""Read side of an edition's exchange rates (written by ``conference.domain.rules``)."""

from decimal import Decimal

from fairmatch.conference.models import Edition
from fairmatch.conference.money import USD


def exchange_rates(edition: Edition) -> dict[str, Decimal]:
    """US dollars per unit of every currency the edition accepts, US dollars included."""
    rates = {rate.currency: rate.usd_per_unit for rate in edition.rates.all()}
    rates[USD] = Decimal(1)
    return rates
