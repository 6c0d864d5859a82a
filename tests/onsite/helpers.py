"""A small edition on its first day: a buyer and a provider with a delegate each, one
meeting placed in a slot that has started, badges issued."""

import datetime

from django.utils import timezone

from fairmatch.matching.domain import requests
from fairmatch.onsite.domain.badges import issue_badges
from fairmatch.onsite.models import Badge
from fairmatch.scheduling.domain.problem import sync_meetings
from fairmatch.scheduling.models import Meeting, Slot
from tests.factories import DelegateFactory
from tests.matching.helpers import buyer, provider
from tests.scheduling.helpers import grid_edition, place_in_turn


def start_slot(slot: Slot, *, minutes_ago: int = 5) -> Slot:
    """Move the slot so that it started ``minutes_ago`` minutes ago (and lasts 25)."""
    slot.starts_at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    slot.ends_at = slot.starts_at + datetime.timedelta(minutes=25)
    slot.save()
    return slot


def day_edition():
    """(edition, meeting, buyer's badge, provider's badge); the meeting has started."""
    edition = grid_edition(slots=4, tables=2)
    the_buyer = buyer(edition, country="DE", name_en="Berlin Buyer GmbH")
    the_provider = provider(
        edition, name_original="上海外包有限公司", name_en="Shanghai Outsourcing"
    )
    DelegateFactory(participation=the_buyer, full_name="Anna Becker")
    DelegateFactory(participation=the_provider, full_name="王芳")
    request = requests.send_request(requester=the_provider, recipient=the_buyer, user=None)
    requests.accept_request(request=request, user=None)
    sync_meetings(edition)
    (meeting,) = place_in_turn(list(Meeting.objects.filter(edition=edition)))
    start_slot(meeting.slot)
    issue_badges(edition=edition)
    return (
        edition,
        Meeting.objects.get(pk=meeting.pk),
        Badge.objects.get(delegate__participation=the_buyer),
        Badge.objects.get(delegate__participation=the_provider),
    )
