"""Small server-side SVG charts: bars and lines, drawn from the figures' own numbers.

No script, no style element and no style attribute (the Content Security Policy allows
neither): only SVG presentation attributes, with classes the site's stylesheet may refine.
Every text is escaped; labels come translated from the caller. The charts scale to their
box (``viewBox``) and print as vectors.
"""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 360  # a small box, so that text stays legible when a phone scales it down
ROW = 34  # a bar row: its label above, the bar and its value below
FONT = 12
CURRENT = "#0b5cad"
PREVIOUS = "#9aa5b1"
INK = "#1d2733"
MUTED = "#5b6875"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: not recorded (drawn as such, never as zero)
    display: str
    previous: float | None = None  # the previous edition's value, drawn as a thin bar


@dataclass(frozen=True)
class Series:
    label: str
    points: Sequence[tuple[float, float]]
    colour: str = CURRENT
    dashed: bool = False


def _width_of(text: str) -> float:
    """Rough width in em: wide (CJK) characters count one em, others about half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.62 for c in text)


def _fit(text: str, ems: float) -> str:
    if _width_of(text) <= ems:
        return text
    while text and _width_of(text + "…") > ems:
        text = text[:-1]
    return text + "…"


def _svg(title: str, height: int, body: list[str], chart_id: str = "") -> SafeString:
    ident = f' id="{escape(chart_id)}"' if chart_id else ""
    # Every text and attribute above is escaped.
    return mark_safe(
        f'<svg{ident} class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" aria-label="{escape(title)}" '
        f"font-family=\"system-ui, 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif\" "
        f'font-size="{FONT}"><title>{escape(title)}</title>{"".join(body)}</svg>'
    )


def bar_chart(
    *, title: str, bars: Sequence[Bar], chart_id: str = "", not_recorded: str = ""
) -> SafeString:
    """Horizontal bars, each under its label, the value written after the bar."""
    top = 2
    height = top + max(len(bars), 1) * ROW + 2
    # Room after the longest bar for the longest value, so that no value is cut off.
    value_width = max([_width_of(b.display) * FONT for b in bars] + [0]) + 8
    span = WIDTH - value_width - 4
    largest = max(
        [b.value or 0 for b in bars] + [b.previous or 0 for b in bars] + [1e-9], default=1e-9
    )
    body = []
    for index, bar in enumerate(bars):
        y = top + index * ROW
        body.append(
            f"<g><title>{escape(bar.label)}</title>"
            f'<text x="0" y="{y + 12}" fill="{INK}">'
            f"{escape(_fit(bar.label, WIDTH / FONT))}</text></g>"
        )
        baseline = y + 27
        if bar.value is None:
            body.append(
                f'<text x="0" y="{baseline}" fill="{MUTED}" font-style="italic">'
                f"{escape(not_recorded or bar.display)}</text>"
            )
            continue
        length = max(span * (bar.value / largest), 1 if bar.value else 0)
        body.append(
            f'<rect class="bar" x="0" y="{y + 17}" width="{length:.1f}" height="12" '
            f'fill="{CURRENT}" rx="2"><title>{escape(bar.label)}: {escape(bar.display)}</title>'
            "</rect>"
        )
        if bar.previous is not None:
            previous = span * (bar.previous / largest)
            body.append(
                f'<rect class="bar-previous" x="0" y="{y + 30}" width="{previous:.1f}" '
                f'height="3" fill="{PREVIOUS}"/>'
            )
        body.append(
            f'<text x="{length + 4:.1f}" y="{baseline}" fill="{INK}">{escape(bar.display)}</text>'
        )
    return _svg(title, int(height), body, chart_id)


def line_chart(
    *, title: str, series: Sequence[Series], x_label: str, chart_id: str = ""
) -> SafeString:
    """Lines over a shared x axis (drawn right to left when x counts down, e.g. days before)."""
    left, right, top, bottom = 44, 12, 28, 36
    height = 220
    xs = [x for s in series for x, _ in s.points] or [0, 1]
    ys = [y for s in series for _, y in s.points] or [0]
    x_low, x_high = min(xs), max(xs)
    y_high = max(max(ys), 1)
    plot_w, plot_h = WIDTH - left - right, height - top - bottom

    def px(x: float) -> float:  # the largest x (most days before) on the left
        return left + plot_w * (x_high - x) / ((x_high - x_low) or 1)

    def py(y: float) -> float:
        return top + plot_h * (1 - y / y_high)

    body = [
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        f'stroke="{MUTED}"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="{MUTED}"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" fill="{MUTED}">{y_high:g}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" fill="{MUTED}">0</text>',
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle" '
        f'fill="{MUTED}">{escape(x_label)}</text>',
    ]
    ticks = sorted({x for s in series for x, _ in s.points})
    # Every tick on a wide span would crowd: label the round ones and both ends.
    labelled = [x for x in ticks if x in (ticks[0], ticks[-1]) or x % 60 == 0]
    for x in labelled:
        body.append(
            f'<text x="{px(x):.1f}" y="{top + plot_h + 14}" text-anchor="middle" '
            f'fill="{MUTED}" font-size="10">{x:g}</text>'
        )
    legend_x = left
    for item in series:
        dash = ' stroke-dasharray="5 3"' if item.dashed else ""
        points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in item.points)
        body.append(
            f'<polyline class="line" points="{points}" fill="none" stroke="{item.colour}" '
            f'stroke-width="2"{dash}><title>{escape(item.label)}</title></polyline>'
        )
        body.append(
            f'<line x1="{legend_x}" y1="12" x2="{legend_x + 18}" y2="12" stroke="{item.colour}" '
            f'stroke-width="2"{dash}/><text x="{legend_x + 22}" y="16" fill="{INK}">'
            f"{escape(_fit(item.label, 16))}</text>"
        )
        legend_x += 24 + int(_width_of(_fit(item.label, 16)) * FONT) + 16
    return _svg(title, height, body, chart_id)
