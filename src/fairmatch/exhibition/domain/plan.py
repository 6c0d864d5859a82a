"""Editing the floor plan: halls, zones and booths, checked against the hall's geometry.

Every write runs in one transaction under the hall's lock (see ``locks``), checks the
result before it saves anything, and is recorded in the audit log. A refused edit raises
``PlanError`` with a translated message naming the booths concerned; nothing is saved.

Checks on every booth change:
- the booth lies inside its hall and overlaps no other booth of the hall;
- the page's ``version`` of each booth changed is the stored one (a stale page is refused);
- a booth assigned to an exhibitor (the working plan) keeps what the assignment needs: it
  is not blocked, split or merged away, and its area stays in the exhibitor's asked range.

After every change the open sides (row, corner, peninsula, island) of the hall's booths are
derived again from the geometry, so the changed booth's neighbours follow.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.exhibition.domain.locks import lock_booths, lock_hall
from fairmatch.exhibition.engine.geometry import Rect, inside, open_side_count, overlaps
from fairmatch.exhibition.engine.geometry import adjacent as rects_adjacent
from fairmatch.exhibition.models import Booth, BoothAssignment, BoothKind, Hall, OpenSides, Zone

CENTIMETRE = Decimal("0.01")
SMALLEST = Decimal("0.5")
SIDES_BY_COUNT = {
    0: OpenSides.ROW,
    1: OpenSides.ROW,
    2: OpenSides.CORNER,
    3: OpenSides.PENINSULA,
    4: OpenSides.ISLAND,
}


class PlanError(Exception):
    """A refused edit of the plan; the message (translated) says why and names the booths."""


class StaleEdit(PlanError):
    """The page that asked for the edit showed an older version of a booth."""


def metres(value: Any) -> Decimal:
    """A length as stored: a Decimal to the centimetre."""
    return Decimal(str(value)).quantize(CENTIMETRE, rounding=ROUND_HALF_UP)


def rect_of(booth: Booth | Hall) -> Rect:
    if isinstance(booth, Hall):
        return Rect(0.0, 0.0, float(booth.width), float(booth.depth))
    return Rect(float(booth.x), float(booth.y), float(booth.width), float(booth.depth))


def booth_label(booth: Booth, hall: Hall | None = None) -> str:
    """How messages name a booth: hall code and booth number."""
    return f"{(hall or booth.hall).code}-{booth.code}"


# --- Checks --------------------------------------------------------------------------------


def _check_size(code: str, width: Decimal, depth: Decimal, x: Decimal, y: Decimal) -> None:
    if width < SMALLEST or depth < SMALLEST:
        raise PlanError(
            _("Booth %(booth)s must be at least %(smallest)s m wide and deep.")
            % {"booth": code, "smallest": SMALLEST}
        )
    if x < 0 or y < 0:
        raise PlanError(
            _("Booth %(booth)s must lie inside its hall: x and y start at 0.") % {"booth": code}
        )


def _check_geometry(hall: Hall, changed: Sequence[Booth], removed: Iterable[int] = ()) -> None:
    """Refuse booths outside the hall or overlapping another booth of the hall."""
    hall_rect = rect_of(hall)
    for booth in changed:
        _check_size(booth_label(booth, hall), booth.width, booth.depth, booth.x, booth.y)
        if not inside(rect_of(booth), hall_rect):
            raise PlanError(
                _(
                    "Booth %(booth)s (%(x)s, %(y)s, %(width)s × %(depth)s m) lies outside "
                    "hall %(hall)s (%(hall_width)s × %(hall_depth)s m)."
                )
                % {
                    "booth": booth_label(booth, hall),
                    "x": booth.x,
                    "y": booth.y,
                    "width": booth.width,
                    "depth": booth.depth,
                    "hall": hall.code,
                    "hall_width": hall.width,
                    "hall_depth": hall.depth,
                }
            )
    skip = {b.pk for b in changed if b.pk} | set(removed)
    others = [b for b in Booth.objects.filter(hall=hall) if b.pk not in skip] + list(changed)
    for booth in changed:
        for other in others:
            if other is booth:
                continue
            if overlaps(rect_of(booth), rect_of(other)):
                raise PlanError(
                    _("Booth %(booth)s would overlap booth %(other)s.")
                    % {"booth": booth_label(booth, hall), "other": booth_label(other, hall)}
                )
    codes: dict[str, Booth] = {}
    for booth in others:
        if booth.code in codes:
            raise PlanError(
                _("Hall %(hall)s has booth number %(code)s twice.")
                % {"hall": hall.code, "code": booth.code}
            )
        codes[booth.code] = booth


def _check_version(booth: Booth, version: int | None) -> None:
    if version is not None and int(version) != booth.version:
        raise StaleEdit(
            _(
                "Booth %(booth)s was changed since this page was loaded (by another "
                "organiser or in another tab). Nothing was saved: reload the plan and try again."
            )
            % {"booth": booth_label(booth)}
        )


def _assignment(booth: Booth) -> BoothAssignment | None:
    return (
        BoothAssignment.objects.select_related("application__participation__enterprise")
        .filter(booth_id=booth.pk)
        .first()
    )


def assigned_name(assignment: BoothAssignment) -> str:
    return assignment.application.participation.enterprise.display_name


def _check_assignment_kept(booth: Booth, *, action: str) -> None:
    """Refuse a change that would break the booth's assignment in the working plan.

    ``action``: "edit" (area range, blocking), "split", "merge", "delete".
    """
    assignment = _assignment(booth)
    if assignment is None:
        return
    names = {"booth": booth_label(booth), "exhibitor": assigned_name(assignment)}
    if action in ("split", "merge", "delete"):
        raise PlanError(
            _(
                "Booth %(booth)s is assigned to %(exhibitor)s in the working plan; splitting, "
                "merging or removing it would break that assignment. Move the exhibitor to "
                "another booth first."
            )
            % names
        )
    if booth.is_blocked:
        raise PlanError(
            _(
                "Booth %(booth)s is assigned to %(exhibitor)s in the working plan; blocking "
                "it would break that assignment. Move the exhibitor to another booth first."
            )
            % names
        )
    application = assignment.application
    area = booth.width * booth.depth
    if not application.min_area <= area <= application.max_area:
        raise PlanError(
            _(
                "Booth %(booth)s is assigned to %(exhibitor)s, who asked for %(min)s to "
                "%(max)s m²; at %(area)s m² the assignment would break. Move the exhibitor "
                "to another booth first."
            )
            % {
                **names,
                "min": application.min_area.normalize(),
                "max": application.max_area.normalize(),
                "area": area.normalize(),
            }
        )


def _check_zone(hall: Hall, zone: Zone | None) -> None:
    if zone is not None and zone.hall_id != hall.pk:
        raise PlanError(
            _("Zone %(zone)s is not in hall %(hall)s.") % {"zone": zone.name, "hall": hall.code}
        )


# --- Open sides ----------------------------------------------------------------------------


def refresh_open_sides(hall: Hall) -> int:
    """Derive the open sides of every booth of the hall from the geometry; saves the changed
    ones and returns how many changed."""
    booths = list(Booth.objects.filter(hall=hall))
    hall_rect = rect_of(hall)
    rects = {booth.pk: rect_of(booth) for booth in booths}
    changed = []
    for booth in booths:
        others = [rect for pk, rect in rects.items() if pk != booth.pk]
        sides = SIDES_BY_COUNT[open_side_count(rects[booth.pk], others, hall_rect)]
        if booth.open_sides != sides:
            booth.open_sides = sides
            changed.append(booth)
    Booth.objects.bulk_update(changed, ["open_sides"])
    return len(changed)


def _geometry(booth: Booth) -> list[str]:
    return [str(booth.x), str(booth.y), str(booth.width), str(booth.depth)]


# --- Halls and zones -----------------------------------------------------------------------


def _entrances(entrances: Iterable[Sequence[Any]], width: Decimal, depth: Decimal) -> list:
    points = []
    for point in entrances:
        x, y = metres(point[0]), metres(point[1])
        if not (0 <= x <= width and 0 <= y <= depth):
            raise PlanError(
                _("The entrance at (%(x)s, %(y)s) lies outside the hall.") % {"x": x, "y": y}
            )
        points.append([float(x), float(y)])
    return points


def create_hall(
    *,
    edition: Edition,
    code: str,
    name_en: str,
    name_zh: str = "",
    width: Decimal,
    depth: Decimal,
    entrances: Iterable[Sequence[Any]] = (),
    user: Any,
) -> Hall:
    """Add a hall to the edition. Side effects: audit entry ``exhibition.hall.create``."""
    width, depth = metres(width), metres(depth)
    if width < SMALLEST or depth < SMALLEST:
        raise PlanError(
            _("A hall must be at least %(smallest)s m wide and deep.") % {"smallest": SMALLEST}
        )
    with transaction.atomic():
        if Hall.objects.filter(edition=edition, code=code).exists():
            raise PlanError(_("The edition already has a hall %(hall)s.") % {"hall": code})
        hall = Hall.objects.create(
            edition=edition,
            code=code,
            name_en=name_en,
            name_zh=name_zh,
            width=width,
            depth=depth,
            entrances=_entrances(entrances, width, depth),
            position=Hall.objects.filter(edition=edition).count(),
        )
        record_action(
            actor=user,
            action="exhibition.hall.create",
            target=hall,
            data={"width": str(width), "depth": str(depth)},
        )
    return hall


def update_hall(
    *,
    hall_id: int,
    name_en: str,
    name_zh: str = "",
    width: Decimal,
    depth: Decimal,
    entrances: Iterable[Sequence[Any]] = (),
    user: Any,
) -> Hall:
    """Rename or resize a hall; refused when a booth would end up outside it.

    Side effects: open sides derived again; audit entry ``exhibition.hall.update``.
    """
    width, depth = metres(width), metres(depth)
    with transaction.atomic():
        hall = lock_hall(hall_id)
        hall.name_en, hall.name_zh, hall.width, hall.depth = name_en, name_zh, width, depth
        if width < SMALLEST or depth < SMALLEST:
            raise PlanError(
                _("A hall must be at least %(smallest)s m wide and deep.") % {"smallest": SMALLEST}
            )
        hall.entrances = _entrances(entrances, width, depth)
        outside = [
            booth_label(b, hall)
            for b in Booth.objects.filter(hall=hall)
            if not inside(rect_of(b), rect_of(hall))
        ]
        if outside:
            raise PlanError(
                _("Booths %(booths)s would lie outside hall %(hall)s at %(width)s × %(depth)s m.")
                % {"booths": ", ".join(outside), "hall": hall.code, "width": width, "depth": depth}
            )
        hall.save()
        refresh_open_sides(hall)
        record_action(
            actor=user,
            action="exhibition.hall.update",
            target=hall,
            data={"width": str(width), "depth": str(depth), "entrances": hall.entrances},
        )
    return hall


def create_zone(
    *,
    hall: Hall,
    name_en: str,
    name_zh: str = "",
    kind: str = Zone.Kind.OTHER,
    country: str = "",
    field: Any = None,
    user: Any,
) -> Zone:
    """Add a zone (a pavilion or an area) to a hall.

    Side effects: audit entry ``exhibition.zone.create``.
    """
    with transaction.atomic():
        zone = Zone.objects.create(
            hall=hall, name_en=name_en, name_zh=name_zh, kind=kind, country=country, field=field
        )
        record_action(actor=user, action="exhibition.zone.create", target=zone)
    return zone


def update_zone(
    *, zone: Zone, name_en: str, name_zh: str = "", kind: str, country: str = "", user: Any
) -> Zone:
    """Rename or re-kind a zone. Side effects: audit entry ``exhibition.zone.update``."""
    with transaction.atomic():
        zone.name_en, zone.name_zh, zone.kind, zone.country = name_en, name_zh, kind, country
        zone.save()
        record_action(actor=user, action="exhibition.zone.update", target=zone)
    return zone


def delete_zone(*, zone: Zone, user: Any) -> None:
    """Remove a zone; its booths stay, outside any zone, and exhibitors who preferred it
    keep their application with no zone preferred.

    Side effects: audit entry ``exhibition.zone.delete`` (recorded before the row goes).
    """
    with transaction.atomic():
        record_action(actor=user, action="exhibition.zone.delete", target=zone)
        zone.delete()


# --- Booths --------------------------------------------------------------------------------


def add_booth(
    *,
    hall: Hall,
    code: str,
    x: Decimal,
    y: Decimal,
    width: Decimal,
    depth: Decimal,
    kind: str = BoothKind.SHELL,
    price_band: str = "",
    zone: Zone | None = None,
    is_blocked: bool = False,
    user: Any,
) -> Booth:
    """Add a booth to a hall, refused when it overlaps another or lies outside the hall.

    Side effects: open sides of the hall derived again; audit entry ``exhibition.booth.add``.
    """
    code = code.strip()
    if not code:
        raise PlanError(_("Give the booth a number."))
    with transaction.atomic():
        hall = lock_hall(hall.pk)
        _check_zone(hall, zone)
        booth = Booth(
            hall=hall,
            code=code,
            x=metres(x),
            y=metres(y),
            width=metres(width),
            depth=metres(depth),
            kind=kind,
            price_band=price_band,
            zone=zone,
            is_blocked=is_blocked,
        )
        _check_geometry(hall, [booth])
        booth.save()
        refresh_open_sides(hall)
        record_action(
            actor=user, action="exhibition.booth.add", target=booth, data={"at": _geometry(booth)}
        )
    booth.refresh_from_db()
    return booth


EDITABLE = ("code", "x", "y", "width", "depth", "kind", "price_band", "zone", "is_blocked")
LENGTHS = ("x", "y", "width", "depth")


def edit_booth(*, booth_id: int, version: int | None, user: Any, **changes: Any) -> Booth:
    """Change a booth's number, place, size, type, price band, zone or blocked flag.

    ``version`` is the booth's version the page showed (``None`` skips the check: imports).
    Side effects: the version grows; open sides of the hall derived again; audit entry
    ``exhibition.booth.edit`` with the fields before and after.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        hall_id = Booth.objects.values_list("hall_id", flat=True).get(pk=booth_id)
        hall = lock_hall(hall_id)
        (booth,) = lock_booths([booth_id])
        _check_version(booth, version)
        before = {name: str(getattr(booth, name)) for name in EDITABLE}
        for name, value in changes.items():
            if name in LENGTHS:
                value = metres(value)
            if name == "code":
                value = str(value).strip()
                if not value:
                    raise PlanError(_("Give the booth a number."))
            setattr(booth, name, value)
        if "zone" in changes:
            _check_zone(hall, changes["zone"])
        booth.hall = hall
        _check_geometry(hall, [booth])
        _check_assignment_kept(booth, action="edit")
        booth.version = F("version") + 1
        booth.save()
        booth.refresh_from_db()
        refresh_open_sides(hall)
        after = {name: str(getattr(booth, name)) for name in EDITABLE}
        record_action(
            actor=user,
            action="exhibition.booth.edit",
            target=booth,
            data={
                "before": {k: v for k, v in before.items() if v != after[k]},
                "after": {k: v for k, v in after.items() if v != before[k]},
            },
        )
    booth.refresh_from_db()
    return booth


