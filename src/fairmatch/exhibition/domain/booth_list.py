"""A booth list (CSV or XLSX, read by the spreadsheets import) checked against the plan and
written all or nothing, under the halls' locks, with the plan's own rules (``plan``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.exhibition.domain.locks import lock_hall
from fairmatch.exhibition.domain.plan import (
    PlanError,
    assigned_name,
    booth_label,
    metres,
    rect_of,
    refresh_open_sides,
)
from fairmatch.exhibition.engine.geometry import Rect, inside, overlaps
from fairmatch.exhibition.models import Booth, BoothAssignment, BoothKind, Hall, Zone


@dataclass(frozen=True)
class BoothRow:
    """One line of a booth list: ``line`` is its line in the file (for messages)."""

    line: int
    hall: str
    code: str
    x: Decimal
    y: Decimal
    width: Decimal
    depth: Decimal
    kind: str = BoothKind.SHELL
    price_band: str = ""
    zone: str = ""
    is_blocked: bool = False


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str  # a column key of the booth list: hall, booth, x, y, width, depth, zone...
    text: str  # a msgid, shown in the reader's language with ``params``
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return _(self.text) % self.params


def find_zone(hall: Hall, name: str, zones: Iterable[Zone] | None = None) -> Zone | None:
    """The hall's zone named ``name`` (English or Chinese name, case ignored)."""
    wanted = name.strip().casefold()
    for zone in zones if zones is not None else hall.zones.all():
        if wanted in (zone.name_en.casefold(), zone.name_zh.casefold()):
            return zone
    return None


def check_booth_rows(*, edition: Edition, rows: Sequence[BoothRow]) -> list[RowProblem]:
    """Every problem of a booth list against the edition's plan, each at its line and column:
    an unknown hall or zone, a booth twice, a booth outside its hall, overlapping booths
    (with each other or with booths of the plan not in the list), an assignment broken.

    A booth already in the plan (same hall and number) is moved and resized to the row.
    """
    problems: list[RowProblem] = []
    halls = {h.code.casefold(): h for h in Hall.objects.filter(edition=edition)}
    zones: dict[int, list[Zone]] = {}
    for zone in Zone.objects.filter(hall__edition=edition):
        zones.setdefault(zone.hall_id, []).append(zone)
    existing = {
        (b.hall_id, b.code.casefold()): b
        for b in Booth.objects.filter(hall__edition=edition).select_related("hall")
    }
    assigned = {
        a.booth_id: a
        for a in BoothAssignment.objects.filter(booth__hall__edition=edition).select_related(
            "application__participation__enterprise"
        )
    }
    seen: dict[tuple[int, str], int] = {}
    placed: dict[int, list[tuple[str, int, Rect]]] = {}  # hall -> (label, line, rect)
    listed: set[int] = set()
    for row in rows:
        hall = halls.get(row.hall.strip().casefold())
        if hall is None:
            problems.append(
                RowProblem(
                    row.line,
                    "hall",
                    gettext_noop("The edition has no hall %(hall)s."),
                    {"hall": row.hall},
                )
            )
            continue
        label = f"{hall.code}-{row.code}"
        key = (hall.pk, row.code.strip().casefold())
        if key in seen:
            problems.append(
                RowProblem(
                    row.line,
                    "booth",
                    gettext_noop("Booth %(booth)s is listed twice (first on line %(first)s)."),
                    {"booth": label, "first": seen[key]},
                )
            )
            continue
        seen[key] = row.line
        if row.zone and find_zone(hall, row.zone, zones.get(hall.pk, [])) is None:
            problems.append(
                RowProblem(
                    row.line,
                    "zone",
                    gettext_noop("Hall %(hall)s has no zone %(zone)s."),
                    {"hall": hall.code, "zone": row.zone},
                )
            )
        rect = Rect(float(row.x), float(row.y), float(row.width), float(row.depth))
        if not inside(rect, rect_of(hall)):
            problems.append(
                RowProblem(
                    row.line,
                    "x",
                    gettext_noop(
                        "Booth %(booth)s lies outside hall %(hall)s (%(width)s × %(depth)s m)."
                    ),
                    {
                        "booth": label,
                        "hall": hall.code,
                        "width": str(hall.width),
                        "depth": str(hall.depth),
                    },
                )
            )
            continue
        current = existing.get(key)
        if current is not None:
            listed.add(current.pk)
            assignment = assigned.get(current.pk)
            if assignment is not None:
                area = row.width * row.depth
                application = assignment.application
                if row.is_blocked or not application.min_area <= area <= application.max_area:
                    problems.append(
                        RowProblem(
                            row.line,
                            "booth",
                            gettext_noop(
                                "Booth %(booth)s is assigned to %(exhibitor)s in the working "
                                "plan; this row would break that assignment."
                            ),
                            {"booth": label, "exhibitor": assigned_name(assignment)},
                        )
                    )
        for other_label, other_line, other_rect in placed.get(hall.pk, []):
            if overlaps(rect, other_rect):
                problems.append(
                    RowProblem(
                        row.line,
                        "x",
                        gettext_noop(
                            "Booth %(booth)s overlaps booth %(other)s (line %(other_line)s)."
                        ),
                        {"booth": label, "other": other_label, "other_line": other_line},
                    )
                )
                break
        placed.setdefault(hall.pk, []).append((label, row.line, rect))
    for booth in existing.values():
        if booth.pk in listed:
            continue
        for label, line, rect in placed.get(booth.hall_id, []):
            if overlaps(rect, rect_of(booth)):
                problems.append(
                    RowProblem(
                        line,
                        "x",
                        gettext_noop("Booth %(booth)s overlaps booth %(other)s of the plan."),
                        {"booth": label, "other": booth_label(booth)},
                    )
                )
    return sorted(problems, key=lambda p: p.line)


