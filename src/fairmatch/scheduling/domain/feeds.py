"""Calendar feeds: one secret address per attending delegate, which can be replaced.

A feed answers only while its delegate attends: the delegate is marked as attending, the
participation is one that meets (qualified or confirmed) and the enterprise still has an
active user. Otherwise, and for an address that was replaced, the feed is not found.
"""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Delegate, Participation
from fairmatch.matching.domain.requests import MEETING_STATES
from fairmatch.scheduling.models import CalendarFeed


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def feeds_for(delegates: Iterable[Delegate]) -> list[tuple[Delegate, CalendarFeed]]:
    """Each delegate with its feed; missing feeds are created with fresh secret tokens.

    At most three queries, whatever the number of delegates.
    """
    delegates = list(delegates)
    feeds = {feed.delegate_id: feed for feed in CalendarFeed.objects.filter(delegate__in=delegates)}
    missing = [delegate for delegate in delegates if delegate.pk not in feeds]
    if missing:
        # A concurrent request may create some of them meanwhile: keep whichever exists.
        CalendarFeed.objects.bulk_create(
            [CalendarFeed(delegate=delegate, token=_new_token()) for delegate in missing],
            ignore_conflicts=True,
        )
        feeds.update(
            (feed.delegate_id, feed) for feed in CalendarFeed.objects.filter(delegate__in=missing)
        )
    return [(delegate, feeds[delegate.pk]) for delegate in delegates]


@transaction.atomic
def rotate_feed(*, delegate: Delegate, user: Any) -> CalendarFeed:
    """Give the delegate's feed a new secret address; the old one stops answering at once.

    Audited when an organiser does it.
    """
    feed, _created = CalendarFeed.objects.update_or_create(
        delegate=delegate, defaults={"token": _new_token()}
    )
    if getattr(user, "is_organiser", False):
        record_action(actor=user, action="schedule.feed.rotate", target=delegate)
    return feed


@dataclass(frozen=True)
class LiveFeed:
    feed: CalendarFeed
    participation: Participation
    language: str


def live_feed(token: str) -> LiveFeed | None:
    """The feed at this address if it still answers, with the language to write it in
    (the enterprise's first active user's); None otherwise."""
    feed = (
        CalendarFeed.objects.select_related(
            "delegate__participation__enterprise", "delegate__participation__edition"
        )
        .filter(
            token=token,
            delegate__is_attending=True,
            delegate__participation__state__in=MEETING_STATES,
        )
        .first()
    )
    if feed is None:
        return None
    participation = feed.delegate.participation
    member = participation.enterprise.members.filter(is_active=True).order_by("pk").first()
    if member is None:
        return None
    return LiveFeed(feed=feed, participation=participation, language=member.language)
