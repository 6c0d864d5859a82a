"""The exhibition's figures on a small fair: exhibitors, foreign share and growth against
the previous edition counted the same way, booths taken and the floor area let from the
published plan; in ``fairmatch figures --json`` and on the organiser's overview."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from fairmatch.enterprises.models import State
from fairmatch.reports.exhibitors import exhibitor_figures
from tests.exhibition.published import booth, exhibitor, hall, publish
from tests.factories import EditionFactory, OrganiserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair():
    previous = EditionFactory(slug="dalian-2026")
    edition = EditionFactory(slug="dalian-2027", previous=previous)
    # Previous edition: two foreign exhibitors (one withdrawn: not counted), one domestic.
    exhibitor(previous, name_original="Old One", country="US")
    exhibitor(previous, name_original="Old Two", country="JP", state=State.QUALIFIED)
    exhibitor(previous, name_original="Old Gone", country="DE", state=State.WITHDRAWN)
    exhibitor(previous, name_original="老展商", country="CN")
    # This edition: three foreign and three domestic; one foreign submitted (not counted).
    foreign = [
        exhibitor(edition, name_original=f"Foreign {n}", country=code)
        for n, code in enumerate(["US", "JP", "DE"])
    ]
    domestic = [exhibitor(edition, name_original=f"本地 {n}", country="CN") for n in range(3)]
    exhibitor(edition, name_original="Pending", country="FR", state=State.SUBMITTED)
    h1 = hall(edition)
    booths = [booth(h1, f"A{n}", x=4 * n, width=3, depth=3) for n in range(4)]
    booths.append(booth(h1, "B1", y=10, width=6, depth=4))
    return edition, foreign, domestic, booths


def test_figures_before_the_plan_is_published(fair):
    edition, *_ = fair
    figures = exhibitor_figures(edition)
    assert figures.to_json() == {
        "exhibitors": 6,
        "foreign_exhibitors": 3,
        "foreign_exhibitor_share_pct": 50.0,
        "foreign_exhibitors_previous": 2,
        "foreign_exhibitor_growth_pct": 50.0,
        "booths_taken": 0,
        "booths_total": 5,
        "floor_area_let_m2": 0.0,
        "plan_release": None,
    }


def test_booths_and_area_from_the_published_plan(fair):
    edition, foreign, domestic, booths = fair
    publish(
        edition,
        [
            (booths[0], foreign[0]),
            (booths[1], domestic[0]),
            (booths[2], None),
            (booths[4], foreign[1]),
        ],
    )
    figures = exhibitor_figures(edition)
    assert (figures.booths_taken, figures.booths_total, figures.floor_area_let_m2) == (3, 5, 42.0)
    assert figures.plan_release == 1


def test_no_previous_edition_no_growth():
    edition = EditionFactory()
    exhibitor(edition, name_original="Solo", country="US")
    figures = exhibitor_figures(edition)
    assert (figures.foreign_exhibitors_previous, figures.foreign_exhibitor_growth_pct) == (
        None,
        None,
    )
    assert figures.foreign_exhibitor_share_pct == 100.0


def test_figures_command_prints_the_exhibitor_figures(fair):
    out = StringIO()
    call_command("figures", "--json", "--edition", "dalian-2027", stdout=out)
    data = json.loads(out.getvalue())
    assert {
        key: data[key]
        for key in (
            "exhibitors",
            "foreign_exhibitors",
            "foreign_exhibitor_share_pct",
            "foreign_exhibitors_previous",
            "foreign_exhibitor_growth_pct",
            "booths_taken",
            "booths_total",
            "floor_area_let_m2",
        )
    } == {
        "exhibitors": 6,
        "foreign_exhibitors": 3,
        "foreign_exhibitor_share_pct": 50.0,
        "foreign_exhibitors_previous": 2,
        "foreign_exhibitor_growth_pct": 50.0,
        "booths_taken": 0,
        "booths_total": 5,
        "floor_area_let_m2": 0.0,
    }


def test_overview_shows_the_exhibitor_figures(client, fair):
    edition, foreign, _domestic, booths = fair
    publish(edition, [(booths[4], foreign[0])])
    client.force_login(OrganiserFactory())
    page = client.get("/organiser/dalian-2027/").content.decode()
    for text in (
        '<tr data-figure="exhibitors"><td>Exhibitors</td><td>6</td></tr>',
        '<tr data-figure="foreign_exhibitors"><td>Foreign exhibitors</td><td>3 (50.0 %)</td></tr>',
        '<tr data-figure="booths"><td>Booths taken / total</td><td>1 / 5</td></tr>',
        '<tr data-figure="floor_area_let"><td>Floor area let</td><td>24.0 m²</td></tr>',
    ):
        assert text in page
