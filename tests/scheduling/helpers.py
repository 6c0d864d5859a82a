"""A small edition with a grid and accepted meetings, for the schedule tests."""

import datetime

from fairmatch.matching.domain import requests
from fairmatch.scheduling.domain.grid import rebuild_slots
from fairmatch.scheduling.domain.problem import sync_meetings
from fairmatch.scheduling.models import NegotiationSession, NegotiationTable, Slot
from tests.matching.helpers import buyer, edition_with_policy, provider


def grid_edition(*, slots: int = 4, tables: int = 2, timezone: str = "Asia/Shanghai"):
    edition = edition_with_policy(meetings_per_participant=10)
    edition.timezone = timezone
    edition.save()
    NegotiationSession.objects.create(
        edition=edition,
        date=datetime.date(2027, 6, 15),
        part="morning",
        starts_at=datetime.time(9, 0),
        slot_count=slots,
        slot_minutes=25,
        pause_minutes=5,
    )
    for number in range(1, tables + 1):
        NegotiationTable.objects.create(edition=edition, number=number, zone="A")
    rebuild_slots(edition)
    return edition


def accepted_meetings(edition, pairs: int, *, buyers: list | None = None):
    """``pairs`` accepted requests, providers asking the given (or new) buyers in turn."""
    buyers = buyers or [buyer(edition)]
    for index in range(pairs):
        request = requests.send_request(
            requester=provider(edition), recipient=buyers[index % len(buyers)], user=None
        )
        requests.accept_request(request=request, user=None)
    sync_meetings(edition)
    return buyers


def place_in_turn(meetings, *, table_number: int = 1):
    """Put the meetings at one table in consecutive slots, from the first."""
    table = NegotiationTable.objects.get(edition=meetings[0].edition, number=table_number)
    for index, meeting in enumerate(meetings):
        meeting.slot = Slot.objects.get(session__edition=meeting.edition, index=index)
        meeting.table = table
        meeting.save()
    return meetings
