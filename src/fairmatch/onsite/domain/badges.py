"""Issuing badges: every attending delegate of an admitted participation, every approved
journalist; a lost badge is replaced by a new revision (the old one stops working)."""

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Delegate, State
from fairmatch.onsite.domain import tokens
from fairmatch.onsite.domain.locks import lock_badge
from fairmatch.onsite.models import Badge, BadgeRole, PressAccreditation, PressState

# Participations whose delegates get a badge: admitted, not withdrawn.
BADGED_STATES = (State.QUALIFIED, State.CONFIRMED)


def badge_role(delegate: Delegate) -> str:
    """The role the badge's colour shows: buyer, provider, or exhibitor (booth only)."""
    participation = delegate.participation
    enterprise = participation.enterprise
    if participation.is_negotiator and enterprise.is_buyer:
        return BadgeRole.BUYER
    if participation.is_negotiator and enterprise.is_provider:
        return BadgeRole.PROVIDER
    return BadgeRole.EXHIBITOR


def badgeable_delegates(edition: Edition) -> QuerySet[Delegate]:
    return Delegate.objects.filter(
        participation__edition=edition,
        participation__state__in=BADGED_STATES,
        is_attending=True,
    ).select_related("participation__enterprise")


def _unused_codes(edition: Edition, count: int) -> list[str]:
    taken = set(Badge.objects.filter(edition=edition).values_list("code", flat=True))
    codes: list[str] = []
    while len(codes) < count:
        code = tokens.new_code()
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def _delegate_badge(edition: Edition, delegate: Delegate, code: str) -> Badge:
    enterprise = delegate.participation.enterprise
    return Badge(
        edition=edition,
        delegate=delegate,
        code=code,
        role=badge_role(delegate),
        name=delegate.full_name,
        organisation_original=enterprise.name_original,
        organisation_en=enterprise.name_en,
        country=str(enterprise.country),
    )


def _press_badge(edition: Edition, press: PressAccreditation, code: str) -> Badge:
    return Badge(
        edition=edition,
        press=press,
        code=code,
        role=BadgeRole.PRESS,
        name=press.full_name,
        organisation_original=press.outlet,
        organisation_en=press.outlet,
        country=str(press.country),
    )


@transaction.atomic
def issue_badges(*, edition: Edition) -> int:
    """Create the missing badges of the edition (delegates and approved press); returns
    how many were created. Existing badges are left as they are."""
    delegates = list(badgeable_delegates(edition).filter(badge__isnull=True))
    press = list(
        PressAccreditation.objects.filter(
            edition=edition, state=PressState.APPROVED, badge__isnull=True
        )
    )
    codes = _unused_codes(edition, len(delegates) + len(press))
    rows = [_delegate_badge(edition, d, codes.pop()) for d in delegates]
    rows += [_press_badge(edition, p, codes.pop()) for p in press]
    Badge.objects.bulk_create(rows, batch_size=500)
    return len(rows)


@transaction.atomic
def badge_for_delegate(*, delegate: Delegate) -> Badge:
    """The delegate's badge, issued now if it has none (a walk-in)."""
    existing = Badge.objects.filter(delegate=delegate).first()
    if existing is not None:
        return existing
    edition = delegate.participation.edition
    badge = _delegate_badge(edition, delegate, _unused_codes(edition, 1)[0])
    badge.save()
    return badge


@transaction.atomic
def replace_badge(*, badge: Badge, user: Any) -> Badge:
    """A lost badge: a new code and revision; the old badge's QR code and code stop working."""
    badge = lock_badge(badge.pk)
    badge.code = _unused_codes(badge.edition, 1)[0]
    badge.revision += 1
    badge.save(update_fields=["code", "revision"])
    record_action(actor=user, action="onsite.badge_replaced", target=badge)
    return badge


def token_of(badge: Badge) -> str:
    """What the badge's QR code holds."""
    return tokens.sign(edition_id=badge.edition_id, code=badge.code, revision=badge.revision)
