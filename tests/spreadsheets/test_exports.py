"""Exports: every table as XLSX and CSV, opened back; headers in the reader's language;
formula-like cells neutralised; a constant number of queries; audited downloads."""

import csv
import io

import pytest
from openpyxl import load_workbook

from fairmatch.core.interfaces.tables import safe_cell, table_csv, table_xlsx
from fairmatch.core.models import AuditEntry
from fairmatch.onsite.domain.checkin import check_in
from fairmatch.onsite.domain.leads import capture_lead
from fairmatch.scheduling.domain import releases
from fairmatch.spreadsheets.interfaces.exports import EXPORTS
from tests.factories import DelegateFactory, OrganiserFactory, ParticipationFactory
from tests.onsite.helpers import day_edition

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+1", "'+1+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Anna", "Anna"),
        (-2, -2),
        (None, ""),
    ],
)
def test_cells_a_spreadsheet_would_read_as_formulas_are_neutralised(value, shown):
    assert safe_cell(value) == shown


def test_the_shared_writer_opens_back_in_both_formats():
    rows = [["=1+1", 3, "王芳"]]
    book = load_workbook(io.BytesIO(table_xlsx(["A", "B", "C"], rows, title="T:1")))
    assert book.sheetnames == ["T 1"]
    assert list(book.active.iter_rows(values_only=True)) == [
        ("A", "B", "C"),
        ("'=1+1", 3, "王芳"),
    ]
    assert book.active["A2"].data_type == "s"
    text = table_csv(["A", "B", "C"], rows).decode("utf-8")
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff")))) == [
        ["A", "B", "C"],
        ["'=1+1", "3", "王芳"],
    ]


def _day_with_everything():
    edition, _meeting, buyer_badge, _provider_badge = day_edition()
    organiser = OrganiserFactory()
    releases.publish(edition=edition, name="final", user=organiser)
    check_in(badge=buyer_badge, user=organiser)
    exhibitor = ParticipationFactory(edition=edition, is_exhibitor=True, is_negotiator=False)
    capture_lead(
        exhibitor=exhibitor,
        badge=buyer_badge,
        note="=cmd|' /C calc'!A0",
        follow_up=True,
        user=None,
    )
    return edition, organiser


def _download(client, edition, slug, fmt, language="en"):
    response = client.get(
        f"/organiser/{edition.slug}/sheets/export/{slug}.{fmt}", HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(response.content))
        return [list(row) for row in book.active.iter_rows(values_only=True)]
    text = response.content.decode("utf-8").removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def test_every_export_downloads_in_both_formats_and_is_audited(client):
    edition, organiser = _day_with_everything()
    client.force_login(organiser)
    tables = {}
    for slug in EXPORTS:
        for fmt in ("xlsx", "csv"):
            tables[slug, fmt] = _download(client, edition, slug, fmt)
        assert [str(c or "") for c in tables[slug, "xlsx"][0]] == tables[slug, "csv"][0]
    by_table = tables["schedule-tables", "csv"]
    assert by_table[0][:2] == ["Table", "Zone"]
    assert {row[4] for row in by_table[1:]} == {"上海外包有限公司"}
    by_participant = tables["schedule-participants", "csv"]
    assert sorted(row[1] for row in by_participant[1:]) == [
        "Berlin Buyer GmbH",
        "Shanghai Outsourcing",
    ]
    assert [row[0] for row in tables["check-ins", "csv"][1:]] == ["Anna Becker"]
    leads = tables["leads", "xlsx"]
    assert leads[1][1:2] == ["Anna Becker"] and leads[1][7] == "'=cmd|' /C calc'!A0"
    assert len(tables["meeting-requests", "csv"]) == 2
    assert AuditEntry.objects.filter(action="export.download").count() == 2 * len(EXPORTS)


def test_headers_are_in_the_readers_language(client):
    edition, organiser = _day_with_everything()
    client.force_login(organiser)
    english = _download(client, edition, "delegates", "xlsx")[0]
    chinese = _download(client, edition, "delegates", "xlsx", language="zh-hans")[0]
    assert english[4:7] == ["Full name", "Job title", "Rank"]
    assert chinese[4:7] == ["姓名", "职务", "职级"]


def test_exports_make_a_constant_number_of_queries(client, django_assert_max_num_queries):
    edition, organiser = _day_with_everything()
    client.force_login(organiser)
    counts = {}
    for round_ in ("small", "large"):
        if round_ == "large":
            for _n in range(5):
                participation = ParticipationFactory(edition=edition)
                DelegateFactory(participation=participation)
        counts[round_] = {}
        for slug in EXPORTS:
            with django_assert_max_num_queries(40) as captured:
                _download(client, edition, slug, "csv")
            counts[round_][slug] = len(captured.captured_queries)
    assert counts["large"] == counts["small"]
