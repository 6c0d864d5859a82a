"""Reading uploads: encodings, malformed workbooks, formulas, headers in either language."""

import pytest

from fairmatch.spreadsheets.domain.columns import header_labels, match_header
from fairmatch.spreadsheets.domain.reading import ReadError, read_table
from tests.spreadsheets.helpers import csv_bytes, xlsx_bytes

ROWS = [["External id", "Name in English"], ["CN-1", "大连软件有限公司"]]


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (csv_bytes(ROWS, "utf-8"), "utf-8-sig"),
        (b"\xef\xbb\xbf" + csv_bytes(ROWS, "utf-8"), "utf-8-sig"),
        (csv_bytes(ROWS, "gb18030"), "gb18030"),
        (csv_bytes(ROWS, "gbk"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk"],
)
def test_csv_in_the_encodings_offices_send(encoded, encoding):
    sheet = read_table(encoded, "list.csv")
    assert (sheet.header, sheet.rows, sheet.encoding) == (ROWS[0], ROWS[1:], encoding)


def test_a_semicolon_separated_csv_is_read():
    sheet = read_table(b"External id;Name in English\nCN-1;Dalian\n", "list.csv")
    assert sheet.rows == [["CN-1", "Dalian"]]


def test_utf16_and_unknown_encodings_are_refused_with_a_message():
    with pytest.raises(ReadError, match="UTF-16"):
        read_table(csv_bytes(ROWS, "utf-16"), "list.csv")
    with pytest.raises(ReadError, match="neither UTF-8 nor GB18030"):
        read_table(b"External id\n\x81\x20\xff\xfe\n", "list.csv")


def test_a_malformed_workbook_is_refused_with_a_message():
    with pytest.raises(ReadError, match=r"not a readable Excel workbook"):
        read_table(b"PK\x03\x04 this is no zip", "list.xlsx")
    truncated = xlsx_bytes(ROWS)[:300]
    with pytest.raises(ReadError, match=r"not a readable Excel workbook"):
        read_table(truncated, "list.xlsx")


def test_formulas_are_never_evaluated_but_flagged_at_their_cell():
    sheet = read_table(xlsx_bytes([*ROWS, ["=A2", '=HYPERLINK("http://x")'], [3, 4.5]]), "a.xlsx")
    assert sheet.rows == [["CN-1", "大连软件有限公司"], ["", ""], ["3", "4.5"]]
    assert sheet.formulas == {(1, 0), (1, 1)}


def test_headers_are_matched_in_either_language_and_renamed_ones_reported():
    chinese = header_labels("rates", "zh-hans")
    assert chinese == ["币种", "每美元兑换单位数"]
    assert match_header("rates", chinese).positions == {"currency": 0, "units_per_usd": 1}
    match = match_header("rates", ["CURRENCY ", "Units per dollar", "Currency"])
    assert match.positions == {"currency": 0}
    assert [c.key for c in match.missing] == ["units_per_usd"]
    assert match.unknown == [(1, "Units per dollar", "Units per US dollar")]
    assert match.repeated == [(2, "Currency")]
