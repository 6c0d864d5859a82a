"""The intention pages: each enterprise sees only its own; bad input gets a clear message."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from fairmatch.outcomes.domain import intentions
from fairmatch.outcomes.models import FollowUp, Intention, IntentionState
from fairmatch.scheduling.models import Slot
from tests.factories import CooperationKindFactory, FieldFactory
from tests.matching.helpers import member
from tests.outcomes.helpers import held_meeting, past_edition, terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    edition = past_edition()
    meeting = held_meeting(edition)
    return meeting, member(meeting.first), member(meeting.second)


def form_data(meeting, **overrides):
    data = {
        "meeting": meeting.pk,
        "form": "mou",
        "kind": CooperationKindFactory().pk,
        "field": FieldFactory().pk,
        "amount": "1250000",
        "currency": "USD",
        "expected_start": "2027-01-01",
    }
    return {**data, **overrides}


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_one_party_records_and_the_other_confirms_through_the_pages(client, pair):
    meeting, first, second = pair
    slug = meeting.edition.slug
    client.force_login(first)
    response = client.post(reverse("outcomes:record", args=[slug]), form_data(meeting), follow=True)
    assert messages_of(response) == [
        "Intention recorded; it counts once the other party confirms it."
    ]
    intention = Intention.objects.get()
    client.force_login(second)
    page = client.get(reverse("outcomes:mine", args=[slug])).content.decode()
    assert reverse("outcomes:answer", args=[slug, intention.pk, "confirm"]) in page
    client.post(reverse("outcomes:answer", args=[slug, intention.pk, "confirm"]))
    assert Intention.objects.get().state == IntentionState.CONFIRMED


def test_an_enterprise_never_sees_another_enterprises_intentions(client, pair):
    meeting, first, _second = pair
    other = held_meeting(meeting.edition)
    theirs = intentions.record_intention(
        meeting=other,
        participation=other.first,
        user=None,
        terms=terms("777777", "EUR"),
        document=SimpleUploadedFile("x.pdf", b"%PDF-1.4"),
    )
    client.force_login(first)
    slug = meeting.edition.slug
    page = client.get(reverse("outcomes:mine", args=[slug])).content.decode()
    assert "777777" not in page
    assert other.first.enterprise.name_en not in page
    assert client.get(reverse("outcomes:document", args=[slug, theirs.pk])).status_code == 404
    response = client.post(reverse("outcomes:answer", args=[slug, theirs.pk, "confirm"]))
    assert response.status_code == 404
    assert Intention.objects.get(pk=theirs.pk).state == IntentionState.RECORDED


def test_the_document_is_served_to_the_parties_as_an_attachment(client, pair, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting, _first, second = pair
    intention = intentions.record_intention(
        meeting=meeting,
        participation=meeting.first,
        user=None,
        terms=terms(),
        document=SimpleUploadedFile("signed.pdf", b"%PDF-1.4 signed"),
    )
    client.force_login(second)
    response = client.get(reverse("outcomes:document", args=[meeting.edition.slug, intention.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 signed"


def test_an_intention_on_a_meeting_that_was_not_held_is_refused_with_a_clear_message(client, pair):
    meeting, first, _second = pair
    Slot.objects.filter(pk=meeting.slot_id).update(
        ends_at=timezone.now() + datetime.timedelta(hours=2)
    )
    client.force_login(first)
    response = client.post(
        reverse("outcomes:record", args=[meeting.edition.slug]), form_data(meeting), follow=True
    )
    assert messages_of(response) == [
        "This meeting has not taken place; an intention can only follow a held meeting."
    ]
    assert Intention.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"amount": "-100"}, "The amount must be more than zero."),
        (
            {"amount": "999999999999"},
            "999,999,999,999.00 USD is more than any single deal; check the amount.",
        ),
        ({"currency": "ZZZ"}, "ZZZ is not a currency code (ISO 4217, e.g. USD, EUR, CNY)."),
    ],
)
def test_bad_amounts_and_currencies_through_the_page(client, pair, overrides, message):
    meeting, first, _second = pair
    client.force_login(first)
    response = client.post(
        reverse("outcomes:record", args=[meeting.edition.slug]),
        form_data(meeting, **overrides),
        follow=True,
    )
    assert messages_of(response) == [message]
    assert Intention.objects.count() == 0


def test_the_follow_up_page_answers_once_then_says_so(client, pair):
    meeting, _first, _second = pair
    intention = intentions.enter_at_ceremony(
        edition=meeting.edition,
        first=meeting.first,
        second=meeting.second,
        user=None,
        terms=terms(),
    )
    follow_up = FollowUp.objects.create(
        intention=intention, token="t" * 20, deadline=timezone.now() + datetime.timedelta(days=3)
    )
    url = reverse("follow_up:answer", args=[follow_up.token])
    response = client.post(url, {"outcome": "went_ahead", "value": "900000", "currency": "USD"})
    assert response.status_code == 200
    assert "Thank you, your answer is recorded." in response.content.decode()
    again = client.post(url, {"outcome": "abandoned", "reason": "changed"})
    assert again.status_code == 409
    assert "This follow-up has already been answered; thank you." in again.content.decode()
    assert FollowUp.objects.get().outcome == "went_ahead"


def test_an_expired_follow_up_link_says_so(client, pair):
    meeting, _first, _second = pair
    intention = intentions.enter_at_ceremony(
        edition=meeting.edition,
        first=meeting.first,
        second=meeting.second,
        user=None,
        terms=terms(),
    )
    follow_up = FollowUp.objects.create(
        intention=intention,
        token="e" * 20,
        deadline=timezone.now() - datetime.timedelta(days=1),
    )
    url = reverse("follow_up:answer", args=[follow_up.token])
    page = client.get(url).content.decode()
    assert "This link expired on" in page
    assert 'name="outcome"' not in page
    assert client.post(url, {"outcome": "not_yet"}).status_code == 409
    assert FollowUp.objects.get().answered_at is None