def move_booth(*, booth_id: int, version: int | None, x: Decimal, y: Decimal, user: Any) -> Booth:
    """Move a booth (its north-west corner to x, y); see ``edit_booth``."""
    return edit_booth(booth_id=booth_id, version=version, x=x, y=y, user=user)


def resize_booth(
    *, booth_id: int, version: int | None, width: Decimal, depth: Decimal, user: Any
) -> Booth:
    """Resize a booth from its north-west corner; see ``edit_booth``."""
    return edit_booth(booth_id=booth_id, version=version, width=width, depth=depth, user=user)


def set_blocked(*, booth_id: int, version: int | None, blocked: bool, user: Any) -> Booth:
    """Block a booth (a pillar, a stage: kept out of allocation) or free it again."""
    return edit_booth(booth_id=booth_id, version=version, is_blocked=blocked, user=user)


def split_booth(
    *,
    booth_id: int,
    version: int | None,
    axis: str,
    at: Decimal | None = None,
    new_code: str = "",
    user: Any,
) -> tuple[Booth, Booth]:
    """Split a booth in two along ``axis`` ("x": a west and an east part; "y": a north and a
    south part), ``at`` metres from its west (or north) side (half way by default).

    The west/north part keeps the booth (its number, type, zone); the other gets
    ``new_code`` (the number with "B" appended by default). Side effects: versions grow;
    open sides derived again; audit entry ``exhibition.booth.split``.
    """
    if axis not in ("x", "y"):
        raise PlanError(_("Split along x (west and east parts) or y (north and south parts)."))
    with transaction.atomic():
        hall_id = Booth.objects.values_list("hall_id", flat=True).get(pk=booth_id)
        hall = lock_hall(hall_id)
        (booth,) = lock_booths([booth_id])
        booth.hall = hall
        _check_version(booth, version)
        _check_assignment_kept(booth, action="split")
        length = booth.width if axis == "x" else booth.depth
        cut = metres(at) if at is not None else metres(length / 2)
        if not SMALLEST <= cut <= length - SMALLEST:
            raise PlanError(
                _(
                    "Booth %(booth)s cannot be split %(at)s m from its side: each part must be "
                    "at least %(smallest)s m (the booth is %(length)s m along that side)."
                )
                % {
                    "booth": booth_label(booth, hall),
                    "at": cut,
                    "smallest": SMALLEST,
                    "length": length,
                }
            )
        other = Booth(
            hall=hall,
            code=(new_code or f"{booth.code}B").strip(),
            kind=booth.kind,
            price_band=booth.price_band,
            zone=booth.zone,
            is_blocked=booth.is_blocked,
        )
        if axis == "x":
            other.x, other.y = booth.x + cut, booth.y
            other.width, other.depth = booth.width - cut, booth.depth
            booth.width = cut
        else:
            other.x, other.y = booth.x, booth.y + cut
            other.width, other.depth = booth.width, booth.depth - cut
            booth.depth = cut
        _check_geometry(hall, [booth, other])
        booth.version = F("version") + 1
        booth.save()
        other.save()
        refresh_open_sides(hall)
        record_action(
            actor=user,
            action="exhibition.booth.split",
            target=booth,
            data={"axis": axis, "at": str(cut), "new": other.code, "new_id": other.pk},
        )
    booth.refresh_from_db()
    other.refresh_from_db()
    return booth, other


