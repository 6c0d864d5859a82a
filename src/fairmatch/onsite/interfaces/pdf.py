"""Badges as PDF: card size (85.6 x 54 mm, the CR80 card of badge printers), one per page,
or ten per A4 sheet for office printers.

Each badge: a band in the role's colour naming the role in English and Chinese, the
person's name, the organisation in its own language and in English, the country, the QR
code (a signed token) and its typed code. Text is drawn as plain strings (never markup), so
any name prints as written.
"""

from collections.abc import Callable, Iterable
from io import BytesIO

import segno
from django.utils import translation
from django_countries import countries
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from fairmatch.core.interfaces.pdf_fonts import draw_string, string_width
from fairmatch.onsite.domain import tokens
from fairmatch.onsite.domain.badges import token_of
from fairmatch.onsite.models import Badge, BadgeLayout, BadgeRole

CARD = (85.6 * mm, 54 * mm)
SHEET_COLUMNS, SHEET_ROWS = 2, 5
ROLE_COLOURS = {
    BadgeRole.BUYER: "#1f5fbf",
    BadgeRole.PROVIDER: "#1e8449",
    BadgeRole.EXHIBITOR: "#d35400",
    BadgeRole.PRESS: "#b03a2e",
}
BAND = 9 * mm
PAD = 3 * mm
QR_SIZE = 23 * mm


# Badges are bilingual, Chinese first: Han characters in the Chinese face, others where found.
BADGE_LANGUAGE = "zh-hans"


def _fit(text: str, size: float, minimum: float, width: float) -> tuple[str, float]:
    """The text at the largest size down to ``minimum`` that fits; cut with an ellipsis."""
    while size > minimum and string_width(text, size=size, language=BADGE_LANGUAGE) > width:
        size -= 0.5
    while text and string_width(text, size=size, language=BADGE_LANGUAGE) > width:
        text = text[:-2] + "…"
    return text, size


def _draw(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    draw_string(canvas, x, y, text, size=size, language=BADGE_LANGUAGE)


def _role_label(role: str) -> str:
    label = dict(BadgeRole.choices)[role]
    english = str(label).upper()
    with translation.override("zh-hans"):
        chinese = str(label)
    return english if chinese.upper() == english else f"{english}  {chinese}"


def _country_label(code: str) -> str:
    if not code:
        return ""
    english = str(countries.name(code))
    with translation.override("zh-hans"):
        chinese = str(countries.name(code))
    return english if chinese == english else f"{english} · {chinese}"


def _draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    qr = segno.make(data, error="m", micro=False)
    rows = [list(row) for row in qr.matrix_iter(scale=1, border=0)]
    module = size / len(rows)
    path = canvas.beginPath()
    for r, row in enumerate(rows):
        top = y + size - (r + 1) * module
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                path.rect(x + start * module, top, (c - start) * module, module)
            else:
                c += 1
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def draw_badge(canvas: Canvas, badge: Badge, x: float, y: float, edition_name: str) -> None:
    """One badge with its lower left corner at (x, y)."""
    width, height = CARD
    canvas.saveState()
    canvas.setStrokeColorRGB(0.75, 0.75, 0.75)
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, width, height, stroke=1, fill=0)  # cutting guide
    colour = HexColor(ROLE_COLOURS[badge.role])
    canvas.setFillColor(colour)
    canvas.rect(x, y + height - BAND, width, BAND, stroke=0, fill=1)
    canvas.setFillColor(white)
    role, size = _fit(_role_label(badge.role), 11, 7, width - 2 * PAD)
    _draw(canvas, x + PAD, y + height - BAND + 2.8 * mm, role, size)
    text_width = width - QR_SIZE - 3 * PAD
    canvas.setFillColorRGB(0.1, 0.1, 0.1)
    top = y + height - BAND - PAD
    name, size = _fit(badge.name, 14, 8, text_width)
    _draw(canvas, x + PAD, top - size, name, size)
    line = top - size - 2 * mm
    organisations = [badge.organisation_original]
    if badge.organisation_en and badge.organisation_en != badge.organisation_original:
        organisations.append(badge.organisation_en)
    for organisation in organisations:
        text, size = _fit(organisation, 8.5, 6, text_width)
        line -= size + 1
        _draw(canvas, x + PAD, line, text, size)
    country, size = _fit(_country_label(badge.country), 7.5, 5.5, text_width)
    _draw(canvas, x + PAD, y + PAD + 4 * mm, country, size)
    canvas.setFillColorRGB(0.4, 0.4, 0.4)
    event, size = _fit(edition_name, 6, 4.5, text_width)
    _draw(canvas, x + PAD, y + PAD, event, size)
    qr_x = x + width - PAD - QR_SIZE
    qr_y = y + PAD + 3.5 * mm
    _draw_qr(canvas, token_of(badge), qr_x, qr_y, QR_SIZE)
    canvas.setFillColorRGB(0.1, 0.1, 0.1)
    code = tokens.display_code(badge.code)
    _draw(canvas, qr_x + (QR_SIZE - string_width(code, size=8)) / 2, y + PAD, code, 8)
    canvas.restoreState()


def badges_pdf(
    badges: Iterable[Badge],
    *,
    layout: str,
    edition_name: str,
    progress: Callable[[int], None] | None = None,
) -> bytes:
    """The badges as one PDF; ``progress(n)`` is told how many are drawn, now and then."""
    buffer = BytesIO()
    page = A4 if layout == BadgeLayout.SHEET else CARD
    canvas = Canvas(buffer, pagesize=page, pageCompression=1)
    canvas.setTitle(edition_name)
    per_page = SHEET_COLUMNS * SHEET_ROWS if layout == BadgeLayout.SHEET else 1
    margin_x = (page[0] - SHEET_COLUMNS * CARD[0]) / 2
    margin_y = (page[1] - SHEET_ROWS * CARD[1]) / 2
    count = 0
    for count, badge in enumerate(badges, start=1):
        index = (count - 1) % per_page
        if count > 1 and index == 0:
            canvas.showPage()
        if layout == BadgeLayout.SHEET:
            column, row = index % SHEET_COLUMNS, index // SHEET_COLUMNS
            x = margin_x + column * CARD[0]
            y = page[1] - margin_y - (row + 1) * CARD[1]
        else:
            x = y = 0
        draw_badge(canvas, badge, x, y, edition_name)
        if progress is not None and count % 50 == 0:
            progress(count)
    if count == 0:
        _draw(canvas, 10 * mm, page[1] - 15 * mm, "—", 10)
    canvas.showPage()
    canvas.save()
    if progress is not None:
        progress(count)
    return buffer.getvalue()
