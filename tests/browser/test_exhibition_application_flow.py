"""In a real Chromium, in Chinese on a phone: an exhibitor fills the exhibition part of its
application, is told on the field what is wrong, fixes it, submits, and finds its page.
Screenshots of the application and of "My exhibition" (en and zh-hans, 1366 and 390 px)
are kept under /tmp/exhibition-shots for a look."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from fairmatch.enterprises.models import State
from fairmatch.exhibition.models import BoothStaff, ExhibitorApplication, NeighbourWish
from tests.browser.login import log_in, log_in_organiser
from tests.exhibition.helpers import exhibition_part, hall_with_booths, zone_in
from tests.factories import (
    DelegateFactory,
    EditionFactory,
    FieldFactory,
    OrganiserFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/exhibition-shots")
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
LOCALES = {"en": "en-US", "zh-hans": "zh-CN"}


@pytest.fixture
def exhibitor():
    edition = EditionFactory(slug="soc-2027", name_en="Service Outsourcing Conference 2027")
    FieldFactory(code="software", name_en="Software", name_zh="软件")
    FieldFactory(code="animation", name_en="Cartoon and animation", name_zh="动漫")
    hall = hall_with_booths(edition, ("3", "3"), ("6", "3"), ("3", "3"))
    zone_in(hall)
    ParticipationFactory(
        edition=edition,
        enterprise__name_original="东京动画株式会社",
        enterprise__name_en="Tokyo Anime Co",
    )
    participation = ParticipationFactory(
        edition=edition,
        is_negotiator=False,
        is_exhibitor=True,
        enterprise__name_original="大连渲染动画制作有限公司",
        enterprise__name_en="Dalian Render Animation Co., Ltd.",
        enterprise__country="CN",
    )
    DelegateFactory(participation=participation, full_name="王芳")
    user = UserFactory(enterprise=participation.enterprise, email="wang.fang@render.example.cn")
    return participation, user


def open_page(browser, live_server, *, viewport, locale):
    context = browser.new_context(base_url=live_server.url, locale=locale, viewport=viewport)
    context.set_default_timeout(15_000)
    return context.new_page()


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page scrolls sideways ({width} px)"


def test_an_exhibitor_applies_in_chinese_on_a_phone(browser, live_server, exhibitor):
    participation, user = exhibitor
    user.language = "zh-hans"  # logging in sets the interface language to the user's
    user.save()
    page = open_page(browser, live_server, viewport=PHONE, locale="zh-CN")
    log_in(page, user.email)
    page.goto(f"/e/{participation.edition.slug}/exhibition/apply/")
    expect(page.get_by_role("heading", name="展览申请")).to_be_visible()
    no_sideways_scroll(page)

    page.get_by_label("最小展位面积（平方米）").fill("12")
    page.get_by_label("最大展位面积（平方米）").fill("9")
    page.get_by_label("软件").check()
    page.get_by_label("展示的产品和服务").fill("三维动画渲染与外包制作")
    page.get_by_label("希望相邻的展商（合作伙伴）").fill("Tokyo Anime")
    page.get_by_label("不希望相邻的展商（竞争对手）").fill("东京动画株式会社")
    page.locator("#staff").get_by_label("姓名").fill("李伟")
    page.locator("#staff").get_by_label("电子邮箱").fill("li.wei@render.example.cn")
    page.locator("button[name=action][value=submit]").click()

    max_area = page.locator("[data-field=max_area]")
    expect(max_area.locator(".errorlist")).to_have_text(
        "最大展位面积（9 平方米）小于最小展位面积（12 平方米）。"
    )
    expect(page.locator("[data-field=avoided] .errorlist")).to_have_text(
        "您同时希望和不希望与 东京动画株式会社 相邻，请二选一。"
    )
    assert ExhibitorApplication.objects.count() == 0
    no_sideways_scroll(page)

    page.get_by_label("最大展位面积（平方米）").fill("18")
    page.get_by_label("不希望相邻的展商（竞争对手）").fill("")
    page.get_by_label("接受在展位洽谈").check()
    page.locator("button[name=action][value=submit]").click()

    expect(page.get_by_role("heading", name="我的展览")).to_be_visible()
    expect(page.locator("#application-summary .badge")).to_have_text("已提交")
    expect(page.locator("#my-booth")).to_contain_text("您的展位尚未分配")
    expect(page.locator("#booth-staff")).to_contain_text("李伟")
    no_sideways_scroll(page)
    participation.refresh_from_db()
    assert participation.state == State.SUBMITTED
    application = ExhibitorApplication.objects.get()
    assert (str(application.min_area), str(application.max_area)) == ("12.00", "18.00")
    assert application.meetings_at_booth
    assert [w.enterprise.name_en for w in NeighbourWish.objects.all()] == ["Tokyo Anime Co"]
    assert [s.full_name for s in BoothStaff.objects.all()] == ["李伟"]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_screenshots_of_the_application_and_my_exhibition(
    browser, live_server, exhibitor, language
):
    participation, user = exhibitor
    user.language = language
    user.save()
    SHOTS.mkdir(exist_ok=True)
    slug = participation.edition.slug
    for name, viewport in (("1366", LAPTOP), ("390", PHONE)):
        page = open_page(browser, live_server, viewport=viewport, locale=LOCALES[language])
        log_in(page, user.email)
        page.goto(f"/e/{slug}/exhibition/apply/")
        page.locator("button[name=action][value=save]").click()  # errors shown on the fields
        page.screenshot(path=SHOTS / f"apply-{language}-{name}.png", full_page=True)
        no_sideways_scroll(page)
        page.goto(f"/apply/{slug}/")  # the application links to its exhibition part
        expect(
            page.locator(f"#exhibition-part a[href='/e/{slug}/exhibition/apply/']")
        ).to_be_visible()
        page.screenshot(path=SHOTS / f"application-{language}-{name}.png", full_page=True)
    application = exhibition_part(participation, products="三维动画渲染 / 3D rendering")
    BoothStaff.objects.create(
        application=application, full_name="李伟", title="销售经理", email="li@render.example.cn"
    )
    participation.state = State.QUALIFIED
    participation.save()
    for name, viewport in (("1366", LAPTOP), ("390", PHONE)):
        page = open_page(browser, live_server, viewport=viewport, locale=LOCALES[language])
        log_in(page, user.email)
        page.goto(f"/e/{slug}/exhibition/mine/")
        expect(page.locator("#booth-staff")).to_contain_text("李伟")
        page.screenshot(path=SHOTS / f"mine-{language}-{name}.png", full_page=True)
        no_sideways_scroll(page)


@pytest.mark.parametrize(("language", "viewport"), [("en", LAPTOP), ("zh-hans", PHONE)])
def test_the_organiser_reviews_the_exhibition_part_and_sets_the_sponsor_tier(
    browser, live_server, exhibitor, language, viewport
):
    participation, _user = exhibitor
    application = exhibition_part(participation)
    BoothStaff.objects.create(application=application, full_name="李伟", email="li@example.cn")
    participation.state = State.SUBMITTED
    participation.save()
    organiser = OrganiserFactory(email="staff@fairmatch.example", language=language)
    page = open_page(browser, live_server, viewport=viewport, locale=LOCALES[language])
    log_in_organiser(page, organiser.email)
    page.goto(f"/organiser/{participation.edition.slug}/applications/{participation.pk}/")
    section = page.locator("#exhibition")
    expect(section).to_contain_text("李伟")
    section.locator("select[name=sponsor_tier]").select_option("gold")
    section.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    application.refresh_from_db()
    assert application.sponsor_tier == "gold"
    expect(page.locator("#exhibition select[name=sponsor_tier]")).to_have_value("gold")
    SHOTS.mkdir(exist_ok=True)
    page.locator("#exhibition").screenshot(
        path=SHOTS / f"review-{language}-{viewport['width']}.png"
    )
    no_sideways_scroll(page)
