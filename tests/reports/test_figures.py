"""The published figures: counts, countries, growth, confirmation rate, expected attendance."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from fairmatch.enterprises.models import State
from fairmatch.reports.figures import CountRow, Segment, confirmation_rate, edition_figures
from tests.factories import EditionFactory
from tests.reports.conftest import participations

pytestmark = pytest.mark.django_db


def test_counts_per_state_country_field_and_role(current):
    figures = edition_figures(current)
    assert figures.by_state == {
        "draft": 1,
        "submitted": 0,
        "qualified": 7,
        "waiting_confirmation": 4,
        "rejected": 1,
        "confirmed": 2,
        "withdrawn": 0,
    }
    assert (figures.applicants, figures.qualified, figures.countries_qualified) == (14, 9, 3)
    assert figures.qualified_by_country == [
        CountRow("US", "United States of America", 4),
        CountRow("JP", "Japan", 3),
        CountRow("CN", "China", 2),
    ]
    assert figures.applicants_by_country == [
        CountRow("IN", "India", 4),
        CountRow("US", "United States of America", 4),
        CountRow("JP", "Japan", 3),
        CountRow("CN", "China", 2),
        CountRow("KR", "South Korea", 1),
    ]
    assert figures.qualified_by_field == [
        CountRow("pharma", "Pharmaceutical R&D", 2),
        CountRow("software", "Software", 2),
    ]
    assert figures.qualified_by_role == [
        CountRow("buyer", "buyers", 7),
        CountRow("provider", "providers", 2),
        CountRow("exhibitor", "exhibitors", 2),
    ]


def test_confirmation_rate_counts_only_settled_once_waiting(previous):
    assert confirmation_rate(previous, Segment.ALL) == 0.75


def test_confirmation_rate_is_unknown_without_settled_answers():
    edition = EditionFactory()
    participations(edition, State.WAITING_CONFIRMATION, 2, was_waiting=True)
    participations(edition, State.CONFIRMED, 2)
    assert confirmation_rate(edition, Segment.ALL) is None


def test_growth_and_expected_attendance_for_everyone(current):
    figures = edition_figures(current)
    assert (figures.previous_edition, figures.previous_qualified) == ("dalian-2026", 6)
    assert figures.growth_vs_previous_pct == 50.0
    assert figures.previous_confirmation_rate == 0.75
    assert figures.expected_attendance == 12.0
    assert figures.expected_attendance_formula == (
        "9 qualified + 4 waiting × 75.0% confirmed last edition = 12.0, about 12 people"
    )


def test_foreign_segment_leaves_out_the_host_country(current):
    figures = edition_figures(current, segment=Segment.FOREIGN)
    assert (figures.qualified, figures.countries_qualified, figures.previous_qualified) == (7, 2, 5)
    assert figures.growth_vs_previous_pct == 40.0
    assert figures.expected_attendance == 10.0
    domestic = edition_figures(current, segment=Segment.DOMESTIC)
    assert (domestic.qualified, domestic.previous_qualified, domestic.growth_vs_previous_pct) == (
        2,
        1,
        100.0,
    )


def test_without_a_previous_edition_every_waiting_enterprise_counts():
    edition = EditionFactory()
    participations(edition, State.QUALIFIED, 3)
    participations(edition, State.WAITING_CONFIRMATION, 2)
    figures = edition_figures(edition)
    assert (figures.growth_vs_previous_pct, figures.previous_confirmation_rate) == (None, None)
    assert figures.expected_attendance == 5.0
    assert figures.expected_attendance_formula == (
        "3 qualified + 2 waiting (no confirmation rate from a previous edition, "
        "so all are counted) = 5"
    )


def test_growth_is_unknown_when_the_previous_edition_qualified_nobody():
    edition = EditionFactory(previous=EditionFactory())
    participations(edition, State.QUALIFIED, 3)
    figures = edition_figures(edition)
    assert (figures.previous_qualified, figures.growth_vs_previous_pct) == (0, None)


@pytest.mark.parametrize("rows", [2, 20])
def test_queries_do_not_grow_with_participations(rows, django_assert_num_queries):
    edition = EditionFactory(previous=EditionFactory())
    participations(edition, State.QUALIFIED, rows)
    participations(edition.previous, State.CONFIRMED, rows, was_waiting=True)
    with django_assert_num_queries(8):
        edition_figures(edition)


def test_figures_command_prints_json(current):
    out = StringIO()
    call_command("figures", "--json", "--edition", "dalian-2027", stdout=out)
    data = json.loads(out.getvalue())
    assert {
        key: data[key]
        for key in (
            "edition",
            "qualified",
            "waiting_confirmation",
            "rejected",
            "countries_qualified",
            "growth_vs_previous_pct",
            "expected_attendance",
        )
    } == {
        "edition": "dalian-2027",
        "qualified": 9,
        "waiting_confirmation": 4,
        "rejected": 1,
        "countries_qualified": 3,
        "growth_vs_previous_pct": 50.0,
        "expected_attendance": 12.0,
    }
    assert data["foreign"]["qualified"] == 7
    assert data["domestic"]["qualified"] == 2
    assert data["qualified_by_country"][0] == {
        "key": "US",
        "label": "United States of America",
        "count": 4,
    }


def test_figures_command_defaults_to_the_latest_edition_and_prints_a_sentence(current):
    out = StringIO()
    call_command("figures", stdout=out)
    assert out.getvalue().splitlines() == [
        f"{current.name}: 9 enterprises from 3 countries qualified, 4 waiting for "
        "confirmation, 1 rejected; expected attendance 9 qualified + 4 waiting × 75.0% "
        "confirmed last edition = 12.0, about 12 people",
        "growth vs previous edition: +50.0 %",
        "intentions: 0 confirmed, USD 0.00 of intentional cooperation investment",
        "exhibitors: 2, 2 foreign; booths 0/0, 0.0 m² let",
    ]


def test_figures_command_refuses_an_unknown_edition(current):
    with pytest.raises(CommandError) as error:
        call_command("figures", "--json", "--edition", "nowhere")
    assert str(error.value) == "no edition with the short name 'nowhere'"
