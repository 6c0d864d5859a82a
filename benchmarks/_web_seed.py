"""Seeds the web benchmark's edition: 2,000 participants, 8 meetings each, published."""

import datetime
import json
from typing import Any

from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from fairmatch.accounts.models import User
from fairmatch.conference.models import CooperationKind, Edition, Field, Rank
from fairmatch.enterprises.models import Delegate, Enterprise, Participation
from fairmatch.matching.models import MeetingRequest
from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.domain.feeds import feeds_for
from fairmatch.scheduling.domain.grid import rebuild_slots
from fairmatch.scheduling.models import Meeting, NegotiationSession, NegotiationTable, Slot

SLUG = "bench-web"
MEETINGS_EACH = 8
QUIET = {
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
}


def _enterprises(count: int, *, kind: str, country: str, prefix: str) -> list[Enterprise]:
    return Enterprise.objects.bulk_create(
        Enterprise(
            name_original=f"{prefix} {n}",
            name_en=f"{prefix} {n}",
            country=country,
            kind=kind,
            description_language="en",
            languages=["en"],
        )
        for n in range(count)
    )


@transaction.atomic
def seed(participants: int) -> dict[str, Any]:
    """Build the edition; returns logins (session cookies) and feed tokens for the load."""
    call_command("flush", interactive=False, verbosity=0)
    half = participants // 2
    edition = Edition.objects.create(
        slug=SLUG,
        name_en="Web benchmark edition",
        start_date=datetime.date(2027, 6, 15),
        end_date=datetime.date(2027, 6, 16),
        status=Edition.Status.OPEN,
    )
    rank = Rank.objects.create(code="director", level=40, name_en="Director")
    Field.objects.create(code="software", name_en="Software")
    CooperationKind.objects.create(code="outsourcing", name_en="Outsourcing purchase")
    buyers = _enterprises(half, kind="buyer", country="US", prefix="Buyer")
    providers = _enterprises(half, kind="provider", country="CN", prefix="Provider")
    rows = Participation.objects.bulk_create(
        Participation(enterprise=e, edition=edition, state="qualified")
        for e in [*buyers, *providers]
    )
    buyer_rows, provider_rows = rows[:half], rows[half:]
    Delegate.objects.bulk_create(
        Delegate(
            participation=p,
            full_name=f"Delegate {p.pk}",
            title="Director",
            rank=rank,
            email=f"d{p.pk}@bench.example",
        )
        for p in rows
    )
    for day in (edition.start_date, edition.end_date):
        for part, hour in (("morning", 9), ("afternoon", 14)):
            NegotiationSession.objects.create(
                edition=edition,
                date=day,
                part=part,
                starts_at=datetime.time(hour),
                slot_count=8,
                slot_minutes=25,
                pause_minutes=5,
            )
    rebuild_slots(edition)
    slots = list(Slot.objects.filter(session__edition=edition).order_by("index"))
    groups = len(slots) // MEETINGS_EACH
    tables = NegotiationTable.objects.bulk_create(
        NegotiationTable(edition=edition, number=n + 1) for n in range(half // groups + 1)
    )
    # Provider p meets buyers (p + k * step) at slot k * groups + p % groups: no one is ever
    # in two places at once, and every table holds one meeting per slot.
    step = half // MEETINGS_EACH
    used: dict[int, int] = {}
    requests, meetings = [], []
    for p, provider in enumerate(provider_rows):
        for k in range(MEETINGS_EACH):
            buyer = buyer_rows[(p + k * step) % half]
            slot = slots[k * groups + p % groups]
            requests.append(
                MeetingRequest(
                    edition=edition, requester=provider, recipient=buyer, state="accepted"
                )
            )
            table = tables[used.get(slot.pk, 0)]
            used[slot.pk] = used.get(slot.pk, 0) + 1
            meetings.append((provider, buyer, slot, table))
    requests = MeetingRequest.objects.bulk_create(requests)
    Meeting.objects.bulk_create(
        Meeting(edition=edition, request=r, first=p, second=b, slot=s, table=t)
        for r, (p, b, s, t) in zip(requests, meetings, strict=True)
    )
    with override_settings(**QUIET):
        releases.publish(edition=edition, name="benchmark", user=None)
    logins, tokens = [], []
    client = Client()
    for participation in buyer_rows[:100]:
        user = User.objects.create_user(
            email=f"u{participation.pk}@bench.example", enterprise=participation.enterprise
        )
        client.force_login(user)
        logins.append(client.cookies["sessionid"].value)
        ((_delegate, feed),) = feeds_for([participation.delegates.get()])
        tokens.append(feed.token)
    return {"slug": SLUG, "sessions": logins, "tokens": tokens, "queries": _query_counts(edition)}


def _query_counts(edition: Edition) -> dict[str, int]:
    """Queries of the agenda page for a participant with 8 meetings and with none."""
    busy = Participation.objects.filter(edition=edition, enterprise__kind="buyer").first()
    quiet_enterprise = Enterprise.objects.create(
        name_original="Quiet",
        name_en="Quiet",
        country="US",
        kind="buyer",
        description_language="en",
    )
    quiet = Participation.objects.create(
        enterprise=quiet_enterprise, edition=edition, state="qualified"
    )
    Delegate.objects.create(
        participation=quiet,
        full_name="Quiet",
        title="Director",
        rank=Rank.objects.get(),
        email="quiet@bench.example",
    )
    counts = {}
    for label, participation in (("8 meetings", busy), ("no meeting", quiet)):
        user = User.objects.create_user(
            email=f"q{participation.pk}@bench.example", enterprise=participation.enterprise
        )
        client = Client()
        client.force_login(user)
        with CaptureQueriesContext(connection) as captured:
            client.get(f"/e/{edition.slug}/agenda/")
        counts[label] = len(captured.captured_queries)
    return counts


def main(participants: int, path: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(seed(participants), handle)
