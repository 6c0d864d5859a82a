"""Webhooks: the edition's events, signed and delivered to the organisers' URLs.

An event is one line of ``EVENTS``: its name, its label, the domain signal it listens to
and the function that turns the signal into (edition id, payload), or None to skip it.
Each event makes one ``WebhookDelivery`` per subscribed endpoint, sent by the task worker
(``deliver_task``), never in the request that triggered it. Every attempt is logged on
the delivery; a failed attempt (timeout, connection refused, any status but 2xx) is retried
after ``BACKOFF`` seconds, and after the last one the delivery fails and its endpoint is
marked failing. A delivery can be replayed from the organiser's page.

Signature: ``Fairmatch-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>"
with the endpoint's secret>``; receivers refuse a timestamp older than a few minutes.
"""

import datetime
import hashlib
import hmac
import json
import logging
import secrets
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from fairmatch.api.models import DeliveryState, WebhookDelivery, WebhookEndpoint
from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import Edition
from fairmatch.conference.money import to_usd
from fairmatch.enterprises.domain.workflow import state_changed
from fairmatch.matching.domain.requests import request_changed
from fairmatch.outcomes.domain.intentions import intention_confirmed
from fairmatch.scheduling.domain.releases import schedule_published

logger = logging.getLogger(__name__)

BACKOFF = (10, 60, 300, 1800)  # seconds before attempts 2, 3, 4, 5
MAX_ATTEMPTS = len(BACKOFF) + 1
TIMEOUT_SECONDS = 5
SIGNATURE_HEADER = "Fairmatch-Signature"

Payload = tuple[int, dict[str, Any]] | None


def _participation_changed(*, participation: Any, change: Any, **_kw: Any) -> Payload:
    return participation.edition_id, {
        "participation": participation.pk,
        "enterprise": participation.enterprise_id,
        "from_state": change.from_state,
        "to_state": change.to_state,
        "at": change.at.isoformat(),
    }


def _request_accepted(*, request: Any, event: str, **_kw: Any) -> Payload:
    if event not in ("accepted", "mutual"):
        return None
    return request.edition_id, {
        "meeting_request": request.pk,
        "requester": request.requester_id,
        "recipient": request.recipient_id,
        "mutual": event == "mutual",
    }


def _schedule_published(*, release: Any, **_kw: Any) -> Payload:
    return release.edition_id, {
        "release": release.number,
        "name": release.name,
        "published_at": release.published_at.isoformat(),
    }


def _intention_confirmed(*, intention: Any, **_kw: Any) -> Payload:
    usd = to_usd(intention.amount, intention.currency, exchange_rates(intention.edition))
    return intention.edition_id, {
        "intention": intention.pk,
        "recorder": intention.recorder_id,
        "counterpart": intention.counterpart_id,
        "source": intention.source,
        "form": intention.form,
        "amount": str(intention.amount),
        "currency": intention.currency,
        "amount_usd": None if usd is None else f"{usd:.2f}",
        "confirmed_at": intention.answered_at.isoformat() if intention.answered_at else None,
    }


@dataclass(frozen=True)
class Event:
    name: str
    label: Any
    signal: Signal
    payload: Callable[..., Payload]


EVENTS: tuple[Event, ...] = (
    Event(
        "participation.state_changed",
        _("Participation state changed"),
        state_changed,
        _participation_changed,
    ),
    Event(
        "meeting_request.accepted",
        _("Meeting request accepted"),
        request_changed,
        _request_accepted,
    ),
    Event("schedule.published", _("Schedule published"), schedule_published, _schedule_published),
    Event(
        "intention.confirmed",
        _("Intention confirmed"),
        intention_confirmed,
        _intention_confirmed,
    ),
)
EVENT_NAMES = tuple(event.name for event in EVENTS)


def _receiver(event: Event) -> Callable[..., None]:
    def receive(sender: Any, **kwargs: Any) -> None:
        # A webhook never blocks nor breaks the action that triggered it.
        try:
            found = event.payload(**kwargs)
            if found is not None:
                emit(edition_id=found[0], event=event.name, data=found[1])
        except Exception:
            logger.exception("webhook event %s could not be queued", event.name)

    return receive


_RECEIVERS: list[Callable[..., None]] = []


def connect_events() -> None:
    """Listen to each event's signal (called once, when the app is ready)."""
    for event in EVENTS:
        receiver = _receiver(event)
        _RECEIVERS.append(receiver)  # signals keep weak references
        event.signal.connect(receiver, dispatch_uid=f"fairmatch.api.webhook.{event.name}")


def new_secret() -> str:
    return secrets.token_hex(32)


