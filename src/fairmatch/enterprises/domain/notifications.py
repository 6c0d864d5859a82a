"""E-mail to enterprises, each recipient in their own language.

Mail leaves the request thread as a background task (``django_tasks``); the functions that
compose and send are plain and can be called directly.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from django_tasks import task

from fairmatch.enterprises.models import ConfirmationRequest, Participation, StateChange

ANSWER_QUERY = {"confirm": "?answer=confirm", "decline": "?answer=decline"}


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str


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


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


# The template engine without HTML escaping (settings.TEMPLATES): mail is plain text.
PLAIN_TEXT_ENGINE = "plain_text"


def send_translated(
    *, template: str, context: dict[str, Any], to: Iterable[Recipient]
) -> list[EmailMessage]:
    """Render ``<template>_subject.txt`` and ``_body.txt`` per recipient in their language.

    Both are plain text, rendered without HTML escaping: user text (an enterprise named
    "Culture & Media <Ltd>", a note, a message) arrives exactly as written.
    """
    messages = []
    for recipient in to:
        with override(recipient.language):
            subject = render_to_string(
                f"{template}_subject.txt", context, using=PLAIN_TEXT_ENGINE
            ).strip()
            body = render_to_string(f"{template}_body.txt", context, using=PLAIN_TEXT_ENGINE)
        messages.append(
            EmailMessage(subject=" ".join(subject.split()), body=body, to=[recipient.email])
        )
    if messages:
        get_connection().send_messages(messages)
    return messages


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
