"""The follow-up: sent once per counted intention, answered once by its link, before its
deadline; reminders for those who have not answered."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from fairmatch.core.models import AuditEntry
from fairmatch.outcomes.domain import follow_up, intentions
from fairmatch.outcomes.domain.totals import intention_totals
from fairmatch.outcomes.models import FollowUp, FollowUpOutcome
from tests.factories import OrganiserFactory
from tests.matching.helpers import member
from tests.outcomes.helpers import held_meeting, terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    meeting = held_meeting()
    member(meeting.first)
    intention = intentions.record_intention(
        meeting=meeting, participation=meeting.first, user=None, terms=terms("1000000")
    )
    intentions.confirm_intention(intention=intention, participation=meeting.second, user=None)
    return intention


def start(intention, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return follow_up.start_follow_up(edition=intention.edition, user=OrganiserFactory())


def test_starting_the_follow_up_mails_a_personal_link_once_per_counted_intention(
    confirmed, django_capture_on_commit_callbacks
):
    (sent,) = start(confirmed, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert f"/follow-up/{sent.token}/" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="outcomes.follow_up_started").count() == 1
    assert start(confirmed, django_capture_on_commit_callbacks) == []  # never twice
    assert len(mail.outbox) == 1


def test_an_answer_that_the_deal_went_ahead_makes_a_contract(
    confirmed, django_capture_on_commit_callbacks
):
    (sent,) = start(confirmed, django_capture_on_commit_callbacks)
    answered = follow_up.answer_follow_up(
        follow_up=sent, outcome=FollowUpOutcome.WENT_AHEAD, value=Decimal("800000"), currency="eur"
    )
    assert (answered.outcome, answered.value, answered.currency) == (
        FollowUpOutcome.WENT_AHEAD,
        Decimal("800000"),
        "EUR",
    )
    totals = intention_totals(confirmed.edition)
    assert (totals.follow_ups_answered, totals.contracts) == (1, 1)
    assert totals.contracts_usd == Decimal("800000") * Decimal("1.08")


def test_a_link_used_twice_is_refused_and_the_first_answer_kept(
    confirmed, django_capture_on_commit_callbacks
):
    (sent,) = start(confirmed, django_capture_on_commit_callbacks)
    follow_up.answer_follow_up(follow_up=sent, outcome=FollowUpOutcome.ABANDONED, reason="budget")
    with pytest.raises(follow_up.FollowUpError, match="already been answered"):
        follow_up.answer_follow_up(follow_up=sent, outcome=FollowUpOutcome.WENT_AHEAD)
    assert FollowUp.objects.get().outcome == FollowUpOutcome.ABANDONED


def test_a_link_after_its_deadline_is_refused(confirmed, django_capture_on_commit_callbacks):
    (sent,) = start(confirmed, django_capture_on_commit_callbacks)
    FollowUp.objects.filter(pk=sent.pk).update(deadline=timezone.now() - datetime.timedelta(days=1))
    with pytest.raises(follow_up.FollowUpError, match="expired"):
        follow_up.answer_follow_up(follow_up=sent, outcome=FollowUpOutcome.NOT_YET)
    assert FollowUp.objects.get().answered_at is None


@pytest.mark.parametrize(
    ("outcome", "value", "currency", "reason", "message"),
    [
        ("maybe", None, "", "", "Choose what became"),
        (FollowUpOutcome.WENT_AHEAD, Decimal("-1"), "USD", "", "more than zero"),
        (FollowUpOutcome.WENT_AHEAD, Decimal("10"), "ABC", "", "not a currency code"),
        (FollowUpOutcome.ABANDONED, None, "", " ", "say why"),
    ],
)
def test_bad_answers_are_refused(
    confirmed, django_capture_on_commit_callbacks, outcome, value, currency, reason, message
):
    (sent,) = start(confirmed, django_capture_on_commit_callbacks)
    with pytest.raises(follow_up.FollowUpError, match=message):
        follow_up.answer_follow_up(
            follow_up=sent, outcome=outcome, value=value, currency=currency, reason=reason
        )
    assert FollowUp.objects.get().answered_at is None


def test_reminders_go_to_those_who_have_not_answered_after_a_week(
    confirmed, django_capture_on_commit_callbacks
):
    (sent,) = start(confirmed, django_capture_on_commit_callbacks)
    assert follow_up.send_follow_up_reminders.call() == 0  # too early
    FollowUp.objects.filter(pk=sent.pk).update(sent_at=timezone.now() - datetime.timedelta(days=8))
    assert follow_up.send_follow_up_reminders.call() == 1
    assert mail.outbox[-1].subject.startswith("Reminder:")
    assert follow_up.send_follow_up_reminders.call() == 0  # the next one in a week
    follow_up.answer_follow_up(follow_up=sent, outcome=FollowUpOutcome.NOT_YET)
    FollowUp.objects.filter(pk=sent.pk).update(
        last_reminder_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert follow_up.send_follow_up_reminders.call() == 0  # answered: no more reminders


def test_starting_the_follow_up_queues_the_reminder_run_for_the_worker(
    confirmed, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        follow_up.start_follow_up(edition=confirmed.edition, user=None)
    (queued,) = DBTaskResult.objects.filter(task_path__endswith="send_follow_up_reminders")
    assert (queued.run_after - timezone.now()).days == 6  # a week from now, less a moment


def test_the_follow_up_mail_prints_names_as_written(confirmed, django_capture_on_commit_callbacks):
    """Plain-text mail is not HTML: "&" and "<" reach the reader as they were typed."""
    other = confirmed.counterpart.enterprise
    other.name_original = other.name_en = "Kim & <Partners>"
    other.save(update_fields=["name_original", "name_en"])
    start(confirmed, django_capture_on_commit_callbacks)
    assert "Kim & <Partners>" in mail.outbox[0].body
    assert "&amp;" not in mail.outbox[0].body
