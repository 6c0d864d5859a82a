"""Check-in on the day: find a badge from what staff scanned or typed, check it in once.

``find_badge`` answers a scanned token or a typed code with the badge, or with a
``BadgeRefused`` whose message says why (forged, of another edition, replaced, expired,
unknown). ``check_in`` is idempotent: a second check-in of the same badge records nothing
and says when and by whom the first was made.
"""

import datetime
import zoneinfo
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Enterprise, Participation
from fairmatch.onsite.domain import tokens
from fairmatch.onsite.domain.badges import BADGED_STATES
from fairmatch.onsite.domain.locks import badge_transaction
from fairmatch.onsite.models import Badge, CheckIn, CheckInMethod
from fairmatch.scheduling.domain import sameday
from fairmatch.scheduling.models import PLACED_STATES, Meeting


class BadgeRefused(Exception):
    """The scanned or typed badge cannot check in; the message says why."""


def edition_is_over(edition: Edition, *, now: datetime.datetime | None = None) -> bool:
    local = (now or timezone.now()).astimezone(zoneinfo.ZoneInfo(edition.timezone))
    return local.date() > edition.end_date


def find_badge(*, edition: Edition, text: str) -> Badge:
    """The badge a scanned QR token or a typed code names, in this edition only."""
    text = (text or "").strip()
    if not text:
        raise BadgeRefused(_("Scan a badge or type its code."))
    # With its delegate (the page shows the delegate's next meeting) and its check-in, if
    # any: a badge scanned again is answered without a transaction (see ``check_in``).
    badges = Badge.objects.filter(edition=edition).select_related("delegate", "check_in__by")
    if tokens.looks_signed(text):
        try:
            content = tokens.unsign(text)
        except tokens.BadToken:
            raise BadgeRefused(
                _("This QR code was not issued by Fairmatch: the badge may be forged.")
            ) from None
        if content.edition_id != edition.pk:
            raise BadgeRefused(_("This badge belongs to another edition."))
        badge = badges.filter(code=content.code).first()
        # Our signature, this edition, but no such code and revision: a replaced badge
        # (replacing one draws a new code and raises its revision).
        if badge is None or badge.revision != content.revision:
            raise BadgeRefused(_("This badge was replaced by a newer one and no longer works."))
    else:
        code = tokens.normalise_code(text)
        badge = badges.filter(code=code).first()
        if badge is None:
            if Badge.objects.filter(code=code).exclude(edition=edition).exists():
                raise BadgeRefused(_("This badge belongs to another edition."))
            raise BadgeRefused(
                _("No badge of this edition has the code %(code)s.") % {"code": text[:20]}
            )
    if edition_is_over(edition):
        raise BadgeRefused(_("This badge has expired: the edition is over."))
    return badge


@dataclass(frozen=True)
class CheckInResult:
    check_in: CheckIn
    created: bool  # False: the badge was checked in already, nothing was recorded


def _recorded_check_in(badge: Badge) -> CheckIn | None:
    """The badge's check-in as read with the badge (``select_related``) or now; None when
    it has none. A check-in, once made, is never undone, so a stale read can only miss a
    check-in made since, which the locked path below then finds."""
    try:
        return badge.check_in
    except CheckIn.DoesNotExist:
        return None


def check_in(*, badge: Badge, user: Any, method: str = CheckInMethod.CODE) -> CheckInResult:
    """Check the badge in, once. Side effects: one ``CheckIn`` row, one audit entry; none
    when the badge was checked in already (the existing check-in is returned).

    A badge checked in already is answered from what was read, without a transaction (on
    SQLite a transaction takes the database's write lock); otherwise the badge's lock is
    taken and the check-in read again under it before anything is written."""
    existing = _recorded_check_in(badge)
    if existing is not None:
        return CheckInResult(check_in=existing, created=False)
    try:
        with badge_transaction(badge.pk):
            # Under the lock, whether another scanner got in first (rarely: the badge was
            # read without a check-in a moment ago); only then is that check-in read.
            if CheckIn.objects.filter(badge_id=badge.pk).exists():
                existing = CheckIn.objects.select_related("by").get(badge_id=badge.pk)
                return CheckInResult(check_in=existing, created=False)
            row = CheckIn.objects.create(
                badge=badge,
                at=timezone.now(),
                by=user if getattr(user, "pk", None) else None,
                method=method,
            )
            record_action(actor=user, action="onsite.check_in", target=badge)
    except IntegrityError:
        # Another scanner won between our read and our write (possible without row locks).
        existing = CheckIn.objects.select_related("by").get(badge_id=badge.pk)
        return CheckInResult(check_in=existing, created=False)
    return CheckInResult(check_in=row, created=True)


