"""Reading an uploaded CSV or XLSX file into a header and rows of text, never evaluating.

CSV: UTF-8 (with or without a byte-order mark) is tried first, then GB18030 (a superset of
GBK and GB2312, which Chinese offices still send); anything else is refused with a message.
XLSX: read with openpyxl in read-only mode; a cell holding a formula is never evaluated (nor
its cached value trusted): it is reported at the cell and read as empty.
"""

import csv
import datetime
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO, StringIO
from typing import Any

from django.utils.translation import gettext_noop
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

ENCODINGS = ("utf-8-sig", "gb18030")
XLSX_MAGIC = b"PK\x03\x04"


class ReadError(Exception):
    """The file cannot be read at all; ``message`` (a msgid) and ``params`` say why."""

    def __init__(self, message: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(message % (params or {}))
        self.message = message
        self.params = params or {}


@dataclass
class Sheet:
    """What a file holds: its header, its rows (text, stripped), and cells holding formulas."""

    header: list[str]
    rows: list[list[str]]
    encoding: str = ""
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row index, column index)


def read_table(content: bytes, filename: str, *, sheet_name: str | None = None) -> Sheet:
    """The first sheet (or the one named ``sheet_name``) of an XLSX file, or a CSV file."""
    if content.startswith(XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        return _read_xlsx(content, sheet_name=sheet_name)
    return _read_csv(content)


def _decode(content: bytes) -> tuple[str, str]:
    for encoding in ENCODINGS:
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ReadError(
        gettext_noop(
            "The file is neither UTF-8 nor GB18030/GBK text. Save it as “CSV UTF-8” "
            "or as an Excel workbook (.xlsx) and upload it again."
        )
    )


def _read_csv(content: bytes) -> Sheet:
    if b"\x00" in content[:4096]:
        raise ReadError(
            gettext_noop(
                "The file looks like UTF-16 or a binary file. Save it as “CSV UTF-8” "
                "or as an Excel workbook (.xlsx) and upload it again."
            )
        )
    text, encoding = _decode(content)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        records = list(csv.reader(StringIO(text, newline=""), dialect))
    except csv.Error as error:
        raise ReadError(
            gettext_noop("The CSV file is malformed: %(problem)s."), {"problem": str(error)}
        ) from error
    records = [[value.strip() for value in record] for record in records]
    records = [record for record in records if any(record)]
    if not records:
        raise ReadError(gettext_noop("The file is empty."))
    return Sheet(header=records[0], rows=records[1:], encoding=encoding)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return str(Decimal(repr(value)))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(content: bytes, *, sheet_name: str | None) -> Sheet:
    try:
        book = load_workbook(BytesIO(content), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ReadError(
            gettext_noop("The file is not a readable Excel workbook (.xlsx): %(problem)s."),
            {"problem": str(error)[:200] or type(error).__name__},
        ) from error
    try:
        sheet = book[sheet_name] if sheet_name in book.sheetnames else book.worksheets[0]
        header: list[str] | None = None
        rows: list[list[str]] = []
        formulas: set[tuple[int, int]] = set()
        for cells in sheet.iter_rows():
            values = []
            row_formulas = []
            for column, cell in enumerate(cells):
                if getattr(cell, "data_type", None) == "f":
                    row_formulas.append(column)
                    values.append("")
                else:
                    values.append(_text(cell.value))
            if not any(values) and not row_formulas:
                continue
            if header is None:
                header = values
                continue
            formulas |= {(len(rows), column) for column in row_formulas}
            rows.append(values)
    except Exception as error:  # a damaged part inside the zip shows only while reading
        raise ReadError(
            gettext_noop("The file is not a readable Excel workbook (.xlsx): %(problem)s."),
            {"problem": str(error)[:200] or type(error).__name__},
        ) from error
    finally:
        book.close()
    if header is None:
        raise ReadError(gettext_noop("The file is empty."))
    while header and not header[-1]:
        header.pop()
    return Sheet(header=header, rows=rows, encoding="xlsx", formulas=formulas)
