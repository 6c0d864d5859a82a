"""What an edition's intentions add up to (read side), in US dollars at the edition's rates.

Definitions, shown with the figures:
- *counted*: confirmed by both parties, or entered by the organiser at a signing ceremony;
- *total*: counted intentions converted to US dollars with the edition's exchange rates
  (``conference.money.to_usd``, as qualification does); an amount in a currency without
  a rate is listed apart as *not converted*, never guessed;
- *country*: the foreign party's country (the recorder's when both are foreign, the host
  country when both are domestic);
- *contracts at follow-up*: counted intentions whose follow-up answer says the deal went
  ahead, at the value given then (or the intention's when none was given).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django_countries import countries

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import Edition
from fairmatch.conference.money import to_usd
from fairmatch.outcomes.models import FollowUpOutcome, Intention, IntentionState


@dataclass(frozen=True)
class ValueRow:
    key: str
    label: str
    count: int
    usd: Decimal


@dataclass(frozen=True)
class Unconverted:
    currency: str
    amount: Decimal
    count: int


@dataclass
class IntentionTotals:
    recorded: int = 0
    waiting: int = 0
    disputed: int = 0
    confirmed: int = 0
    total_usd: Decimal = Decimal(0)
    by_kind: list[ValueRow] = field(default_factory=list)
    by_field: list[ValueRow] = field(default_factory=list)
    by_country: list[ValueRow] = field(default_factory=list)
    unconverted: list[Unconverted] = field(default_factory=list)
    follow_ups_sent: int = 0
    follow_ups_answered: int = 0
    contracts: int = 0
    contracts_usd: Decimal = Decimal(0)


def country_of(intention: Intention, host: str) -> str:
    """The foreign party's country; the host country when both parties are domestic."""
    for party in (intention.recorder, intention.counterpart):
        if party.enterprise.country != host:
            return str(party.enterprise.country)
    return host


def _rows(sums: dict[str, list], labels: dict[str, str]) -> list[ValueRow]:
    rows = [ValueRow(key, labels.get(key, key), n, usd) for key, (n, usd) in sums.items()]
    return sorted(rows, key=lambda row: (-row.usd, row.label))


def intention_totals(edition: Edition) -> IntentionTotals:
    """Counts and US-dollar totals of the edition's intentions; a constant number of queries."""
    intentions = list(
        Intention.objects.filter(edition=edition)
        .select_related("kind", "field", "recorder__enterprise", "counterpart__enterprise")
        .select_related("follow_up")
    )
    rates = exchange_rates(edition)
    host = str(edition.host_country)
    totals = IntentionTotals(recorded=len(intentions))
    by_kind: dict[str, list] = defaultdict(lambda: [0, Decimal(0)])
    by_field: dict[str, list] = defaultdict(lambda: [0, Decimal(0)])
    by_country: dict[str, list] = defaultdict(lambda: [0, Decimal(0)])
    unconverted: dict[str, list] = defaultdict(lambda: [Decimal(0), 0])
    labels: dict[str, dict[str, str]] = {"kind": {}, "field": {}, "country": {}}
    for intention in intentions:
        if intention.state == IntentionState.RECORDED:
            totals.waiting += 1
        elif intention.state == IntentionState.DISPUTED:
            totals.disputed += 1
        if not intention.counts:
            continue
        totals.confirmed += 1
        usd = to_usd(intention.amount, intention.currency, rates)
        if usd is None:
            unconverted[intention.currency][0] += intention.amount
            unconverted[intention.currency][1] += 1
        else:
            totals.total_usd += usd
            country = country_of(intention, host)
            labels["kind"][intention.kind.code] = intention.kind.name
            labels["field"][intention.field.code] = intention.field.name
            labels["country"][country] = str(countries.name(country))
            for sums, key in (
                (by_kind, intention.kind.code),
                (by_field, intention.field.code),
                (by_country, country),
            ):
                sums[key][0] += 1
                sums[key][1] += usd
        follow_up = getattr(intention, "follow_up", None)
        if follow_up is None:
            continue
        totals.follow_ups_sent += 1
        if follow_up.answered_at is None:
            continue
        totals.follow_ups_answered += 1
        if follow_up.outcome == FollowUpOutcome.WENT_AHEAD:
            totals.contracts += 1
            value = to_usd(
                follow_up.value if follow_up.value is not None else intention.amount,
                follow_up.currency or intention.currency,
                rates,
            )
            totals.contracts_usd += value or Decimal(0)
    totals.by_kind = _rows(by_kind, labels["kind"])
    totals.by_field = _rows(by_field, labels["field"])
    totals.by_country = _rows(by_country, labels["country"])
    totals.unconverted = [
        Unconverted(currency, amount, n) for currency, (amount, n) in sorted(unconverted.items())
    ]
    return totals
