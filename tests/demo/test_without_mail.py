"""The demo writes history without mailing anyone, and mail works again afterwards."""

import pytest
from django.core import mail

from fairmatch.demo.generator import without_mail
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.models import State
from tests.factories import OrganiserFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_decision_inside_the_demo_build_mails_nobody_and_one_after_it_does(
    django_capture_on_commit_callbacks,
):
    organiser = OrganiserFactory()
    first, second = (ParticipationFactory(state=State.SUBMITTED) for _ in range(2))
    for participation in (first, second):
        UserFactory(enterprise=participation.enterprise)
    with without_mail(), django_capture_on_commit_callbacks(execute=True):
        workflow.qualify(participation=first, user=organiser)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        workflow.qualify(participation=second, user=organiser)
    assert len(mail.outbox) == 1
