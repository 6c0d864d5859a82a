"""E-mail to enterprises, each recipient in their own language.

Mail leaves the request thread as a background task (``django_tasks``); the functions that
compose and send are plain and can be called directly. Rendering and sending in the
reader's language is ``fairmatch.core.domain.mail``'s.
"""

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django_tasks import task

from fairmatch.core.domain.mail import Recipient, absolute_url, send_translated
from fairmatch.enterprises.models import ConfirmationRequest, Participation, StateChange

ANSWER_QUERY = {"confirm": "?answer=confirm", "decline": "?answer=decline"}


def recipients(*, participation: Participation) -> list[Recipient]:
    """The enterprise's active members; without any, its attending delegates (site language)."""
    members = [
        Recipient(user.email, user.language or settings.LANGUAGE_CODE)
        for user in participation.enterprise.members.filter(is_active=True).order_by("pk")
    ]
    if members:
        return members
    return [
        Recipient(delegate.email, settings.LANGUAGE_CODE)
        for delegate in participation.delegates.filter(is_attending=True).order_by("pk")
    ]


def notify_state_change(*, change: StateChange, actor_role: str) -> list[EmailMessage]:
    """Tell the enterprise that its participation moved (the organiser's note included)."""
    participation = change.participation
    return send_translated(
        template="enterprises/email/state_changed",
        context={
            "participation": participation,
            "enterprise": participation.enterprise,
            "edition": participation.edition,
            "change": change,
            "note": change.note if actor_role == "organiser" else "",
            "applications_url": absolute_url(reverse("enterprises:my_applications")),
        },
        to=recipients(participation=participation),
    )


def send_confirmation_request(*, request: ConfirmationRequest) -> list[EmailMessage]:
    """Ask the enterprise to confirm or decline, with one link for each answer."""
    participation = request.participation
    page = absolute_url(reverse("confirmation:answer", kwargs={"token": request.token}))
    return send_translated(
        template="enterprises/email/confirmation_request",
        context={
            "participation": participation,
            "enterprise": participation.enterprise,
            "edition": participation.edition,
            "confirm_url": page + ANSWER_QUERY["confirm"],
            "decline_url": page + ANSWER_QUERY["decline"],
        },
        to=recipients(participation=participation),
    )


@task()
def state_change_mail(change_id: int, actor_role: str) -> int:
    """Background task: the e-mail for one state change; returns how many were sent."""
    change = StateChange.objects.select_related(
        "participation__enterprise", "participation__edition"
    ).get(pk=change_id)
    return len(notify_state_change(change=change, actor_role=actor_role))


@task()
def confirmation_request_mail(request_id: int) -> int:
    """Background task: the e-mail of one confirmation request; returns how many were sent."""
    request = ConfirmationRequest.objects.select_related(
        "participation__enterprise", "participation__edition"
    ).get(pk=request_id)
    return len(send_confirmation_request(request=request))


def on_state_changed(
    sender: Any,
    *,
    participation: Participation,
    change: StateChange,
    actor_role: str,
    **kwargs: Any,
) -> None:
    """Receiver of ``workflow.state_changed``: queue the enterprise's e-mail."""
    state_change_mail.enqueue(change.pk, str(actor_role))
