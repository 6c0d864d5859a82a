"""E-mail in each recipient's own language, shared by every app that writes to people.

Mail leaves the request thread as a background task (``django_tasks``); the functions that
compose and send are plain and can be called directly.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils.translation import override


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str


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
