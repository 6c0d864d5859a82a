"""Pages of an edition speak its time zone: a time an organiser or a delegate reads or types
on them (a release's publication, a run's start, a request deadline) is the conference's
local time, as the schedule itself is. The API keeps UTC with explicit offsets."""

import contextlib
import time
import zoneinfo
from collections.abc import Callable
from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from fairmatch.conference.models import Edition

# slug -> (zone, when read): an edition's zone is read once a minute per process at most;
# a change made in this process applies at once.
_ZONES: dict[str, tuple[str, float]] = {}
_FRESH_SECONDS = 60.0


def edition_zone(slug: str) -> str | None:
    known = _ZONES.get(slug)
    if known is not None and time.monotonic() - known[1] < _FRESH_SECONDS:
        return known[0]
    zone = Edition.objects.filter(slug=slug).values_list("timezone", flat=True).first()
    if zone is not None:
        _ZONES[slug] = (zone, time.monotonic())
    return zone


@receiver(post_save, sender=Edition)
def _forget_zone(sender: type[Edition], instance: Edition, **kwargs: Any) -> None:
    _ZONES.pop(instance.slug, None)


class EditionTimeZoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()  # threads serve other requests next

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        slug = view_kwargs.get("edition")
        if not isinstance(slug, str) or request.path.startswith("/api/"):
            return
        zone = edition_zone(slug)
        if zone:
            # A zone the system does not know leaves times in UTC, as before.
            with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.activate(zoneinfo.ZoneInfo(zone))
