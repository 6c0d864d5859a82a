"""E-mail about meeting requests, to the side that has to know, in each reader's language."""

from typing import Any

from django.core.mail import EmailMessage
from django.urls import reverse
from django_tasks import task

from fairmatch.core.domain.mail import absolute_url, send_translated
from fairmatch.enterprises.domain.notifications import recipients
from fairmatch.matching.models import MeetingRequest

# Who hears of each event: the recipient of a new request, the requester of an answer,
# both sides of a mutual acceptance, an arranged meeting or a cancellation.
AUDIENCE = {
    "sent": ("recipient",),
    "accepted": ("requester",),
    "declined": ("requester",),
    "mutual": ("requester", "recipient"),
    "arranged": ("requester", "recipient"),
    "cancelled": ("requester", "recipient"),
}


def notify_request(*, request: MeetingRequest, event: str) -> list[EmailMessage]:
    sent: list[EmailMessage] = []
    for side in AUDIENCE[event]:
        reader = getattr(request, side)
        other = request.recipient if side == "requester" else request.requester
        sent += send_translated(
            template="matching/email/request",
            context={
                "event": event,
                "request": request,
                "reader": reader,
                "other": other.enterprise,
                "edition": request.edition,
                "inbox_url": absolute_url(reverse("matching:inbox", args=[request.edition.slug])),
            },
            to=recipients(participation=reader),
        )
    return sent


@task()
def request_mail(request_id: int, event: str) -> int:
    """Background task: the e-mail about one meeting request event."""
    request = MeetingRequest.objects.select_related(
        "requester__enterprise", "recipient__enterprise", "edition", "demand__field"
    ).get(pk=request_id)
    return len(notify_request(request=request, event=event))


def on_request_changed(sender: Any, *, request: MeetingRequest, event: str, **kwargs: Any) -> None:
    """Receiver of ``requests.request_changed``: queue the e-mail."""
    request_mail.enqueue(request.pk, event)
