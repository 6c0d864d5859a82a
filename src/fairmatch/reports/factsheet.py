"""The bilingual (English and Simplified Chinese) fact sheet of a press snapshot, as PDF.

Everything printed comes from the snapshot's stored figures; reportlab reads paragraph
text as markup, so every name is escaped.
"""

import datetime
import io
import zoneinfo
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fairmatch.core.interfaces.pdf_fonts import base_font
from fairmatch.reports.models import PressSnapshot

LANGUAGES = ("en", "zh-hans")
BAR_START = 80 * mm
FACT_SHEET = _("Fact sheet")
TAKEN_AT = _("Figures taken at")
NOTE = _(
    "Intentions count when both parties confirmed them or the organiser entered them at a "
    "signing ceremony; amounts in US dollars at the edition's exchange rates."
)


def both(text: Any) -> str:
    """A lazy translation in English and Chinese: "Qualified / 资格审核通过"."""
    parts = []
    for code in LANGUAGES:
        with override(code):
            parts.append(str(text))
    return parts[0] if parts[0] == parts[1] else " / ".join(parts)


def usd(value: str | Decimal | None) -> str:
    if value is None:
        return "–"
    amount = Decimal(value)
    return f"USD {amount:,.0f} ({amount / 1_000_000:,.1f} M)"


def _label(figures: dict[str, Any], group: str, key: str) -> str:
    labels = figures.get("labels", {})
    en = labels.get("en", {}).get(group, {}).get(key, key)
    zh = labels.get("zh-hans", {}).get(group, {}).get(key, en)
    return en if en == zh else f"{en} / {zh}"


def _bars(rows: list[tuple[str, float]], font: str) -> Drawing:
    width, row = 170 * mm, 16
    drawing = Drawing(width, row * len(rows) + 4)
    largest = max([value for _label, value in rows] + [1e-9])
    for index, (label, value) in enumerate(rows):
        y = drawing.height - (index + 1) * row
        # The label must end before the bar starts.
        while label and stringWidth(label, font, 8) > BAR_START - 3 * mm:
            label = label[:-1]
        drawing.add(String(0, y + 4, label, fontName=font, fontSize=8))
        length = (width - BAR_START - 25 * mm) * value / largest
        drawing.add(
            Rect(
                BAR_START,
                y + 2,
                length,
                row - 6,
                fillColor=colors.HexColor("#0b5cad"),
                strokeColor=None,
            )
        )
        drawing.add(
            String(
                BAR_START + length + 4, y + 4, f"{value / 1e6:,.1f} M", fontName=font, fontSize=8
            )
        )
    return drawing


def render_fact_sheet(snapshot: PressSnapshot) -> bytes:
    figures = snapshot.figures
    font = base_font("zh-hans")  # bilingual sheet: the Chinese face also holds the Latin text
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=21, spaceAfter=4)
    heading = ParagraphStyle(
        "heading", fontName=font, fontSize=11, leading=15, spaceBefore=8, spaceAfter=4
    )
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    names = figures.get("edition_name") or {}
    zone = zoneinfo.ZoneInfo(snapshot.edition.timezone)
    taken = datetime.datetime.fromisoformat(figures["taken_at"]).astimezone(zone)
    story: list[Any] = [
        Paragraph(escape(names.get("en", snapshot.edition.name_en)), title),
        Paragraph(escape(names.get("zh-hans", "")), title),
        Paragraph(
            escape(
                f"{both(FACT_SHEET)} · {both(TAKEN_AT)} "
                f"{taken:%Y-%m-%d %H:%M} ({snapshot.edition.timezone})"
            ),
            body,
        ),
    ]
    if snapshot.title:
        story.append(Paragraph(escape(snapshot.title), body))
    growth = figures.get("growth_vs_previous_pct")
    rows = [
        (both(_("Enterprises qualified")), f"{figures['qualified']:,}"),
        (both(_("Countries and regions")), f"{figures['countries_qualified']:,}"),
        (both(_("Foreign enterprises qualified")), f"{figures['foreign_qualified']:,}"),
        (both(_("Waiting for confirmation")), f"{figures['waiting_confirmation']:,}"),
        (both(_("Expected attendance")), f"{figures['expected_attendance']:,}"),
        (both(_("Growth vs previous edition")), "–" if growth is None else f"{growth:+.1f} %"),
    ]
    exhibitors = figures.get("exhibitors")
    if exhibitors:
        rows.append((both(_("Exhibitors")), f"{exhibitors['count']:,}"))
        rows.append(
            (both(_("Foreign share of exhibitors")), f"{exhibitors['foreign_share_pct']:.1f} %")
        )
    rows += [
        (both(_("Intentions confirmed")), f"{figures['intentions_confirmed']:,}"),
        (both(_("Intentional cooperation investment")), usd(figures["intentions_total_usd"])),
        (both(_("Previous edition")), usd(figures.get("previous_intentions_total_usd"))),
    ]
    story += [Spacer(1, 4 * mm), _table(rows, font)]
    for group, key, heading_text in (
        ("kind", "intentions_by_kind", _("Intentions by cooperation kind")),
        ("field", "intentions_by_field", _("Intentions by field")),
        ("country", "intentions_by_country", _("Intentions by country")),
    ):
        items = figures.get(key) or []
        if not items:
            continue
        story.append(Paragraph(escape(both(heading_text)), heading))
        story.append(
            _table(
                [
                    (_label(figures, group, item["key"]), f"{item['count']:,}", usd(item["usd"]))
                    for item in items
                ],
                font,
            )
        )
        if group == "kind":
            story.append(Spacer(1, 2 * mm))
            story.append(
                _bars([(_label(figures, group, i["key"]), float(i["usd"])) for i in items], font)
            )
    countries = figures.get("qualified_by_country") or []
    if countries:
        story.append(Paragraph(escape(both(_("Qualified enterprises by country"))), heading))
        story.append(
            _table(
                [(_label(figures, "country", c["key"]), f"{c['count']:,}") for c in countries], font
            )
        )
    story.append(Spacer(1, 6 * mm))
    story.append(
        Paragraph(
            escape(both(NOTE)),
            body,
        )
    )
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"{names.get('en', '')} – fact sheet",
    )
    document.build(story)
    return buffer.getvalue()


def _table(rows: list[tuple[str, ...]], font: str) -> Table:
    style = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12)
    data = [[Paragraph(escape(cell), style) for cell in row] for row in rows]
    widths = [95 * mm] + [(174 - 95) * mm / (len(rows[0]) - 1)] * (len(rows[0]) - 1)
    table = Table(data, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d7dde3")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table
