"""The plan editor's pages: organisers only; refusals shown in place; nothing lost."""

from decimal import Decimal

import pytest
from django.urls import reverse

from fairmatch.core.models import AuditEntry
from fairmatch.exhibition.models import Booth, Zone
from tests.exhibition.helpers import booth, exhibitor, hall
from tests.factories import OrganiserFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client):
    h = hall()
    a1 = booth(h, "A1", 0, 0)
    a2 = booth(h, "A2", 10, 0)
    client.force_login(OrganiserFactory())
    return client, h, a1, a2


def test_only_organisers_edit(client):
    h = hall()
    a1 = booth(h, "A1", 0, 0)
    url = reverse("floorplan_admin:booth_edit", args=[h.edition.slug, a1.pk])
    assert client.post(url, {"move": "1", "x": "5", "y": "5", "version": "1"}).status_code == 302
    client.force_login(UserFactory())
    assert client.post(url, {"move": "1", "x": "5", "y": "5", "version": "1"}).status_code == 403
    assert client.get(reverse("floorplan_admin:halls", args=[h.edition.slug])).status_code == 403
    a1.refresh_from_db()
    assert (a1.x, a1.version) == (Decimal("0.00"), 1)


def test_hall_page_draws_the_plan(setup):
    client, h, a1, _a2 = setup
    page = client.get(
        reverse("floorplan_admin:hall", args=[h.edition.slug, h.pk]), {"booth": a1.pk}
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="floorplan floorplan-editor"' in html
    assert f'data-booth="{a1.pk}"' in html
    assert 'name="code"' in html


def test_move_refused_on_overlap_in_place(setup):
    client, h, _a1, a2 = setup
    url = reverse("floorplan_admin:booth_edit", args=[h.edition.slug, a2.pk])
    answer = client.post(
        url, {"move": "1", "x": "1.5", "y": "0", "version": "1"}, HTTP_HX_REQUEST="true"
    )
    assert answer.status_code == 200
    assert "Booth H1-A2 would overlap booth H1-A1." in answer.content.decode()
    a2.refresh_from_db()
    assert (a2.x, a2.version) == (Decimal("10.00"), 1)
    answer = client.post(
        url, {"move": "1", "x": "4", "y": "0", "version": "1"}, HTTP_HX_REQUEST="true"
    )
    assert "Booth A2 saved." in answer.content.decode()
    a2.refresh_from_db()
    assert (a2.x, a2.version) == (Decimal("4.00"), 2)


def test_side_form_stale_version_keeps_the_input(setup):
    client, h, a1, _a2 = setup
    url = reverse("floorplan_admin:booth_edit", args=[h.edition.slug, a1.pk])
    data = {"code": "A1", "x": "0", "y": "5", "width": "3", "depth": "3", "kind": "shell"}
    client.post(url, {**data, "version": "1"})
    answer = client.post(url, {**data, "y": "7.25", "version": "1"}, HTTP_HX_REQUEST="true")
    html = answer.content.decode()
    assert "was changed since this page was loaded" in html
    assert 'value="7.25"' in html  # what was typed is still in the form
    a1.refresh_from_db()
    assert (a1.y, a1.version) == (Decimal("5.00"), 2)


def test_add_split_merge(setup):
    client, h, a1, _a2 = setup
    slug = h.edition.slug
    client.post(
        reverse("floorplan_admin:booth_add", args=[slug, h.pk]),
        {
            "add-code": "B1",
            "add-x": "0",
            "add-y": "10",
            "add-width": "6",
            "add-depth": "3",
            "add-kind": "space",
        },
    )
    b1 = Booth.objects.get(code="B1")
    client.post(
        reverse("floorplan_admin:booth_split", args=[slug, b1.pk]),
        {"axis": "x", "version": "1", "new_code": "B2"},
    )
    b2 = Booth.objects.get(code="B2")
    assert (b2.x, b2.width) == (Decimal("3.00"), Decimal("3.00"))
    client.post(
        reverse("floorplan_admin:booth_merge", args=[slug, b2.pk]), {"other": a1.pk, "version": "1"}
    )
    assert Booth.objects.filter(hall=h).count() == 4  # refused: not side by side
    client.post(
        reverse("floorplan_admin:booth_merge", args=[slug, b1.pk]), {"other": b2.pk, "version": "2"}
    )
    assert sorted(Booth.objects.filter(hall=h).values_list("code", flat=True)) == ["A1", "A2", "B1"]


def test_halls_page_adds_a_hall(client):
    from tests.factories import EditionFactory

    edition = EditionFactory()
    client.force_login(OrganiserFactory())
    url = reverse("floorplan_admin:halls", args=[edition.slug])
    answer = client.post(
        url,
        {
            "hall-code": "h2",
            "hall-name_en": "Hall 2",
            "hall-width": "40",
            "hall-depth": "25",
            "hall-entrances": "0 10; 40 5",
        },
    )
    assert answer.status_code == 302
    assert edition.halls.get().entrances == [[0.0, 10.0], [40.0, 5.0]]


def test_working_plan_pdf(setup):
    client, h, _a1, _a2 = setup
    answer = client.get(reverse("floorplan_admin:hall_pdf", args=[h.edition.slug, h.pk]))
    assert answer["Content-Type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")


def test_a_zone_is_renamed_and_re_kinded_in_place(setup):
    client, h, _a1, _a2 = setup
    zone = Zone.objects.create(hall=h, name_en="Pavilion", name_zh="展馆", kind="other")
    page = client.get(reverse("floorplan_admin:hall", args=[h.edition.slug, h.pk]))
    assert f'id="zone-{zone.pk}"' in page.content.decode()
    url = reverse("floorplan_admin:zone_edit", args=[h.edition.slug, zone.pk])
    prefix = f"zone-{zone.pk}"
    answer = client.post(
        url,
        {
            f"{prefix}-name_en": "Japan pavilion",
            f"{prefix}-name_zh": "日本馆",
            f"{prefix}-kind": "country",
        },
        headers={"HX-Request": "true"},
    )
    assert "Zone Japan pavilion saved." in answer.content.decode()
    zone.refresh_from_db()
    assert (zone.name_en, zone.name_zh, zone.kind) == ("Japan pavilion", "日本馆", "country")
    assert AuditEntry.objects.filter(action="exhibition.zone.update").count() == 1


def test_a_zone_without_a_name_is_refused_and_kept(setup):
    client, h, _a1, _a2 = setup
    zone = Zone.objects.create(hall=h, name_en="Pavilion", kind="other")
    url = reverse("floorplan_admin:zone_edit", args=[h.edition.slug, zone.pk])
    answer = client.post(url, {f"zone-{zone.pk}-kind": "other"}, headers={"HX-Request": "true"})
    assert "name (English): This field is required." in answer.content.decode()
    zone.refresh_from_db()
    assert zone.name_en == "Pavilion"


def test_removing_a_zone_keeps_its_booths_and_the_wishes(setup):
    client, h, a1, _a2 = setup
    zone = Zone.objects.create(hall=h, name_en="Pavilion", kind="other")
    Booth.objects.filter(pk=a1.pk).update(zone=zone)
    application = exhibitor(h.edition)
    application.preferred_zone = zone
    application.save()
    url = reverse("floorplan_admin:zone_delete", args=[h.edition.slug, zone.pk])
    answer = client.post(url)
    assert answer.status_code == 302
    assert Zone.objects.filter(pk=zone.pk).exists() is False
    a1.refresh_from_db()
    application.refresh_from_db()
    assert (a1.code, a1.zone_id, application.preferred_zone_id) == ("A1", None, None)
    assert AuditEntry.objects.filter(action="exhibition.zone.delete").count() == 1


def test_a_zone_of_another_edition_is_not_found(setup):
    client, h, _a1, _a2 = setup
    other = Zone.objects.create(hall=hall(), name_en="Elsewhere", kind="other")
    url = reverse("floorplan_admin:zone_delete", args=[h.edition.slug, other.pk])
    assert client.post(url).status_code == 404
    assert Zone.objects.filter(pk=other.pk).exists()


def test_the_halls_page_links_to_the_allocation_page(setup):
    client, h, _a1, _a2 = setup
    body = client.get(reverse("floorplan_admin:halls", args=[h.edition.slug])).content.decode()
    allocation = reverse("exhibition_allocation:overview", args=[h.edition.slug])
    assert f'<a href="{allocation}">Booth allocation</a>' in body
