"""Publication of the floor plan: numbered releases frozen as rows, and the exhibitors' mail.

A release is frozen as rows: a ``PlanReleaseHall`` per hall (names, outline, entrances) and
a ``PlanReleaseEntry`` per booth of the plan (hall and booth numbers, geometry, zone, state
free, taken or blocked, the exhibitor of a taken one). The published plan, its PDF, the
exhibitor directory, the API, the mail and the comparison with the next release read those
rows alone: the organiser may edit the working plan after publishing without the public
seeing it before the next release.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.core.domain.mail import send_translated
from fairmatch.enterprises.domain.notifications import recipients
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.domain.locks import lock_floor_plan
from fairmatch.exhibition.domain.places import booth_label
from fairmatch.exhibition.models import (
    AllocationRun,
    AllocationStatus,
    Booth,
    BoothAssignment,
    Hall,
    PlanRelease,
    PlanReleaseEntry,
    PlanReleaseHall,
    PublishedState,
)

NOTE_LENGTH = 500


class PublishError(Exception):
    """The plan cannot be published now; the message says why."""


def frozen_hall(hall: Hall) -> PlanReleaseHall:
    """The hall as a release freezes it (unsaved, without its release)."""
    return PlanReleaseHall(
        code=hall.code,
        name_en=hall.name_en,
        name_zh=hall.name_zh,
        width=hall.width,
        depth=hall.depth,
        entrances=list(hall.entrances or []),
        position=hall.position,
    )


def frozen_booth(booth: Booth, participation_id: int | None) -> PlanReleaseEntry:
    """The booth as a release freezes it (unsaved): taken when ``participation_id`` has it,
    else blocked or free. ``booth.hall`` and ``booth.zone`` are read."""
    if participation_id is not None:
        state = PublishedState.TAKEN
    elif booth.is_blocked:
        state = PublishedState.BLOCKED
    else:
        state = PublishedState.FREE
    zone = booth.zone
    return PlanReleaseEntry(
        booth_id=booth.pk,
        participation_id=participation_id,
        state=state,
        hall_code=booth.hall.code,
        booth_code=booth.code,
        geometry=[float(booth.x), float(booth.y), float(booth.width), float(booth.depth)],
        zone_en=zone.name_en if zone else "",
        zone_zh=zone.name_zh if zone else "",
    )


def working_entries(edition: Edition) -> list[PlanReleaseEntry]:
    """Every booth of the working plan as unsaved release rows: what publishing now would
    freeze (taken, free and blocked booths, by hall and number)."""
    holders = dict(
        BoothAssignment.objects.filter(booth__hall__edition=edition).values_list(
            "booth_id", "application__participation_id"
        )
    )
    booths = (
        Booth.objects.filter(hall__edition=edition)
        .select_related("hall", "zone")
        .order_by("hall__code", "code")
    )
    return [frozen_booth(booth, holders.get(booth.pk)) for booth in booths]


def freeze(release: PlanRelease, halls: list[Hall], entries: list[PlanReleaseEntry]) -> None:
    """Write the release's frozen rows: the halls, then the booths, each in its hall."""
    frozen = {}
    for hall in halls:
        row = frozen_hall(hall)
        row.release = release
        row.save()
        frozen[hall.code] = row
    for entry in entries:
        entry.release = release
        entry.hall = frozen[entry.hall_code]
    PlanReleaseEntry.objects.bulk_create(entries)


def latest_release(edition: Edition) -> PlanRelease | None:
    return PlanRelease.objects.filter(edition=edition).order_by("-number").first()


Place = tuple[str, str]  # hall code, booth number


def places(release: PlanRelease | None) -> dict[int, Place]:
    """Participation id -> (hall, booth) as the release froze it (none before the first)."""
    if release is None:
        return {}
    return {
        participation: (hall, booth)
        for participation, hall, booth in PlanReleaseEntry.objects.filter(
            release=release, participation__isnull=False
        ).values_list("participation_id", "hall_code", "booth_code")
    }


# The place's words are chosen when the text is rendered, in the reader's language.
lazy_booth_label = lazy(booth_label, str)


