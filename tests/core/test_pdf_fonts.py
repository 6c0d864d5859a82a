"""The PDF fonts: the reader's face first, other faces only for what it lacks; static
instances built once, reused, and escaped markup around the runs."""

import pytest
from fontTools.ttLib import TTFont

from fairmatch.core.interfaces import pdf_fonts


@pytest.mark.parametrize(
    ("language", "key"),
    [("ja", "JP"), ("ko", "KR"), ("zh-hans", "SC"), ("en", "SC"), (None, "SC"), ("zh-hant", "TC")],
)
def test_the_readers_language_picks_the_face(language, key):
    assert pdf_fonts.primary_face(language).key == key


def test_hangul_in_a_chinese_text_is_cut_into_korean_runs():
    assert pdf_fonts.runs("大连华信 / 삼성전자 (주)", language="zh-hans") == [
        ("SC", "大连华信 / "),
        ("KR", "삼성전자 "),
        ("SC", "("),  # the bracket is in the reader's face, the syllable only in the Korean
        ("KR", "주"),
        ("SC", ")"),
    ]


def test_kanji_stay_in_the_japanese_face_after_a_korean_run():
    assert pdf_fonts.runs("さくら 삼성 中文", language="ja") == [
        ("JP", "さくら "),
        ("KR", "삼성 "),
        ("JP", "中文"),
    ]


def test_a_character_no_face_has_stays_in_the_current_run():
    assert pdf_fonts.runs("Samsung 삼성 😀", language="ko") == [("KR", "Samsung 삼성 😀")]


def test_markup_escapes_the_text_and_names_only_registered_fonts():
    markup = pdf_fonts.font_markup('<b>A & B</b> 삼성 <font name="x">', language="ja")
    assert markup == (
        '&lt;b&gt;A &amp; B&lt;/b&gt; <font name="FairmatchKR">삼성 </font>&lt;font name="x"&gt;'
    )


def test_the_instance_is_a_static_regular_font_built_once():
    first = pdf_fonts.static_instance(pdf_fonts.FACES["JP"])
    built_at = first.stat().st_mtime_ns
    assert pdf_fonts.static_instance(pdf_fonts.FACES["JP"]) == first
    assert first.stat().st_mtime_ns == built_at  # read from the cache, not built again
    font = TTFont(first, lazy=True)
    assert "fvar" not in font  # reportlab embeds static TrueType only
    assert font["OS/2"].usWeightClass == 400
    assert font["name"].getDebugName(6) == "NotoSansJP-Regular"
    assert first.parent == pdf_fonts.cache_dir()
