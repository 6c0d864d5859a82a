"""The organiser's rule configuration page: rules per role and kind, and exchange rates."""

from decimal import Decimal

import pytest

from fairmatch.conference.models import ExchangeRate, QualificationRule
from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.domain.qualification import refresh_edition
from fairmatch.enterprises.models import RuleOutcome, State
from tests.factories import (
    DemandFactory,
    EditionFactory,
    ExchangeRateFactory,
    FieldFactory,
    OrganiserFactory,
    ParticipationFactory,
    QualificationRuleFactory,
    UserFactory,
    reference_ladder,
)

pytestmark = pytest.mark.django_db

CURRENCIES = "JPY EUR INR KRW CAD GBP AUD SGD CHF SEK NOK DKK".split()


@pytest.fixture
def edition():
    return EditionFactory(slug="dalian-2027")


@pytest.fixture
def organiser(client):
    user = OrganiserFactory()
    client.force_login(user)
    return user


@pytest.fixture
def small_buyer(edition):
    """A buyer bringing JPY 300 M (USD 1.98 M at the fixture's rate)."""
    participation = ParticipationFactory(edition=edition, state=State.SUBMITTED)
    DemandFactory(participation=participation, value=Decimal("300000000"), currency="JPY")
    ExchangeRateFactory(edition=edition, currency="JPY", usd_per_unit=Decimal("0.0066"))
    refresh_edition(edition)
    return participation


def rules_url(edition, suffix: str = "") -> str:
    return f"/organiser/{edition.slug}/rules/{suffix}"


def errors(response, field: str) -> list[str]:
    return response.context["form"].errors[field]


def outcome_of(participation) -> str:
    participation.refresh_from_db()
    return participation.rule_outcome


# Permissions


@pytest.mark.parametrize("suffix", ["", "add/min_contract_value/", "1/", "rates/"])
def test_anonymous_is_sent_to_login(client, edition, suffix):
    response = client.get(rules_url(edition, suffix))
    assert (response.status_code, response.url) == (
        302,
        f"/accounts/login/?next={rules_url(edition, suffix)}",
    )


def test_enterprise_user_is_refused(client, edition):
    rule = QualificationRuleFactory(edition=edition)
    client.force_login(UserFactory())
    assert client.get(rules_url(edition)).status_code == 403
    assert client.post(rules_url(edition, f"{rule.pk}/delete/")).status_code == 403
    assert client.post(rules_url(edition, "rates/"), {"currency": "JPY"}).status_code == 403
    assert QualificationRule.objects.count() == 1


def test_unknown_edition_kind_or_rule_is_not_found(client, organiser, edition):
    other_rule = QualificationRuleFactory(edition=EditionFactory())
    assert client.get("/organiser/nowhere/rules/").status_code == 404
    assert client.get(rules_url(edition, "add/favourite_colour/")).status_code == 404
    assert client.get(rules_url(edition, f"{other_rule.pk}/")).status_code == 404
    assert client.post(rules_url(edition, f"{other_rule.pk}/toggle/")).status_code == 404


# The list


@pytest.mark.parametrize("count", [2, 12])
def test_rule_list_queries_do_not_grow_with_rules(
    client, organiser, edition, count, django_assert_max_num_queries
):
    reference_ladder()
    for number in range(count):
        QualificationRuleFactory(edition=edition, parameters={"amount_usd": str(number + 1)})
        ExchangeRateFactory(edition=edition, currency=CURRENCIES[number])
    with django_assert_max_num_queries(10):
        response = client.get(rules_url(edition))
    assert response.status_code == 200


def test_rule_list_describes_each_rule(client, organiser, edition):
    ladder = reference_ladder()
    FieldFactory(code="software", name_en="Software")
    QualificationRuleFactory(edition=edition)
    QualificationRuleFactory(
        edition=edition,
        kind="min_delegate_rank",
        parameters={"rank_level": ladder["outsourcing_manager"].level, "scope": "any"},
    )
    QualificationRuleFactory(
        edition=edition,
        role="provider",
        kind="required_fields",
        parameters={"fields": ["software"], "mode": "all"},
    )
    QualificationRuleFactory(
        edition=edition,
        kind="allowed_countries",
        parameters={"countries": ["JP"], "groups": ["foreign"]},
        is_active=False,
    )
    ExchangeRateFactory(edition=edition, currency="JPY", usd_per_unit=Decimal("0.0066"))
    page = client.get(rules_url(edition)).content.decode()
    for text in (
        "<td>the largest demand is at least USD 8,000,000</td>",
        "<td>an attending delegate is Outsourcing manager or above</td>",
        "<td>covers all of: Software</td>",
        "<td>comes from: foreign (outside the host country), Japan</td>",
        "<td>inactive</td>",
        "<td>JPY</td><td>151.5152</td><td>0.0066</td>",
    ):
        assert text in page


