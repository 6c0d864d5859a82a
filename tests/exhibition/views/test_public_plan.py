"""The published floor plan: the release only, never the working plan; en and zh-hans."""

import re
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from fairmatch.exhibition.domain import plan, releases
from tests.exhibition.helpers import assign, booth, exhibitor, hall, publish
from tests.factories import FieldFactory, OrganiserFactory

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


def _public(client, edition):
    """What the public sees: the plan's SVG, the booths' states and the PDF's text."""
    html = client.get(reverse("floorplan:plan", args=[edition.slug])).content.decode()
    svg = re.findall(r"<svg .*?</svg>", html, re.S)
    states = re.findall(r'class="booth state-(\w+)"[^>]*aria-label="Booth ([^,]+),', html)
    pdf = client.get(reverse("floorplan:plan_pdf", args=[edition.slug])).content
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    return svg, sorted((code, state) for state, code in states), text


def test_working_plan_edits_wait_for_the_next_release(client):
    organiser = OrganiserFactory()
    h = hall()
    a1, a2, a3 = booth(h, "A1", 0, 0), booth(h, "A2", 3, 0), booth(h, "A3", 6, 0)
    assign(a1, exhibitor(h.edition, name="Beijing Software"))
    releases.publish(edition=h.edition, user=organiser)
    svg, states, text = _public(client, h.edition)
    assert states == [("A1", "taken"), ("A2", "free"), ("A3", "free")]
    assert '<rect x="3" y="0" width="3" height="3" fill="#e6f4ea"/>' in svg[0]
    assert "Hall H1" in text and "A3" in text

    # The organiser edits the working plan: a new booth, a moved one, a blocked one, the
    # hall renamed. The public sees none of it.
    plan.add_booth(
        hall=h,
        code="B9",
        x=Decimal(12),
        y=Decimal(0),
        width=Decimal(3),
        depth=Decimal(3),
        user=organiser,
    )
    plan.move_booth(booth_id=a2.pk, version=a2.version, x=Decimal(20), y=Decimal(0), user=organiser)
    plan.set_blocked(booth_id=a3.pk, version=a3.version, blocked=True, user=organiser)
    plan.update_hall(
        hall_id=h.pk, name_en="Renamed Hall", width=h.width, depth=h.depth, user=organiser
    )
    assert _public(client, h.edition) == (svg, states, text)

    releases.publish(edition=h.edition, user=organiser)
    new_svg, new_states, new_text = _public(client, h.edition)
    assert new_states == [("A1", "taken"), ("A2", "free"), ("A3", "blocked"), ("B9", "free")]
    assert '<rect x="20" y="0" width="3" height="3" fill="#e6f4ea"/>' in new_svg[0]
    assert "Renamed Hall" in new_text and "B9" in new_text and "Hall H1" not in new_text
