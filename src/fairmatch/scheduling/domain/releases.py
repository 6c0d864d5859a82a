"""Publication: named, numbered releases of the schedule and what changed between them."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.core.domain.mail import absolute_url, send_translated
from fairmatch.enterprises.domain.notifications import recipients
from fairmatch.enterprises.models import Participation
from fairmatch.scheduling.domain.edits import run_in_progress
from fairmatch.scheduling.models import Meeting, MeetingState, Release, ReleaseEntry


class PublishError(Exception):
    """The schedule cannot be published now; the message says why."""


def snapshot(edition: Edition) -> dict[str, dict[str, Any]]:
    """The placed meetings as they stand: meeting id -> slot, table, times, participants."""
    meetings = Meeting.objects.filter(
        edition=edition, state=MeetingState.SCHEDULED, slot__isnull=False
    ).select_related("slot", "table")
    return {
        str(m.pk): {
            "slot": m.slot_id,
            "starts": m.slot.starts_at.isoformat(),
            "ends": m.slot.ends_at.isoformat(),
            "table": m.table.number if m.table else None,
            "participants": [m.first_id, m.second_id],
        }
        for m in meetings
    }


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)

    def affected(self, before: dict[str, Any], after: dict[str, Any]) -> set[int]:
        """Participations one of whose meetings was added, moved or cancelled."""
        people: set[int] = set()
        for key in self.added + self.moved:
            people.update(after[key]["participants"])
        for key in self.cancelled + self.moved:
            people.update(before[key]["participants"])
        return people

    def as_json(self) -> dict[str, list[str]]:
        return {"added": self.added, "moved": self.moved, "cancelled": self.cancelled}


def compare(before: dict[str, Any], after: dict[str, Any]) -> Changes:
    """What changed from one snapshot to the next."""
    return Changes(
        added=sorted(set(after) - set(before), key=int),
        cancelled=sorted(set(before) - set(after), key=int),
        moved=sorted(
            (
                key
                for key in set(before) & set(after)
                if (before[key]["slot"], before[key]["table"])
                != (after[key]["slot"], after[key]["table"])
            ),
            key=int,
        ),
    )


@transaction.atomic
def publish(*, edition: Edition, name: str, user: Any) -> Release:
    """Release the working schedule under a name; tell only the participants it changed for."""
    Edition.objects.select_for_update().get(pk=edition.pk)
    if run_in_progress(edition):
        raise PublishError(_("A solver run is in progress; publish when it has finished."))
    name = name.strip()
    if not name:
        raise PublishError(_("Give the release a name, e.g. 'final' or 'after changes of day 1'."))
    previous = Release.objects.filter(edition=edition).order_by("-number").first()
    before = previous.snapshot if previous else {}
    after = snapshot(edition)
    changes = compare(before, after)
    release = Release.objects.create(
        edition=edition,
        number=(previous.number + 1) if previous else 1,
        name=name[:100],
        published_by=user if getattr(user, "pk", None) else None,
        snapshot=after,
        changes=changes.as_json() | {"affected": sorted(changes.affected(before, after))},
    )
    ReleaseEntry.objects.bulk_create(
        ReleaseEntry(
            release=release,
            meeting_id=int(key),
            first_id=entry["participants"][0],
            second_id=entry["participants"][1],
            starts_at=datetime.datetime.fromisoformat(entry["starts"]),
            ends_at=datetime.datetime.fromisoformat(entry["ends"]),
            table_number=entry["table"],
        )
        for key, entry in after.items()
    )
    record_action(actor=user, action="schedule.publish", target=release, data=changes.as_json())
    transaction.on_commit(lambda: release_mail.enqueue(release.pk))
    return release


def notify_release(*, release: Release) -> int:
    """E-mail each affected participant its own changes, in its members' languages."""
    previous = (
        Release.objects.filter(edition=release.edition, number__lt=release.number)
        .order_by("-number")
        .first()
    )
    before = previous.snapshot if previous else {}
    changes: dict[int, Counter[str]] = defaultdict(Counter)
    for kind in ("added", "moved", "cancelled"):
        for key in release.changes.get(kind, []):
            entry = release.snapshot.get(key) or before[key]
            for participation_id in entry["participants"]:
                changes[participation_id][kind] += 1
    sent = 0
    for participation in Participation.objects.filter(pk__in=changes).select_related(
        "enterprise", "edition"
    ):
        sent += len(
            send_translated(
                template="scheduling/email/release",
                context={
                    "release": release,
                    "edition": release.edition,
                    "changes": changes[participation.pk],
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
