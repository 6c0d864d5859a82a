"""Money in US dollars at an edition's exchange rates: the one conversion every app uses.

Rates are fixed per edition (``ExchangeRate``: US dollars per unit of a currency), so every
applicant is judged by the same numbers. The conversion is exact (``Decimal``, no
rounding) and a currency without a rate converts to None: the caller decides what an
unknown value means (qualification: "needs review"), never a guessed rate. Pure Python, so
the engines can use it too.
"""

from collections.abc import Mapping
from decimal import Decimal

USD = "USD"

# Currency code -> US dollars per unit.
Rates = Mapping[str, Decimal]


def to_usd(amount: Decimal, currency: str, rates: Rates) -> Decimal | None:
    """``amount`` of ``currency`` in US dollars, exactly; None if the currency has no rate."""
    if currency == USD:
        return amount
    rate = rates.get(currency)
    return None if rate is None else amount * rate
