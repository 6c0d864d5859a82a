"""The solver run's page: apply only a finished result, cancel only a running run, the
objective, its bound and the gap as they move, and a verdict against the schedule in use."""

import pytest

from fairmatch.scheduling.domain import runs
from fairmatch.scheduling.models import Meeting, RunStatus, ScheduleRun, Slot
from tests.factories import OrganiserFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = grid_edition(slots=4, tables=2)
    accepted_meetings(edition, 3)
    return edition


def page(client, run, **headers):
    client.force_login(OrganiserFactory())
    response = client.get(f"/organiser/{run.edition.slug}/schedule/runs/{run.pk}/", **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_running_run_offers_cancel_and_shows_its_figures_moving(client, edition):
    run = ScheduleRun.objects.create(
        edition=edition,
        status=RunStatus.RUNNING,
        meetings=3,
        progress={
            "phase": "search",
            "seconds": 4.2,
            "placed": 2,
            "upper_bound": 3,
            "breaks": 1,
            "breaks_lower_bound": 0,
        },
    )
    shown = page(client, run, HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 1s"' in shown
    assert "Cancel the run" in shown and "Review the changes and apply" not in shown
    assert '<td id="run-placed">2</td>' in shown
    assert '<td id="run-bound">at most 3</td>' in shown
    assert '<td id="run-placed-gap">33.3 %</td>' in shown
    assert '<td id="run-breaks">1</td>' in shown
    assert '<td id="run-breaks-gap">100.0 %</td>' in shown
    assert "So far better than the schedule in use." in shown  # nothing is placed in use


def test_a_finished_run_offers_apply_and_says_if_it_is_worse(client, edition):
    run = ScheduleRun.objects.create(
        edition=edition,
        status=RunStatus.FINISHED,
        meetings=3,
        placed=2,
        placeable_upper_bound=3,
        breaks=0,
        assignments={"1": {"slot": 1, "table": 1}},
        seconds=1.5,
    )
    shown = page(client, run)
    assert "Review the changes and apply" in shown and "Cancel the run" not in shown
    assert "hx-trigger" not in shown
    assert "Better than the schedule in use." in shown
    place_in_turn(list(Meeting.objects.order_by("pk")))  # all three placed, in use
    assert "Worse than the schedule in use" in page(client, run)
    run.applied_at = run.created_at
    run.save()
    assert "Review the changes and apply" not in page(client, run)


@pytest.mark.parametrize("status", [RunStatus.CANCELLED, RunStatus.FAILED, RunStatus.FINISHED])
def test_a_run_without_a_result_is_never_offered_to_apply(client, edition, status):
    run = ScheduleRun.objects.create(edition=edition, status=status, assignments={})
    shown = page(client, run)
    assert "Review the changes and apply" not in shown and "Cancel the run" not in shown
    with pytest.raises(runs.RunError, match="Only a finished run"):
        runs.preview_apply(run=run)


def test_the_schedule_in_use_counts_breaks_as_the_engine_does(edition):
    _first, _second, third = place_in_turn(list(Meeting.objects.order_by("pk")))
    assert runs.figures_in_use(edition) == runs.Figures(placed=3, meetings=3, breaks=0)
    third.slot = Slot.objects.get(index=3)  # the buyer now waits one slot: one break
    third.save()
    assert runs.figures_in_use(edition) == runs.Figures(placed=3, meetings=3, breaks=1)
    assert runs.verdict(3, 0, runs.figures_in_use(edition)) == "better"
    assert runs.verdict(2, 0, runs.figures_in_use(edition)) == "worse"
    assert runs.verdict(3, 1, runs.figures_in_use(edition)) == "same"
