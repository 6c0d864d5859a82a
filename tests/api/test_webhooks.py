"""Webhooks: domain events make signed deliveries; failures are retried, then the endpoint
is marked failing; the action that triggered the event never waits or fails."""

import json
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from fairmatch.api.domain import webhooks
from fairmatch.api.models import DeliveryState, WebhookDelivery
from fairmatch.enterprises.domain import review
from tests.factories import OrganiserFactory


class Receiver:
    """A local HTTP server answering ``status`` and keeping what it received."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.received: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.received.append((dict(self.headers), body))
                self.send_response(outer.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def receiver():
    made = []

    def make(status: int = 200) -> Receiver:
        made.append(Receiver(status))
        return made[-1]

    yield make
    for one in made:
        one.close()


@pytest.mark.django_db(transaction=True)
def test_a_decision_is_delivered_signed(api_world, receiver):
    hook = receiver(200)
    organiser = OrganiserFactory()
    endpoint = webhooks.register_endpoint(
        edition=api_world.edition,
        url=hook.url,
        events=["participation.state_changed"],
        user=organiser,
    )
    review.decide(participation=api_world.buyer, target="confirmed", user=organiser)
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == DeliveryState.DELIVERED
    [(headers, body)] = hook.received
    assert webhooks.verify(secret=endpoint.secret, header=headers["Fairmatch-Signature"], body=body)
    assert not webhooks.verify(secret="wrong", header=headers["Fairmatch-Signature"], body=body)
    payload = json.loads(body)
    assert (payload["event"], payload["data"]["to_state"]) == (
        "participation.state_changed",
        "confirmed",
    )
    assert headers["Fairmatch-Event"] == "participation.state_changed"


@pytest.mark.django_db(transaction=True)
def test_an_endpoint_answering_500_is_retried_then_marked_failing(api_world, receiver):
    hook = receiver(500)
    organiser = OrganiserFactory()
    endpoint = webhooks.register_endpoint(
        edition=api_world.edition,
        url=hook.url,
        events=["participation.state_changed"],
        user=organiser,
    )
    # The decision itself goes through whatever the endpoint answers.
    review.decide(participation=api_world.buyer, target="confirmed", user=organiser)
    api_world.buyer.refresh_from_db()
    assert api_world.buyer.state == "confirmed"
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == DeliveryState.RETRYING
    assert delivery.next_attempt_at is not None
    for _ in range(webhooks.MAX_ATTEMPTS - 1):  # what the worker does at each run_after
        delivery = webhooks.attempt_delivery(delivery)
    assert delivery.state == DeliveryState.FAILED
    assert [attempt["status"] for attempt in delivery.attempts] == [500] * webhooks.MAX_ATTEMPTS
    endpoint.refresh_from_db()
    assert endpoint.failing_since is not None
    # Replayed once the receiver is fixed: delivered, and the endpoint works again.
    hook.status = 200
    webhooks.replay(delivery=delivery, user=organiser)
    delivery.refresh_from_db()
    endpoint.refresh_from_db()
    assert (delivery.state, endpoint.failing_since) == (DeliveryState.DELIVERED, None)


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_url_is_logged_not_raised(api_world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    organiser = OrganiserFactory()
    webhooks.register_endpoint(
        edition=api_world.edition,
        url="http://127.0.0.1:9/closed",
        events=["meeting_request.accepted"],
        user=organiser,
    )
    from fairmatch.matching.domain.requests import accept_request

    accept_request(request=api_world.request, user=None)
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == DeliveryState.PENDING  # queued for the worker, not sent inline
    delivery = webhooks.attempt_delivery(delivery)
    assert delivery.state == DeliveryState.RETRYING
    assert delivery.attempts[0]["status"] is None
    assert delivery.attempts[0]["error"] != ""


@pytest.mark.django_db(transaction=True)
def test_events_of_another_edition_or_not_chosen_are_not_sent(api_world, receiver):
    hook = receiver(200)
    organiser = OrganiserFactory()
    webhooks.register_endpoint(
        edition=api_world.other_edition,
        url=hook.url,
        events=["participation.state_changed"],
        user=organiser,
    )
    webhooks.register_endpoint(
        edition=api_world.edition, url=hook.url, events=["schedule.published"], user=organiser
    )
    review.decide(participation=api_world.buyer, target="confirmed", user=organiser)
    assert WebhookDelivery.objects.count() == 0


def test_every_event_has_a_signal_and_a_label():
    assert webhooks.EVENT_NAMES == (
        "participation.state_changed",
        "meeting_request.accepted",
        "schedule.published",
        "intention.confirmed",
    )


@pytest.mark.django_db(transaction=True)
def test_a_published_schedule_is_delivered(api_world, receiver):
    from fairmatch.scheduling.domain.releases import schedule_published
    from fairmatch.scheduling.models import Release

    hook = receiver(200)
    organiser = OrganiserFactory()
    webhooks.register_endpoint(
        edition=api_world.edition, url=hook.url, events=["schedule.published"], user=organiser
    )
    release = Release.objects.create(edition=api_world.edition, number=1, name="final")
    schedule_published.send(sender=Release, release=release)
    [(_headers, body)] = hook.received
    assert json.loads(body)["data"]["name"] == "final"


def _waiting_intention(world):
    from fairmatch.outcomes.models import Intention
    from tests.factories import CooperationKindFactory, FieldFactory

    return Intention.objects.create(
        edition=world.edition,
        recorder=world.provider,
        counterpart=world.buyer,
        form="contract",
        kind=CooperationKindFactory(),
        field=FieldFactory(),
        amount=2500000,
        currency="EUR",
    )


@pytest.mark.django_db(transaction=True)
def test_a_confirmed_intention_is_delivered_signed(api_world, receiver):
    from fairmatch.outcomes.domain.intentions import dispute_intention
    from tests.factories import ExchangeRateFactory

    ExchangeRateFactory(edition=api_world.edition, currency="EUR", usd_per_unit=Decimal("1.08"))
    hook = receiver(200)
    organiser = OrganiserFactory()
    endpoint = webhooks.register_endpoint(
        edition=api_world.edition, url=hook.url, events=["intention.confirmed"], user=organiser
    )
    disputed = _waiting_intention(api_world)
    dispute_intention(intention=disputed, participation=api_world.buyer, user=None, reason="No")
    assert hook.received == []  # a disputed intention never counts: nothing to announce
    intention = _waiting_intention(api_world)
    answer = api_world.client("buyer").post(
        f"/api/v1/editions/{api_world.edition.slug}/intentions/{intention.pk}/confirm", {}
    )
    assert answer.status_code == 200
    [(headers, body)] = hook.received
    assert webhooks.verify(secret=endpoint.secret, header=headers["Fairmatch-Signature"], body=body)
    assert headers["Fairmatch-Event"] == "intention.confirmed"
    payload = json.loads(body)
    assert payload["event"] == "intention.confirmed"
    assert payload["data"]["intention"] == intention.pk
    assert (payload["data"]["amount"], payload["data"]["amount_usd"]) == (
        "2500000.00",
        "2700000.00",
    )
    assert payload["data"]["confirmed_at"]


@pytest.mark.django_db(transaction=True)
def test_an_intention_entered_at_a_ceremony_is_delivered(api_world, receiver):
    from fairmatch.outcomes.domain.intentions import Terms, enter_at_ceremony
    from tests.factories import CooperationKindFactory, FieldFactory

    hook = receiver(200)
    organiser = OrganiserFactory()
    webhooks.register_endpoint(
        edition=api_world.edition, url=hook.url, events=["intention.confirmed"], user=organiser
    )
    entered = enter_at_ceremony(
        edition=api_world.edition,
        first=api_world.buyer,
        second=api_world.provider,
        user=organiser,
        terms=Terms(
            form="mou",
            kind=CooperationKindFactory(),
            field=FieldFactory(),
            amount=Decimal("1000"),
            currency="JPY",
        ),
    )
    [(_headers, body)] = hook.received
    data = json.loads(body)["data"]
    assert (data["intention"], data["source"], data["amount_usd"]) == (
        entered.pk,
        "ceremony",
        None,
    )
