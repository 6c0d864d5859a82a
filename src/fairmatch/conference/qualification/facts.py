"""The facts of one application that qualification rules look at."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Localized:
    """A name the organiser configured in English and Chinese (a field, a rank)."""

    en: str
    zh: str = ""

    def in_language(self, language: str) -> str:
        if language.lower().startswith("zh") and self.zh:
            return self.zh
        return self.en


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str
    exact: bool = False  # show every digit: near a threshold, rounding would mislead


@dataclass(frozen=True)
class DemandFacts:
    field_code: str
    value: Money


@dataclass(frozen=True)
class DelegateFacts:
    full_name: str
    rank_level: int
    rank_name: Localized
    is_attending: bool = True


@dataclass(frozen=True)
class ApplicationFacts:
    country: str
    host_country: str
    field_codes: frozenset[str] = frozenset()
    demands: tuple[DemandFacts, ...] = ()
    delegates: tuple[DelegateFacts, ...] = ()
    field_names: dict[str, Localized] = field(default_factory=dict)

    @property
    def attending_delegates(self) -> tuple[DelegateFacts, ...]:
        return tuple(delegate for delegate in self.delegates if delegate.is_attending)
