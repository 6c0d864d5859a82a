"""Printable agendas and table plans, with a CJK font so Chinese names print.

reportlab reads a paragraph's text as markup (``<b>``, ``<font>``, ``<img src>`` ...), so
every text reaches it through ``_paragraph``, which escapes it: a name is printed as it
is written, never interpreted.
"""

import io
from collections.abc import Iterable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

# A font built into every PDF reader's CJK support: no font file needs to ship.
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

_styles = getSampleStyleSheet()
TITLE = ParagraphStyle("title", parent=_styles["Title"], fontName=FONT)
HEADING = ParagraphStyle("heading", parent=_styles["Heading2"], fontName=FONT)
BODY = ParagraphStyle("body", parent=_styles["BodyText"], fontName=FONT, fontSize=9, leading=12)


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """Plain text as a paragraph: escaped, line breaks kept."""
    lines = escape(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Paragraph("<br/>".join(lines), style)


def _table(rows: list[list[str]], widths: list[float]) -> Table:
    table = Table(
        [[_paragraph(cell, BODY) for cell in row] for row in rows], colWidths=widths, repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#aab4be")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


Section = tuple[str, str, list[list[str]], list[float]]  # title, subtitle, rows, widths


def render_pdf(*, title: str, sections: Iterable[Section]) -> bytes:
    """One PDF: a title page heading, then each section (a heading and a table) on its page."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, leftMargin=15 * mm, rightMargin=15 * mm
    )
    story: list = [_paragraph(title, TITLE)]
    for number, (heading, subtitle, rows, widths) in enumerate(sections):
        if number:
            story.append(PageBreak())
        story += [_paragraph(heading, HEADING), _paragraph(subtitle, BODY), Spacer(1, 4 * mm)]
        story.append(_table(rows, [w * mm for w in widths]))
    document.build(story)
    return buffer.getvalue()