def register_endpoint(
    *, edition: Edition, url: str, events: list[str], user: Any
) -> WebhookEndpoint:
    """An organiser registers ``url`` for some of the edition's events."""
    from fairmatch.core.domain.audit import record_action

    unknown = set(events) - set(EVENT_NAMES)
    if unknown or not events:
        raise ValueError(f"unknown events: {sorted(unknown)}" if unknown else "no events")
    endpoint = WebhookEndpoint.objects.create(
        edition=edition, url=url, events=sorted(events), secret=new_secret(), created_by=user
    )
    record_action(actor=user, action="webhook.create", target=endpoint, data={"events": events})
    return endpoint


def delete_endpoint(*, endpoint: WebhookEndpoint, user: Any) -> None:
    """The organiser removes the URL (and its deliveries' log); audited."""
    from fairmatch.core.domain.audit import record_action

    record_action(actor=user, action="webhook.delete", target=endpoint, note=endpoint.url)
    endpoint.delete()


def emit(*, edition_id: int, event: str, data: dict[str, Any]) -> list[WebhookDelivery]:
    """One delivery per active endpoint of the edition that listens to ``event``; each is
    queued for the worker after the surrounding transaction commits."""
    deliveries = []
    for endpoint in WebhookEndpoint.objects.filter(edition_id=edition_id, is_active=True):
        if event not in endpoint.events:
            continue
        payload = {"event": event, "edition": edition_id, "data": data}
        delivery = WebhookDelivery.objects.create(endpoint=endpoint, event=event, payload=payload)
        deliveries.append(delivery)
        transaction.on_commit(lambda pk=delivery.pk: _queue(pk))
    return deliveries


def _queue(delivery_id: int, *, after: datetime.datetime | None = None) -> None:
    backend = deliver_task.get_backend()
    if after is not None and backend.supports_defer:
        deliver_task.using(run_after=after).enqueue(delivery_id)
    elif after is None:
        deliver_task.enqueue(delivery_id)
    # A backend that cannot defer (run inline) leaves the retry to a replay.


def sign(*, secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def verify(*, secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    """What a receiver does: the signature matches and the timestamp is recent."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = sign(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, header)


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return None, str(getattr(error, "reason", error))[:200]


def attempt_delivery(delivery: WebhookDelivery) -> WebhookDelivery:
    """Send the delivery once; log the attempt; schedule the next one or give up."""
    endpoint = delivery.endpoint
    body = json.dumps(
        {**delivery.payload, "delivery": delivery.pk}, separators=(",", ":"), sort_keys=True
    ).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Fairmatch-Webhooks/1",
        "Fairmatch-Event": delivery.event,
        "Fairmatch-Delivery": str(delivery.pk),
        "Fairmatch-Timestamp": str(timestamp),
        SIGNATURE_HEADER: sign(secret=endpoint.secret, timestamp=timestamp, body=body),
    }
    started = time.monotonic()
    status, error = _post(endpoint.url, body, headers)
    now = timezone.now()
    delivery.attempts = [
        *delivery.attempts,
        {
            "at": now.isoformat(),
            "status": status,
            "error": error,
            "ms": round((time.monotonic() - started) * 1000),
        },
    ]
    failures = sum(1 for attempt in delivery.attempts if not _succeeded(attempt))
    if status is not None and 200 <= status < 300:
        delivery.state = DeliveryState.DELIVERED
        delivery.next_attempt_at = None
        if endpoint.failing_since is not None:
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
    elif failures >= MAX_ATTEMPTS:
        delivery.state = DeliveryState.FAILED
        delivery.next_attempt_at = None
        WebhookEndpoint.objects.filter(pk=endpoint.pk, failing_since=None).update(failing_since=now)
    else:
        delivery.state = DeliveryState.RETRYING
        delay = BACKOFF[min(failures, len(BACKOFF)) - 1]
        delivery.next_attempt_at = now + datetime.timedelta(seconds=delay)
    delivery.save(update_fields=["attempts", "state", "next_attempt_at"])
    if delivery.state == DeliveryState.RETRYING:
        _queue(delivery.pk, after=delivery.next_attempt_at)
    return delivery


def _succeeded(attempt: dict[str, Any]) -> bool:
    status = attempt.get("status")
    return status is not None and 200 <= status < 300


def replay(*, delivery: WebhookDelivery, user: Any) -> None:
    """The organiser sends a delivery again (same payload, a fresh signature)."""
    from fairmatch.core.domain.audit import record_action

    record_action(actor=user, action="webhook.replay", target=delivery)
    transaction.on_commit(lambda: _queue(delivery.pk))


@task()
def deliver_task(delivery_id: int) -> str:
    """One attempt at a delivery (the worker's side); returns its state."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or not delivery.endpoint.is_active:
        return "skipped"
    return attempt_delivery(delivery).state
