"""Calendar feeds: one secret address per attending delegate, which can be replaced.

A feed answers only while its delegate attends: the delegate is marked as attending, the
participation is one that meets (qualified or confirmed) and the enterprise still has an
active user. Otherwise, and for an address that was replaced, the feed is not found.
"""

import functools
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connections, router, transaction
from django.db.models import F, OuterRef, QuerySet, Subquery

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Delegate, Enterprise
from fairmatch.matching.domain.requests import MEETING_STATES
from fairmatch.scheduling.models import CalendarFeed, Release


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
    """What a live feed's text is made of, read in one query: enough to tell a client that
    already has the text that it is unchanged, without reading the agenda."""

    participation_id: int
    release_id: int | None
    language: str
    edition: Edition  # names and time zone only
    enterprise: Enterprise  # names only


# What a feed's answer is made of, each under a name of its own (the query's column names).
_PARTICIPATION = "delegate__participation"
_LIVE_FEED_COLUMNS = {
    "participation_id": F(f"{_PARTICIPATION}_id"),
    "edition_name_en": F(f"{_PARTICIPATION}__edition__name_en"),
    "edition_name_zh": F(f"{_PARTICIPATION}__edition__name_zh"),
    "edition_timezone": F(f"{_PARTICIPATION}__edition__timezone"),
    "enterprise_name_original": F(f"{_PARTICIPATION}__enterprise__name_original"),
    "enterprise_name_en": F(f"{_PARTICIPATION}__enterprise__name_en"),
    # The enterprise's first active user writes the feed's language; none: no feed.
    "language": Subquery(
        User.objects.filter(
            enterprise_id=OuterRef(f"{_PARTICIPATION}__enterprise_id"), is_active=True
        )
        .order_by("pk")
        .values("language")[:1]
    ),
    "release_id": Subquery(
        Release.objects.filter(edition_id=OuterRef(f"{_PARTICIPATION}__edition_id"))
        .order_by("-number")
        .values("pk")[:1]
    ),
}
_TOKEN_PLACEHOLDER = "fairmatch:feed-token"


def _live_feed_rows(token: str) -> QuerySet[CalendarFeed, dict[str, Any]]:
    return (
        CalendarFeed.objects.filter(
            token=token,
            delegate__is_attending=True,
            delegate__participation__state__in=MEETING_STATES,
        )
        .annotate(**_LIVE_FEED_COLUMNS)
        .values(*_LIVE_FEED_COLUMNS)
    )


@functools.lru_cache(maxsize=8)
def _live_feed_sql(alias: str, vendor: str) -> tuple[str, tuple[Any, ...]]:
    """The ORM's own SQL for the feed's query, compiled once per database: compiling five
    joins and two subqueries costs more than running them, on every poll."""
    return _live_feed_rows(_TOKEN_PLACEHOLDER).query.get_compiler(using=alias).as_sql()


def live_feed(token: str) -> LiveFeed | None:
    """The feed at this address if it still answers, with the language to write it in
    (the enterprise's first active user's) and the edition's latest release; None otherwise.

    One query: calendar clients poll all day, and most polls change nothing.
    """
    connection = connections[router.db_for_read(CalendarFeed)]
    sql, params = _live_feed_sql(connection.alias, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [token if param == _TOKEN_PLACEHOLDER else param for param in params])
        found = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    row = dict(zip(names, found, strict=True)) if found else None
    if row is None or row["language"] is None:
        return None
    return LiveFeed(
        participation_id=row["participation_id"],
        release_id=row["release_id"],
        language=row["language"],
        edition=Edition(
            name_en=row["edition_name_en"],
            name_zh=row["edition_name_zh"],
            timezone=row["edition_timezone"],
        ),
        enterprise=Enterprise(
            name_original=row["enterprise_name_original"],
            name_en=row["enterprise_name_en"],
        ),
    )
