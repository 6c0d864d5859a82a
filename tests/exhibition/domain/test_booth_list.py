"""A booth list against the plan: problems at line and column; written all or nothing."""

from decimal import Decimal

import pytest

from fairmatch.exhibition.domain import booth_list
from fairmatch.exhibition.domain.booth_list import BoothRow
from fairmatch.exhibition.domain.plan import PlanError
from fairmatch.exhibition.models import Booth
from tests.exhibition.helpers import booth, hall
from tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser():
    return OrganiserFactory()


def _state(hall_obj):
    return sorted(
        (b.code, str(b.x), str(b.y), str(b.width), str(b.depth), b.version)
        for b in Booth.objects.filter(hall=hall_obj)
    )


def _row(line, code, x, y, w=3, d=3, hall="H1", **kw):
    return BoothRow(line, hall, code, Decimal(x), Decimal(y), Decimal(w), Decimal(d), **kw)


def test_booth_rows_name_line_and_column():
    h = hall()
    booth(h, "Z1", 20, 10)
    problems = booth_list.check_booth_rows(
        edition=h.edition,
        rows=[
            _row(2, "A1", 0, 0),
            _row(3, "A1", 5, 0),
            _row(4, "A2", 1, 1),
            _row(5, "A3", 29, 0),
            _row(6, "A4", 0, 0, hall="H9"),
            _row(7, "A5", 21, 11),
        ],
    )
    assert [(p.line, p.column) for p in problems] == [
        (3, "booth"),
        (4, "x"),
        (5, "x"),
        (6, "hall"),
        (7, "x"),
    ]
    assert problems[0].message == "Booth H1-A1 is listed twice (first on line 2)."
    assert problems[1].message == "Booth H1-A2 overlaps booth H1-A1 (line 2)."
    assert problems[4].message == "Booth H1-A5 overlaps booth H1-Z1 of the plan."


def test_import_writes_all_or_nothing(organiser):
    h = hall()
    booth(h, "A1", 0, 0)
    with pytest.raises(PlanError, match="Line 3, column x"):
        booth_list.import_booths(
            edition=h.edition, rows=[_row(2, "A2", 10, 0), _row(3, "A3", 11, 1)], user=organiser
        )
    assert _state(h) == [("A1", "0.00", "0.00", "3.00", "3.00", 1)]
    counts = booth_list.import_booths(
        edition=h.edition, rows=[_row(2, "A1", 3, 0), _row(3, "A3", 6, 0)], user=organiser
    )
    assert counts == {"created": 1, "updated": 1}
    assert _state(h) == [
        ("A1", "3.00", "0.00", "3.00", "3.00", 2),
        ("A3", "6.00", "0.00", "3.00", "3.00", 1),
    ]
