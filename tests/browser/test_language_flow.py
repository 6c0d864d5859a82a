"""In a real Chromium: a Japanese and a Korean member see the whole flow in their language,
whatever the browser asks for: login, home, agenda (dates as they write them), the agenda
PDF (their script, embedded fonts) and the calendar feed.

Expected texts come from the catalogues (``gettext`` under ``translation.override``), so the
test stays right when a translation is reworded. Screenshots at 1366 and 390 px go to
``FAIRMATCH_SCREENSHOTS`` (default /tmp/langs-shots).
"""

import io
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf
import pytest
from django.utils import formats, translation
from django.utils.translation import gettext, pgettext
from playwright.sync_api import expect

from fairmatch.enterprises.models import Enterprise
from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import Meeting
from tests.browser.login import log_in
from tests.factories import DelegateFactory, UserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("FAIRMATCH_SCREENSHOTS", "/tmp/langs-shots"))
MEMBERS = {
    "ja": ("tanaka@example.jp", "株式会社さくらソフト", "Sakura Soft"),
    "ko": ("kim@example.kr", "삼성전자 주식회사", "Samsung Electronics"),
}
COUNTERPART = ("大连华信软件股份有限公司", "Dalian Huaxin Software")


def texts(language, **names):
    with translation.override(language):
        return {
            "my agenda": gettext("My agenda"),
            "log out": gettext("Log out"),
            "apply": pgettext("ask to take part in an edition", "Apply"),
            "counterpart": gettext("Counterpart"),
            "pdf": gettext("Download the PDF"),
            "summary": gettext("Negotiation with %(name)s") % names,
            "preferred": gettext("Preferred language (pages, e-mails and calendars)"),
        }


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1366, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})


@pytest.mark.parametrize("language", ["ja", "ko"])
def test_a_member_sees_the_whole_flow_in_their_language(browser, live_server, language):
    email, name_original, name_en = MEMBERS[language]
    edition = grid_edition(slots=2, tables=1)
    (host,) = accepted_meetings(edition, 1)
    meeting = place_in_turn(list(Meeting.objects.filter(edition=edition)))[0]
    other = meeting.second if meeting.first == host else meeting.first
    Enterprise.objects.filter(pk=host.enterprise_id).update(
        name_original=name_original, name_en=name_en
    )
    Enterprise.objects.filter(pk=other.enterprise_id).update(
        name_original=COUNTERPART[0], name_en=COUNTERPART[1]
    )
    releases.publish(edition=edition, name="v1", user=None)
    DelegateFactory(participation=host, full_name="Delegate")
    UserFactory(enterprise=host.enterprise, email=email, language=language)
    with translation.override(language):  # as the reader's language names the counterpart
        counterpart = Enterprise.objects.get(pk=other.enterprise_id).display_name
    expected = texts(language, name=counterpart)
    assert expected["apply"] != "Apply", "the catalogue must translate the Apply button"

    # The browser asks for English: the member's preferred language wins after login.
    context = browser.new_context(base_url=live_server.url, locale="en-US", accept_downloads=True)
    page = context.new_page()
    log_in(page, email)
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("header select#language-select")).to_have_value(language)
    expect(page.get_by_role("link", name=expected["apply"], exact=True)).to_be_visible()  # open
    expect(page.locator("header form[action='/accounts/logout/'] button")).to_contain_text(
        expected["log out"]
    )
    shoot(page, f"{language}-home")

    page.get_by_role("link", name=expected["my agenda"]).first.click()
    expect(page).to_have_url(re.compile(rf"/e/{edition.slug}/agenda/$"))
    expect(page.get_by_role("heading", name=expected["my agenda"])).to_be_visible()
    local = meeting.slot.starts_at.astimezone(ZoneInfo(edition.timezone))
    with translation.override(language):  # as the reader writes a day: "6月15日 (火)"
        day = formats.date_format(local, "MONTH_DAY_FORMAT")
        weekday = formats.date_format(local, "D")
    expect(page.locator("#agenda")).to_contain_text(f"{day} ({weekday}) {local:%H:%M}")
    expect(page.locator("#agenda")).to_contain_text(COUNTERPART[0])
    shoot(page, f"{language}-agenda")

    pdf = page.request.get(page.get_by_role("link", name=expected["pdf"]).get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(pdf.body()))
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)  # cells wrap
    assert "".join(f"{name_original} / {name_en}".split()) in text
    assert "".join(expected["counterpart"].split()) in text
    assert "".join(f"{day} ({weekday}) {local:%H:%M}".split()) in text
    fonts = {
        str(font.get_object()["/BaseFont"])
        for p in reader.pages
        for font in p["/Resources"]["/Font"].values()
    }
    primary = {"ja": "NotoSansJP", "ko": "NotoSansKR"}[language]
    assert f"{primary}-Regular" in {name.split("+")[-1] for name in fonts}

    feed = page.request.get(page.locator("a.ics").first.get_attribute("href"))
    calendar = feed.text()
    assert "BEGIN:VEVENT" in calendar
    unfolded = calendar.replace("\r\n ", "")
    assert f"SUMMARY:{expected['summary']}" in unfolded

    # The account pages offer the preferred language too, the member's own selected.
    page.goto("/accounts/email/")
    expect(page.locator("#preferred-language-select")).to_have_value(language)
    expect(page.locator("#preferred-language")).to_contain_text(expected["preferred"])
    shoot(page, f"{language}-account")
    context.close()
