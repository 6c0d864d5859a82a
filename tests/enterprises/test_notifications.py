"""E-mail to the enterprise when its participation changes state, in each reader's language."""

import pytest
from django.core import mail

from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.models import State
from tests.factories import (
    DelegateFactory,
    EditionFactory,
    OrganiserFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted():
    edition = EditionFactory(name_en="Dalian Conference 2027", name_zh="大连洽谈会 2027")
    return ParticipationFactory(
        edition=edition, enterprise__name_original="Acme Japan", state=State.SUBMITTED
    )


def test_organiser_decision_mails_each_member_in_their_language(
    submitted, django_capture_on_commit_callbacks
):
    UserFactory(enterprise=submitted.enterprise, email="en@acme.example", language="en")
    UserFactory(enterprise=submitted.enterprise, email="zh@acme.example", language="zh-hans")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.qualify(participation=submitted, user=OrganiserFactory(), note="Welcome aboard")
    english, chinese = mail.outbox
    assert english.to == ["en@acme.example"]
    assert english.subject == "Dalian Conference 2027: your application is now qualified"
    assert english.body == (
        "Dear Acme Japan team,\n\n"
        "Your application to Dalian Conference 2027 has been accepted. "
        "We look forward to welcoming you.\n\n"
        "Note from the organiser:\nWelcome aboard\n\n"
        "Your applications: http://127.0.0.1:8000/my/applications/\n\n"
        "The organising committee\n"
    )
    assert chinese.to == ["zh@acme.example"]
    assert "大连洽谈会 2027" in chinese.subject
    assert "Dalian Conference 2027" not in chinese.body


def test_rejection_says_so_and_carries_the_note(submitted, django_capture_on_commit_callbacks):
    UserFactory(enterprise=submitted.enterprise, email="en@acme.example", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reject(participation=submitted, user=OrganiserFactory(), note="Too small")
    (message,) = mail.outbox
    assert message.subject == "Dalian Conference 2027: your application is now rejected"
    assert message.body.splitlines()[2:6] == [
        "We are sorry: your application to Dalian Conference 2027 could not be accepted.",
        "",
        "Note from the organiser:",
        "Too small",
    ]


def test_an_enterprise_move_carries_no_organiser_note(django_capture_on_commit_callbacks):
    participation = ParticipationFactory(
        edition__name_en="Dalian Conference 2027", state=State.QUALIFIED
    )
    member = UserFactory(enterprise=participation.enterprise, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.confirm(participation=participation, user=member, note="we come")
    (message,) = mail.outbox
    assert message.subject == "Dalian Conference 2027: your application is now confirmed"
    assert "we come" not in message.body
    assert "Your attendance at Dalian Conference 2027 is confirmed. Thank you." in message.body


def test_without_accounts_the_attending_delegates_are_written_to(
    submitted, django_capture_on_commit_callbacks
):
    DelegateFactory(participation=submitted, email="ceo@acme.example")
    DelegateFactory(participation=submitted, email="stays@acme.example", is_attending=False)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.put_on_waiting_list(participation=submitted, user=OrganiserFactory())
    assert [message.to for message in mail.outbox] == [["ceo@acme.example"]]
    assert mail.outbox[0].subject == (
        "Dalian Conference 2027: your application is now waiting for confirmation"
    )


def test_inactive_members_get_nothing(submitted, django_capture_on_commit_callbacks):
    UserFactory(enterprise=submitted.enterprise, email="gone@acme.example", is_active=False)
    UserFactory(enterprise=submitted.enterprise, email="here@acme.example")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.qualify(participation=submitted, user=OrganiserFactory())
    assert [message.to for message in mail.outbox] == [["here@acme.example"]]


def test_a_refused_transition_sends_nothing(submitted, django_capture_on_commit_callbacks):
    UserFactory(enterprise=submitted.enterprise)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(workflow.TransitionError),
    ):
        workflow.confirm(participation=submitted, user=OrganiserFactory())
    assert mail.outbox == []
