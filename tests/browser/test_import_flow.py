"""In a real Chromium: an organiser uploads a small CSV in GB18030, sees the error at its
cell, fixes the file, imports it and sees the rows; the preview in English and Chinese, on
a desktop (1366 px) and a phone (390 px) screen, saved under /tmp/sheets-shots."""

import csv
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from playwright.sync_api import expect

from fairmatch.enterprises.models import Enterprise, Participation
from tests.browser.login import log_in_organiser
from tests.factories import OrganiserFactory
from tests.spreadsheets.helpers import import_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/sheets-shots")
HEADER = ["外部编号", "原文名称", "英文名称", "国家/地区", "类型（买方、服务方、两者）"]
GOOD = [
    ["CN-7", "大连华信软件有限公司", "Dalian Huaxin Software", "中国", "provider"],
    ["DE-3", "Becker Maschinenbau GmbH", "Becker Engineering", "德国", "buyer"],
]


def _gb18030(rows):
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    return out.getvalue().encode("gb18030")


def _upload(page, edition, rows):
    page.goto(f"/organiser/{edition.slug}/sheets/import/")
    page.locator("select[name=kind]").select_option("enterprises")
    page.locator("input[name=file]").set_input_files(
        {"name": "企业名单.csv", "mimeType": "text/csv", "buffer": _gb18030(rows)}
    )
    page.locator("#upload-form button[type=submit]").click()


def _fits(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_upload_see_the_cell_error_fix_and_import(browser, live_server):
    edition, _organiser = import_edition()
    OrganiserFactory(email="events@fairmatch.example")
    SHOTS.mkdir(exist_ok=True)
    wrong = [GOOD[0], [*GOOD[1][:3], "亚特兰蒂斯", "buyer"]]

    page = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 1366, "height": 900}
    ).new_page()
    log_in_organiser(page, "events@fairmatch.example")
    page.goto(f"/organiser/{edition.slug}/")
    page.locator("#link-import").click()
    _upload(page, edition, wrong)
    error_cell = page.locator("#import-preview tr[data-line='3'] td.cell-error")
    expect(error_cell).to_contain_text("亚特兰蒂斯")
    expect(error_cell).to_contain_text("“亚特兰蒂斯” is not known here.")
    expect(page.locator("#import-status")).to_contain_text("read as gb18030")
    expect(page.locator("#import-commit")).to_have_count(0)
    page.screenshot(path=SHOTS / "preview-en-1366.png", full_page=True)
    assert Enterprise.objects.count() == 0

    _upload(page, edition, GOOD)
    expect(page.locator("#import-preview td.cell-error")).to_have_count(0)
    page.locator("#import-commit").click()
    expect(page.locator("#import-result")).to_contain_text("Imported: 2 added, 0 updated.")
    rows = page.locator("#import-preview tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("大连华信软件有限公司")
    expect(rows.nth(1)).to_contain_text("Becker Engineering")
    page.screenshot(path=SHOTS / "imported-en-1366.png", full_page=True)
    assert sorted(p.enterprise.name_en for p in Participation.objects.filter(edition=edition)) == [
        "Becker Engineering",
        "Dalian Huaxin Software",
    ]

    logged_in = page.context.storage_state()
    with translation.override("zh-hans"):
        known = translation.gettext("“%(value)s” is not known here.") % {"value": "亚特兰蒂斯"}
    assert known != "“亚特兰蒂斯” is not known here."
    for locale, language, width in (
        ("zh-CN", "zh", 1366),
        ("zh-CN", "zh", 390),
        ("en-US", "en", 390),
    ):
        other = browser.new_context(
            base_url=live_server.url,
            storage_state=logged_in,  # one login: a TOTP code is accepted once
            locale=locale,
            viewport={"width": width, "height": 844 if width == 390 else 900},
            is_mobile=width == 390,
        )
        # The login stored the organiser's own language; this reader asks for another.
        other.add_cookies(
            [
                {
                    "name": settings.LANGUAGE_COOKIE_NAME,
                    "value": "zh-hans" if language == "zh" else "en",
                    "url": live_server.url,
                }
            ]
        )
        other = other.new_page()
        _upload(other, edition, [[*GOOD[0][:3], "亚特兰蒂斯", "provider"]])
        cell = other.locator("#import-preview tr[data-line='2'] td.cell-error")
        expect(cell).to_contain_text(known if language == "zh" else "is not known here.")
        _fits(other, width)
        other.screenshot(path=SHOTS / f"preview-{language}-{width}.png", full_page=True)
        other.context.close()
