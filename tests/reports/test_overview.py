"""The organiser's overview page of an edition."""

import pytest

from fairmatch.enterprises.models import State
from tests.factories import EditionFactory, OrganiserFactory, UserFactory
from tests.reports.conftest import participations

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client):
    user = OrganiserFactory()
    client.force_login(user)
    return user


def test_anonymous_is_sent_to_login(client):
    EditionFactory(slug="dalian-2027")
    response = client.get("/organiser/dalian-2027/")
    assert (response.status_code, response.url) == (
        302,
        "/accounts/login/?next=/organiser/dalian-2027/",
    )


def test_enterprise_user_is_refused(client):
    EditionFactory(slug="dalian-2027")
    client.force_login(UserFactory())
    assert client.get("/organiser/dalian-2027/").status_code == 403


def test_unknown_edition_is_not_found(client, organiser):
    assert client.get("/organiser/nowhere/").status_code == 404


def test_overview_shows_figures_for_everyone_and_foreign_guests(client, organiser, current):
    page = client.get("/organiser/dalian-2027/").content.decode()
    for text in (
        '<p class="headline" data-segment="all">9 enterprises from 3 countries qualified</p>',
        '<p class="headline" data-segment="foreign">7 enterprises from 2 countries qualified</p>',
        '<div class="number">+50.0 %</div>',
        '<div class="number">+40.0 %</div>',
        "vs previous edition (6 qualified)",
        "Expected attendance: 9 qualified + 4 waiting × 75.0% confirmed last edition = 12.0",
        "Expected attendance: 7 qualified + 4 waiting × 75.0% confirmed last edition = 10.0",
        '<tr data-key="IN"><td>India</td><td>4</td><td>0</td></tr>',
        '<tr data-key="US"><td>United States of America</td><td>4</td><td>4</td></tr>',
        '<tr data-key="pharma"><td>Pharmaceutical R&amp;D</td><td>2</td></tr>',
        '<tr data-key="exhibitor"><td>Exhibitors</td><td>2</td></tr>',
        'href="/organiser/dalian-2027/applications/?state=waiting_confirmation"',
        'href="/organiser/dalian-2027/rules/"',
    ):
        assert text in page


def test_overview_without_previous_edition(client, organiser):
    edition = EditionFactory(slug="first-edition")
    participations(edition, State.QUALIFIED, 1, country="JP")
    page = client.get("/organiser/first-edition/").content.decode()
    assert "1 enterprise from 1 country qualified" in page
    assert "no previous edition" in page


def test_overview_renders_in_chinese(client, organiser, current):
    response = client.get("/organiser/dalian-2027/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200
    assert current.name_zh in response.content.decode()


@pytest.mark.parametrize("rows", [2, 25])
def test_overview_queries_do_not_grow_with_participations(
    client, organiser, rows, django_assert_max_num_queries
):
    edition = EditionFactory(slug="dalian-2027", previous=EditionFactory())
    for country in ("US", "JP", "DE", "CN", "IN")[: rows // 5 + 1]:
        participations(edition, State.QUALIFIED, rows, country=country)
    participations(edition.previous, State.CONFIRMED, rows, was_waiting=True)
    # The figures, the charts (applications over time of both editions, meetings) and the
    # outcomes (intentions of both editions, press snapshots): about 30, whatever the rows;
    # 3 for the check-in panel; 4 for the exhibition (both editions' exhibitors, the plan);
    # 1 for the edition's time zone (read once a minute per process).
    with django_assert_max_num_queries(40):
        response = client.get("/organiser/dalian-2027/")
    assert response.status_code == 200


def test_overview_and_navigation_reach_the_exhibition_pages(client, organiser):
    EditionFactory(slug="dalian-2027")
    page = client.get("/organiser/dalian-2027/").content.decode()
    for text in (
        '<a class="button secondary" href="/organiser/dalian-2027/exhibition/plan/">Floor plan</a>',
        '<a class="button secondary" href="/organiser/dalian-2027/exhibition/allocation/">'
        "Booth allocation</a>",
        '<a class="button secondary" href="/e/dalian-2027/exhibitors/">Exhibitor directory</a>',
        # The organiser's navigation, on every page.
        '<a href="/organiser/dalian-2027/exhibition/allocation/">Booth allocation</a>',
    ):
        assert text in page
