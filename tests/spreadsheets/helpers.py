"""Files to import, written as an office would: CSV in some encoding, or XLSX."""

import csv
from io import BytesIO, StringIO

from openpyxl import Workbook

from tests.factories import (
    CooperationKindFactory,
    EditionFactory,
    FieldFactory,
    OrganiserFactory,
    reference_ladder,
)

ENTERPRISE_HEADER = [
    "External id",
    "Name in the original language",
    "Name in English",
    "Country",
    "Kind (buyer, provider, both)",
    "Fields (codes, separated by ;)",
]


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    out = StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def import_edition():
    """An open edition with the catalogues an import names, and its organiser."""
    FieldFactory(code="software", name_en="Software", name_zh="软件")
    FieldFactory(code="animation", name_en="Cartoon and animation", name_zh="动漫")
    CooperationKindFactory()
    reference_ladder()
    return EditionFactory(), OrganiserFactory()
