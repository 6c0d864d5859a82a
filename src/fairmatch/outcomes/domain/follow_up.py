"""The follow-up months after the conference: did the deal go ahead, at what value, why not?

Each counted intention gets one follow-up with a personal link (a random token), usable
once and until its deadline. Reminders go out from the background worker.
"""

import secrets
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.core.domain.mail import absolute_url, send_translated
from fairmatch.enterprises.domain.notifications import recipients
from fairmatch.outcomes.domain.intentions import known_currencies
from fairmatch.outcomes.models import FollowUp, FollowUpOutcome, Intention, IntentionState

TOKEN_BYTES = 32
DEFAULT_DAYS_TO_ANSWER = 30
# A reminder goes out when the last mail is this old and the deadline not yet passed.
REMIND_AFTER = timedelta(days=7)
MAX_REMINDERS = 2


class FollowUpError(Exception):
    """The follow-up cannot be answered; the message says why."""


def start_follow_up(
    *, edition: Edition, user: Any, days_to_answer: int = DEFAULT_DAYS_TO_ANSWER
) -> list[FollowUp]:
    """Send a follow-up for each counted intention of the edition that has none yet.

    Side effects, in order: the follow-ups are stored, the organiser action is audited,
    one e-mail per follow-up is queued.
    """
    deadline = timezone.now() + timedelta(days=days_to_answer)
    with transaction.atomic():
        pending = Intention.objects.filter(
            edition=edition, state=IntentionState.CONFIRMED, follow_up__isnull=True
        ).select_for_update(of=("self",))
        created = [
            FollowUp.objects.create(
                intention=intention, token=secrets.token_urlsafe(TOKEN_BYTES), deadline=deadline
            )
            for intention in pending
        ]
        record_action(
            actor=user,
            action="outcomes.follow_up_started",
            target=edition,
            data={"follow_ups": len(created), "deadline": deadline.isoformat()},
        )
    for follow_up in created:
        transaction.on_commit(lambda pk=follow_up.pk: follow_up_mail.enqueue(pk, False))
    if created:
        transaction.on_commit(lambda: schedule_reminders(after=REMIND_AFTER))
    return created


def answer_follow_up(
    *,
    follow_up: FollowUp,
    outcome: str,
    value: Decimal | None = None,
    currency: str = "",
    reason: str = "",
) -> FollowUp:
    """The recipient answers by the personal link: once, and before the deadline."""
    if outcome not in FollowUpOutcome.values:
        raise FollowUpError(_("Choose what became of the deal."))
    currency = currency.upper().strip()
    if outcome == FollowUpOutcome.WENT_AHEAD and value is not None:
        if value <= 0:
            raise FollowUpError(_("The value must be more than zero."))
        if currency not in known_currencies():
            raise FollowUpError(
                _("%(currency)s is not a currency code (ISO 4217, e.g. USD, EUR, CNY).")
                % {"currency": currency or "-"}
            )
    if outcome == FollowUpOutcome.ABANDONED and not reason.strip():
        raise FollowUpError(_("Please say why the deal did not go ahead."))
    with transaction.atomic():
        locked = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
        if locked.answered_at is not None:
            raise FollowUpError(_("This follow-up has already been answered; thank you."))
        if locked.deadline < timezone.now():
            raise FollowUpError(
                _("This link expired on %(date)s; please write to the organisers.")
                % {"date": locked.deadline.date().isoformat()}
            )
        locked.answered_at = timezone.now()
        locked.outcome = outcome
        went_ahead = outcome == FollowUpOutcome.WENT_AHEAD
        locked.value = value if went_ahead else None
        locked.currency = currency if went_ahead and value is not None else ""
        locked.reason = reason.strip()
        locked.save()
    return locked


def _mail(follow_up: FollowUp, *, reminder: bool) -> list[EmailMessage]:
    intention = follow_up.intention
    return send_translated(
        template="outcomes/email/follow_up",
        context={
            "reminder": reminder,
            "intention": intention,
            "other": intention.counterpart.enterprise,
            "edition": intention.edition,
            "deadline": follow_up.deadline,
            "answer_url": absolute_url(reverse("follow_up:answer", args=[follow_up.token])),
        },
        to=recipients(participation=intention.recorder),
    )


@task()
def follow_up_mail(follow_up_id: int, reminder: bool) -> int:
    """Background task: the follow-up question (or its reminder) to the recorder."""
    follow_up = FollowUp.objects.select_related(
        "intention__edition",
        "intention__recorder__enterprise",
        "intention__counterpart__enterprise",
    ).get(pk=follow_up_id)
    return len(_mail(follow_up, reminder=reminder))


def due_for_reminder(now: Any = None) -> list[FollowUp]:
    """Unanswered follow-ups, before their deadline, last mailed at least a week ago."""
    now = now or timezone.now()
    due = []
    for follow_up in FollowUp.objects.filter(
        answered_at__isnull=True, deadline__gt=now, reminders_sent__lt=MAX_REMINDERS
    ):
        last = follow_up.last_reminder_at or follow_up.sent_at
        if now - last >= REMIND_AFTER:
            due.append(follow_up)
    return due


def schedule_reminders(*, after: timedelta) -> bool:
    """Queue the reminder run for the worker, ``after`` from now. False where the task
    backend cannot defer (the immediate backend of tests and the demo build)."""
    if not send_follow_up_reminders.get_backend().supports_defer:
        return False
    send_follow_up_reminders.using(run_after=timezone.now() + after).enqueue()
    return True


@task()
def send_follow_up_reminders() -> int:
    """Background task: remind those who have not answered yet, then queue the next run a
    day later while any follow-up is still open (a chain the worker carries on)."""
    now = timezone.now()
    sent = 0
    for follow_up in due_for_reminder(now):
        FollowUp.objects.filter(pk=follow_up.pk).update(
            reminders_sent=follow_up.reminders_sent + 1, last_reminder_at=now
        )
        follow_up_mail.enqueue(follow_up.pk, True)
        sent += 1
    if FollowUp.objects.filter(answered_at__isnull=True, deadline__gt=now).exists():
        schedule_reminders(after=timedelta(days=1))
    return sent
