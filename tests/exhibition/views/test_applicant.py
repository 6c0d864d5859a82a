"""The exhibition part of the application: each bad input on its field, nothing saved."""

from decimal import Decimal

import pytest

from fairmatch.enterprises.models import State
from fairmatch.exhibition.models import BoothStaff, ExhibitorApplication, NeighbourWish
from tests.exhibition.helpers import exhibition_part, hall_with_booths
from tests.factories import (
    DelegateFactory,
    FieldFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def staff_rows(*rows: dict, initial: int = 0) -> dict:
    data = {
        "staff-TOTAL_FORMS": str(len(rows)),
        "staff-INITIAL_FORMS": str(initial),
        "staff-MIN_NUM_FORMS": "0",
        "staff-MAX_NUM_FORMS": "30",
    }
    for index, row in enumerate(rows):
        data.update({f"staff-{index}-{key}": value for key, value in row.items()})
    return data


@pytest.fixture
def exhibitor(client):
    participation = ParticipationFactory(
        is_negotiator=False,
        is_exhibitor=True,
        enterprise__name_original="大连动漫有限公司",
        enterprise__name_en="Dalian Animation Ltd",
        enterprise__country="CN",
    )
    client.force_login(UserFactory(enterprise=participation.enterprise))
    return participation


def url(participation) -> str:
    return f"/e/{participation.edition.slug}/exhibition/apply/"


def post(**overrides) -> dict:
    data = {
        "action": "save",
        "min_area": "9",
        "max_area": "18",
        "booth_kind": "shell",
        "products": "2D and 3D animation for games",
        "products_language": "en",
        "wanted": "",
        "avoided": "",
    }
    data |= staff_rows({"full_name": "Li Wei", "email": "li.wei@example.cn"})
    return data | overrides


def test_a_draft_part_is_saved_with_its_neighbours_and_staff(client, exhibitor):
    software = FieldFactory()
    partner = ParticipationFactory(
        edition=exhibitor.edition,
        enterprise__name_original="東京アニメ株式会社",
        enterprise__name_en="Tokyo Anime Co",
    ).enterprise
    response = client.post(
        url(exhibitor),
        post(fields=[str(software.pk)], wanted="tokyo anime co", meetings_at_booth="on"),
    )
    assert response.status_code == 302
    application = ExhibitorApplication.objects.get()
    assert (application.min_area, application.max_area, application.meetings_at_booth) == (
        Decimal("9"),
        Decimal("18"),
        True,
    )
    assert list(application.fields.all()) == [software]
    assert [(w.kind, w.enterprise) for w in NeighbourWish.objects.all()] == [("wanted", partner)]
    assert [s.full_name for s in BoothStaff.objects.all()] == ["Li Wei"]
    page = client.get(url(exhibitor))
    assert page.context["form"]["wanted"].value() == "東京アニメ株式会社"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"min_area": "18", "max_area": "9"},
            "max_area",
            "The largest booth (9 m²) is smaller than the smallest (18 m²).",
        ),
        (
            {"min_area": "10", "max_area": "12"},
            "min_area",
            "No booth of this edition measures 10–12 m²; booths measure 9, 18 m².",
        ),
        (
            {"wanted": "Dalian Animation Ltd"},
            "wanted",
            "Your own enterprise cannot be its own neighbour.",
        ),
        (
            {"avoided": "Nobody Known Ltd"},
            "avoided",
            "No enterprise of this edition is named “Nobody Known Ltd”.",
        ),
        ({"products": ""}, "products", "This field is required."),
    ],
)
def test_each_bad_input_is_named_on_its_field_and_nothing_is_saved(
    client, exhibitor, overrides, field, message
):
    hall_with_booths(exhibitor.edition, ("3", "3"), ("6", "3"))
    response = client.post(url(exhibitor), post(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert ExhibitorApplication.objects.count() == 0
    assert BoothStaff.objects.count() == 0
    assert message in response.content.decode()


def test_wanting_and_avoiding_the_same_enterprise_is_refused(client, exhibitor):
    ParticipationFactory(edition=exhibitor.edition, enterprise__name_en="Rival Studio")
    response = client.post(url(exhibitor), post(wanted="Rival Studio", avoided="rival studio"))
    assert response.context["form"].errors == {
        "avoided": ["You both want and avoid Rival Studio as a neighbour; choose one."]
    }
    assert ExhibitorApplication.objects.count() == 0


def test_submitting_needs_the_part_then_submits_the_whole_application(client, exhibitor):
    DelegateFactory(participation=exhibitor)
    response = client.post(url(exhibitor), post(action="submit"))
    assert response.status_code == 302
    assert response.url == f"/e/{exhibitor.edition.slug}/exhibition/mine/"
    exhibitor.refresh_from_db()
    assert exhibitor.state == State.SUBMITTED


def test_the_main_application_names_the_missing_exhibition_part(client, exhibitor):
    DelegateFactory(participation=exhibitor)
    response = client.post(
        f"/apply/{exhibitor.edition.slug}/",
        {
            "action": "submit",
            "roles-is_exhibitor": "on",
            "delegates-TOTAL_FORMS": "0",
            "delegates-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    exhibitor.refresh_from_db()
    assert exhibitor.state == State.DRAFT
    assert "Fill in the exhibition part (your booth and what you show)." in [
        str(m) for m in response.context["messages"]
    ]
    assert f'href="{url(exhibitor)}"' in response.content.decode()


def test_a_submitted_part_is_no_longer_editable(client, exhibitor):
    exhibition_part(exhibitor)
    exhibitor.state = State.SUBMITTED
    exhibitor.save()
    assert client.get(url(exhibitor)).url == f"/e/{exhibitor.edition.slug}/exhibition/mine/"
    client.post(url(exhibitor), post(min_area="12"))
    assert ExhibitorApplication.objects.get().min_area == Decimal("9")


def test_an_enterprise_that_takes_no_booth_is_refused(client):
    buyer = ParticipationFactory()
    client.force_login(UserFactory(enterprise=buyer.enterprise))
    assert client.get(url(buyer)).status_code == 403
    assert client.post(url(buyer), post()).status_code == 403
    assert ExhibitorApplication.objects.count() == 0


def test_the_page_renders_in_chinese(client, exhibitor):
    hall_with_booths(exhibitor.edition, ("3", "3"))
    client.cookies["django_language"] = "zh-hans"
    response = client.get(url(exhibitor))
    body = response.content.decode()
    assert (
        "展览申请" in body
        and "最小展位面积（平方米）" in body
        and "本届展位面积为 9 平方米。" in body
    )


def test_a_hall_of_another_edition_is_not_a_choice(client, exhibitor):
    elsewhere = hall_with_booths(ParticipationFactory().edition, ("3", "3"))
    response = client.post(url(exhibitor), post(preferred_hall=str(elsewhere.pk)))
    assert response.context["form"].errors == {
        "preferred_hall": [
            "Select a valid choice. That choice is not one of the available choices."
        ]
    }
    assert ExhibitorApplication.objects.count() == 0


def test_an_enterprise_that_exhibits_and_negotiates_fills_both_parts(client):
    both = ParticipationFactory(is_negotiator=True, is_exhibitor=True, enterprise__country="JP")
    client.force_login(UserFactory(enterprise=both.enterprise))
    page = client.get(f"/apply/{both.edition.slug}/").content.decode()
    assert 'id="demands"' in page and f'href="{url(both)}"' in page
    assert client.get(url(both)).status_code == 200
