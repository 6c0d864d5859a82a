"""PDFs are not markup: every text reaching reportlab is printed as written.

Hostile names go into each PDF (the delegate's agenda, the organiser's print-out) as the
edition's, the release's and both enterprises' names; the PDF must render, show them
literally, and embed no image.
"""

import io
import re

import pypdf
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Enterprise
from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import Meeting
from tests.factories import OrganiserFactory, UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = pytest.mark.django_db

HOSTILE = ["A <b", '<img src="/etc/passwd"/>', "Fish & Chips &amp; Co", "<font size=80>Big"]


@pytest.fixture
def picture(tmp_path):
    """A real image on the server's disk, which an unescaped <img> would embed."""
    path = tmp_path / "secret.png"
    Image.new("RGB", (8, 8), "red").save(path)
    return str(path)


def hostile_edition(name: str):
    edition = grid_edition(slots=2, tables=1)
    Edition.objects.filter(pk=edition.pk).update(name_en=f"Edition {name}")
    (host,) = accepted_meetings(edition, 2)
    meetings = place_in_turn(list(Meeting.objects.filter(edition=edition).order_by("pk")))
    for participation in (host, meetings[0].first):
        Enterprise.objects.filter(pk=participation.enterprise_id).update(
            name_original=name, name_en=f"EN {name}"
        )
    # Delegates read the release's public note (its name is the organisers' own).
    release = f"Release {name}"[:100]
    releases.publish(edition=edition, name=release, public_note=release, user=None)
    return edition, host


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    # Long names wrap; compare without white space.
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    images = [image.name for page in reader.pages for image in page.images]
    return text, images


def expected_texts(name):
    release = f"Release {name}"[:100]  # release names are cut at 100 characters
    texts = [f"Edition {name}", release, name, f"EN {name}"]
    return ["".join(text.split()) for text in texts]


def names_with(picture):
    return [*HOSTILE, f'<img src="{picture}" width="40" height="40"/>']


@pytest.mark.parametrize("index", range(len(HOSTILE) + 1))
def test_the_agenda_pdf_prints_hostile_names_literally(client, picture, index):
    name = names_with(picture)[index]
    edition, host = hostile_edition(name)
    client.force_login(UserFactory(enterprise=host.enterprise))
    text, images = read(client.get(f"/e/{edition.slug}/agenda.pdf"))
    assert images == []
    for expected in expected_texts(name):
        assert expected in text


@pytest.mark.parametrize("index", range(len(HOSTILE) + 1))
def test_the_print_out_prints_hostile_names_literally(client, picture, index):
    name = names_with(picture)[index]
    edition, _host = hostile_edition(name)
    client.force_login(OrganiserFactory())
    text, images = read(client.get(f"/organiser/{edition.slug}/schedule/print.pdf"))
    assert images == []
    table_plan_row = "".join(f"EN {name} – EN {name}".split())
    for expected in [*expected_texts(name), table_plan_row]:
        assert expected in text


# --- fonts: every script prints, in fonts embedded in the file -----------------------------

JAPANESE_NAME = "株式会社さくらソフト"
KOREAN_NAME = "삼성전자 주식회사"


def east_asian_edition():
    """A published agenda whose host is Japanese and whose counterpart is Korean."""
    edition = grid_edition(slots=2, tables=1)
    (host,) = accepted_meetings(edition, 1)
    meeting = place_in_turn(list(Meeting.objects.filter(edition=edition)))[0]
    other = meeting.second if meeting.first == host else meeting.first
    Enterprise.objects.filter(pk=host.enterprise_id).update(
        name_original=JAPANESE_NAME, name_en="Sakura Soft"
    )
    Enterprise.objects.filter(pk=other.enterprise_id).update(
        name_original=KOREAN_NAME, name_en="Samsung Electronics"
    )
    releases.publish(edition=edition, name="v1", user=None)
    return edition, host


def fonts_of(reader):
    """(base font name, has an embedded TrueType file) for every font the pages use."""
    found = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.add((str(font["/BaseFont"]), embedded))
    return found


@pytest.mark.parametrize(
    ("language", "primary"), [("ja", "NotoSansJP"), ("ko", "NotoSansKR"), ("zh-hans", "NotoSansSC")]
)
def test_the_agenda_pdf_embeds_fonts_for_kana_and_hangul(client, language, primary):
    edition, host = east_asian_edition()
    user = UserFactory(enterprise=host.enterprise, language=language)
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(f"/e/{edition.slug}/agenda.pdf")
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert JAPANESE_NAME in text
    assert KOREAN_NAME in text
    with translation.override(language):
        assert gettext("Counterpart") in text  # the reader's language
    fonts = fonts_of(reader)
    # Only embedded subsets ("ABCDEF+Name"); the reader's face prints the page.
    assert all(embedded for _name, embedded in fonts), fonts
    assert all(re.fullmatch(r"/[A-Z]{6}\+NotoSans(SC|JP|KR)-Regular", name) for name, _ in fonts)
    assert any(name.endswith(f"+{primary}-Regular") for name, _ in fonts)
    if language != "ko":  # hangul needs the Korean face beside the Japanese or Chinese one
        assert any(name.endswith("+NotoSansKR-Regular") for name, _ in fonts)
