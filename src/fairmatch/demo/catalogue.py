"""The reference conference's fixed set-up: catalogues, editions, exchange rates and rules.

These are the organiser's settings, not generated data: the seed does not change them.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

# (code, English name, Chinese name), in display order.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("animation", "Cartoon and animation", "动漫"),
    ("software", "Software", "软件"),
    ("applied_rd", "Applied technology R&D", "应用技术研发"),
    ("pharma_rd", "Pharmaceutical R&D", "医药研发"),
)

COOPERATION_KINDS: tuple[tuple[str, str, str], ...] = (
    ("outsourcing", "Outsourcing purchase", "服务外包采购"),
    ("investment", "Investment", "投资合作"),
    ("overseas_markets", "Overseas-market cooperation", "海外市场合作"),
)

# (code, level, English name, Chinese name): staff < ... < chief executive.
RANKS: tuple[tuple[str, int, str, str], ...] = (
    ("staff", 10, "Staff", "职员"),
    ("manager", 20, "Manager", "经理"),
    ("outsourcing_manager", 30, "Outsourcing manager", "外包经理"),
    ("director", 40, "Director", "总监"),
    ("vice_president", 50, "Vice president", "副总裁"),
    ("chief_executive", 60, "Chief executive", "首席执行官"),
)

# The attending-delegate requirement of the buyer role (outsourcing manager or above).
MIN_BUYER_RANK_LEVEL = 30
# The contract-value requirement of the buyer role, in US dollars (largest demand).
MIN_CONTRACT_USD = Decimal("8000000")


@dataclass(frozen=True)
class EditionSpec:
    """One edition of the reference conference, as the organiser set it up."""

    slug: str
    name_en: str
    name_zh: str
    start_date: datetime.date
    end_date: datetime.date
    venue: str
    venue_zh: str
    status: str
    application_deadline: datetime.date
    # US dollars per unit of each accepted currency, fixed for the edition.
    usd_per_unit: dict[str, Decimal]
    # When applications came in, and the last day the organiser decided on any.
    applications_open: datetime.date
    decisions_close: datetime.date


PREVIOUS = EditionSpec(
    slug="soc-2026",
    name_en="China International Service Outsourcing Cooperation Conference 2026",
    name_zh="2026中国国际服务外包合作洽谈会",
    start_date=datetime.date(2026, 6, 16),
    end_date=datetime.date(2026, 6, 18),
    venue="Dalian World Expo Center, Dalian",
    venue_zh="大连世界博览中心",
    status="finished",
    application_deadline=datetime.date(2026, 4, 30),
    usd_per_unit={
        "AUD": Decimal("0.6710"),
        "CAD": Decimal("0.7390"),
        "EUR": Decimal("1.0860"),
        "GBP": Decimal("1.2620"),
        "INR": Decimal("0.01205"),
        "JPY": Decimal("0.006850"),
        "KRW": Decimal("0.000752"),
        "SGD": Decimal("0.7460"),
    },
    applications_open=datetime.date(2026, 1, 12),
    decisions_close=datetime.date(2026, 6, 5),
)

CURRENT = EditionSpec(
    slug="soc-2027",
    name_en="China International Service Outsourcing Cooperation Conference 2027",
    name_zh="2027中国国际服务外包合作洽谈会",
    start_date=datetime.date(2027, 6, 15),
    end_date=datetime.date(2027, 6, 17),
    venue="Dalian World Expo Center, Dalian",
    venue_zh="大连世界博览中心",
    status="open",
    application_deadline=datetime.date(2027, 4, 30),
    usd_per_unit={
        "AUD": Decimal("0.6580"),
        "CAD": Decimal("0.7310"),
        "EUR": Decimal("1.0790"),
        "GBP": Decimal("1.2710"),
        "INR": Decimal("0.01190"),
        "JPY": Decimal("0.006620"),
        "KRW": Decimal("0.000728"),
        "SGD": Decimal("0.7420"),
    },
    applications_open=datetime.date(2026, 9, 1),
    decisions_close=datetime.date(2026, 11, 25),
)

EDITIONS: tuple[EditionSpec, ...] = (PREVIOUS, CURRENT)


def rule_parameters() -> list[tuple[str, str, dict[str, Any]]]:
    """The qualification rules of every edition: (role, kind, parameters)."""
    return [
        ("buyer", "min_contract_value", {"amount_usd": str(MIN_CONTRACT_USD), "basis": "largest"}),
        ("buyer", "min_delegate_rank", {"rank_level": MIN_BUYER_RANK_LEVEL, "scope": "any"}),
        ("buyer", "allowed_countries", {"countries": [], "groups": ["foreign"]}),
        ("provider", "allowed_countries", {"countries": [], "groups": ["domestic"]}),
    ]
