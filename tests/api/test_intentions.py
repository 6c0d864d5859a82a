"""Intentions through the API: the organiser sees the edition's, an enterprise those it is a
party to (as on its intentions page); the other party confirms or disputes through the
site's domain functions, with a read-write token."""

from decimal import Decimal

import pytest

from fairmatch.enterprises.models import State
from fairmatch.outcomes.models import Intention, IntentionSource, IntentionState
from tests.factories import (
    CooperationKindFactory,
    EnterpriseFactory,
    ExchangeRateFactory,
    FieldFactory,
    ParticipationFactory,
)

BASE = "/api/v1/editions/soc-2027/intentions"


def make_intention(recorder, counterpart, **extra):
    values = {
        "edition": recorder.edition,
        "recorder": recorder,
        "counterpart": counterpart,
        "form": "mou",
        "kind": extra.pop("kind", None) or CooperationKindFactory(code="investment"),
        "field": extra.pop("field", None) or FieldFactory(),
        "amount": Decimal("1000000"),
        "currency": "EUR",
    }
    return Intention.objects.create(**{**values, **extra})


@pytest.fixture
def signed(api_world):
    """The provider recorded one with the buyer (EUR, which has a rate), the organiser
    entered one between the buyer and a third (JPY, without a rate), and two others signed
    one without either of them."""
    ExchangeRateFactory(edition=api_world.edition, currency="EUR", usd_per_unit=Decimal("1.08"))
    third = ParticipationFactory(
        edition=api_world.edition,
        enterprise=EnterpriseFactory(name_original="Osaka Anime", name_en="Osaka Anime"),
        state=State.QUALIFIED,
    )
    fourth = ParticipationFactory(edition=api_world.edition, state=State.QUALIFIED)
    outsourcing = CooperationKindFactory(code="outsourcing")  # the others': investment
    return {
        "waiting": make_intention(api_world.provider, api_world.buyer, kind=outsourcing),
        "ceremony": make_intention(
            api_world.buyer,
            third,
            currency="JPY",
            source=IntentionSource.CEREMONY,
            state=IntentionState.CONFIRMED,
        ),
        "others": make_intention(third, fourth),
    }


def _ids(answer):
    assert answer.status_code == 200, answer.content
    return {item["id"] for item in answer.json()["items"]}


def test_the_organiser_sees_every_intention_of_the_edition_with_its_value(api_world, signed):
    answer = api_world.client("organiser").get(BASE)
    assert _ids(answer) == {one.pk for one in signed.values()}
    rows = {item["id"]: item for item in answer.json()["items"]}
    waiting = rows[signed["waiting"].pk]
    assert waiting["recorder"]["name_en"] == "Nanjing Yunfan"
    assert waiting["counterpart"]["name_en"] == "Hamburg Logistik"
    assert (waiting["amount"], waiting["currency"], waiting["amount_usd"]) == (
        "1000000.00",
        "EUR",
        "1080000.00",
    )
    assert (waiting["state"], waiting["counts"], waiting["kind"]) == (
        "recorded",
        False,
        "outsourcing",
    )
    ceremony = rows[signed["ceremony"].pk]
    assert (ceremony["amount_usd"], ceremony["counts"], ceremony["source"]) == (
        None,
        True,
        "ceremony",
    )


def test_an_enterprise_sees_only_the_intentions_it_is_a_party_to(api_world, signed):
    assert _ids(api_world.client("buyer").get(BASE)) == {
        signed["waiting"].pk,
        signed["ceremony"].pk,
    }
    assert _ids(api_world.client("provider").get(BASE)) == {signed["waiting"].pk}
    assert api_world.client("other_member").get(BASE).status_code == 403
    assert api_world.client("other_organiser").get(BASE).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": "recorded"}, {"waiting", "others"}),
        ({"state": "confirmed"}, {"ceremony"}),
        ({"counts": "true"}, {"ceremony"}),
        ({"counts": "false"}, {"waiting", "others"}),
        ({"kind": "outsourcing"}, {"waiting"}),
    ],
)
def test_filters(api_world, signed, query, expected):
    answer = api_world.client("organiser").get(BASE, query)
    assert _ids(answer) == {signed[name].pk for name in expected}


def test_an_unknown_state_is_a_problem_with_the_field(api_world, signed):
    answer = api_world.client("organiser").get(BASE, {"state": "signed"})
    assert answer.status_code == 422
    assert answer["Content-Type"] == "application/problem+json"


def test_the_same_list_again_is_not_modified(api_world, signed):
    client = api_world.client("buyer")
    first = client.get(BASE)
    again = client.get(BASE, headers={"If-None-Match": first["ETag"]})
    assert (again.status_code, again.content) == (304, b"")
    signed["waiting"].state = IntentionState.CONFIRMED
    signed["waiting"].save()
    assert client.get(BASE, headers={"If-None-Match": first["ETag"]}).status_code == 200


def test_the_other_party_confirms_and_the_intention_counts(api_world, signed):
    waiting = signed["waiting"]
    answer = api_world.client("buyer").post(f"{BASE}/{waiting.pk}/confirm", {})
    assert answer.status_code == 200, answer.content
    assert (answer.json()["state"], answer.json()["counts"]) == ("confirmed", True)
    waiting.refresh_from_db()
    assert waiting.state == IntentionState.CONFIRMED
    again = api_world.client("buyer").post(f"{BASE}/{waiting.pk}/confirm", {})
    assert again.status_code == 409


def test_the_other_party_disputes_saying_why(api_world, signed):
    waiting = signed["waiting"]
    client = api_world.client("buyer")
    empty = client.post(f"{BASE}/{waiting.pk}/dispute", {"reason": "   "})
    assert empty.status_code == 422
    assert empty.json()["errors"][0]["field"] == "body.reason"
    answer = client.post(f"{BASE}/{waiting.pk}/dispute", {"reason": "Not signed."})
    assert answer.status_code == 200, answer.content
    waiting.refresh_from_db()
    assert (waiting.state, waiting.dispute_reason) == (IntentionState.DISPUTED, "Not signed.")


def test_the_recorder_cannot_confirm_its_own(api_world, signed):
    waiting = signed["waiting"]
    answer = api_world.client("provider").post(f"{BASE}/{waiting.pk}/confirm", {})
    assert answer.status_code == 409
    waiting.refresh_from_db()
    assert waiting.state == IntentionState.RECORDED


def test_a_read_token_may_not_answer(api_world, signed):
    waiting = signed["waiting"]
    for action, body in (("confirm", {}), ("dispute", {"reason": "No."})):
        answer = api_world.client("buyer_read").post(f"{BASE}/{waiting.pk}/{action}", body)
        assert answer.status_code == 403
        assert answer["Content-Type"] == "application/problem+json"
    waiting.refresh_from_db()
    assert waiting.state == IntentionState.RECORDED


def test_no_one_answers_an_intention_it_is_not_a_party_to(api_world, signed):
    others = signed["others"]
    assert api_world.client("buyer").post(f"{BASE}/{others.pk}/confirm", {}).status_code == 404
    # Organisers enter intentions at a ceremony; they do not answer for a party.
    organiser = api_world.client("organiser").post(f"{BASE}/{others.pk}/confirm", {})
    assert organiser.status_code == 403
    others.refresh_from_db()
    assert others.state == IntentionState.RECORDED
