"""Publication of the floor plan: numbered releases frozen as rows, and the exhibitors' mail.

A release is frozen as its ``PlanReleaseEntry`` rows (hall and booth numbers, geometry, the
exhibitor); the mail, the published plan and the comparison with the next release read
those rows alone.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.core.domain.mail import send_translated
from fairmatch.enterprises.domain.notifications import recipients
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.domain.locks import lock_floor_plan
from fairmatch.exhibition.models import (
    AllocationRun,
    AllocationStatus,
    BoothAssignment,
    PlanRelease,
    PlanReleaseEntry,
)

NOTE_LENGTH = 500


class PublishError(Exception):
    """The plan cannot be published now; the message says why."""


def working_entries(edition: Edition) -> list[PlanReleaseEntry]:
    """The working plan as unsaved release rows: what publishing now would freeze."""
    assignments = (
        BoothAssignment.objects.filter(booth__hall__edition=edition)
        .select_related("booth__hall", "application")
        .order_by("booth__hall__code", "booth__code")
    )
    return [
        PlanReleaseEntry(
            booth_id=assignment.booth_id,
            participation_id=assignment.application.participation_id,
            hall_code=assignment.booth.hall.code,
            booth_code=assignment.booth.code,
            geometry=[
                float(assignment.booth.x),
                float(assignment.booth.y),
                float(assignment.booth.width),
                float(assignment.booth.depth),
            ],
        )
        for assignment in assignments
    ]


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
    if not entries:
        raise PublishError(_("The working plan gives no booth to anyone yet: nothing to publish."))
    after = {entry.participation_id: (entry.hall_code, entry.booth_code) for entry in entries}
    changes = compare(places(previous), after)  # type: ignore[arg-type]
    release = PlanRelease.objects.create(
        edition=edition,
        number=(previous.number + 1) if previous else 1,
        published_by=user if getattr(user, "pk", None) else None,
        note=note.strip()[:NOTE_LENGTH],
    )
    for entry in entries:
        entry.release = release
    PlanReleaseEntry.objects.bulk_create(entries)
    record_action(
        actor=user,
        action="exhibition.publish",
        target=release,
        data={
            "booths": len(entries),
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
    each recipient in its own language. Reads the release's rows only."""
    booths = places(release)
    sent = 0
    for participation in Participation.objects.filter(pk__in=participations).select_related(
        "enterprise", "edition"
    ):
        place = booths.get(participation.pk)
        sent += len(
            send_translated(
                template="exhibition/email/plan_release",
                context={
                    "release": release,
                    "edition": participation.edition,
                    "enterprise": participation.enterprise,
                    "hall": place[0] if place else "",
                    "booth": place[1] if place else "",
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
