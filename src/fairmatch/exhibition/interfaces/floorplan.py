"""The floor plan drawn as SVG, in the page: halls to scale, zones, entrances, booths by state.

Two sources feed one drawing (``DrawnHall``):
- ``working_hall``: the organiser's plan, booths as stored and their assignments in the
  working plan compared with the latest release;
- ``published_halls``: what visitors see, read from the latest ``PlanRelease``'s frozen
  rows only: its halls (names, outline, entrances) and every booth it froze (geometry,
  zone, state free, taken or blocked, the exhibitor of a taken one). The working plan
  may change after publishing; nothing of it shows before the next release.

Coordinates are metres; the SVG's ``viewBox`` is the hall in metres, so the drawing scales
to any width (a phone, a printed page). Every user text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from xml.sax.saxutils import escape, quoteattr

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.models import (
    Booth,
    BoothAssignment,
    Hall,
    PlanRelease,
    PlanReleaseHall,
    PublishedState,
)

MARGIN = 1.5  # metres of paper around the hall, for the entrance marks


class BoothState(StrEnum):
    FREE = "free"
    OFFERED = "offered"
    TAKEN = "taken"
    BLOCKED = "blocked"


# The legend: state -> (label, fill, text colour). The page's CSS, the SVG and the PDF use
# these colours (the CSS classes ``state-<state>`` repeat them for print and contrast).
STATES: dict[BoothState, tuple[str, str, str]] = {
    BoothState.FREE: (gettext_lazy("free"), "#e6f4ea", "#0b3d1a"),
    BoothState.OFFERED: (gettext_lazy("offered (not yet published)"), "#fde9a9", "#4a3600"),
    BoothState.TAKEN: (gettext_lazy("taken"), "#1d4f91", "#ffffff"),
    BoothState.BLOCKED: (gettext_lazy("blocked"), "#8a8a8a", "#ffffff"),
}


def booth_state(*, blocked: bool, assigned: bool, published: bool) -> BoothState:
    """The one definition of a booth's state on every plan.

    - blocked: kept out of allocation (a pillar, a stage), whatever else holds;
    - taken: the exhibitor's booth is published (the latest release gives it this booth);
    - offered: an exhibitor has the booth in the working plan, not yet published as such
      (a new or changed assignment waiting for the next release);
    - free: no exhibitor has it.

    ``assigned``: the working plan (organiser) or the release (visitors) gives it an
    exhibitor; ``published``: the latest release gives it that same exhibitor.
    """
    if blocked:
        return BoothState.BLOCKED
    if assigned and published:
        return BoothState.TAKEN
    if assigned:
        return BoothState.OFFERED
    return BoothState.FREE


@dataclass
class DrawnBooth:
    key: str  # the element's id: "booth-<hall>-<number>" (no internal id)
    code: str
    x: float
    y: float
    width: float
    depth: float
    state: BoothState
    exhibitor: str = ""  # the exhibitor's name in the reader's language
    exhibitor_other: str = ""  # its other form (original or English), for titles
    zone: str = ""
    pk: int | None = None  # organiser's plan only
    version: int | None = None
    participation: Participation | None = None

    @property
    def state_label(self) -> str:
        return str(STATES[self.state][0])


@dataclass
class DrawnZone:
    name: str
    x: float
    y: float
    width: float
    depth: float


@dataclass
class DrawnHall:
    code: str
    name: str
    width: float
    depth: float
    entrances: list[tuple[float, float]]
    booths: list[DrawnBooth] = field(default_factory=list)
    zones: list[DrawnZone] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found = {state.value: 0 for state in BoothState}
        for booth in self.booths:
            found[booth.state.value] += 1
        return found


def booth_key(hall_code: str, booth_code: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in f"{hall_code}-{booth_code}")
    return f"booth-{safe}"


def _zones(booths: Iterable[tuple[str, DrawnBooth]]) -> list[DrawnZone]:
    """Each zone drawn around its booths (zones have no outline of their own)."""
    boxes: dict[str, list[float]] = {}
    for name, booth in booths:
        if not name:
            continue
        box = boxes.setdefault(
            name, [booth.x, booth.y, booth.x + booth.width, booth.y + booth.depth]
        )
        box[0], box[1] = min(box[0], booth.x), min(box[1], booth.y)
        box[2] = max(box[2], booth.x + booth.width)
        box[3] = max(box[3], booth.y + booth.depth)
    return [DrawnZone(name, b[0], b[1], b[2] - b[0], b[3] - b[1]) for name, b in boxes.items()]


def _hall(hall: Hall | PlanReleaseHall) -> DrawnHall:
    return DrawnHall(
        code=hall.code,
        name=hall.name,
        width=float(hall.width),
        depth=float(hall.depth),
        entrances=[(float(p[0]), float(p[1])) for p in hall.entrances or []],
    )


def latest_release(edition_id: int) -> PlanRelease | None:
    return PlanRelease.objects.filter(edition_id=edition_id).order_by("-number").first()


def working_hall(hall: Hall) -> DrawnHall:
    """The organiser's plan of one hall: booths as stored, states from the working plan."""
    drawn = _hall(hall)
    booths = list(Booth.objects.filter(hall=hall).select_related("zone"))
    assignments = {
        a.booth_id: a
        for a in BoothAssignment.objects.filter(booth__hall=hall).select_related(
            "application__participation__enterprise"
        )
    }
    release = latest_release(hall.edition_id)
    published = (
        set(
            release.entries.filter(booth__hall=hall, participation__isnull=False).values_list(
                "booth_id", "participation_id"
            )
        )
        if release
        else set()
    )
    zoned = []
    for booth in booths:
        assignment = assignments.get(booth.pk)
        participation = assignment.application.participation if assignment else None
        enterprise = participation.enterprise if participation else None
        item = DrawnBooth(
            key=booth_key(hall.code, booth.code),
            code=booth.code,
            x=float(booth.x),
            y=float(booth.y),
            width=float(booth.width),
            depth=float(booth.depth),
            state=booth_state(
                blocked=booth.is_blocked,
                assigned=participation is not None,
                published=participation is not None and (booth.pk, participation.pk) in published,
            ),
            exhibitor=enterprise.display_name if enterprise else "",
            exhibitor_other=enterprise.other_name if enterprise else "",
            zone=booth.zone.name if booth.zone else "",
            pk=booth.pk,
            version=booth.version,
            participation=participation,
        )
        drawn.booths.append(item)
        zoned.append((item.zone, item))
    drawn.zones = _zones(zoned)
    return drawn


