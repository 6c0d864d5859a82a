"""Confirmation requests: the token, the translated e-mail, and the public answer page."""

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.domain.confirmation import (
    ConfirmationError,
    request_confirmation,
)
from fairmatch.enterprises.models import ConfirmationRequest, State, StateChange
from tests.factories import EditionFactory, OrganiserFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting():
    edition = EditionFactory(name_en="Dalian Conference 2027", name_zh="大连洽谈会 2027")
    return ParticipationFactory(
        edition=edition,
        enterprise__name_original="Acme Japan",
        state=State.WAITING_CONFIRMATION,
    )


@pytest.fixture
def sent(waiting, settings):
    settings.SITE_URL = "https://fair.example"
    UserFactory(enterprise=waiting.enterprise, email="en@acme.example", language="en")
    return request_confirmation(participation=waiting, user=OrganiserFactory())


def test_request_has_a_secret_token_and_mails_both_links(sent):
    assert len(sent.token) == 43
    (message,) = mail.outbox
    assert message.to == ["en@acme.example"]
    assert message.subject == "Dalian Conference 2027: please confirm your attendance"
    assert message.body == (
        "Dear Acme Japan team,\n\n"
        "Your application to Dalian Conference 2027 has been accepted, pending your "
        "confirmation. Please tell us whether you will attend.\n\n"
        "Yes, we will attend:\n"
        f"https://fair.example/confirm/{sent.token}/?answer=confirm\n\n"
        "No, we decline:\n"
        f"https://fair.example/confirm/{sent.token}/?answer=decline\n\n"
        "Each link opens a page where you confirm your answer; no login is needed.\n\n"
        "The organising committee\n"
    )


def test_request_is_written_in_the_recipients_language(waiting):
    UserFactory(enterprise=waiting.enterprise, email="zh@acme.example", language="zh-hans")
    request_confirmation(participation=waiting, user=OrganiserFactory())
    (message,) = mail.outbox
    assert "大连洽谈会 2027" in message.subject
    assert "Dalian Conference 2027" not in message.body


def test_only_waiting_participations_can_be_asked(waiting):
    waiting.state = State.QUALIFIED
    waiting.save()
    with pytest.raises(ConfirmationError) as error:
        request_confirmation(participation=waiting, user=OrganiserFactory())
    assert str(error.value) == (
        "Only applications waiting for confirmation can be asked to confirm; this one is qualified."
    )
    assert ConfirmationRequest.objects.count() == 0
    assert mail.outbox == []


def test_the_page_asks_without_changing_anything(client, sent):
    response = client.get(f"/confirm/{sent.token}/?answer=confirm")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="answer" value="confirm"' in page
    assert 'name="answer" value="decline"' in page
    sent.participation.refresh_from_db()
    assert sent.participation.state == State.WAITING_CONFIRMATION


def test_confirming_by_the_link(client, sent):
    response = client.post(f"/confirm/{sent.token}/", {"answer": "confirm"})
    assert response.status_code == 200
    assert 'data-answer="confirmed"' in response.content.decode()
    sent.refresh_from_db()
    assert sent.response == "confirmed"
    change = StateChange.objects.get(participation=sent.participation)
    assert (change.from_state, change.to_state, change.actor, change.note) == (
        "waiting_confirmation",
        "confirmed",
        None,
        "answered by e-mail link",
    )


@pytest.mark.parametrize("language", ["en", "zh-hans", "ja", "ko"])
def test_the_answer_note_is_stored_once_and_read_in_each_readers_language(client, sent, language):
    """The note is kept as its message id, so every member reads it in their own language."""
    client.post(f"/confirm/{sent.token}/", {"answer": "confirm"})
    reader = UserFactory(enterprise=sent.participation.enterprise, language=language)
    client.force_login(reader)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(f"/my/applications/{sent.participation.pk}/", follow=True).content.decode()
    with translation.override(language):
        note = gettext("answered by e-mail link")
    assert (language == "en") == (note == "answered by e-mail link")
    assert f"<td>{note}</td></tr>" in page


def test_a_note_stored_translated_by_an_older_version_is_shown_as_written(client, sent):
    change = workflow.confirm(
        participation=sent.participation, user=None, note="已通过邮件链接答复"
    )
    client.force_login(UserFactory(enterprise=sent.participation.enterprise, language="ja"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ja"
    page = client.get(f"/my/applications/{change.participation_id}/", follow=True).content.decode()
    assert "<td>已通过邮件链接答复</td></tr>" in page


def test_declining_by_the_link_withdraws(client, sent):
    client.post(f"/confirm/{sent.token}/", {"answer": "decline"})
    sent.refresh_from_db()
    sent.participation.refresh_from_db()
    assert (sent.response, sent.participation.state) == ("declined", State.WITHDRAWN)


def test_a_second_answer_is_told_it_was_answered(client, sent):
    client.post(f"/confirm/{sent.token}/", {"answer": "confirm"})
    response = client.post(f"/confirm/{sent.token}/", {"answer": "decline"})
    page = response.content.decode()
    assert "This request has already been answered: you confirmed your attendance" in page
    sent.participation.refresh_from_db()
    assert sent.participation.state == State.CONFIRMED
    assert StateChange.objects.count() == 1


def test_an_answer_after_the_organiser_withdrew_is_refused_clearly(client, sent):
    workflow.withdraw(participation=sent.participation, user=OrganiserFactory())
    response = client.post(f"/confirm/{sent.token}/", {"answer": "confirm"})
    assert response.status_code == 409
    assert "An application that is withdrawn cannot become confirmed." in (
        response.content.decode()
    )
    sent.refresh_from_db()
    assert (sent.response, sent.responded_at) == ("", None)


def test_an_answer_must_be_chosen(client, sent):
    response = client.post(f"/confirm/{sent.token}/", {"answer": "maybe"})
    assert response.status_code == 400
    assert "Choose to confirm or to decline." in response.content.decode()
    sent.refresh_from_db()
    assert sent.response == ""


def test_an_unknown_token_is_not_found(client, sent):
    assert client.get("/confirm/not-a-token/").status_code == 404
    assert client.post("/confirm/not-a-token/", {"answer": "confirm"}).status_code == 404
