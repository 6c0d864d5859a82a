"""The plan's SVG: well-formed, to scale, booths coloured by state, user text escaped."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from fairmatch.exhibition.interfaces.floorplan import (
    STATES,
    BoothState,
    booth_state,
    latest_release,
    published_halls,
    render_svg,
    working_hall,
)
from tests.exhibition.helpers import assign, booth, exhibitor, hall, publish

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def test_states_in_one_place():
    assert booth_state(blocked=True, assigned=True, published=True) == BoothState.BLOCKED
    assert booth_state(blocked=False, assigned=True, published=True) == BoothState.TAKEN
    assert booth_state(blocked=False, assigned=True, published=False) == BoothState.OFFERED
    assert booth_state(blocked=False, assigned=False, published=False) == BoothState.FREE


def _fills(root):
    found = {}
    for element in root.iter():
        if element.get("class", "").startswith("booth "):
            code = element.find(f"{SVG}text").text
            found[code] = (element.get("class").split()[1], element.find(f"{SVG}rect").get("fill"))
    return found


def test_working_plan_colours_by_state_and_escapes():
    h = hall()
    free = booth(h, "A1", 0, 0)
    offered = booth(h, "A2", 3, 0)
    taken = booth(h, "A3", 6, 0)
    booth(h, "A4", 9, 0, is_blocked=True)
    hostile = exhibitor(h.edition, name='<script>alert(1)</script> & "Co"')
    assign(offered, hostile)
    taken_app = exhibitor(h.edition, name="Taken Ltd")
    assign(taken, taken_app)
    publish(h.edition, {free: None, taken: taken_app})
    svg = str(render_svg(working_hall(h), mode="editor", link="?booth={pk}"))
    root = ET.fromstring(svg)  # well-formed XML
    assert root.get("viewBox") == "-1.5 -1.5 33 23"
    assert _fills(root) == {
        "A1": ("state-free", STATES[BoothState.FREE][1]),
        "A2": ("state-offered", STATES[BoothState.OFFERED][1]),
        "A3": ("state-taken", STATES[BoothState.TAKEN][1]),
        "A4": ("state-blocked", STATES[BoothState.BLOCKED][1]),
    }
    assert "<script>" not in svg
    titles = [t.text for t in root.iter(f"{SVG}title")]
    assert (
        'Booth A2, offered (not yet published), <script>alert(1)</script> & "Co", 3 × 3 m' in titles
    )
    assert root.find(f".//{SVG}g[@class='entrance']") is not None


def test_public_plan_reads_only_the_release():
    h = hall()
    a1 = booth(h, "A1", 0, 0)
    a2 = booth(h, "A2", 3, 0)
    published_app = exhibitor(h.edition, name="北京软件有限公司", name_en="Beijing Software Co")
    assign(a1, published_app)
    publish(h.edition, {a1: published_app, a2: None})
    # Afterwards, the working plan changes: a new assignment, a moved booth.
    assign(a2, exhibitor(h.edition, name="Secret Newcomer"))
    a1.x = 20
    a1.save()
    (drawn,) = published_halls(latest_release(h.edition_id))
    with translation.override("zh-hans"):
        (drawn_zh,) = published_halls(latest_release(h.edition_id))
    svg = str(render_svg(drawn, mode="public"))
    root = ET.fromstring(svg)
    assert "Secret Newcomer" not in svg
    assert _fills(root) == {
        "A1": ("state-taken", STATES[BoothState.TAKEN][1]),
        "A2": ("state-free", STATES[BoothState.FREE][1]),
    }
    a1_rect = root.find(f".//{SVG}a/{SVG}rect")
    assert a1_rect.get("x") == "0"  # the frozen place, not the moved one
    assert [b.exhibitor for b in drawn.booths] == ["Beijing Software Co", ""]
    assert [b.exhibitor for b in drawn_zh.booths] == ["北京软件有限公司", ""]
    link = root.find(f".//{SVG}a")
    assert link.get("href") == "#booth-H1-A1"
