"""The public exhibitor directory: who is listed (published plan only), search in Chinese
and English over names and products, the filters, the link to the booth."""

import pytest
from django.urls import reverse
from django.utils import translation

from fairmatch.enterprises.models import State
from fairmatch.exhibition.domain.directory import (
    ExhibitorFilters,
    hall_choices,
    search_exhibitors,
)
from tests.exhibition.published import booth, exhibitor, hall, publish
from tests.factories import EditionFactory, FieldFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair():
    edition = EditionFactory()
    animation = FieldFactory(code="animation", name_en="Cartoon and animation", name_zh="动漫")
    software = FieldFactory()
    h1 = hall(edition)
    h2 = hall(edition, code="H2", name_en="Hall 2", name_zh="二号馆")
    rendering = exhibitor(
        edition,
        name_original="大连动漫科技有限公司",
        name_en="Dalian Animation Technology",
        products="承接三维动画渲染与合成外包",
        fields=[animation],
    )
    testing = exhibitor(
        edition,
        name_original="Nordic QA Labs",
        country="SE",
        products="Software testing and test automation for banks",
        fields=[software],
    )
    unbooked = exhibitor(edition, name_original="Late Comer Ltd", country="DE", products="ERP")
    withdrawn = exhibitor(
        edition, name_original="Gone Away GmbH", country="DE", state=State.WITHDRAWN
    )
    submitted = exhibitor(edition, name_original="Not Yet Ltd", state=State.SUBMITTED)
    a1, b1 = booth(h1, "A1"), booth(h2, "B1", x=10)
    return {
        "edition": edition,
        "rendering": rendering,
        "testing": testing,
        "unbooked": unbooked,
        "withdrawn": withdrawn,
        "submitted": submitted,
        "a1": a1,
        "b1": b1,
    }


def names(rows):
    return [row.enterprise.name_en for row in rows]


def test_before_any_release_qualified_and_confirmed_exhibitors_without_booths(fair):
    release, rows = search_exhibitors(edition=fair["edition"], filters=ExhibitorFilters())
    assert release is None
    assert names(rows) == ["Dalian Animation Technology", "Late Comer Ltd", "Nordic QA Labs"]
    assert [row.booth_label for row in rows] == ["", "", ""]


def test_after_a_release_only_its_exhibitors_with_the_frozen_booths(fair):
    publish(fair["edition"], [(fair["a1"], fair["rendering"]), (fair["b1"], fair["testing"])])
    # A withdrawn exhibitor in a release is not listed; an unpublished change is not shown.
    fair["a1"].code = "Z9"
    fair["a1"].save()
    # The halls are named as the release froze them, in the reader's language.
    fair["b1"].hall.name_en = "Renamed Hall"
    fair["b1"].hall.save()
    release, rows = search_exhibitors(edition=fair["edition"], filters=ExhibitorFilters())
    assert release.number == 1
    assert [(row.enterprise.name_en, row.booth_label, row.hall_name) for row in rows] == [
        ("Dalian Animation Technology", "H1-A1", "Hall 1"),
        ("Nordic QA Labs", "H2-B1", "Hall 2"),
    ]
    with translation.override("zh-hans"):
        _, rows = search_exhibitors(edition=fair["edition"], filters=ExhibitorFilters())
        assert [row.hall_name for row in rows] == ["一号馆", "二号馆"]
    assert hall_choices(fair["edition"], release) == [("H1", "Hall 1"), ("H2", "Hall 2")]


def test_withdrawn_exhibitor_of_a_release_is_not_listed(fair):
    publish(fair["edition"], [(fair["a1"], fair["withdrawn"]), (fair["b1"], fair["testing"])])
    _, rows = search_exhibitors(edition=fair["edition"], filters=ExhibitorFilters())
    assert names(rows) == ["Nordic QA Labs"]


