"""The SVG charts: well-formed, escaped, no inline style, values where the figures put them."""

import xml.etree.ElementTree as ET

import pytest

from fairmatch.reports.charts import Bar, Series, bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_bars_are_well_formed_escaped_and_proportional():
    svg = bar_chart(
        title="Intentions <by> kind",
        bars=[Bar("Culture & Media <Ltd>", 200, "USD 200"), Bar("投资合作", 100, "USD 100")],
    )
    root = ET.fromstring(str(svg))
    assert root.find(f"{SVG}title").text == "Intentions <by> kind"
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(2 * widths[1], abs=0.2)
    texts = [t.text for t in root.iter(f"{SVG}text") if t.text]
    assert "USD 200" in texts and "投资合作" in texts
    assert "style" not in str(svg)


def test_a_value_not_recorded_is_written_as_such_never_drawn_as_zero():
    root = ET.fromstring(
        str(bar_chart(title="Meetings", bars=[Bar("held", None, "x")], not_recorded="not recorded"))
    )
    assert list(root.iter(f"{SVG}rect")) == []
    assert [t.text for t in root.iter(f"{SVG}text") if t.text] == ["held", "not recorded"]


def test_lines_put_the_most_days_before_on_the_left():
    svg = line_chart(
        title="Applications",
        series=[Series("2027", [(90, 0), (0, 10)]), Series("2026", [(90, 2), (0, 8)], dashed=True)],
        x_label="days before",
    )
    root = ET.fromstring(str(svg))
    first, second = root.iter(f"{SVG}polyline")
    (x90, y0), (x0, y10) = (tuple(map(float, p.split(","))) for p in first.get("points").split())
    assert x90 < x0 and y10 < y0
    assert second.get("stroke-dasharray") == "5 3"
