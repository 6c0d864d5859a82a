"""What intentions add up to: only counted ones, in USD at the edition's rates, flagged
where no rate exists, by kind, field and country."""

from decimal import Decimal

import pytest

from fairmatch.outcomes.domain import intentions
from fairmatch.outcomes.domain.totals import Unconverted, ValueRow, intention_totals
from tests.factories import CooperationKindFactory, FieldFactory
from tests.outcomes.helpers import held_meeting, past_edition, terms

pytestmark = pytest.mark.django_db


def signed(meeting, amount, currency="USD", *, confirm=True, **extra):
    intention = intentions.record_intention(
        meeting=meeting,
        participation=meeting.first,
        user=None,
        terms=terms(amount, currency, **extra),
    )
    if confirm:
        intentions.confirm_intention(intention=intention, participation=meeting.second, user=None)
    return intention


def test_only_confirmed_intentions_count_converted_at_the_edition_rates():
    edition = past_edition()
    investment = CooperationKindFactory(code="investment", name_en="Investment", name_zh="投资")
    pharma = FieldFactory(code="pharma", name_en="Pharmaceutical R&D", name_zh="医药研发")
    signed(held_meeting(edition, buyer_country="US"), "1000000")
    signed(
        held_meeting(edition, buyer_country="DE"), "2000000", "EUR", kind=investment, field=pharma
    )
    signed(held_meeting(edition), "9000000", confirm=False)  # waiting
    disputed = signed(held_meeting(edition), "7000000", confirm=False)
    intentions.dispute_intention(
        intention=disputed, participation=disputed.counterpart, user=None, reason="no"
    )
    signed(held_meeting(edition, buyer_country="JP"), "50000000", "JPY")  # no JPY rate

    totals = intention_totals(edition)

    assert (totals.recorded, totals.confirmed, totals.waiting, totals.disputed) == (5, 3, 1, 1)
    assert totals.total_usd == Decimal("1000000") + Decimal("2000000") * Decimal("1.08")
    assert totals.unconverted == [Unconverted("JPY", Decimal("50000000.00"), 1)]
    assert totals.by_kind == [
        ValueRow("investment", "Investment", 1, Decimal("2160000.0000")),
        ValueRow("outsourcing", "Outsourcing purchase", 1, Decimal("1000000.00")),
    ]
    assert [(row.key, row.usd) for row in totals.by_field] == [
        ("pharma", Decimal("2160000.0000")),
        ("software", Decimal("1000000.00")),
    ]
    assert [(row.key, row.count) for row in totals.by_country] == [("DE", 1), ("US", 1)]


def test_a_ceremony_entry_counts_without_confirmation():
    meeting = held_meeting()
    intentions.enter_at_ceremony(
        edition=meeting.edition,
        first=meeting.first,
        second=meeting.second,
        user=None,
        terms=terms("260000000"),
    )
    totals = intention_totals(meeting.edition)
    assert (totals.confirmed, totals.total_usd) == (1, Decimal("260000000"))


def test_totals_take_a_constant_number_of_queries(django_assert_max_num_queries):
    edition = past_edition()
    for _ in range(3):
        signed(held_meeting(edition), "1000")
    with django_assert_max_num_queries(3):
        intention_totals(edition)