def place_label(entry: PlanReleaseEntry) -> Any:
    """'Hall 1, booth A12' (一号馆 A12 展位) for a released booth, as the agendas name
    booths: the hall's frozen name in the reader's language. Lazy, so that a text rendered
    later (a mail in its recipient's language) names it in that language."""
    hall = entry.hall
    if hall is None:
        return lazy_booth_label(entry.hall_code, "", entry.booth_code)
    return lazy_booth_label(hall.name_en, hall.name_zh, entry.booth_code)


@dataclass(frozen=True)
class PlanChanges:
    """Exhibitors with a booth for the first time, moved, and left without one."""

    added: list[int]
    moved: list[int]
    removed: list[int]

    @property
    def affected(self) -> list[int]:
        return sorted(self.added + self.moved + self.removed)


def compare(before: dict[int, Place], after: dict[int, Place]) -> PlanChanges:
    return PlanChanges(
        added=sorted(set(after) - set(before)),
        moved=sorted(key for key in set(after) & set(before) if after[key] != before[key]),
        removed=sorted(set(before) - set(after)),
    )


def pending_changes(edition: Edition) -> PlanChanges:
    """What publishing the working plan now would change against the latest release."""
    after = {
        entry.participation_id: (entry.hall_code, entry.booth_code)
        for entry in working_entries(edition)
        if entry.participation_id is not None
    }
    return compare(places(latest_release(edition)), after)


@transaction.atomic
def publish(*, edition: Edition, user: Any, note: str = "") -> PlanRelease:
    """Publish the working plan as the next release, frozen; tell the exhibitors it changed.

    Refused while an allocation run is queued or running (nothing is written then, the
    working plan stays as it is). Side effects, in order: the release and its frozen rows are
    written, the publication is audited, and after commit the exhibitors' mail is queued.
    """
    lock_floor_plan(edition.pk)
    if AllocationRun.objects.filter(
        edition=edition, status__in=[AllocationStatus.QUEUED, AllocationStatus.RUNNING]
    ).exists():
        raise PublishError(
            _(
                "An allocation run is in progress; publish when it has finished or cancel it. "
                "The working plan is kept as it is."
            )
        )
    previous = latest_release(edition)
    entries = working_entries(edition)
    after = {
        entry.participation_id: (entry.hall_code, entry.booth_code)
        for entry in entries
        if entry.participation_id is not None
    }
    if not after:
        raise PublishError(_("The working plan gives no booth to anyone yet: nothing to publish."))
    changes = compare(places(previous), after)
    release = PlanRelease.objects.create(
        edition=edition,
        number=(previous.number + 1) if previous else 1,
        published_by=user if getattr(user, "pk", None) else None,
        note=note.strip()[:NOTE_LENGTH],
    )
    freeze(release, list(Hall.objects.filter(edition=edition)), entries)
    record_action(
        actor=user,
        action="exhibition.publish",
        target=release,
        data={
            "booths": len(after),
            "added": len(changes.added),
            "moved": len(changes.moved),
            "removed": len(changes.removed),
        },
    )
    affected = changes.affected
    transaction.on_commit(lambda: plan_release_mail.enqueue(release.pk, affected))
    return release


def notify_release(*, release: PlanRelease, participations: list[int]) -> int:
    """E-mail each exhibitor its booth as the release froze it (or that it has none now),
    each recipient in its own language, the hall named in it. Reads the release's rows only."""
    booths = {
        entry.participation_id: entry
        for entry in PlanReleaseEntry.objects.filter(
            release=release, participation_id__in=participations
        ).select_related("hall")
    }
    sent = 0
    for participation in Participation.objects.filter(pk__in=participations).select_related(
        "enterprise", "edition"
    ):
        entry = booths.get(participation.pk)
        sent += len(
            send_translated(
                template="exhibition/email/plan_release",
                context={
                    "release": release,
                    "edition": participation.edition,
                    "enterprise": participation.enterprise,
                    "place": place_label(entry) if entry else "",
                },
                to=recipients(participation=participation),
            )
        )
    return sent


@task()
def plan_release_mail(release_id: int, participations: list[int]) -> int:
    """Background task: the e-mails of one floor plan release."""
    release = PlanRelease.objects.select_related("edition").get(pk=release_id)
    return notify_release(release=release, participations=participations)
