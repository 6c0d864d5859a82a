"""The published floor plan: the release only, never the working plan; en and zh-hans."""

import pytest
from django.urls import reverse

from tests.exhibition.helpers import assign, booth, exhibitor, hall, publish
from tests.factories import FieldFactory

pytestmark = pytest.mark.django_db


def test_not_published_yet(client):
    h = hall()
    booth(h, "A1", 0, 0)
    page = client.get(reverse("floorplan:plan", args=[h.edition.slug]))
    assert page.status_code == 200
    assert "The floor plan has not been published yet." in page.content.decode()
    assert client.get(reverse("floorplan:plan_pdf", args=[h.edition.slug])).status_code == 404


def test_public_plan_shows_published_exhibitors_only(client):
    h = hall()
    a1, a2 = booth(h, "A1", 0, 0), booth(h, "A2", 3, 0)
    app = exhibitor(
        h.edition, name="北京软件有限公司", name_en="Beijing Software", products="ERP <b>now</b>"
    )
    app.participation.enterprise.fields.add(FieldFactory())
    assign(a1, app)
    publish(h.edition, {a1: app, a2: None})
    assign(a2, exhibitor(h.edition, name="Unpublished Newcomer"))
    html = client.get(reverse("floorplan:plan", args=[h.edition.slug])).content.decode()
    assert "Unpublished Newcomer" not in html
    assert 'id="booth-H1-A1"' in html
    assert "Beijing Software" in html and "北京软件有限公司" in html
    assert "ERP &lt;b&gt;now&lt;/b&gt;" in html
    assert "Software" in html
    client.cookies["django_language"] = "zh-hans"
    zh = client.get(
        reverse("floorplan:plan", args=[h.edition.slug]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert "软件" in zh.content.decode()
    pdf = client.get(reverse("floorplan:plan_pdf", args=[h.edition.slug]))
    assert pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("booths", [2, 12])
def test_public_plan_queries_do_not_grow_with_booths(client, django_assert_max_num_queries, booths):
    h = hall(width="80")
    published = {}
    for index in range(booths):
        b = booth(h, f"A{index}", index * 5, 0)
        application = exhibitor(h.edition, name=f"Exhibitor {index}")
        application.participation.enterprise.fields.add(FieldFactory())
        assign(b, application)
        published[b] = application
    publish(h.edition, published)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("floorplan:plan", args=[h.edition.slug]))
    assert page.content.decode().count('class="card exhibitor-panel"') == booths


def test_the_published_plan_links_to_the_exhibitor_directory(client):
    h = hall()
    a1 = booth(h, "A1", 0, 0)
    publish(h.edition, {a1: None})
    html = client.get(reverse("floorplan:plan", args=[h.edition.slug])).content.decode()
    directory = reverse("exhibitors:directory", args=[h.edition.slug])
    assert (
        f'<a class="no-print" id="plan-directory" href="{directory}">Exhibitor directory</a>'
        in html
    )


def test_the_panel_links_to_the_exhibitor_in_the_directory(client):
    h = hall()
    a1 = booth(h, "A1", 0, 0)
    app = exhibitor(h.edition, name="大连动漫 & Co", name_en="Dalian Animation")
    app.participation.state = "confirmed"
    app.participation.save()
    assign(a1, app)
    publish(h.edition, {a1: app})
    html = client.get(reverse("floorplan:plan", args=[h.edition.slug])).content.decode()
    directory = reverse("exhibitors:directory", args=[h.edition.slug])
    assert f'href="{directory}?q=%E5%A4%A7%E8%BF%9E%E5%8A%A8%E6%BC%AB+%26+Co"' in html
    found = client.get(directory, {"q": "大连动漫 & Co"}).content.decode()
    assert "Dalian Animation" in found
