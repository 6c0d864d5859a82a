"""Printable agendas and table plans, in embedded fonts that print every CJK name.

reportlab reads a paragraph's text as markup (``<b>``, ``<font>``, ``<img src>`` ...), so
every text reaches it through ``_paragraph``, which escapes it: a name is printed as it
is written, never interpreted. The fonts (``core.interfaces.pdf_fonts``) follow the
reader's language, with other faces for the runs it lacks (hangul in a Chinese agenda).
"""

import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import get_language
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from fairmatch.core.interfaces.pdf_fonts import base_font, font_markup

_styles = getSampleStyleSheet()


@dataclass(frozen=True)
class _Styles:
    language: str
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle


def _styles_for(language: str) -> _Styles:
    font = base_font(language)
    return _Styles(
        language=language,
        title=ParagraphStyle("title", parent=_styles["Title"], fontName=font),
        heading=ParagraphStyle("heading", parent=_styles["Heading2"], fontName=font),
        body=ParagraphStyle(
            "body", parent=_styles["BodyText"], fontName=font, fontSize=9, leading=12
        ),
    )


def _paragraph(text: str, style: ParagraphStyle, language: str) -> Paragraph:
    """Plain text as a paragraph: escaped, line breaks kept, each script in a font that has it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Paragraph("<br/>".join(font_markup(line, language=language) for line in lines), style)


def _table(rows: list[list[str]], widths: list[float], styles: _Styles) -> Table:
    table = Table(
        [[_paragraph(cell, styles.body, styles.language) for cell in row] for row in rows],
        colWidths=widths,
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#aab4be")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # The cells are paragraphs in their own fonts; the table's default would
                # still name Helvetica, an unembedded font, in the file.
                ("FONTNAME", (0, 0), (-1, -1), styles.body.fontName),
            ]
        )
    )
    return table


Section = tuple[str, str, list[list[str]], list[float]]  # title, subtitle, rows, widths


def render_pdf(*, title: str, sections: Iterable[Section], language: str | None = None) -> bytes:
    """One PDF: a title page heading, then each section (a heading and a table) on its page.

    ``language`` is the reader's (default: the active one); it picks the fonts.
    """
    styles = _styles_for(language or get_language() or "en")
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        lang=styles.language,
        initialFontName=styles.body.fontName,  # no page refers to an unembedded font
        leftMargin=15 * mm,
        rightMargin=15 * mm,
    )
    story: list = [_paragraph(title, styles.title, styles.language)]
    for number, (heading, subtitle, rows, widths) in enumerate(sections):
        if number:
            story.append(PageBreak())
        story += [
            _paragraph(heading, styles.heading, styles.language),
            _paragraph(subtitle, styles.body, styles.language),
            Spacer(1, 4 * mm),
        ]
        story.append(_table(rows, [w * mm for w in widths], styles))
    document.build(story)
    return buffer.getvalue()
