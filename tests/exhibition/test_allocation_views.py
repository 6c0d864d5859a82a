"""The allocation pages: runs moving and finished, results in the reader's language, the
comparison, the working plan's edits answered in place, and publication."""

import re

import pytest
from django.core import mail

from fairmatch.enterprises.models import State
from fairmatch.exhibition.models import (
    AllocationRun,
    AllocationStatus,
    BoothAssignment,
    PlanRelease,
)
from tests.exhibition.allocation_helpers import booth, exhibitor, hall_with_booths
from tests.factories import OrganiserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall():
    return hall_with_booths(count=3)


@pytest.fixture
def organiser(client):
    user = OrganiserFactory()
    client.force_login(user)
    return user


def url(hall, rest=""):
    return f"/organiser/{hall.edition.slug}/exhibition/allocation/{rest}"


def cell(page, element_id):
    """The text of the table cell with that id."""
    return re.search(rf'<td id="{element_id}"[^>]*>(.*?)</td>', page).group(1)


def finished_run(hall, a, b):
    return AllocationRun.objects.create(
        edition=hall.edition,
        status=AllocationStatus.FINISHED,
        solver_status="optimal",
        objective=40,
        bound=50,
        seconds=1.5,
        finished_at="2027-06-01T10:00:00Z",
        result={
            "inputs": {"exhibitors": 2, "booths": 3, "blocked": 0, "locked": 0},
            "assignments": {f"e{a.pk}": f"b{booth(hall, '1').pk}"},
            "unassigned": {
                f"e{b.pk}": {"id": "no_booth_of_size", "params": {"size": "30 m² (shell)"}},
            },
            "wishes": {
                f"e{a.pk}": [
                    {
                        "kind": "wanted_neighbour",
                        "satisfied": False,
                        "message": {
                            "id": "wanted_neighbour_absent",
                            "params": {"neighbour": f"e{b.pk}"},
                        },
                    },
                    {
                        "kind": "preferred_hall",
                        "satisfied": True,
                        "message": {"id": "in_preferred_hall", "params": {"hall": f"h{hall.pk}"}},
                    },
                ]
            },
            "conflicts": [
                {
                    "id": "wanted_and_avoided",
                    "params": {"exhibitor": f"e{a.pk}", "neighbour": f"e{b.pk}"},
                }
            ],
        },
    )


def test_the_allocation_page_does_not_grow_in_queries(
    client, organiser, hall, django_assert_max_num_queries
):
    for index in range(3):
        application = exhibitor(hall.edition, name=f"X{index}")
        BoothAssignment.objects.create(booth=booth(hall, str(index + 1)), application=application)
    exhibitor(hall.edition, name="Waiting")
    with django_assert_max_num_queries(24):
        response = client.get(url(hall))
    page = response.content.decode()
    assert response.status_code == 200
    assert "3 / 4" in page
    assert "1 confirmed exhibitor without a booth" in page


def test_the_figure_counts_confirmed_exhibitors_only_and_the_page_links_the_plans(
    client, organiser, hall
):
    placed = exhibitor(hall.edition, name="Confirmed")
    BoothAssignment.objects.create(booth=booth(hall, "1"), application=placed)
    qualified = exhibitor(hall.edition, name="Qualified", state=State.QUALIFIED)
    BoothAssignment.objects.create(booth=booth(hall, "2"), application=qualified)
    page = client.get(url(hall)).content.decode()
    assert '<div class="number">1 / 1</div>' in page
    slug = hall.edition.slug
    assert f'<a href="/organiser/{slug}/exhibition/plan/">Floor plan</a>' in page
    assert f'<a href="/e/{slug}/exhibition/plan/">Published floor plan</a>' in page


