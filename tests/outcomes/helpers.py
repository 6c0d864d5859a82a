"""An edition whose negotiations took place yesterday: a buyer and a provider who met."""

import datetime
from decimal import Decimal

from django.utils import timezone

from fairmatch.outcomes.domain.intentions import Terms
from fairmatch.scheduling.domain.grid import rebuild_slots
from fairmatch.scheduling.models import Meeting, NegotiationSession, NegotiationTable, Slot
from tests.factories import CooperationKindFactory, ExchangeRateFactory, FieldFactory
from tests.matching.helpers import buyer, edition_with_policy, member, provider
from tests.scheduling.helpers import accepted_meetings


def past_edition(*, days_ago: int = 1):
    """An edition with a one-session grid ``days_ago`` days ago and a EUR rate."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    edition = edition_with_policy(meetings_per_participant=10)
    edition.start_date = edition.end_date = day
    edition.save()
    ExchangeRateFactory(edition=edition, currency="EUR", usd_per_unit=Decimal("1.08"))
    NegotiationSession.objects.create(
        edition=edition,
        date=day,
        part="morning",
        starts_at=datetime.time(9, 0),
        slot_count=8,
        slot_minutes=25,
        pause_minutes=5,
    )
    NegotiationTable.objects.create(edition=edition, number=1, zone="A")
    rebuild_slots(edition)
    return edition


def held_meeting(edition=None, *, buyer_country="US"):
    """A placed meeting whose slot has ended, between a new buyer and a new provider."""
    edition = edition or past_edition()
    (the_buyer,) = accepted_meetings(edition, 1, buyers=[buyer(edition, country=buyer_country)])
    meeting = Meeting.objects.get(edition=edition, request__recipient=the_buyer)
    taken = Meeting.objects.filter(edition=edition, slot__isnull=False).count()
    meeting.slot = Slot.objects.get(session__edition=edition, index=taken)
    meeting.table = NegotiationTable.objects.get(edition=edition, number=1)
    meeting.save()
    return meeting


def unplaced_meeting(edition):
    (the_buyer,) = accepted_meetings(edition, 1, buyers=[buyer(edition)])
    return Meeting.objects.get(edition=edition, request__recipient=the_buyer)


def terms(amount="1000000", currency="USD", **extra):
    kind = extra.pop("kind", None) or CooperationKindFactory()
    field = extra.pop("field", None) or FieldFactory()
    return Terms(
        form=extra.pop("form", "mou"),
        kind=kind,
        field=field,
        amount=Decimal(amount),
        currency=currency,
        **extra,
    )


__all__ = ["buyer", "member", "provider"]
