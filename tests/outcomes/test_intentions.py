"""Recording, confirming and disputing intentions; the organiser's ceremony entries; bad input."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from fairmatch.core.models import AuditEntry
from fairmatch.outcomes.domain import intentions
from fairmatch.outcomes.domain.held import meeting_was_held
from fairmatch.outcomes.models import Intention, IntentionSource, IntentionState
from fairmatch.scheduling.models import MeetingState, Slot
from tests.factories import OrganiserFactory
from tests.outcomes.helpers import held_meeting, past_edition, terms, unplaced_meeting

pytestmark = pytest.mark.django_db


def record(meeting, side="first", **kwargs):
    return intentions.record_intention(
        meeting=meeting,
        participation=getattr(meeting, side),
        user=None,
        terms=kwargs.pop("terms", None) or terms(),
        **kwargs,
    )


def test_a_party_records_an_intention_that_waits_for_the_other_party():
    meeting = held_meeting()
    intention = record(meeting, terms=terms("2500000.50", "eur"))
    assert (intention.state, intention.recorder, intention.counterpart) == (
        IntentionState.RECORDED,
        meeting.first,
        meeting.second,
    )
    assert (intention.amount, intention.currency, intention.counts) == (
        Decimal("2500000.50"),
        "EUR",
        False,
    )


def test_the_other_party_confirms_and_the_intention_counts():
    meeting = held_meeting()
    intention = record(meeting)
    intentions.confirm_intention(intention=intention, participation=meeting.second, user=None)
    intention.refresh_from_db()
    assert (intention.state, intention.counts) == (IntentionState.CONFIRMED, True)
    assert intention.answered_at is not None


def test_the_other_party_disputes_with_a_reason_and_it_never_counts():
    meeting = held_meeting()
    intention = record(meeting)
    intentions.dispute_intention(
        intention=intention, participation=meeting.second, user=None, reason="  Not signed.  "
    )
    intention.refresh_from_db()
    assert (intention.state, intention.dispute_reason, intention.counts) == (
        IntentionState.DISPUTED,
        "Not signed.",
        False,
    )


def test_a_dispute_needs_a_reason():
    meeting = held_meeting()
    intention = record(meeting)
    with pytest.raises(intentions.IntentionError, match="Say what is wrong"):
        intentions.dispute_intention(
            intention=intention, participation=meeting.second, user=None, reason=" "
        )


def test_the_recorder_cannot_confirm_its_own_intention():
    meeting = held_meeting()
    intention = record(meeting)
    with pytest.raises(intentions.IntentionError, match="Only the other party"):
        intentions.confirm_intention(intention=intention, participation=meeting.first, user=None)


@pytest.mark.parametrize("first", ["confirm", "dispute"])
def test_an_answered_intention_cannot_be_answered_again(first):
    meeting = held_meeting()
    intention = record(meeting)
    if first == "confirm":
        intentions.confirm_intention(intention=intention, participation=meeting.second, user=None)
    else:
        intentions.dispute_intention(
            intention=intention, participation=meeting.second, user=None, reason="wrong amount"
        )
    with pytest.raises(intentions.IntentionError, match="already"):
        intentions.confirm_intention(intention=intention, participation=meeting.second, user=None)
    assert Intention.objects.get().state == (
        IntentionState.CONFIRMED if first == "confirm" else IntentionState.DISPUTED
    )


def test_the_organiser_enters_a_ceremony_intention_that_counts_at_once_and_is_audited():
    meeting = held_meeting()
    organiser = OrganiserFactory()
    intention = intentions.enter_at_ceremony(
        edition=meeting.edition,
        first=meeting.first,
        second=meeting.second,
        user=organiser,
        terms=terms("30000000"),
        note="Signing ceremony, main hall",
    )
    assert (intention.state, intention.source) == (
        IntentionState.CONFIRMED,
        IntentionSource.CEREMONY,
    )
    entry = AuditEntry.objects.get(action="intention.entered_at_ceremony")
    assert (entry.actor, entry.object_id, entry.note) == (
        organiser,
        str(intention.pk),
        "Signing ceremony, main hall",
    )


# --- the meeting must have taken place ---------------------------------------------------------


def test_a_placed_meeting_whose_slot_has_ended_counts_as_held():
    assert meeting_was_held(held_meeting()) is True


def test_a_meeting_in_the_future_is_not_held_and_takes_no_intention():
    meeting = held_meeting()
    Slot.objects.filter(pk=meeting.slot_id).update(
        ends_at=timezone.now() + datetime.timedelta(hours=1)
    )
    meeting.refresh_from_db()
    meeting.slot.refresh_from_db()
    with pytest.raises(intentions.IntentionError, match="has not taken place"):
        record(meeting)
    assert Intention.objects.count() == 0


@pytest.mark.parametrize("state", [MeetingState.NO_SHOW, MeetingState.CANCELLED])
def test_a_missed_or_cancelled_meeting_takes_no_intention(state):
    meeting = held_meeting()
    meeting.state = state
    meeting.save()
    with pytest.raises(intentions.IntentionError, match="has not taken place"):
        record(meeting)


def test_an_unplaced_meeting_takes_no_intention():
    meeting = unplaced_meeting(past_edition())
    with pytest.raises(intentions.IntentionError, match="has not taken place"):
        record(meeting)


def test_only_the_two_parties_record_on_a_meeting():
    meeting = held_meeting()
    stranger = held_meeting(meeting.edition).first
    with pytest.raises(intentions.IntentionError, match="Only the two parties"):
        intentions.record_intention(
            meeting=meeting, participation=stranger, user=None, terms=terms()
        )


# --- bad amounts, currencies, documents --------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        ("-5", "USD", "more than zero"),
        ("0", "USD", "more than zero"),
        ("20000000000", "USD", "more than any single deal"),
        ("10000000000", "EUR", "more than any single deal"),  # USD 10.8 billion
        ("1000", "XYZ", "not a currency code"),
        ("1000", "US$", "not a currency code"),
    ],
)
def test_bad_amounts_and_currencies_are_refused_with_a_clear_message(amount, currency, message):
    meeting = held_meeting()
    with pytest.raises(intentions.IntentionError, match=message):
        record(meeting, terms=terms(amount, currency))
    assert Intention.objects.count() == 0


def test_a_real_currency_without_a_rate_is_accepted_and_left_to_the_totals_to_flag():
    meeting = held_meeting()
    intention = record(meeting, terms=terms("5000000", "JPY"))
    assert intention.currency == "JPY"


def test_a_document_is_stored_when_its_type_and_content_agree(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = held_meeting()
    scan = SimpleUploadedFile("mou.pdf", b"%PDF-1.4 signed", content_type="application/pdf")
    intention = record(meeting, document=scan)
    assert intention.document.name.startswith("intentions/")
    assert (tmp_path / intention.document.name).read_bytes() == b"%PDF-1.4 signed"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("mou.exe", b"MZ...", "must be a PDF, JPEG or PNG"),
        ("mou.pdf", b"<html>not a pdf", "does not match its type"),
        ("big.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024), "larger than 10 MB"),
    ],
)
def test_a_bad_document_is_refused(settings, tmp_path, name, content, message):
    settings.MEDIA_ROOT = tmp_path
    meeting = held_meeting()
    with pytest.raises(intentions.IntentionError, match=message):
        record(meeting, document=SimpleUploadedFile(name, content))
    assert Intention.objects.count() == 0