def merge_booths(
    *,
    booth_id: int,
    version: int | None,
    other_id: int,
    other_version: int | None = None,
    user: Any,
) -> Booth:
    """Merge two adjacent booths whose union is a rectangle into the first; the second goes.

    Side effects: the first's version grows; open sides derived again; audit entry
    ``exhibition.booth.merge`` naming the booth removed.
    """
    if booth_id == other_id:
        raise PlanError(_("Choose two different booths to merge."))
    with transaction.atomic():
        hall_id = Booth.objects.values_list("hall_id", flat=True).get(pk=booth_id)
        hall = lock_hall(hall_id)
        booths = {b.pk: b for b in lock_booths([booth_id, other_id])}
        if other_id not in booths:
            raise PlanError(_("The other booth no longer exists; reload the plan."))
        booth, other = booths[booth_id], booths[other_id]
        booth.hall = hall
        if other.hall_id != hall.pk:
            raise PlanError(
                _("Booths %(booth)s and %(other)s are in different halls.")
                % {"booth": booth_label(booth, hall), "other": booth_label(other)}
            )
        other.hall = hall
        _check_version(booth, version)
        _check_version(other, other_version)
        a, b = rect_of(booth), rect_of(other)
        union_x, union_y = min(a.x, b.x), min(a.y, b.y)
        union_w, union_d = max(a.right, b.right) - union_x, max(a.bottom, b.bottom) - union_y
        is_rectangle = abs(union_w * union_d - (a.area + b.area)) < 1e-6
        if not rects_adjacent(a, b) or not is_rectangle:
            raise PlanError(
                _(
                    "Booths %(booth)s and %(other)s cannot be merged: only two booths side by "
                    "side, sharing a whole wall, make one rectangular booth."
                )
                % {"booth": booth_label(booth, hall), "other": booth_label(other, hall)}
            )
        _check_assignment_kept(booth, action="merge")
        _check_assignment_kept(other, action="merge")
        booth.x, booth.y = metres(union_x), metres(union_y)
        booth.width, booth.depth = metres(union_w), metres(union_d)
        removed = {"code": other.code, "id": other.pk, "at": _geometry(other)}
        _check_geometry(hall, [booth], removed=[other.pk])
        other.delete()
        booth.version = F("version") + 1
        booth.save()
        refresh_open_sides(hall)
        record_action(
            actor=user, action="exhibition.booth.merge", target=booth, data={"removed": removed}
        )
    booth.refresh_from_db()
    return booth


def delete_booth(*, booth_id: int, version: int | None, user: Any) -> None:
    """Remove a booth that no exhibitor is assigned to. Side effects: open sides derived
    again; audit entry ``exhibition.booth.delete``."""
    with transaction.atomic():
        hall_id = Booth.objects.values_list("hall_id", flat=True).get(pk=booth_id)
        hall = lock_hall(hall_id)
        (booth,) = lock_booths([booth_id])
        booth.hall = hall
        _check_version(booth, version)
        _check_assignment_kept(booth, action="delete")
        record_action(
            actor=user,
            action="exhibition.booth.delete",
            target=booth,
            data={"code": booth.code, "at": _geometry(booth)},
        )
        booth.delete()
        refresh_open_sides(hall)