def test_latest_release_wins(fair):
    publish(fair["edition"], [(fair["a1"], fair["rendering"])])
    publish(fair["edition"], [(fair["a1"], fair["testing"])])
    _, rows = search_exhibitors(edition=fair["edition"], filters=ExhibitorFilters())
    assert [(row.enterprise.name_en, row.booth_label) for row in rows] == [
        ("Nordic QA Labs", "H1-A1")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("渲染", ["Dalian Animation Technology"]),  # Chinese word in Chinese products
        ("rendering", ["Dalian Animation Technology"]),  # English service, Chinese text
        ("软件测试", ["Nordic QA Labs"]),  # Chinese service, English text
        ("test automation", ["Nordic QA Labs"]),
        ("大连动漫", ["Dalian Animation Technology"]),  # original name
        ("Nordic QA Lbas", ["Nordic QA Labs"]),  # a typo in the name
    ],
)
def test_search_in_chinese_and_english_over_names_and_products(fair, text, expected):
    _, rows = search_exhibitors(edition=fair["edition"], filters=ExhibitorFilters(text=text))
    assert names(rows)[:1] == expected


def test_filters_field_service_country_hall(fair):
    publish(
        fair["edition"],
        [(fair["a1"], fair["rendering"]), (fair["b1"], fair["testing"])],
    )
    edition = fair["edition"]

    def found(**kwargs):
        return names(search_exhibitors(edition=edition, filters=ExhibitorFilters(**kwargs))[1])

    assert found(field="animation") == ["Dalian Animation Technology"]
    assert found(field="software") == ["Nordic QA Labs"]
    assert found(country="SE") == ["Nordic QA Labs"]
    assert found(hall="H2") == ["Nordic QA Labs"]
    assert found(service="anim.render") == ["Dalian Animation Technology"]


def test_page_public_in_english_and_chinese(client, fair):
    publish(fair["edition"], [(fair["a1"], fair["rendering"])])
    url = reverse("exhibitors:directory", args=[fair["edition"].slug])
    response = client.get(url, {"q": "rendering"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dalian Animation Technology" in body
    assert 'data-booth="H1-A1"' in body
    assert "Nordic QA Labs" not in body  # not on the published plan
    with translation.override("zh-hans"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "大连动漫科技有限公司" in response.content.decode()


def test_page_never_shows_unpublished_booths(client, fair):
    url = reverse("exhibitors:directory", args=[fair["edition"].slug])
    body = client.get(url).content.decode()
    assert "data-booth" not in body
    assert "Not Yet Ltd" not in body
    assert "Gone Away GmbH" not in body


def test_queries_do_not_grow_with_rows(client, fair, django_assert_max_num_queries):
    edition = fair["edition"]
    publish(edition, [(fair["a1"], fair["rendering"]), (fair["b1"], fair["testing"])])
    url = reverse("exhibitors:directory", args=[edition.slug])
    with django_assert_max_num_queries(16):
        client.get(url)
    h = fair["a1"].hall
    more = [
        (booth(h, f"C{n}", x=3 * n, y=20), exhibitor(edition, name_original=f"Firm {n}"))
        for n in range(8)
    ]
    publish(edition, [(fair["a1"], fair["rendering"]), *more])
    with django_assert_max_num_queries(16):
        client.get(url)


def test_booth_links_open_the_booth_on_the_published_plan():
    from fairmatch.exhibition.interfaces.directory import booth_url

    assert booth_url("/e/soc/exhibition/plan/", hall_code="H1", booth_code="A 12") == (
        "/e/soc/exhibition/plan/#booth-H1-A_12"
    )
    assert booth_url(None, hall_code="H1", booth_code="A12") is None
    assert booth_url("/plan/", hall_code="H1", booth_code="") is None


@pytest.mark.parametrize("text", ["animation", "动漫"])
def test_a_fields_name_in_either_language_finds_its_exhibitors(fair, text):
    _, rows = search_exhibitors(edition=fair["edition"], filters=ExhibitorFilters(text=text))
    assert names(rows) == ["Dalian Animation Technology"]
