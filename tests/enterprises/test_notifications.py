"""E-mail to the enterprise when its participation changes state, in each reader's language."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail
from django.template import engines

import fairmatch
from fairmatch.core.domain.mail import PLAIN_TEXT_ENGINE
from fairmatch.enterprises.domain import confirmation, workflow
from fairmatch.enterprises.domain.applications import application_changed
from fairmatch.enterprises.domain.notifications import send_confirmation_request
from fairmatch.enterprises.models import State
from fairmatch.matching.domain import requests
from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import Meeting, NegotiationTable, Slot
from tests.factories import (
    DelegateFactory,
    DemandFactory,
    EditionFactory,
    OrganiserFactory,
    ParticipationFactory,
    QualificationRuleFactory,
    UserFactory,
)
from tests.matching.helpers import buyer, edition_with_policy, provider
from tests.scheduling.helpers import accepted_meetings, grid_edition

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


# Plain-text mail carries user text exactly as written: no "&amp;", no "&lt;".
HOSTILE = "Culture & Media <Ltd> \"Q\" 'A'"
EDITION_NAME = "Fair & Expo <2027>"


def _hostile_participation(**kwargs):
    edition = EditionFactory(name_en=EDITION_NAME, name_zh=EDITION_NAME)
    participation = ParticipationFactory(
        edition=edition, enterprise__name_original=HOSTILE, **kwargs
    )
    UserFactory(enterprise=participation.enterprise, email="en@culture.example", language="en")
    return participation


def test_the_state_change_mail_shows_names_and_note_as_written(django_capture_on_commit_callbacks):
    participation = _hostile_participation(state=State.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reject(participation=participation, user=OrganiserFactory(), note="R&D < 5 %")
    (message,) = mail.outbox
    assert message.subject == f"{EDITION_NAME}: your application is now rejected"
    assert message.body.splitlines()[:6] == [
        f"Dear {HOSTILE} team,",
        "",
        f"We are sorry: your application to {EDITION_NAME} could not be accepted.",
        "",
        "Note from the organiser:",
        "R&D < 5 %",
    ]


def test_the_confirmation_request_shows_names_as_written():
    participation = _hostile_participation(state=State.WAITING_CONFIRMATION)
    request = confirmation.request_confirmation(participation=participation, user=None)
    (message,) = send_confirmation_request(request=request)
    assert message.subject == f"{EDITION_NAME}: please confirm your attendance"
    assert message.body.splitlines()[:3] == [
        f"Dear {HOSTILE} team,",
        "",
        f"Your application to {EDITION_NAME} has been accepted, pending your confirmation. "
        "Please tell us whether you will attend.",
    ]


@pytest.mark.parametrize(
    ("event", "subject", "lines"),
    [
        (
            "sent",
            f"Meeting request from {HOSTILE}",
            [f"{HOSTILE} asks for a one-to-one meeting with you.", "", "Q&A <now>?"],
        ),
        (
            "declined",
            f"{HOSTILE} declined your meeting request",
            [f"{HOSTILE} declined your meeting request.", "Reason: Busy & full <sorry>"],
        ),
        (
            "cancelled",
            f"Meeting with {HOSTILE} cancelled",
            [f"The meeting with {HOSTILE} has been cancelled.", "Reason: Busy & full <sorry>"],
        ),
    ],
)
def test_the_meeting_request_mails_show_names_message_and_reason_as_written(
    event, subject, lines, django_capture_on_commit_callbacks
):
    edition = edition_with_policy()
    edition.name_en = EDITION_NAME
    edition.save()
    # Both sides bear the hostile name: whoever reads, the other side is named in the mail.
    asking = provider(edition, name_original=HOSTILE)
    asked = buyer(edition, name_original=HOSTILE)
    readers = {UserFactory(enterprise=asking.enterprise).email}
    readers.add(UserFactory(enterprise=asked.enterprise).email)
    with django_capture_on_commit_callbacks(execute=True):
        request = requests.send_request(
            requester=asking, recipient=asked, user=None, message="Q&A <now>?"
        )
    if event != "sent":
        mail.outbox.clear()
        answer = requests.decline_request if event == "declined" else requests.cancel_request
        with django_capture_on_commit_callbacks(execute=True):
            answer(request=request, user=None, reason="Busy & full <sorry>")
    assert mail.outbox
    for message in mail.outbox:
        assert message.to[0] in readers
        assert message.subject == subject
        body = message.body.splitlines()
        assert body[0] == f"{EDITION_NAME}: negotiations"
        assert body[2 : 2 + len(lines)] == lines


def test_the_release_mail_shows_the_public_note_as_written_never_the_name(
    django_capture_on_commit_callbacks,
):
    edition = grid_edition(slots=2, tables=1)
    edition.name_en = EDITION_NAME
    edition.save()
    (host,) = accepted_meetings(edition, 1)
    reader = UserFactory(enterprise=host.enterprise, language="en")
    meeting = Meeting.objects.get()
    meeting.slot, meeting.table = Slot.objects.get(index=0), NegotiationTable.objects.get()
    meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        releases.publish(
            edition=edition,
            name="after the complaint of <Mr Zhang>",
            public_note="Hall A & <B> open at 8:30.",
            user=None,
        )
    message = next(m for m in mail.outbox if m.to == [reader.email])
    assert message.subject == f"{EDITION_NAME}: your negotiation schedule has changed"
    lines = message.body.splitlines()
    assert lines[:3] == [
        "The organiser has published schedule version 1.",
        "",
        "Hall A & <B> open at 8:30.",
    ]
    assert "Mr Zhang" not in message.body


TESTED_MAIL_TEMPLATES = {
    "enterprises/email/state_changed",
    "enterprises/email/confirmation_request",
    "matching/email/request",
    "scheduling/email/release",
    # tests/outcomes/test_follow_up.py::test_the_follow_up_mail_prints_names_as_written
    "outcomes/email/follow_up",
    # tests/exhibition/test_plan_releases.py: "Lumière & Fils <SA>" printed as written
    "exhibition/email/plan_release",
}


def test_every_mail_template_has_a_test_with_user_text_above():
    """A new mail template must come with a test that user text reaches it unescaped."""
    found = {
        str(path.relative_to(path.parents[2])).removesuffix("_body.txt")
        for path in Path(fairmatch.__file__).parent.glob("*/templates/*/email/*_body.txt")
    }
    assert found == TESTED_MAIL_TEMPLATES


def test_mail_templates_are_rendered_by_the_engine_that_does_not_escape():
    assert engines[PLAIN_TEXT_ENGINE].engine.autoescape is False
    assert engines["django"].engine.autoescape is True  # pages still escape


def test_back_to_review_tells_the_enterprise_why_in_its_language(
    django_capture_on_commit_callbacks,
):
    participation = _hostile_participation(state=State.SUBMITTED)
    UserFactory(enterprise=participation.enterprise, email="zh@culture.example", language="zh-hans")
    QualificationRuleFactory(edition=participation.edition)
    DelegateFactory(participation=participation)
    DemandFactory(participation=participation, value=Decimal("9200000"))
    workflow.qualify(participation=participation, user=OrganiserFactory())
    mail.outbox.clear()
    participation.demands.update(value=Decimal("6000000"))
    with django_capture_on_commit_callbacks(execute=True):
        application_changed(participation=participation)
    english, chinese = sorted(mail.outbox, key=lambda message: message.to)
    assert english.subject == f"{EDITION_NAME}: your application is back under review"
    assert english.body.splitlines()[:5] == [
        f"Dear {HOSTILE} team,",
        "",
        f"Your application to {EDITION_NAME} is back under the organiser's review, because "
        "what it was accepted on has changed:",
        "Contract value changed from USD 9.2 M to USD 6 M.",
        "Until the organiser accepts it again, it is not listed in the directory and takes no "
        "new meeting requests.",
    ]
    assert chinese.subject == f"{EDITION_NAME}：您的申请已退回重新审核"
    assert chinese.body.splitlines()[3] == "合同金额由USD 920万改为USD 600万。"