def test_a_running_run_polls_and_shows_objective_bound_and_gap(client, organiser, hall):
    run = AllocationRun.objects.create(
        edition=hall.edition,
        status=AllocationStatus.RUNNING,
        progress={"phase": "search", "seconds": 3.2, "placed": 2, "objective": 90, "bound": 100},
    )
    page = client.get(url(hall, f"runs/{run.pk}/"), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert (cell(page, "run-objective"), cell(page, "run-gap")) == ("90", "10 %")
    assert "Cancel the run" in page
    assert "Apply" not in page


def test_a_finished_run_explains_each_exhibitor_in_chinese(client, organiser, hall):
    a = exhibitor(hall.edition, name="Alpha <b>Ltd</b>")
    b = exhibitor(hall.edition, name="大连软件")
    run = finished_run(hall, a, b)
    client.cookies["django_language"] = "zh-hans"
    page = client.get(url(hall, f"runs/{run.pk}/")).content.decode()
    assert "Alpha &lt;b&gt;Ltd&lt;/b&gt;" in page
    assert "<b>Ltd" not in page
    assert "大连软件 没有展位" in page  # the wanted neighbour has no booth, in Chinese
    assert "A馆" in page  # the hall by its Chinese name, not its key
    results = page[page.index('id="run-against-plan"') :]
    assert re.findall(r"\b[ebhz][0-9]+\b", re.sub(r"<[^>]*>", " ", results)) == []
    assert cell(page, "run-gap") == "20 %"


def test_reasons_name_the_booth_type_and_rows_in_words(client, organiser, hall):
    a, b = exhibitor(hall.edition, name="Alpha"), exhibitor(hall.edition, name="Beta")
    run = finished_run(hall, a, b)
    page = client.get(url(hall, f"runs/{run.pk}/")).content.decode()
    assert "no booth of 30 m² (shell scheme) in the halls" in page
    assert "Wanted neighbour: Beta has no booth" in page
    assert "Alpha both wants and avoids Beta as a neighbour; the avoidance is kept" in page


def test_comparing_runs_with_the_working_plan(client, organiser, hall):
    a, b = exhibitor(hall.edition, name="A"), exhibitor(hall.edition, name="B")
    BoothAssignment.objects.create(booth=booth(hall, "2"), application=a)
    run = finished_run(hall, a, b)
    page = client.get(url(hall, f"runs/compare/?run={run.pk}")).content.decode()
    assert "Working plan" in page
    assert "Wishes met: Wanted neighbour" in page
    assert '<td class="number">0 / 1</td>' in page  # wanted neighbours met
    assert '<td class="number">1</td>' in page  # A would move from booth 2 to booth 1
    assert client.get(url(hall, "runs/compare/?run=999999")).status_code == 400


def test_a_stale_move_is_refused_in_place_and_nothing_changes(client, organiser, hall):
    a, b = exhibitor(hall.edition, name="A"), exhibitor(hall.edition, name="B")
    one = booth(hall, "1")
    stale_value = f"{one.pk}:{one.version}"
    client.post(url(hall, "plan/assign/"), {"exhibitor": f"{b.pk}:0", "booth": stale_value})
    response = client.post(
        url(hall, "plan/assign/"),
        {"exhibitor": f"{a.pk}:0", "booth": stale_value},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert '<div class="answer refused">' in page
    assert "Booth A-1 changed since your page was loaded; reload it and try again." in page
    assert "Booth A-1 is already taken by B." in page
    assert list(BoothAssignment.objects.values_list("application", "booth")) == [(b.pk, one.pk)]


def test_lock_and_free_from_the_plan(client, organiser, hall):
    a = exhibitor(hall.edition, name="A")
    one = booth(hall, "1")
    BoothAssignment.objects.create(booth=one, application=a)
    response = client.post(
        url(hall, f"plan/booths/{one.pk}/lock/"), {"version": one.version}, HTTP_HX_REQUEST="true"
    )
    assert "Booth A-1 is locked: runs keep it." in response.content.decode()
    assert BoothAssignment.objects.get().locked
    response = client.post(url(hall, f"plan/booths/{one.pk}/free/"), {"version": one.version})
    assert response.status_code == 302
    assert BoothAssignment.objects.get().locked  # a stale page frees nothing


def test_publishing_while_a_run_is_active_is_refused_with_a_message(client, organiser, hall):
    a = exhibitor(hall.edition, name="A")
    BoothAssignment.objects.create(booth=booth(hall, "1"), application=a)
    AllocationRun.objects.create(edition=hall.edition, status=AllocationStatus.RUNNING)
    response = client.post(url(hall, "publish/"), {"publish-note": "final"}, follow=True)
    assert "An allocation run is in progress; publish when it has finished" in (
        response.content.decode()
    )
    assert not PlanRelease.objects.exists()
    assert BoothAssignment.objects.count() == 1
    assert mail.outbox == []


def test_publishing_from_the_page(client, organiser, hall, django_capture_on_commit_callbacks):
    a = exhibitor(hall.edition, name="A")
    BoothAssignment.objects.create(booth=booth(hall, "1"), application=a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(hall, "publish/"), {"publish-note": "See you"}, follow=True)
    assert "Floor plan version 1 published with 1 booth" in response.content.decode()
    assert PlanRelease.objects.get().note == "See you"
    assert len(mail.outbox) == 1


def test_starting_a_run_from_the_page(client, organiser, hall):
    exhibitor(hall.edition, name="A")
    response = client.post(
        url(hall, "runs/"), {"run-time_limit": "5", "run-weight_preferred_hall": "7"}
    )
    run = AllocationRun.objects.get()
    assert response.url == f"/organiser/{hall.edition.slug}/exhibition/allocation/runs/{run.pk}/"
    assert run.weights["preferred_hall"] == 7
    assert run.time_limit == 5


def test_a_form_naming_another_editions_booth_or_exhibitor_changes_nothing(client, organiser, hall):
    a = exhibitor(hall.edition, name="A")
    other_hall = hall_with_booths(count=1, code="Z")
    stranger = exhibitor(other_hall.edition, name="Stranger")
    foreign_booth = booth(other_hall, "1")
    for data in (
        {"exhibitor": f"{a.pk}:0", "booth": f"{foreign_booth.pk}:1"},
        {"exhibitor": f"{stranger.pk}:0", "booth": f"{booth(hall, '1').pk}:1"},
        {"exhibitor": "٣:0", "booth": "1:1"},
    ):
        page = client.post(url(hall, "plan/assign/"), data, HTTP_HX_REQUEST="true").content.decode()
        assert '<div class="answer refused">' in page
    response = client.post(url(hall, f"plan/booths/{foreign_booth.pk}/lock/"), {"version": "1"})
    assert response.status_code == 404
    assert not BoothAssignment.objects.exists()