# Adding and changing rules


def test_add_minimum_contract_value_rechecks_applications(client, organiser, small_buyer):
    edition = small_buyer.edition
    assert outcome_of(small_buyer) == RuleOutcome.PASS
    response = client.post(
        rules_url(edition, "add/min_contract_value/"),
        {"role": "buyer", "amount_usd": "8000000", "basis": "largest"},
    )
    assert response.status_code == 302
    rule = QualificationRule.objects.get()
    assert (rule.edition, rule.role, rule.kind, rule.parameters, rule.is_active) == (
        edition,
        "buyer",
        "min_contract_value",
        {"amount_usd": "8000000", "basis": "largest"},
        True,
    )
    assert outcome_of(small_buyer) == RuleOutcome.FAIL
    audit = AuditEntry.objects.get()
    assert (audit.action, audit.actor, audit.object_id) == ("rule.created", organiser, str(rule.pk))


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "Enter a positive amount of US dollars."),
        ("0", "Enter a positive amount of US dollars."),
        ("", "This field is required."),
        ("lots", "Enter a number."),
        ("1e16", "This amount is larger than any contract on record."),
    ],
)
def test_bad_amount_is_refused_at_the_field(client, organiser, edition, amount, message):
    response = client.post(
        rules_url(edition, "add/min_contract_value/"),
        {"role": "buyer", "amount_usd": amount, "basis": "sum"},
    )
    assert response.status_code == 400
    assert errors(response, "amount_usd") == [message]
    assert response.context["form"]["amount_usd"].value() == amount  # shown again as typed
    assert QualificationRule.objects.count() == 0


def test_minimum_rank_needs_a_rank(client, organiser, edition):
    ladder = reference_ladder()
    url = rules_url(edition, "add/min_delegate_rank/")
    response = client.post(url, {"role": "buyer", "scope": "any"})
    assert response.status_code == 400
    assert errors(response, "rank") == ["Choose the lowest rank that qualifies."]
    assert QualificationRule.objects.count() == 0
    client.post(url, {"role": "buyer", "rank": ladder["director"].pk, "scope": "all"})
    assert QualificationRule.objects.get().parameters == {"rank_level": 40, "scope": "all"}


def test_required_fields_need_a_field(client, organiser, edition):
    FieldFactory(code="software")
    FieldFactory(code="pharma", name_en="Pharmaceutical R&D")
    url = rules_url(edition, "add/required_fields/")
    response = client.post(url, {"role": "provider", "mode": "any"})
    assert errors(response, "field_codes") == ["Choose at least one field."]
    client.post(url, {"role": "provider", "field_codes": ["pharma", "software"], "mode": "all"})
    assert QualificationRule.objects.get().parameters == {
        "fields": ["pharma", "software"],
        "mode": "all",
    }


def test_allowed_countries_need_a_country_or_group(client, organiser, edition):
    url = rules_url(edition, "add/allowed_countries/")
    response = client.post(url, {"role": "buyer"})
    assert errors(response, "countries") == ["Choose at least one country or group."]
    response = client.post(url, {"role": "buyer", "groups": ["atlantis"]})
    assert errors(response, "groups") == [
        "Select a valid choice. atlantis is not one of the available choices."
    ]
    client.post(url, {"role": "buyer", "countries": ["SG", "JP"], "groups": ["foreign", "g7"]})
    assert QualificationRule.objects.get().parameters == {
        "countries": ["JP", "SG"],
        "groups": ["foreign", "g7"],
    }


def test_edit_shows_the_rule_and_saves_the_change(client, organiser, small_buyer):
    edition = small_buyer.edition
    rule = QualificationRuleFactory(edition=edition, parameters={"amount_usd": "8000000"})
    page = client.get(rules_url(edition, f"{rule.pk}/")).content.decode()
    assert 'value="8000000"' in page
    response = client.post(
        rules_url(edition, f"{rule.pk}/"),
        {"role": "buyer", "amount_usd": "1500000", "basis": "largest"},
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.parameters == {"amount_usd": "1500000", "basis": "largest"}
    assert outcome_of(small_buyer) == RuleOutcome.PASS
    assert AuditEntry.objects.get().data == {
        "before": {
            "role": "buyer",
            "kind": "min_contract_value",
            "parameters": {"amount_usd": "8000000"},
        },
        "after": {
            "role": "buyer",
            "kind": "min_contract_value",
            "parameters": {"amount_usd": "1500000", "basis": "largest"},
        },
    }


def test_deactivate_and_delete(client, organiser, small_buyer):
    edition = small_buyer.edition
    rule = QualificationRuleFactory(edition=edition)
    refresh_edition(edition)
    assert outcome_of(small_buyer) == RuleOutcome.FAIL
    client.post(rules_url(edition, f"{rule.pk}/toggle/"))
    rule.refresh_from_db()
    assert (rule.is_active, outcome_of(small_buyer)) == (False, RuleOutcome.PASS)
    client.post(rules_url(edition, f"{rule.pk}/toggle/"))
    assert outcome_of(small_buyer) == RuleOutcome.FAIL
    client.post(rules_url(edition, f"{rule.pk}/delete/"))
    assert QualificationRule.objects.count() == 0
    assert outcome_of(small_buyer) == RuleOutcome.PASS
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "rule.deactivated",
        "rule.activated",
        "rule.deleted",
    ]


