"""The built demo's exhibition: the reference event's exhibitor figures, an allocated and
published floor plan, and negotiations held at booths in the published schedule."""

import json
import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from fairmatch.conference.models import Edition
from fairmatch.core.models import AuditEntry
from fairmatch.demo.generator import DEMO_PASSWORD, ORGANISER_EMAIL
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.models import AllocationRun, Booth, BoothAssignment, PlanRelease
from fairmatch.reports.exhibitors import exhibitor_figures
from fairmatch.scheduling.models import Release, ReleaseEntry


@pytest.fixture
def current(demo_conference, db):
    return Edition.objects.get(slug="soc-2027")


def test_exhibitor_figures_are_those_of_the_reference_event(current):
    figures = exhibitor_figures(current)
    assert figures.foreign_exhibitors > 50
    assert 23.0 <= figures.foreign_exhibitor_share_pct <= 27.0  # about a quarter
    assert 65.0 <= figures.foreign_exhibitor_growth_pct <= 75.0  # about +70 %
    assert figures.foreign_exhibitors_previous == 30
    assert figures.booths_taken == figures.exhibitors  # everyone has a booth
    assert figures.booths_taken < figures.booths_total
    assert figures.floor_area_let_m2 == 9.0 * (figures.booths_taken - 4) + 36.0 * 4


def test_figures_command_prints_the_exhibitor_figures(current):
    out = StringIO()
    call_command("figures", "--json", "--edition", current.slug, stdout=out)
    data = json.loads(out.getvalue())
    assert data["foreign_exhibitors"] > 50
    assert data["foreign_exhibitor_growth_pct"] >= 65.0
    assert data["booths_taken"] == data["exhibitors"]


def test_the_plan_is_allocated_by_pavilion_and_published(current):
    release = PlanRelease.objects.get(edition=current)
    assert release.number == 1
    in_pavilion = BoothAssignment.objects.filter(
        booth__hall__edition=current,
        application__preferred_zone__isnull=False,
    )
    # Pavilions fill with the exhibitors that asked for them (as far as they hold them).
    wished = list(in_pavilion.select_related("booth", "application"))
    granted = [a for a in wished if a.booth.zone_id == a.application.preferred_zone_id]
    asked = Counter(a.application.preferred_zone_id for a in wished)
    room = Counter(
        Booth.objects.filter(hall__edition=current, zone__isnull=False).values_list(
            "zone_id", flat=True
        )
    )
    assert len(granted) >= 0.95 * sum(min(n, room[zone]) for zone, n in asked.items())


def test_some_negotiations_take_place_at_booths(current):
    release = Release.objects.filter(edition=current).order_by("-number").first()
    at_booths = ReleaseEntry.objects.filter(release=release).exclude(booth_code="")
    assert at_booths.count() >= 10
    assert at_booths.values("booth_code", "starts_at").distinct().count() == at_booths.count()


def test_the_demo_prints_the_exhibition_built_in_a_few_seconds(demo_conference):
    line = next(
        line for line in demo_conference.output.splitlines() if "negotiations agreed at" in line
    )
    assert "from abroad" in line
    assert float(re.search(r"\(([0-9.]+) s\)$", line).group(1)) < 30, line


def test_the_plan_is_the_organisers_applied_allocation_run(current, client):
    run = AllocationRun.objects.get(edition=current)
    assert (run.status, run.created_by.email) == ("finished", ORGANISER_EMAIL)
    assert run.applied_at is not None
    assignments = BoothAssignment.objects.filter(booth__hall__edition=current)
    assert set(assignments.values_list("run_id", flat=True)) == {run.pk}
    assert len(run.result["assignments"]) == assignments.count()
    # Booths go to confirmed exhibitors only: the demo's exhibitors were confirmed first.
    exhibitors = Participation.objects.filter(
        edition=current, is_exhibitor=True, state__in=["qualified", "confirmed"]
    )
    assert set(exhibitors.values_list("state", flat=True)) == {"confirmed"}
    assert assignments.count() == exhibitors.count()
    assert list(
        AuditEntry.objects.filter(action__startswith="exhibition.")
        .order_by("pk")
        .values_list("action", "actor__email")
    ) == [
        ("exhibition.run", ORGANISER_EMAIL),
        ("exhibition.apply", ORGANISER_EMAIL),
        ("exhibition.publish", ORGANISER_EMAIL),
    ]
    assert client.login(username=ORGANISER_EMAIL, password=DEMO_PASSWORD)
    page = client.get(reverse("exhibition_allocation:overview", args=[current.slug]))
    run_url = reverse("exhibition_allocation:run", args=[current.slug, run.pk])
    assert f'<a href="{run_url}">Run {run.pk}</a>' in page.content.decode()
