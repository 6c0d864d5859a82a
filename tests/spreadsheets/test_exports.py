"""Exports: every table as XLSX and CSV, opened back; headers in the reader's language;
formula-like cells neutralised; a constant number of queries; audited downloads."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from fairmatch.core.interfaces.tables import safe_cell, table_csv, table_xlsx
from fairmatch.core.models import AuditEntry
from fairmatch.onsite.domain.checkin import check_in
from fairmatch.onsite.domain.leads import capture_lead
from fairmatch.outcomes.domain import intentions
from fairmatch.outcomes.models import FollowUp, FollowUpOutcome
from fairmatch.scheduling.domain import releases
from fairmatch.spreadsheets.interfaces.exports import EXPORTS
from tests.factories import DelegateFactory, OrganiserFactory, ParticipationFactory
from tests.onsite.helpers import day_edition
from tests.outcomes.helpers import held_meeting, member, past_edition, terms

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
    client.get(f"/organiser/{edition.slug}/sheets/export/")  # the edition's zone is known
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


def _edition_with_intentions():
    """A confirmed intention in EUR (a rate is known), a disputed one in JPY (no rate) whose
    reason a spreadsheet would read as a formula, and one answered at follow-up."""
    edition = past_edition()
    held = held_meeting(edition)
    confirmed = intentions.record_intention(
        meeting=held, participation=held.first, user=None, terms=terms("1000000", "EUR")
    )
    intentions.confirm_intention(intention=confirmed, participation=held.second, user=None)
    FollowUp.objects.create(
        intention=confirmed,
        token="t1",
        deadline=timezone.now() + datetime.timedelta(days=30),
        answered_at=timezone.now(),
        outcome=FollowUpOutcome.WENT_AHEAD,
        value=Decimal("900000"),
        currency="EUR",
    )
    other = held_meeting(edition)
    disputed = intentions.record_intention(
        meeting=other, participation=other.first, user=None, terms=terms("5000000", "JPY")
    )
    intentions.dispute_intention(
        intention=disputed, participation=other.second, user=None, reason="=HYPERLINK(1)"
    )
    return edition, held


def test_the_intentions_export_lists_every_intention_with_its_value_in_dollars(client):
    edition, held = _edition_with_intentions()
    client.force_login(OrganiserFactory())
    for fmt in ("xlsx", "csv"):
        table = _download(client, edition, "intentions", fmt)
        header, first, second = table[0], table[1], table[2]
        column = {str(name): index for index, name in enumerate(header)}
        assert len(table) == 3
        assert first[column["Recorded by"]] == held.first.enterprise.name_original
        assert first[column["Other party (English)"]] == held.second.enterprise.name_en
        amounts = [str(first[column[name]]) for name in ("Amount", "Currency")]
        assert amounts == ["1000000" if fmt == "xlsx" else "1000000.00", "EUR"]
        assert float(first[column["Amount in US dollars"]]) == 1080000.0
        assert [first[column["State"]], first[column["Counted"]]] == [
            "confirmed by both parties",
            "yes",
        ]
        assert first[column["Follow-up answer"]] == "the deal went ahead"
        assert float(first[column["Value at follow-up"]]) == 900000.0
        # No rate for the yen: no dollar value is guessed.
        assert second[column["Currency"]] == "JPY"
        assert second[column["Amount in US dollars"]] in (None, "")
        assert [second[column["State"]], second[column["Counted"]]] == ["disputed", "no"]
        assert second[column["Why it is disputed"]] == "'=HYPERLINK(1)"
        assert second[column["Follow-up answer"]] in (None, "")


def test_the_intentions_export_speaks_the_readers_language(client):
    edition, _held = _edition_with_intentions()
    client.force_login(OrganiserFactory())
    english = _download(client, edition, "intentions", "xlsx")[0]
    chinese = _download(client, edition, "intentions", "xlsx", language="zh-hans")[0]
    assert english[:2] == ["Recorded by", "Recorded by (English)"]
    assert chinese[:2] == ["登记方", "登记方（英文）"]
    assert set(english).isdisjoint(chinese)


def test_only_organisers_take_the_intentions_out(client):
    edition, held = _edition_with_intentions()
    url = f"/organiser/{edition.slug}/sheets/export/intentions.xlsx"
    assert client.get(url).status_code == 302  # to log in
    client.force_login(member(held.first))  # a party to the intention
    assert client.get(url).status_code == 403
    client.force_login(OrganiserFactory())
    assert client.get(url).status_code == 200