def search_badges(*, edition: Edition, query: str, limit: int = 20) -> list[Badge]:
    """Badges whose person or organisation matches the query (case-insensitive)."""
    query = query.strip()
    if len(query) < 2:
        return []
    matches = Badge.objects.filter(edition=edition).filter(
        Q(name__icontains=query)
        | Q(organisation_original__icontains=query)
        | Q(organisation_en__icontains=query)
    )
    return list(matches.select_related("check_in__by").order_by("name", "pk")[:limit])


@dataclass(frozen=True)
class FirstMeeting:
    """What the check-in answer shows of a delegate's first meeting: when, where, with whom."""

    meeting_id: int
    starts_at: datetime.datetime
    table_number: int | None
    booth: str  # "H1-A07" where the meeting takes place at an exhibitor's booth, else ""
    counterpart: Enterprise  # names only (original and English), for its display name


def next_meeting(badge: Badge, *, now: datetime.datetime | None = None) -> FirstMeeting | None:
    """The delegate's first meeting not yet over (none for the press).

    Every scan asks, so it is one query of the few columns shown, read as values: building
    the meeting with its slot, table and both parties' enterprises cost more than the query."""
    if badge.delegate_id is None:
        return None
    participation_id = badge.delegate.participation_id
    row = (
        Meeting.objects.filter(
            Q(first_id=participation_id) | Q(second_id=participation_id),
            state__in=PLACED_STATES,
            slot__isnull=False,
            slot__ends_at__gt=now or timezone.now(),
        )
        .order_by("slot__starts_at")
        .values_list(
            "pk",
            "slot__starts_at",
            "table__number",
            "table__booth_id",
            "table__zone",
            "first_id",
            "first__enterprise__name_original",
            "first__enterprise__name_en",
            "second__enterprise__name_original",
            "second__enterprise__name_en",
        )
        .first()
    )
    if row is None:
        return None
    pk, starts_at, table_number, booth_id, zone, first_id, *names = row
    original, english = names[2:] if first_id == participation_id else names[:2]
    return FirstMeeting(
        meeting_id=pk,
        starts_at=starts_at,
        table_number=None if booth_id else table_number,
        booth=zone if booth_id else "",
        counterpart=Enterprise(name_original=original, name_en=english),
    )


def not_checked_in_by(*, edition: Edition, deadline: datetime.datetime) -> QuerySet[Participation]:
    """Admitted negotiators none of whose delegates checked in before the deadline."""
    arrived = CheckIn.objects.filter(
        badge__edition=edition, at__lte=deadline, badge__delegate__isnull=False
    ).values("badge__delegate__participation_id")
    return Participation.objects.filter(
        edition=edition, state__in=BADGED_STATES, is_negotiator=True
    ).exclude(pk__in=arrived)


@transaction.atomic
def mark_absent_by(*, edition: Edition, deadline: datetime.datetime, user: Any) -> tuple[int, int]:
    """Everyone not checked in by the deadline is absent: their remaining meetings are
    cancelled through the same-day changes (which free the slots for rescheduling).
    Returns (participants marked absent, meetings cancelled)."""
    absent = list(not_checked_in_by(edition=edition, deadline=deadline))
    cancelled = 0
    for participation in absent:
        cancelled += sameday.mark_absent(participation=participation, user=user)
    record_action(
        actor=user,
        action="onsite.absent_by",
        target=edition,
        data={"deadline": deadline.isoformat(), "absent": len(absent), "cancelled": cancelled},
    )
    return len(absent), cancelled
