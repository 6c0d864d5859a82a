"""Press accreditation: journalists register on a public form, the organiser decides;
an approved journalist's badge prints with the others."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.onsite.domain import badges
from fairmatch.onsite.models import PressAccreditation, PressState

TRANSITIONS = {
    PressState.PENDING: (PressState.APPROVED, PressState.REJECTED),
    PressState.REJECTED: (PressState.APPROVED,),
    PressState.APPROVED: (PressState.REJECTED,),
}


class PressError(Exception):
    """The accreditation cannot change so; the message says why."""


def accepts_press(edition: Edition) -> bool:
    return edition.status != Edition.Status.FINISHED


@transaction.atomic
def register(
    *, edition: Edition, full_name: str, outlet: str, country: str, email: str, phone: str = ""
) -> tuple[PressAccreditation, bool]:
    """A journalist's request; the same address registering again changes nothing.
    Returns the request and whether it is new."""
    if not accepts_press(edition):
        raise PressError(_("This edition is over; it takes no more accreditations."))
    return PressAccreditation.objects.get_or_create(
        edition=edition,
        email=email.strip().lower(),
        defaults={"full_name": full_name, "outlet": outlet, "country": country, "phone": phone},
    )


@transaction.atomic
def decide(*, accreditation: PressAccreditation, state: str, user: Any) -> PressAccreditation:
    """Approve or reject. Side effects: the state, who and when; an approved journalist
    gets a badge; one audit entry."""
    accreditation = PressAccreditation.objects.select_for_update().get(pk=accreditation.pk)
    if state not in TRANSITIONS.get(accreditation.state, ()):
        raise PressError(
            _("This accreditation is %(state)s already.")
            % {"state": accreditation.get_state_display()}
        )
    accreditation.state = state
    accreditation.decided_by = user
    accreditation.decided_at = timezone.now()
    accreditation.save(update_fields=["state", "decided_by", "decided_at"])
    if state == PressState.APPROVED:
        badges.issue_badges(edition=accreditation.edition)
    record_action(actor=user, action=f"onsite.press_{state}", target=accreditation)
    return accreditation
