"""Publication: named, numbered releases of the schedule and what changed between them.

A release is frozen as its ``ReleaseEntry`` rows; the diff, the mail, the agendas and the
print-out read those rows alone.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.core.domain.mail import absolute_url, send_translated
from fairmatch.enterprises.domain.notifications import recipients
from fairmatch.enterprises.models import Participation
from fairmatch.scheduling.domain.booths import published_places
from fairmatch.scheduling.domain.edits import run_in_progress
from fairmatch.scheduling.domain.locks import lock_working_schedule
from fairmatch.scheduling.domain.problem import interpreter_language
from fairmatch.scheduling.models import (
    PLACED_STATES,
    Meeting,
    NegotiationTable,
    Release,
    ReleaseEntry,
    Slot,
)

schedule_published = Signal()  # sender=Release, release (after commit)


class PublishError(Exception):
    """The schedule cannot be published now; the message says why."""


DEMAND_SHOWN = 120  # characters of the demand's description an agenda shows


def working_entries(edition: Edition) -> list[ReleaseEntry]:
    """The placed meetings of the working schedule as unsaved release rows: what
    publishing now would freeze (times, table and zone, both names, demand, interpreter)."""
    meetings = Meeting.objects.filter(
        edition=edition, state__in=PLACED_STATES, slot__isnull=False
    ).select_related(
        "slot",
        "table__booth__hall",
        "first__enterprise",
        "second__enterprise",
        "request__demand__field",
    )
    places = published_places(edition)
    entries = []
    for meeting in meetings:
        first, second = meeting.first.enterprise, meeting.second.enterprise
        demand = meeting.request.demand
        booth = meeting.table.booth if meeting.table else None
        hall_en, hall_zh, booth_code = (
            places.get(booth.pk, (booth.hall.name_en, booth.hall.name_zh, booth.code))
            if booth
            else ("", "", "")
        )
        entries.append(
            ReleaseEntry(
                meeting_id=meeting.pk,
                first_id=meeting.first_id,
                second_id=meeting.second_id,
                starts_at=meeting.slot.starts_at,
                ends_at=meeting.slot.ends_at,
                table_number=meeting.table.number if meeting.table else None,
                table_zone=meeting.table.zone if meeting.table else "",
                first_name_original=first.name_original,
                first_name_en=first.name_en,
                second_name_original=second.name_original,
                second_name_en=second.name_en,
                demand_field_en=demand.field.name_en if demand else "",
                demand_field_zh=demand.field.name_zh if demand else "",
                demand_description=demand.description[:DEMAND_SHOWN] if demand else "",
                interpreter_language=(
                    "" if booth else interpreter_language(meeting.first, meeting.second) or ""
                ),
                booth_hall_en=hall_en,
                booth_hall_zh=hall_zh,
                booth_code=booth_code,
            )
        )
    return entries


@dataclass(frozen=True)
class Placement:
    """Where and when a meeting takes place, and between whom: what a diff compares."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    table_number: int | None
    table_zone: str
    participants: tuple[int, int]

    @classmethod
    def of(cls, entry: ReleaseEntry) -> "Placement":
        return cls(
            starts_at=entry.starts_at,
            ends_at=entry.ends_at,
            table_number=entry.table_number,
            table_zone=entry.table_zone,
            participants=(entry.first_id, entry.second_id),
        )

    def place(self) -> tuple[datetime.datetime, datetime.datetime, int | None, str]:
        return (self.starts_at, self.ends_at, self.table_number, self.table_zone)


def placements(entries: list[ReleaseEntry]) -> dict[int, Placement]:
    """Meeting id -> placement, for ``compare``."""
    return {entry.meeting_id: Placement.of(entry) for entry in entries}


def released_placements(release: Release | None) -> dict[int, Placement]:
    """The placements a release froze (none before the first release)."""
    if release is None:
        return {}
    return placements(list(ReleaseEntry.objects.filter(release=release)))


@dataclass
class Changes:
    added: list[int] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)

    def affected(self, before: dict[int, Placement], after: dict[int, Placement]) -> set[int]:
        """Participations one of whose meetings was added, moved or cancelled."""
        people: set[int] = set()
        for key in self.added + self.moved:
            people.update(after[key].participants)
        for key in self.cancelled + self.moved:
            people.update(before[key].participants)
        return people

    def __bool__(self) -> bool:
        return bool(self.added or self.moved or self.cancelled)

    def as_json(self) -> dict[str, list[str]]:
        return {
            "added": [str(key) for key in self.added],
            "moved": [str(key) for key in self.moved],
            "cancelled": [str(key) for key in self.cancelled],
        }


def compare(before: dict[int, Placement], after: dict[int, Placement]) -> Changes:
    """What changed from one release to the next: a meeting moved when its time, table
    or the table's zone changed."""
    return Changes(
        added=sorted(set(after) - set(before)),
        cancelled=sorted(set(before) - set(after)),
        moved=sorted(
            key for key in set(before) & set(after) if before[key].place() != after[key].place()
        ),
    )


