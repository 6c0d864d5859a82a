"""Read side of the published schedule: agendas and table plans, from a release's rows alone.

Everything here reads ``ReleaseEntry`` rows (what the release froze), never the working
schedule, the tables or the enterprises as they are now.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q

from fairmatch.conference.models import Edition
from fairmatch.core.models import is_chinese_active
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.domain.places import booth_label
from fairmatch.scheduling.domain.releases import latest_release
from fairmatch.scheduling.models import Release, ReleaseEntry


def display_name(name_original: str, name_en: str) -> str:
    """An enterprise's name for the reader: the original in Chinese, else the English one
    (the rule of ``Enterprise.display_name``, applied to frozen names)."""
    if is_chinese_active() or name_original == name_en or not name_en:
        return name_original
    return name_en


def table_label(number: int | None, zone: str) -> str:
    """'7 (Hall A)', '7', or '' for a meeting without a table."""
    if number is None:
        return ""
    return f"{number} ({zone})" if zone else str(number)


def place_label(entry: "ReleaseEntry | AgendaItem | TablePlanRow") -> str:
    """Where a released meeting takes place: the booth, else the table."""
    if entry.booth_code:
        return booth_label(entry.booth_hall_en, entry.booth_hall_zh, entry.booth_code)
    return table_label(entry.table_number, entry.table_zone)


def _demand_text(entry: ReleaseEntry) -> str:
    field = entry.demand_field_zh if is_chinese_active() and entry.demand_field_zh else ""
    field = field or entry.demand_field_en
    if not field and not entry.demand_description:
        return ""
    return f"{field}: {entry.demand_description}"


@dataclass(frozen=True)
class AgendaItem:
    meeting_id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    table_number: int | None
    table_zone: str
    counterpart_name_original: str
    counterpart_name_en: str
    demand: str
    interpreter: str | None
    booth_hall_en: str = ""
    booth_hall_zh: str = ""
    booth_code: str = ""

    @property
    def counterpart_name(self) -> str:
        return display_name(self.counterpart_name_original, self.counterpart_name_en)

    @property
    def table(self) -> str:
        """Where it takes place: the table, or the hall and booth for a meeting at a booth."""
        return place_label(self)


@dataclass(frozen=True)
class Agenda:
    edition: Edition
    release: Release | None
    participation: Participation
    items: list[AgendaItem]


def _item(entry: ReleaseEntry, *, participation_id: int, zone: ZoneInfo) -> AgendaItem:
    mine_first = entry.first_id == participation_id
    return AgendaItem(
        meeting_id=entry.meeting_id,
        starts_at=entry.starts_at.astimezone(zone),
        ends_at=entry.ends_at.astimezone(zone),
        table_number=entry.table_number,
        table_zone=entry.table_zone,
        counterpart_name_original=(
            entry.second_name_original if mine_first else entry.first_name_original
        ),
        counterpart_name_en=entry.second_name_en if mine_first else entry.first_name_en,
        demand=_demand_text(entry),
        interpreter=entry.interpreter_language or None,
        booth_hall_en=entry.booth_hall_en,
        booth_hall_zh=entry.booth_hall_zh,
        booth_code=entry.booth_code,
    )


def _in_order(items: list[AgendaItem]) -> list[AgendaItem]:
    return sorted(items, key=lambda item: (item.starts_at, item.table_number or 0))


def own_participation(*, user: Any, edition: Edition) -> Participation | None:
    """The user's enterprise's participation in the edition, whose agenda it may read (the
    one decision for the agenda page, its PDF and the API)."""
    if not user.is_authenticated or user.enterprise_id is None:
        return None
    return (
        Participation.objects.select_related("enterprise", "edition")
        .filter(edition=edition, enterprise_id=user.enterprise_id)
        .first()
    )


def agenda_for(*, participation: Participation, release: Release | None = None) -> Agenda:
    """The participation's meetings in the release (default: the latest), in time order.

    Two queries, whatever the number of meetings.
    """
    edition = participation.edition
    release = release or latest_release(edition)
    if release is None:
        return Agenda(edition=edition, release=None, participation=participation, items=[])
    zone = ZoneInfo(edition.timezone)
    entries = ReleaseEntry.objects.filter(release=release).filter(
        Q(first=participation) | Q(second=participation)
    )
    items = [_item(entry, participation_id=participation.pk, zone=zone) for entry in entries]
    return Agenda(
        edition=edition, release=release, participation=participation, items=_in_order(items)
    )


@dataclass(frozen=True)
class PrintedAgenda:
    """One participant's agenda in the print-out, named as the release froze it."""

    name_original: str
    name_en: str
    items: list[AgendaItem]


@dataclass(frozen=True)
class TablePlanRow:
    table_number: int | None
    table_zone: str
    first_name: str
    second_name: str
    booth_hall_en: str = ""
    booth_hall_zh: str = ""
    booth_code: str = ""

    @property
    def table(self) -> str:
        return place_label(self)


@dataclass(frozen=True)
class TablePlan:
    """Who meets at which table in one slot."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    rows: list[TablePlanRow]


@dataclass(frozen=True)
class PrintOut:
    agendas: list[PrintedAgenda]
    table_plans: list[TablePlan]


def print_out(*, release: Release) -> PrintOut:
    """Every participant's agenda and every slot's table plan of the release, from its rows.

    One query, whatever the number of meetings and participants.
    """
    zone = ZoneInfo(release.edition.timezone)
    entries = list(ReleaseEntry.objects.filter(release=release))
    names: dict[int, tuple[str, str]] = {}
    items: dict[int, list[AgendaItem]] = defaultdict(list)
    slots: dict[tuple[datetime.datetime, datetime.datetime], list[TablePlanRow]] = defaultdict(list)
    for entry in entries:
        names[entry.first_id] = (entry.first_name_original, entry.first_name_en)
        names[entry.second_id] = (entry.second_name_original, entry.second_name_en)
        for participation_id in (entry.first_id, entry.second_id):
            items[participation_id].append(
                _item(entry, participation_id=participation_id, zone=zone)
            )
        slots[(entry.starts_at, entry.ends_at)].append(
            TablePlanRow(
                table_number=entry.table_number,
                table_zone=entry.table_zone,
                first_name=display_name(entry.first_name_original, entry.first_name_en),
                second_name=display_name(entry.second_name_original, entry.second_name_en),
                booth_hall_en=entry.booth_hall_en,
                booth_hall_zh=entry.booth_hall_zh,
                booth_code=entry.booth_code,
            )
        )
    agendas = [
        PrintedAgenda(name_original=original, name_en=english, items=_in_order(items[pk]))
        for pk, (original, english) in sorted(
            names.items(), key=lambda pair: (pair[1][1], pair[1][0], pair[0])
        )
    ]
    plans = [
        TablePlan(
            starts_at=starts.astimezone(zone),
            ends_at=ends.astimezone(zone),
            rows=sorted(rows, key=lambda row: row.table_number or 0),
        )
        for (starts, ends), rows in sorted(slots.items())
    ]
    return PrintOut(agendas=agendas, table_plans=plans)
