"""The plan as PDF: opens, names halls and booths, Chinese text extractable."""

from io import BytesIO

import pytest
from django.utils import translation
from pypdf import PdfReader

from fairmatch.exhibition.interfaces.floorplan import latest_release, published_halls
from fairmatch.exhibition.interfaces.plan_pdf import plan_pdf
from tests.exhibition.helpers import assign, booth, exhibitor, hall, publish

pytestmark = pytest.mark.django_db


def test_pdf_in_chinese_has_the_exhibitor_name():
    h = hall()
    a1 = booth(h, "A1", 0, 0, 6, 4)
    app = exhibitor(h.edition, name="北京软件", name_en="Beijing Soft")
    assign(a1, app)
    publish(h.edition, {a1: app})
    with translation.override("zh-hans"):
        halls = published_halls(latest_release(h.edition_id))
        content = plan_pdf(halls, title="展会平面图", language="zh-hans")
    text = PdfReader(BytesIO(content)).pages[0].extract_text()
    assert "展会平面图" in text
    assert "北京软件" in text
    assert "A1" in text


def test_pdf_prints_a_hostile_name_as_text():
    h = hall()
    a1 = booth(h, "A1", 0, 0, 12, 4)
    app = exhibitor(h.edition, name="<b>Evil</b> & Co")
    assign(a1, app)
    publish(h.edition, {a1: app})
    halls = published_halls(latest_release(h.edition_id))
    content = plan_pdf(halls, title="Plan", language="en")
    assert "<b>Evil</b> & Co" in PdfReader(BytesIO(content)).pages[0].extract_text()
