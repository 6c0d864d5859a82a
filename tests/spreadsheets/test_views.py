"""The organiser's import pages: upload, preview, commit, templates; uploads refused early."""

import io

import pytest
from openpyxl import load_workbook

from fairmatch.enterprises.models import Enterprise
from fairmatch.spreadsheets.models import ImportJob
from tests.spreadsheets.helpers import ENTERPRISE_HEADER, csv_bytes, import_edition

pytestmark = pytest.mark.django_db

ROWS = [
    ENTERPRISE_HEADER,
    ["CN-1", "大连软件有限公司", "Dalian Software", "中国", "provider", "software"],
]


def _upload(client, edition, content, name="list.csv", **extra):
    upload = io.BytesIO(content)
    upload.name = name
    return client.post(
        f"/organiser/{edition.slug}/sheets/import/upload/",
        {"kind": "enterprises", "file": upload},
        **extra,
    )


def test_upload_preview_and_commit_through_the_pages(client):
    edition, organiser = import_edition()
    client.force_login(organiser)
    assert client.get(f"/organiser/{edition.slug}/").content.count(b"/sheets/import/") == 1
    response = _upload(client, edition, csv_bytes(ROWS, "gb18030"))
    job = ImportJob.objects.get()
    assert response.url == f"/organiser/{edition.slug}/sheets/import/{job.pk}/"
    page = client.get(response.url).content.decode()
    assert "read as gb18030" in page and "大连软件有限公司" in page
    assert 'id="import-commit"' in page
    client.post(f"/organiser/{edition.slug}/sheets/import/{job.pk}/commit/")
    assert Enterprise.objects.get().name_original == "大连软件有限公司"
    page = client.get(response.url).content.decode()
    assert "Imported: 1 added, 0 updated." in page


def test_a_cell_error_is_shown_at_its_cell(client):
    edition, organiser = import_edition()
    client.force_login(organiser)
    rows = [ROWS[0], [*ROWS[1][:3], "Atlantis", *ROWS[1][4:]]]
    response = _upload(client, edition, csv_bytes(rows))
    page = client.get(response.url).content.decode()
    assert '<td class="cell-error">Atlantis<span class="cell-issue issue-error">' in page
    assert "“Atlantis” is not known here." in page
    assert 'id="import-commit"' not in page


def test_a_file_announced_too_large_is_refused_before_its_body_is_read(client):
    edition, organiser = import_edition()
    client.force_login(organiser)
    response = _upload(client, edition, csv_bytes(ROWS), CONTENT_LENGTH=str(50 * 1024 * 1024))
    assert response.status_code == 413
    assert "The file is larger than 20 MB" in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_a_file_larger_than_it_announced_is_stopped_while_read(client, settings):
    settings.FAIRMATCH_IMPORT_MAX_BYTES = 1000
    edition, organiser = import_edition()
    client.force_login(organiser)
    rows = ROWS + [[f"X-{n}", "Firm", "Firm", "DE", "buyer", ""] for n in range(200)]
    response = _upload(client, edition, csv_bytes(rows))
    assert response.status_code == 413
    assert ImportJob.objects.count() == 0


def test_templates_in_both_languages(client):
    edition, organiser = import_edition()
    client.force_login(organiser)
    for language, first in (("en", "External id"), ("zh-hans", "外部编号")):
        response = client.get(
            f"/organiser/{edition.slug}/sheets/import/templates/delegates.xlsx?lang={language}"
        )
        book = load_workbook(io.BytesIO(response.content))
        assert next(book.worksheets[0].iter_rows(values_only=True))[0] == first
        codes = [row[1] for row in book.worksheets[1].iter_rows(values_only=True)]
        assert "software" in codes and "director" in codes
        response = client.get(
            f"/organiser/{edition.slug}/sheets/import/templates/delegates.csv?lang={language}"
        )
        assert response.content.decode("utf-8-sig").splitlines()[0].startswith(first)
