"""The booth list: UTF-8, UTF-8 with BOM and GB18030 files; errors at line and column;
a list with any problem writes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from fairmatch.exhibition.models import Booth, Zone
from fairmatch.spreadsheets.domain.jobs import create_import, start_commit
from fairmatch.spreadsheets.interfaces.templates import template_file
from fairmatch.spreadsheets.models import ImportStatus
from tests.exhibition.helpers import booth, hall
from tests.factories import OrganiserFactory
from tests.spreadsheets.helpers import csv_bytes

pytestmark = pytest.mark.django_db
HEADER = ["hall", "booth", "x", "y", "width", "depth", "type", "price band", "zone", "blocked"]


def _state(h):
    return sorted(
        Booth.objects.filter(hall=h).values_list("code", "x", "y", "zone__name_en", "is_blocked")
    )


def _issues(job):
    return [(i["row"], i["column"], i["text"] % i["params"]) for i in job.preview["issues"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_good_file_in_each_encoding(encoding):
    h = hall()
    Zone.objects.create(hall=h, name_en="Software pavilion", name_zh="软件馆", kind="field")
    organiser = OrganiserFactory()
    rows = [
        HEADER,
        ["H1", "A1", "0", "0", "3", "3", "shell", "A", "软件馆", "no"],
        ["H1", "A2", "3", "0", "3", "3", "space", "B", "", "是"],
    ]
    job = create_import(
        edition=h.edition,
        kind="booths",
        filename="booths.csv",
        content=csv_bytes(rows, encoding),
        user=organiser,
    )
    assert job.status == ImportStatus.PREVIEWED, job.preview
    assert job.error_count == 0
    start_commit(job=job, user=organiser)
    assert _state(h) == [
        ("A1", 0, 0, "Software pavilion", False),
        ("A2", 3, 0, None, True),
    ]
    a1 = Booth.objects.get(code="A1")
    assert a1.open_sides == "row"  # west wall, north wall, east neighbour: one aisle


def test_missing_column_duplicate_and_overlap_write_nothing():
    h = hall()
    booth(h, "Z9", 20, 10)
    organiser = OrganiserFactory()
    missing = create_import(
        edition=h.edition,
        kind="booths",
        filename="b.csv",
        content=csv_bytes([HEADER[:4], ["H1", "A1", "0", "0"]]),
        user=organiser,
    )
    assert _issues(missing)[:2] == [
        (1, "width", "The column “Width (m)” is missing."),
        (1, "depth", "The column “Depth (m)” is missing."),
    ]
    rows = [
        HEADER,
        ["H1", "A1", "0", "0", "3", "3", "", "", "", ""],
        ["H1", "A1", "5", "0", "3", "3", "", "", "", ""],
        ["H1", "A2", "1", "1", "3", "3", "", "", "", ""],
        ["H1", "A3", "21", "11", "3", "3", "", "", "", ""],
        ["H1", "A4", "x", "0", "3", "3", "hut", "", "", ""],
    ]
    job = create_import(
        edition=h.edition, kind="booths", filename="b.csv", content=csv_bytes(rows), user=organiser
    )
    assert sorted(_issues(job)) == [
        (3, "booth", "Booth H1-A1 is listed twice (first on line 2)."),
        (4, "x", "Booth H1-A2 overlaps booth H1-A1 (line 2)."),
        (5, "x", "Booth H1-A3 overlaps booth H1-Z9 of the plan."),
        (6, "type", "Unknown booth type “hut” (shell or space)."),
        (6, "x", "“x” is not a number."),
    ]
    assert not job.can_commit
    assert _state(h) == [("Z9", 20, 10, None, False)]


def test_template_and_chinese_header():
    header = template_file("booths", "csv", "en").decode("utf-8-sig").splitlines()[0]
    assert header == (
        'Hall,Booth,x (m),y (m),Width (m),Depth (m),"Booth type (shell, space)",'
        "Price band,Zone,Blocked (yes/no)"
    )
    client = Client()
    h = hall()
    client.force_login(OrganiserFactory())
    answer = client.get(reverse("spreadsheets:template", args=[h.edition.slug, "booths", "csv"]))
    assert answer.status_code == 200


def test_chinese_headers_are_understood():
    from fairmatch.spreadsheets.domain.columns import header_labels

    h = hall()
    organiser = OrganiserFactory()
    header = header_labels("booths", "zh-hans")
    assert header[:2] == ["展馆", "展位"]
    rows = [header, ["H1", "A1", "0", "0", "3", "3", "光地", "", "", "否"]]
    job = create_import(
        edition=h.edition,
        kind="booths",
        filename="展位.csv",
        content=csv_bytes(rows, "gb18030"),
        user=organiser,
    )
    assert job.error_count == 0, job.preview["issues"]
    start_commit(job=job, user=organiser)
    assert Booth.objects.get(code="A1").kind == "space"
