"""The applicant's pages: permissions, drafts kept, field errors, submit, query counts."""

from decimal import Decimal

import pytest

from fairmatch.enterprises.models import Demand, State
from tests.factories import (
    CooperationKindFactory,
    DelegateFactory,
    DemandFactory,
    EditionFactory,
    ExchangeRateFactory,
    FieldFactory,
    ParticipationFactory,
    QualificationRuleFactory,
    RankFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def formset_data(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "20",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


@pytest.fixture
def draft():
    participation = ParticipationFactory(enterprise__country="JP")
    QualificationRuleFactory(edition=participation.edition)
    ExchangeRateFactory(edition=participation.edition, currency="JPY")
    user = UserFactory(enterprise=participation.enterprise)
    return participation, user


def application_post(*, rank, field, kind, value: str, currency: str = "USD", action="save"):
    data = {"action": action, "roles-is_negotiator": "on"}
    data |= formset_data(
        "delegates",
        [
            {
                "full_name": "Aiko Tanaka",
                "title": "Director of outsourcing",
                "rank": str(rank.pk),
                "email": "aiko@example.jp",
                "is_attending": "on",
            }
        ],
    )
    data |= formset_data(
        "demands",
        [
            {
                "field": str(field.pk),
                "cooperation_kind": str(kind.pk),
                "value": value,
                "currency": currency,
                "description": "アニメ制作の外注",
                "description_language": "ja",
            }
        ],
    )
    return data


def test_visitors_are_sent_to_log_in(client):
    edition = EditionFactory()
    response = client.get(f"/apply/{edition.slug}/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_starting_an_application_keeps_a_draft(client):
    edition = EditionFactory()
    user = UserFactory()
    client.force_login(user)
    response = client.post(f"/apply/{edition.slug}/", {"is_negotiator": "on"})
    assert response.status_code == 302
    participation = user.enterprise.participations.get()
    assert (participation.edition, participation.state) == (edition, State.DRAFT)


def test_a_bad_value_is_shown_at_its_field_and_nothing_typed_is_lost(client, draft):
    participation, user = draft
    client.force_login(user)
    data = application_post(
        rank=RankFactory(), field=FieldFactory(), kind=CooperationKindFactory(), value="-5"
    )
    response = client.post(f"/apply/{participation.edition.slug}/", data)
    assert response.status_code == 200
    form = response.context["formsets"]["demands"].forms[0]
    assert list(form.errors) == ["value"]
    page = response.content.decode()
    assert "アニメ制作の外注" in page and "aiko@example.jp" in page
    assert not Demand.objects.exists()


def test_an_unknown_currency_names_the_accepted_ones(client, draft):
    participation, user = draft
    client.force_login(user)
    data = application_post(
        rank=RankFactory(),
        field=FieldFactory(),
        kind=CooperationKindFactory(),
        value="100",
        currency="XYZ",
    )
    response = client.post(f"/apply/{participation.edition.slug}/", data)
    errors = response.context["formsets"]["demands"].forms[0].errors["currency"]
    assert errors == ["XYZ has no exchange rate in this edition; accepted: USD, JPY."]


def test_an_absurd_amount_is_refused(client, draft):
    participation, user = draft
    client.force_login(user)
    data = application_post(
        rank=RankFactory(),
        field=FieldFactory(),
        kind=CooperationKindFactory(),
        value="90000000000000",
    )
    response = client.post(f"/apply/{participation.edition.slug}/", data)
    errors = response.context["formsets"]["demands"].forms[0].errors["value"]
    assert errors == ["90,000,000,000,000 USD is implausibly large; check the number of zeros."]


def test_saving_shows_the_unmet_rule_then_submitting_works(client, draft):
    participation, user = draft
    client.force_login(user)
    url = f"/apply/{participation.edition.slug}/"
    objects = {"rank": RankFactory(), "field": FieldFactory(), "kind": CooperationKindFactory()}
    client.post(url, application_post(value="5000000", **objects))
    page = client.get(url).content.decode()
    assert "Contracts on offer are worth USD 5,000,000; at least USD 8 M is required." in page
    participation.refresh_from_db()
    assert participation.rule_outcome == "fail"

    demand = participation.demands.get()
    fixed = application_post(value="1400000000", currency="JPY", action="submit", **objects)
    fixed |= {"demands-INITIAL_FORMS": "1", "demands-0-id": str(demand.pk)}
    fixed |= {"delegates-INITIAL_FORMS": "1"}
    fixed["delegates-0-id"] = str(participation.delegates.get().pk)
    response = client.post(url, fixed)
    assert response.status_code == 302
    participation.refresh_from_db()
    assert (participation.state, participation.rule_outcome) == (State.SUBMITTED, "pass")
    assert participation.demands.get().currency == "JPY"


def test_another_enterprises_application_is_not_found(client):
    mine = UserFactory()
    theirs = ParticipationFactory()
    client.force_login(mine)
    assert client.get(f"/my/applications/{theirs.pk}/").status_code == 404
    # The edition page shows the user's own (absent) application, never theirs.
    response = client.get(f"/apply/{theirs.edition.slug}/")
    assert "form" in response.context and response.context.get("participation") is None


def test_another_enterprise_cannot_change_an_application_by_posting(client):
    theirs = ParticipationFactory()
    DemandFactory(participation=theirs, value=Decimal("9000000"))
    intruder = UserFactory()
    client.force_login(intruder)
    client.post(
        f"/apply/{theirs.edition.slug}/",
        {"is_negotiator": "on"},
    )
    assert theirs.demands.get().value == Decimal("9000000")
    assert intruder.enterprise.participations.get().edition == theirs.edition


def test_the_application_page_queries_do_not_grow_with_rows(
    client, draft, django_assert_max_num_queries
):
    participation, user = draft
    client.force_login(user)
    url = f"/apply/{participation.edition.slug}/"
    DemandFactory(participation=participation)
    DelegateFactory(participation=participation)
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    for _ in range(8):
        DemandFactory(participation=participation)
        DelegateFactory(participation=participation)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_my_applications_lists_only_mine(client, django_assert_max_num_queries):
    user = UserFactory()
    for _ in range(5):
        ParticipationFactory(enterprise=user.enterprise)
    ParticipationFactory(edition__name_en="Not mine at all", edition__status="closed")
    client.force_login(user)
    with django_assert_max_num_queries(10):
        page = client.get("/my/applications/").content.decode()
    assert "Not mine at all" not in page
