"""The demo plan is a pure function of the seed and matches the reference event's shape."""

import re
from collections import Counter
from decimal import Decimal

import pytest

from fairmatch.demo.buyers import largest_demand_usd
from fairmatch.demo.catalogue import CURRENT, MIN_CONTRACT_USD, PREVIOUS
from fairmatch.demo.plan import Expect, nice_amount
from fairmatch.demo.planner import DemoSize, build_plan

CHINESE = re.compile(r"[\u4e00-\u9fff]")
SPECS = {PREVIOUS.slug: PREVIOUS, CURRENT.slug: CURRENT}


@pytest.fixture(scope="module")
def plan():
    return build_plan(seed=7)


def test_the_same_seed_gives_the_same_plan(plan):
    assert build_plan(seed=7) == plan


def test_another_seed_gives_other_names(plan):
    other = build_plan(seed=8)
    assert [e.name_en for e in other.enterprises] != [e.name_en for e in plan.enterprises]


def test_enterprise_keys_and_contact_emails_are_unique(plan):
    assert len({e.key for e in plan.enterprises}) == len(plan.enterprises)
    assert len({e.contact_email for e in plan.enterprises}) == len(plan.enterprises)


def test_current_foreign_buyers_come_from_at_least_ten_countries(plan):
    buyers = {e.key: e for e in plan.enterprises if e.kind == "buyer"}
    current = [
        p for p in plan.participations if p.edition == CURRENT.slug and p.enterprise in buyers
    ]
    countries = {
        buyers[p.enterprise].country for p in current if p.final_state in ("qualified", "confirmed")
    }
    assert len(current) == 84
    assert {"US", "CA", "JP", "IN", "KR", "GB", "DE", "FR", "SG", "AU"} <= countries


def test_about_three_hundred_chinese_providers_with_chinese_names(plan):
    providers = [e for e in plan.enterprises if e.kind == "provider"]
    negotiating = {
        p.enterprise
        for p in plan.participations
        if p.edition == CURRENT.slug
        and p.is_negotiator
        and p.enterprise in {e.key for e in providers}
    }
    assert len(negotiating) == 300
    assert all(e.country == "CN" for e in providers)
    assert all(CHINESE.search(e.name_original) and e.name_en.isascii() for e in providers)
    assert all(CHINESE.search(e.description) for e in providers)
    assert {e.fields[0] for e in providers} == {"animation", "software", "applied_rd", "pharma_rd"}


def test_demands_use_the_reference_currencies_and_the_buyers_languages(plan):
    buyers = {e.key: e for e in plan.enterprises if e.kind == "buyer"}
    demands = [(buyers[p.enterprise], d) for p in plan.participations for d in p.demands]
    assert {"USD", "JPY", "EUR", "INR", "KRW", "CAD"} <= {d.currency for _, d in demands}
    languages = {e.country: d.language for e, d in demands}
    assert (languages["JP"], languages["KR"], languages["DE"], languages["US"]) == (
        "ja",
        "ko",
        "de",
        "en",
    )


def test_planned_contract_values_sit_on_the_right_side_of_usd_8_million(plan):
    for participation in plan.participations:
        if not participation.demands:
            continue
        largest = largest_demand_usd(participation=participation, spec=SPECS[participation.edition])
        if participation.expect == Expect.FAIL_CONTRACT:
            assert largest < MIN_CONTRACT_USD
        else:
            assert largest >= MIN_CONTRACT_USD


def test_rank_failures_have_no_attending_outsourcing_manager(plan):
    junior = {"staff", "manager"}
    failing = [p for p in plan.participations if p.expect == Expect.FAIL_RANK]
    assert failing
    for participation in failing:
        assert {d.rank for d in participation.delegates if d.is_attending} <= junior


def test_previous_edition_has_62_foreign_buyers_with_final_states(plan):
    buyers = {e.key for e in plan.enterprises if e.kind == "buyer"}
    states = Counter(
        p.final_state
        for p in plan.participations
        if p.edition == PREVIOUS.slug and p.enterprise in buyers
    )
    assert states == {"confirmed": 50, "withdrawn": 9, "rejected": 3}


def test_steps_are_in_time_order_within_the_application_window(plan):
    for participation in plan.participations:
        moments = [participation.created_at, *(step.at for step in participation.steps)]
        assert moments == sorted(moments)
        assert moments[-1].date() <= SPECS[participation.edition].decisions_close


def test_sizes_that_do_not_add_up_are_refused():
    with pytest.raises(ValueError, match="current_buyer_fates"):
        build_plan(seed=1, size=DemoSize(current_buyers={"US": 3}))


@pytest.mark.parametrize(
    ("usd", "rate", "up", "expected"),
    [
        (Decimal("8400000"), Decimal("0.006620"), True, Decimal("1300000000.00")),
        (Decimal("7200000"), Decimal("0.006620"), False, Decimal("1000000000.00")),
        (Decimal("8000000"), Decimal("1"), True, Decimal("8000000.00")),
        (Decimal("9150000"), Decimal("1"), False, Decimal("9100000.00")),
    ],
)
def test_nice_amounts_keep_two_significant_digits(usd, rate, up, expected):
    assert nice_amount(usd=usd, usd_per_unit=rate, up=up) == expected
