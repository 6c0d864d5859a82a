"""Tables written as CSV or XLSX for spreadsheets, safe to open: one writer for every export.

Every text cell goes through ``safe_cell``: a spreadsheet reads a cell starting with ``=``,
``+``, ``-`` or ``@`` (or a tab or carriage return, which some strip first) as a formula, so
such a cell gets a leading apostrophe and is shown as the text it is (formula injection).
Numbers, dates and ``None`` are written as they are.
"""

import csv
import datetime
from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO, StringIO
from typing import Any

from openpyxl import Workbook

# A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}

Cell = str | int | float | Decimal | datetime.date | datetime.datetime | None


def safe_cell(value: Any) -> Cell:
    """The value as a spreadsheet should show it, a text never read as a formula."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, int | float | Decimal | datetime.date):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _plain(value: Cell) -> Cell:
    # XLSX cannot hold time-zone-aware datetimes.
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def table_csv(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """The table as UTF-8 CSV with a byte-order mark, so spreadsheets read it as UTF-8."""
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_xlsx(header: Sequence[Any], rows: Iterable[Sequence[Any]], *, title: str) -> bytes:
    """The table as one sheet of an XLSX workbook (written in openpyxl's write-only mode)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_sheet_title(title))
    sheet.append([safe_cell(h) for h in header])
    for row in rows:
        sheet.append([_plain(safe_cell(value)) for value in row])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def table_file(fmt: str, header: Sequence[Any], rows: Iterable[Sequence[Any]], title: str) -> bytes:
    """``table_csv`` or ``table_xlsx`` by the format's name (``csv`` or ``xlsx``)."""
    if fmt == "xlsx":
        return table_xlsx(header, rows, title=title)
    if fmt == "csv":
        return table_csv(header, rows)
    raise ValueError(f"unknown table format {fmt!r}")


def _sheet_title(title: str) -> str:
    # Sheet names: at most 31 characters, none of []:*?/\
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in str(title)).strip()
    return (cleaned or "Sheet")[:31]
