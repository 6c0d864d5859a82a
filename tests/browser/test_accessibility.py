"""axe-core over the main pages of every role, in English and in Chinese: no serious or
critical violation (https://dequeuniversity.com/rules/axe/ names each rule)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from django.urls import reverse

from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import Meeting
from tests.factories import OrganiserFactory
from tests.matching.helpers import buyer, member
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = {"en": "en-US", "zh-hans": "zh-CN"}
SERIOUS = {"serious", "critical"}


@pytest.fixture
def world():
    edition = grid_edition(slots=4, tables=2)
    host = buyer(edition, name_original="Keiko Trading", name_en="Keiko Trading")
    accepted_meetings(edition, 2, buyers=[host])
    place_in_turn(list(Meeting.objects.filter(edition=edition).order_by("pk")))
    releases.publish(edition=edition, name="final", user=None)
    return {"edition": edition, "member": member(host), "organiser": OrganiserFactory()}


def pages_of(role: str, slug: str) -> list[str]:
    by_role = {
        "anonymous": [
            reverse("web:home"),
            reverse("account_login"),
            reverse("account_signup"),
            "/no/such/page/",
        ],
        "organiser": [
            reverse("reports:overview", args=[slug]),
            reverse("review:queue", args=[slug]),
            reverse("rules:list", args=[slug]),
            reverse("matching_admin:overview", args=[slug]),
            reverse("scheduling_admin:overview", args=[slug]),
            reverse("scheduling_admin:board", args=[slug]),
        ],
        "member": [
            reverse("matching:directory", args=[slug]),
            reverse("matching:inbox", args=[slug]),
            reverse("scheduling:agenda", args=[slug]),
            reverse("enterprises:my_applications"),
            reverse("enterprises:profile"),
        ],
    }
    return by_role[role]


def tab(browser, live_server, *, user, language):
    context = browser.new_context(base_url=live_server.url, locale=LANGUAGES[language])
    context.set_default_timeout(15_000)
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies.append(
            {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
        )
    context.add_cookies(cookies)
    return context.new_page()


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("role", ["anonymous", "organiser", "member"])
def test_the_main_pages_have_no_serious_accessibility_violation(
    browser, live_server, world, role, language
):
    user = None if role == "anonymous" else world[role]
    if user is not None and hasattr(user, "language"):
        user.language = language
        user.save(update_fields=["language"])
    page = tab(browser, live_server, user=user, language=language)
    axe = Axe()
    found = []
    for path in pages_of(role, world["edition"].slug):
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language, path
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in SERIOUS:
                targets = [node["target"] for node in violation["nodes"]][:3]
                found.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
    assert found == []


def test_the_check_finds_a_violation_where_there_is_one(page):
    page.goto("/")
    page.evaluate(
        """() => { const img = document.createElement("img"); img.src = "/static/x.png";
        document.querySelector("main").append(img); }"""
    )
    found = {violation["id"] for violation in Axe().run(page).response["violations"]}
    assert "image-alt" in found
