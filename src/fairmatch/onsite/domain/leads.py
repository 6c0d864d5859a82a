"""Leads: an exhibitor scans a visitor's badge at its booth and keeps a note."""

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation
from fairmatch.onsite.domain.badges import BADGED_STATES
from fairmatch.onsite.models import Badge, Lead


class LeadError(Exception):
    """The lead cannot be kept; the message says why."""


def exhibitor_of(*, user: Any, edition: Edition) -> Participation | None:
    """The user's enterprise's admitted exhibitor participation in the edition, if any."""
    if not getattr(user, "enterprise_id", None):
        return None
    return Participation.objects.filter(
        enterprise_id=user.enterprise_id,
        edition=edition,
        is_exhibitor=True,
        state__in=BADGED_STATES,
    ).first()


@transaction.atomic
def capture_lead(
    *, exhibitor: Participation, badge: Badge, note: str, follow_up: bool, user: Any
) -> tuple[Lead, bool]:
    """Keep the visitor as a lead (scanning the same badge again updates the note and flag);
    returns the lead and whether it is new."""
    if badge.edition_id != exhibitor.edition_id:
        raise LeadError(_("This badge belongs to another edition."))
    if badge.delegate_id and badge.delegate.participation_id == exhibitor.pk:
        raise LeadError(_("This is a badge of your own enterprise."))
    lead, created = Lead.objects.select_for_update().get_or_create(
        exhibitor=exhibitor,
        badge=badge,
        defaults={"note": note, "follow_up": follow_up, "captured_by": user},
    )
    if not created:
        if note:
            lead.note = note
        lead.follow_up = follow_up or lead.follow_up
        lead.save(update_fields=["note", "follow_up", "updated_at"])
    return lead, created


@transaction.atomic
def update_lead(*, lead: Lead, note: str, follow_up: bool) -> Lead:
    lead.note = note
    lead.follow_up = follow_up
    lead.save(update_fields=["note", "follow_up", "updated_at"])
    return lead


def leads_of(exhibitor: Participation) -> QuerySet[Lead]:
    """The exhibitor's own leads, newest first (never another exhibitor's)."""
    return Lead.objects.filter(exhibitor=exhibitor).select_related("badge")