PUBLISHED_STATES = {
    PublishedState.FREE: BoothState.FREE,
    PublishedState.TAKEN: BoothState.TAKEN,
    PublishedState.BLOCKED: BoothState.BLOCKED,
}


def published_halls(release: PlanRelease | None) -> list[DrawnHall]:
    """What visitors see: each hall of the release with its booths, as it froze them
    (nothing before the first release)."""
    if release is None:
        return []
    halls = list(release.halls.all())
    drawn = {hall.pk: _hall(hall) for hall in halls}
    zoned: dict[int, list[tuple[str, DrawnBooth]]] = {pk: [] for pk in drawn}
    entries = (
        release.entries.filter(hall__isnull=False)
        .select_related("participation__enterprise", "participation__exhibitor_application")
        .prefetch_related("participation__enterprise__fields")
    )
    for entry in entries:
        hall = drawn[entry.hall_id]  # type: ignore[index]
        participation = entry.participation
        enterprise = participation.enterprise if participation else None
        x, y, width, depth = (float(v) for v in entry.geometry)
        item = DrawnBooth(
            key=booth_key(entry.hall_code, entry.booth_code),
            code=entry.booth_code,
            x=x,
            y=y,
            width=width,
            depth=depth,
            state=PUBLISHED_STATES.get(PublishedState(entry.state), BoothState.FREE),
            exhibitor=enterprise.display_name if enterprise else "",
            exhibitor_other=enterprise.other_name if enterprise else "",
            zone=entry.zone_name,
            participation=participation,
        )
        hall.booths.append(item)
        zoned[entry.hall_id].append((item.zone, item))  # type: ignore[index]
    for pk, hall in drawn.items():
        hall.zones = _zones(zoned[pk])
    return list(drawn.values())


# --- SVG -----------------------------------------------------------------------------------


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def fit_text(text: str, width: float, size: float) -> str:
    """``text`` cut to what fits ``width`` metres at ``size`` (wide characters count twice;
    room is kept for the ellipsis of a cut text)."""
    room = width / (size * 0.56)

    def cost(ch: str) -> float:
        return 1.9 if ord(ch) > 0x2E80 else 1.0

    if sum(cost(ch) for ch in text) <= room:
        return text
    used, out = 1.0, []
    for ch in text:
        used += cost(ch)
        if used > room:
            break
        out.append(ch)
    return "".join(out).rstrip() + "…" if out else ""


def state_label(state: BoothState) -> str:
    return str(STATES[state][0])


def booth_description(booth: DrawnBooth) -> str:
    """What a screen reader says of a booth (and its tooltip)."""
    parts = [_("Booth %(booth)s") % {"booth": booth.code}, state_label(booth.state)]
    if booth.exhibitor:
        name = booth.exhibitor
        if booth.exhibitor_other:
            name = f"{name} ({booth.exhibitor_other})"
        parts.append(name)
    if booth.zone:
        parts.append(booth.zone)
    parts.append(
        _("%(width)s × %(depth)s m") % {"width": _n(booth.width), "depth": _n(booth.depth)}
    )
    return ", ".join(parts)