def test_a_get_does_not_change_a_rule(client, organiser, edition):
    rule = QualificationRuleFactory(edition=edition)
    assert client.get(rules_url(edition, f"{rule.pk}/delete/")).status_code == 405
    assert QualificationRule.objects.count() == 1


# Exchange rates


def test_a_rate_is_entered_as_quoted_and_rechecks(client, organiser, edition):
    QualificationRuleFactory(edition=edition)
    participation = ParticipationFactory(edition=edition, state=State.SUBMITTED)
    DemandFactory(participation=participation, value=Decimal("1400000000"), currency="JPY")
    refresh_edition(edition)
    assert outcome_of(participation) == RuleOutcome.REVIEW
    response = client.post(
        rules_url(edition, "rates/"), {"currency": "jpy", "units_per_usd": "150"}
    )
    assert response.status_code == 302
    rate = ExchangeRate.objects.get()
    assert (rate.edition, rate.currency, rate.usd_per_unit) == (
        edition,
        "JPY",
        Decimal("0.0066666667"),
    )
    assert outcome_of(participation) == RuleOutcome.PASS
    client.post(rules_url(edition, "rates/"), {"currency": "JPY", "units_per_usd": "200"})
    assert ExchangeRate.objects.get().usd_per_unit == Decimal("0.005")
    assert outcome_of(participation) == RuleOutcome.FAIL
    client.post(rules_url(edition, f"rates/{rate.pk}/delete/"))
    assert ExchangeRate.objects.count() == 0
    assert outcome_of(participation) == RuleOutcome.REVIEW
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "rate.created",
        "rate.changed",
        "rate.deleted",
    ]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"currency": "XYZ", "units_per_usd": "3"},
            "currency",
            "XYZ is not an ISO 4217 currency code.",
        ),
        (
            {"currency": "USD", "units_per_usd": "1"},
            "currency",
            "Amounts in US dollars need no rate.",
        ),
        (
            {"currency": "JP", "units_per_usd": "1"},
            "currency",
            "Ensure this value has at least 3 characters (it has 2).",
        ),
        ({"currency": "JPY", "units_per_usd": "-150"}, "units_per_usd", "Enter a positive rate."),
        ({"currency": "JPY", "units_per_usd": ""}, "units_per_usd", "This field is required."),
    ],
)
def test_bad_rates_are_refused_at_the_field(client, organiser, edition, data, field, message):
    response = client.post(rules_url(edition, "rates/"), data)
    assert response.status_code == 400
    assert response.context["rate_form"].errors[field] == [message]
    assert ExchangeRate.objects.count() == 0
    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("min_contract_value", "amount_usd"),
        ("min_delegate_rank", "rank"),
        ("required_fields", "field_codes"),
        ("allowed_countries", "groups"),
    ],
)
def test_each_kind_has_its_own_inputs(client, organiser, edition, kind, field):
    reference_ladder()
    FieldFactory()
    response = client.get(rules_url(edition, f"add/{kind}/?role=provider"))
    assert response.status_code == 200
    assert f'name="{field}"' in response.content.decode()
    assert response.context["form"].initial == {"role": "provider"}


def test_required_fields_may_judge_only_some_country_groups(client, organiser, edition):
    FieldFactory(code="software")
    url = rules_url(edition, "add/required_fields/")
    client.post(
        url,
        {
            "role": "exhibitor",
            "field_codes": ["software"],
            "mode": "any",
            "only_groups": ["domestic"],
        },
    )
    assert QualificationRule.objects.get().parameters == {
        "fields": ["software"],
        "mode": "any",
        "only_groups": ["domestic"],
    }
    response = client.post(
        url, {"role": "exhibitor", "field_codes": ["software"], "only_groups": ["mars"]}
    )
    assert errors(response, "only_groups") == [
        "Select a valid choice. mars is not one of the available choices."
    ]


def test_rule_list_names_the_country_groups_a_fields_rule_judges(client, organiser, edition):
    FieldFactory(code="software", name_en="Software")
    QualificationRuleFactory(
        edition=edition,
        role="exhibitor",
        kind="required_fields",
        parameters={"fields": ["software"], "only_groups": ["domestic"]},
    )
    page = client.get(rules_url(edition)).content.decode()
    assert (
        "<td>covers one of: Software, only for enterprises from: domestic (the host country)</td>"
        in page
    )