def latest_release(edition: Edition) -> Release | None:
    """The edition's latest release, without its list of changes (every meeting of a first
    release): agendas and feeds read it on every request and never need the list."""
    return Release.objects.filter(edition=edition).defer("changes").order_by("-number").first()


def projected_placements(
    edition: Edition, places: Mapping[int, tuple[int, int | None]]
) -> dict[int, Placement]:
    """The placements publication would freeze if the edition's placed meetings were exactly
    ``places`` (meeting id -> slot id, table id); a fixed number of queries."""
    slots = Slot.objects.filter(session__edition=edition).in_bulk()
    tables = NegotiationTable.objects.filter(edition=edition).in_bulk()
    meetings = Meeting.objects.filter(edition=edition, pk__in=list(places)).only(
        "pk", "first_id", "second_id"
    )
    result = {}
    for meeting in meetings:
        slot_id, table_id = places[meeting.pk]
        slot, table = slots[slot_id], None if table_id is None else tables[table_id]
        result[meeting.pk] = Placement(
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            table_number=table.number if table else None,
            table_zone=table.zone if table else "",
            participants=(meeting.first_id, meeting.second_id),
        )
    return result


@dataclass(frozen=True)
class PublicationPreview:
    """What publishing ``after`` would change against the latest release, and how many
    participants would be mailed: the same comparison ``publish`` makes."""

    latest: Release | None
    changes: Changes
    mailed: int


def preview_publication(*, edition: Edition, after: dict[int, Placement]) -> PublicationPreview:
    """Compare placements with the latest release as publication would."""
    latest = latest_release(edition)
    before = released_placements(latest)
    changes = compare(before, after)
    return PublicationPreview(
        latest=latest, changes=changes, mailed=len(changes.affected(before, after))
    )


def pending_changes(edition: Edition) -> Changes:
    """What publishing the working schedule now would change against the latest release."""
    return compare(
        released_placements(latest_release(edition)), placements(working_entries(edition))
    )


@transaction.atomic
def publish(*, edition: Edition, name: str, user: Any, public_note: str = "") -> Release:
    """Release the working schedule under a name; tell only the participants it changed for.

    Side effects, in order: the release and its frozen rows (``ReleaseEntry``) are
    written, the publication is audited, and after commit the release mail is queued and
    ``schedule_published`` is sent (webhooks).
    """
    lock_working_schedule(edition.pk)
    if run_in_progress(edition):
        raise PublishError(_("A solver run is in progress; publish when it has finished."))
    name = name.strip()
    if not name:
        raise PublishError(_("Give the release a name, e.g. 'final' or 'after changes of day 1'."))
    previous = latest_release(edition)
    before = released_placements(previous)
    entries = working_entries(edition)
    after = placements(entries)
    changes = compare(before, after)
    release = Release.objects.create(
        edition=edition,
        number=(previous.number + 1) if previous else 1,
        name=name[:100],
        public_note=public_note.strip()[:500],
        published_by=user if getattr(user, "pk", None) else None,
        changes=changes.as_json() | {"affected": sorted(changes.affected(before, after))},
    )
    for entry in entries:
        entry.release = release
    ReleaseEntry.objects.bulk_create(entries)
    record_action(actor=user, action="schedule.publish", target=release, data=changes.as_json())
    transaction.on_commit(lambda: release_mail.enqueue(release.pk))
    transaction.on_commit(lambda: schedule_published.send(sender=Release, release=release))
    return release


def _count_changes(
    counts: dict[int, Counter[str]], *, release: Release, kind: str, meeting_ids: list[str]
) -> None:
    rows = ReleaseEntry.objects.filter(release=release, meeting_id__in=meeting_ids)
    for first_id, second_id in rows.values_list("first_id", "second_id"):
        counts[first_id][kind] += 1
        counts[second_id][kind] += 1


def notify_release(*, release: Release) -> int:
    """E-mail each affected participant its own changes, in its members' languages.

    Reads the release's rows (added, moved) and the previous release's (cancelled) only.
    """
    previous = (
        Release.objects.filter(edition=release.edition, number__lt=release.number)
        .order_by("-number")
        .first()
    )
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for kind in ("added", "moved"):
        _count_changes(
            counts, release=release, kind=kind, meeting_ids=release.changes.get(kind, [])
        )
    if previous is not None:
        _count_changes(
            counts,
            release=previous,
            kind="cancelled",
            meeting_ids=release.changes.get("cancelled", []),
        )
    sent = 0
    for participation in Participation.objects.filter(pk__in=counts).select_related(
        "enterprise", "edition"
    ):
        sent += len(
            send_translated(
                template="scheduling/email/release",
                context={
                    "release": release,
                    "edition": release.edition,
                    "changes": counts[participation.pk],
                    "agenda_url": absolute_url(
                        reverse("scheduling:agenda", args=[release.edition.slug])
                    ),
                },
                to=recipients(participation=participation),
            )
        )
    return sent


@task()
def release_mail(release_id: int) -> int:
    """Background task: the e-mails of one release."""
    return notify_release(release=Release.objects.select_related("edition").get(pk=release_id))
