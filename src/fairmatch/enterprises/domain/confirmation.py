"""Confirmation requests: ask an enterprise waiting for confirmation to confirm or decline.

The request carries a secret token; the e-mailed links lead to a public page that answers
it without a login.
"""

import secrets
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.domain.notifications import confirmation_request_mail
from fairmatch.enterprises.domain.review import BulkOutcome
from fairmatch.enterprises.models import ConfirmationRequest, Participation, State

# Stored as the message id; pages show it in the reader's language (``translated``).
ANSWER_NOTE = gettext_noop("answered by e-mail link")
TOKEN_BYTES = 32


class ConfirmationError(Exception):
    """The request cannot be sent or answered; the message says why."""


class AlreadyAnswered(ConfirmationError):
    """The request was answered before."""


def request_confirmation(*, participation: Participation, user: Any) -> ConfirmationRequest:
    """Create a request with a secret token and e-mail it to the enterprise.

    Side effects, in order: the request is stored, the organiser action is audited, the
    e-mail (in each recipient's language) is queued.
    """
    if participation.state != State.WAITING_CONFIRMATION:
        raise ConfirmationError(
            _(
                "Only applications waiting for confirmation can be asked to confirm; "
                "this one is %(state)s."
            )
            % {"state": participation.get_state_display()}
        )
    with transaction.atomic():
        request = ConfirmationRequest.objects.create(
            participation=participation,
            token=secrets.token_urlsafe(TOKEN_BYTES),
            sent_by=user if getattr(user, "pk", None) else None,
        )
        record_action(
            actor=user,
            action="participation.confirmation_requested",
            target=participation,
            data={"request": request.pk},
        )
    confirmation_request_mail.enqueue(request.pk)
    return request


def bulk_request_confirmation(*, participations: Iterable[Participation], user: Any) -> BulkOutcome:
    """Send a confirmation request to each participation; refusals say why."""
    outcome = BulkOutcome()
    for participation in participations:
        try:
            request_confirmation(participation=participation, user=user)
        except ConfirmationError as error:
            outcome.refused.append((participation, str(error)))
        else:
            outcome.changed.append(participation)
    return outcome


@transaction.atomic
def answer_confirmation(*, request: ConfirmationRequest, accept: bool) -> ConfirmationRequest:
    """The enterprise answers by the e-mailed link: confirm, or decline (withdraw).

    Raises ``AlreadyAnswered`` for a second answer, ``workflow.TransitionError`` when the
    participation can no longer be confirmed or withdrawn; nothing changes then.
    """
    locked = ConfirmationRequest.objects.select_for_update().get(pk=request.pk)
    if locked.response:
        raise AlreadyAnswered(_("This request has already been answered."))
    transition = workflow.confirm if accept else workflow.withdraw
    participation = Participation.objects.get(pk=locked.participation_id)
    transition(participation=participation, user=None, note=ANSWER_NOTE)
    locked.response = (
        ConfirmationRequest.Response.CONFIRMED if accept else ConfirmationRequest.Response.DECLINED
    )
    locked.responded_at = timezone.now()
    locked.save(update_fields=["response", "responded_at"])
    request.response, request.responded_at = locked.response, locked.responded_at
    return request