def render_svg(
    hall: DrawnHall,
    *,
    mode: str = "public",
    selected: str = "",
    link: str = "#{key}",
    show_names: bool = True,
) -> SafeString:
    """The hall as an inline SVG element.

    ``mode``: "public" (each taken booth a link to its exhibitor's panel: ``link`` with
    ``{key}``) or "editor" (each booth a focusable group carrying its id and version for the
    editor's script; ``link`` with ``{pk}`` selects it without script).
    """
    m = MARGIN
    box = f"{_n(-m)} {_n(-m)} {_n(hall.width + 2 * m)} {_n(hall.depth + 2 * m)}"
    title = _("Floor plan of %(hall)s") % {"hall": hall.name}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="floorplan floorplan-{mode}" '
        f'viewBox="{box}" role="group" aria-label={quoteattr(title)} '
        f'data-hall-width="{_n(hall.width)}" data-hall-depth="{_n(hall.depth)}" '
        f'preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(title)}</title>",
        f'<rect class="hall-floor" x="0" y="0" width="{_n(hall.width)}" '
        f'height="{_n(hall.depth)}"/>',
    ]
    for zone in hall.zones:
        out.append(
            f'<g class="zone"><title>{escape(_("Zone: %(zone)s") % {"zone": zone.name})}</title>'
            f'<rect x="{_n(zone.x - 0.3)}" y="{_n(zone.y - 0.3)}" width="{_n(zone.width + 0.6)}" '
            f'height="{_n(zone.depth + 0.6)}" rx="0.4"/>'
            f'<text class="zone-name" x="{_n(zone.x - 0.2)}" y="{_n(zone.y - 0.45)}">'
            f"{escape(fit_text(zone.name, max(zone.width, 6), 0.7))}</text></g>"
        )
    for ex, ey in hall.entrances:
        label = _("Entrance")
        out.append(
            f'<g class="entrance" role="img" aria-label={quoteattr(label)}>'
            f"<title>{escape(label)}</title>"
            f'<circle cx="{_n(ex)}" cy="{_n(ey)}" r="0.8"/>'
            f'<path d="M{_n(ex - 0.4)} {_n(ey)} L{_n(ex + 0.4)} {_n(ey)} '
            f'M{_n(ex)} {_n(ey - 0.4)} L{_n(ex)} {_n(ey + 0.4)}"/></g>'
        )
    for booth in hall.booths:
        out.append(_booth(booth, mode=mode, selected=selected, link=link, show_names=show_names))
    out.append("</svg>")
    return mark_safe("".join(out))  # every text above is escaped


def _booth(booth: DrawnBooth, *, mode: str, selected: str, link: str, show_names: bool) -> str:
    fill, ink = STATES[booth.state][1], STATES[booth.state][2]
    classes = f"booth state-{booth.state.value}" + (" selected" if booth.key == selected else "")
    description = booth_description(booth)
    size = min(0.9, max(0.35, min(booth.width, booth.depth) / 3.2))
    cx = booth.x + booth.width / 2
    shapes = (
        f"<title>{escape(description)}</title>"
        f'<rect x="{_n(booth.x)}" y="{_n(booth.y)}" width="{_n(booth.width)}" '
        f'height="{_n(booth.depth)}" fill="{fill}"/>'
    )
    name = booth.exhibitor if show_names else ""
    code_y = booth.y + (booth.depth / 2 if not name else booth.depth / 2 - size * 0.15)
    shapes += (
        f'<text class="booth-code" x="{_n(cx)}" y="{_n(code_y)}" fill="{ink}" '
        f'font-size="{_n(size)}">{escape(fit_text(booth.code, booth.width - 0.2, size))}</text>'
    )
    if name:
        small = size * 0.75
        shapes += (
            f'<text class="booth-name" x="{_n(cx)}" y="{_n(code_y + size * 1.05)}" '
            f'fill="{ink}" font-size="{_n(small)}">'
            f"{escape(fit_text(name, booth.width - 0.2, small))}</text>"
        )
    if mode == "editor":
        href = link.format(pk=booth.pk, key=booth.key)
        return (
            f'<a href={quoteattr(href)} id="{booth.key}" class="{classes}" '
            f'data-booth="{booth.pk}" data-version="{booth.version}" '
            f'data-x="{_n(booth.x)}" data-y="{_n(booth.y)}" data-width="{_n(booth.width)}" '
            f'data-depth="{_n(booth.depth)}" aria-label={quoteattr(description)}>{shapes}</a>'
        )
    if booth.participation is not None:
        href = link.format(key=booth.key)
        return (
            f'<a href={quoteattr(href)} class="{classes}" data-panel="panel-{booth.key}" '
            f"aria-label={quoteattr(description)}>{shapes}</a>"
        )
    return f'<g class="{classes}" role="img" aria-label={quoteattr(description)}>{shapes}</g>'
