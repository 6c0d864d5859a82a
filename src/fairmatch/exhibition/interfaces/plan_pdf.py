"""The floor plan as a PDF (reportlab): one landscape A4 page per hall, to scale, with the
legend; exhibitor names in the reader's language, in embedded fonts that cover Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

from django.http import HttpResponse
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from fairmatch.core.interfaces.pdf_fonts import draw_string, string_width
from fairmatch.exhibition.interfaces.floorplan import STATES, DrawnHall, fit_text

MARGIN = 36.0  # points
HEADER = 40.0
FOOTER = 40.0


def _centred(canvas: Canvas, cx: float, y: float, text: str, size: float, language: str) -> None:
    width = string_width(text, size=size, language=language)
    draw_string(canvas, cx - width / 2, y, text, size=size, language=language)


def plan_pdf(halls: Sequence[DrawnHall], *, title: str, language: str) -> bytes:
    """The halls' plans, one page each."""
    out = BytesIO()
    page_w, page_h = landscape(A4)
    canvas = Canvas(out, pagesize=(page_w, page_h))
    canvas.setTitle(title)
    for hall in halls or []:
        canvas.setFillColor(HexColor("#000000"))
        draw_string(canvas, MARGIN, page_h - MARGIN - 14, title, size=14, language=language)
        draw_string(
            canvas,
            MARGIN,
            page_h - MARGIN - 30,
            _("%(hall)s · %(width)s × %(depth)s m")
            % {"hall": hall.name, "width": f"{hall.width:g}", "depth": f"{hall.depth:g}"},
            size=10,
            language=language,
        )
        room_w = page_w - 2 * MARGIN
        room_h = page_h - 2 * MARGIN - HEADER - FOOTER
        scale = min(room_w / hall.width, room_h / hall.depth)
        left = MARGIN + (room_w - hall.width * scale) / 2
        top = page_h - MARGIN - HEADER

        def at(x: float, y: float, scale: float = scale, left: float = left, top: float = top):
            return left + x * scale, top - y * scale

        canvas.setStrokeColor(HexColor("#333333"))
        canvas.setFillColor(HexColor("#fafafa"))
        x0, y0 = at(0, hall.depth)
        canvas.rect(x0, y0, hall.width * scale, hall.depth * scale, stroke=1, fill=1)
        for zone in hall.zones:
            zx, zy = at(zone.x - 0.3, zone.y + zone.depth + 0.3)
            canvas.setFillColor(HexColor("#eef2f8"))
            canvas.setStrokeColor(HexColor("#9fb3d1"))
            canvas.rect(zx, zy, (zone.width + 0.6) * scale, (zone.depth + 0.6) * scale, 1, 1)
            canvas.setFillColor(HexColor("#2b3f63"))
            tx, ty = at(zone.x - 0.2, zone.y - 0.45)
            draw_string(canvas, tx, ty, zone.name, size=7, language=language)
        for ex, ey in hall.entrances:
            canvas.setFillColor(HexColor("#c62828"))
            cx, cy = at(ex, ey)
            canvas.circle(cx, cy, 5, stroke=0, fill=1)
        for booth in hall.booths:
            _label, fill, ink = STATES[booth.state]
            bx, by = at(booth.x, booth.y + booth.depth)
            canvas.setFillColor(HexColor(fill))
            canvas.setStrokeColor(HexColor("#333333"))
            canvas.rect(bx, by, booth.width * scale, booth.depth * scale, stroke=1, fill=1)
            canvas.setFillColor(HexColor(ink))
            size = max(4.0, min(9.0, min(booth.width, booth.depth) * scale / 3.2))
            cx, cy = at(booth.x + booth.width / 2, booth.y + booth.depth / 2)
            width_m = booth.width - 0.2
            _centred(
                canvas, cx, cy + (1 if booth.exhibitor else -size / 3), booth.code, size, language
            )
            if booth.exhibitor:
                small = size * 0.8
                # fit_text measures in metres at a size in metres: convert points back.
                name = fit_text(booth.exhibitor, width_m, small / scale)
                _centred(canvas, cx, cy - small - 1, name, small, language)
        # The legend.
        x = MARGIN
        y = MARGIN
        for _state, (label, fill, _ink) in STATES.items():
            canvas.setFillColor(HexColor(fill))
            canvas.setStrokeColor(HexColor("#333333"))
            canvas.rect(x, y, 12, 12, stroke=1, fill=1)
            canvas.setFillColor(HexColor("#000000"))
            draw_string(canvas, x + 16, y + 2, str(label), size=9, language=language)
            x += 28 + string_width(str(label), size=9, language=language)
        canvas.setFillColor(HexColor("#c62828"))
        canvas.circle(x + 6, y + 6, 5, stroke=0, fill=1)
        canvas.setFillColor(HexColor("#000000"))
        draw_string(canvas, x + 16, y + 2, _("Entrance"), size=9, language=language)
        canvas.showPage()
    if not halls:
        draw_string(canvas, MARGIN, page_h / 2, title, size=14, language=language)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def plan_pdf_response(
    halls: Sequence[DrawnHall],
    *,
    title: str,
    filename: str,
    language: str,
) -> HttpResponse:
    response = HttpResponse(
        plan_pdf(halls, title=title, language=language), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