def import_booths(*, edition: Edition, rows: Sequence[BoothRow], user: Any) -> dict[str, int]:
    """Write a booth list, all or nothing: booths are added, or moved and changed where the
    hall already has the number. Checked again under the halls' locks.

    Side effects: versions of changed booths grow; open sides derived again; audit entry
    ``exhibition.booth.import`` per hall with the counts. Raises ``PlanError`` naming the
    first problem (with its line) when the list no longer fits the plan.
    """
    counts = {"created": 0, "updated": 0}
    with transaction.atomic():
        halls = {h.code.casefold(): h for h in Hall.objects.filter(edition=edition)}
        for hall in sorted(halls.values(), key=lambda h: h.pk):
            lock_hall(hall.pk)
        problems = check_booth_rows(edition=edition, rows=rows)
        if problems:
            first = problems[0]
            raise PlanError(
                _("Line %(line)s, column %(column)s: %(problem)s")
                % {"line": first.line, "column": first.column, "problem": first.message}
            )
        touched: dict[int, dict[str, int]] = {}
        for row in rows:
            hall = halls[row.hall.strip().casefold()]
            booth = Booth.objects.filter(hall=hall, code__iexact=row.code.strip()).first()
            created = booth is None
            if booth is None:
                booth = Booth(hall=hall, code=row.code.strip())
            else:
                booth.version += 1
            booth.x, booth.y = metres(row.x), metres(row.y)
            booth.width, booth.depth = metres(row.width), metres(row.depth)
            booth.kind, booth.price_band = row.kind, row.price_band
            booth.zone = find_zone(hall, row.zone) if row.zone else None
            booth.is_blocked = row.is_blocked
            booth.save()
            key = "created" if created else "updated"
            counts[key] += 1
            touched.setdefault(hall.pk, {"created": 0, "updated": 0})[key] += 1
        for hall in halls.values():
            if hall.pk in touched:
                refresh_open_sides(hall)
                record_action(
                    actor=user, action="exhibition.booth.import", target=hall, data=touched[hall.pk]
                )
    return counts
