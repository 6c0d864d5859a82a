"""Forms that name another enterprise's or another edition's objects in their body.

The URL is the role's own (the current edition, its own participation); the body names a
slot, delegate, participation or meeting that is not. The view must refuse it without a
server error, and the guarded tables must not change.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.urls import reverse

from fairmatch.enterprises.models import Participation, StateChange
from fairmatch.matching.models import MeetingRequest
from fairmatch.scheduling.models import CalendarFeed, Meeting, Slot, Unavailability
from tests.permissions.world import BUYER, ORGANISER, OTHER_EDITION, OWN, World


@dataclass(frozen=True)
class BodyCase:
    role: str
    name: str  # the URL pattern
    guarded: tuple[type[Model], ...]  # tables that must not change

    def url(self, world: World) -> str:
        kwargs: dict[str, Any] = {"edition": world.current.slug}
        if self.name == "scheduling_admin:participant_feeds":
            kwargs["pk"] = world.parties["A"].participation.pk
        return reverse(self.name, kwargs=kwargs)


def _meeting(world: World, owner: str) -> Meeting:
    return world.objects["meeting", owner]


def body(case: BodyCase, world: World) -> dict[str, Any]:
    """The form's fields, naming the foreign objects."""
    p = world.parties
    previous_meeting = _meeting(world, OTHER_EDITION)
    return {
        "scheduling:availability": lambda: {
            "slot": [Slot.objects.filter(session__edition=world.previous).first().pk]
        },
        "scheduling:new_feed_address": lambda: {"delegate": p["C"].delegate.pk},
        "scheduling_admin:participant_feeds": lambda: {"delegate": p["C"].delegate.pk},
        "review:bulk": lambda: {
            "participations": [p["D"].participation.pk],
            "action": "rejected",
        },
        "matching_admin:arrange": lambda: {
            "first": p["D"].participation.pk,
            "second": p["F"].participation.pk,
        },
        "scheduling_admin:move": lambda: {
            "meeting": previous_meeting.pk,
            "version": previous_meeting.version,
            "slot": Slot.objects.filter(session__edition=world.current).last().pk,
            "table": _meeting(world, OWN).table_id,
        },
        "scheduling_admin:swap": lambda: {
            "first": previous_meeting.pk,
            "first_version": previous_meeting.version,
            "second": _meeting(world, OWN).pk,
            "second_version": _meeting(world, OWN).version,
        },
        "scheduling_admin:absent": lambda: {"participant": p["D"].participation.pk},
    }[case.name]()


CASES = [
    # A participant ticks a slot of another edition; asks a new address for C's delegate.
    BodyCase(BUYER, "scheduling:availability", (Unavailability,)),
    BodyCase(BUYER, "scheduling:new_feed_address", (CalendarFeed,)),
    # The organiser, through this edition's pages, names another participant's delegate,
    # or the previous edition's participations and meetings.
    BodyCase(ORGANISER, "scheduling_admin:participant_feeds", (CalendarFeed,)),
    BodyCase(ORGANISER, "review:bulk", (Participation, StateChange)),
    BodyCase(ORGANISER, "matching_admin:arrange", (MeetingRequest,)),
    BodyCase(ORGANISER, "scheduling_admin:move", (Meeting,)),
    BodyCase(ORGANISER, "scheduling_admin:swap", (Meeting,)),
    BodyCase(ORGANISER, "scheduling_admin:absent", (Meeting, MeetingRequest)),
]


def snapshot(models: tuple[type[Model], ...]) -> list[list[tuple[Any, ...]]]:
    """Every row of the tables, in order: equal snapshots, unchanged tables."""
    return [list(model._default_manager.order_by("pk").values_list()) for model in models]
