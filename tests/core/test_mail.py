"""Mail in each recipient's language, from the one helper every app uses."""

import pytest
from django.core import mail

from fairmatch.core.domain.mail import (
    PLAIN_TEXT_ENGINE,
    Recipient,
    absolute_url,
    send_translated,
)

TEMPLATES = {
    "note_subject.txt": "{% load i18n %}  {% translate 'My agenda' %}:\n  {{ name }}  \n",
    "note_body.txt": "{% load i18n %}{% translate 'Time' %} {{ when }} & {{ name }}\n",
}


@pytest.fixture
def note_templates(settings):
    settings.TEMPLATES = [
        {
            "NAME": PLAIN_TEXT_ENGINE,
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "autoescape": False,
                "loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)],
            },
        }
    ]


def test_each_recipient_reads_the_mail_in_their_language(note_templates):
    sent = send_translated(
        template="note",
        context={"name": "Acme & <Co>", "when": "9:00"},
        to=[Recipient("en@acme.example", "en"), Recipient("zh@acme.example", "zh-hans")],
    )
    expected = [
        (["en@acme.example"], "My agenda: Acme & <Co>", "Time 9:00 & Acme & <Co>\n"),
        (["zh@acme.example"], "我的洽谈日程: Acme & <Co>", "时间 9:00 & Acme & <Co>\n"),
    ]
    assert [(m.to, m.subject, m.body) for m in sent] == expected
    assert [(m.to, m.subject, m.body) for m in mail.outbox] == expected


def test_nobody_to_write_to_sends_nothing(note_templates):
    assert send_translated(template="note", context={}, to=[]) == []
    assert mail.outbox == []


def test_links_in_mail_start_with_the_site_address(settings):
    settings.SITE_URL = "https://fair.example"
    assert absolute_url("/my/applications/") == "https://fair.example/my/applications/"
