"""In a real Chromium: a visitor (no account) searches the exhibitor directory in English
and in Chinese and filters it by hall; at 1366 and 390 pixels, in English and Chinese, the
page does not scroll sideways (the screenshots are kept in the test's folder)."""

import pytest
from playwright.sync_api import expect

from tests.exhibition.published import booth, exhibitor, hall, publish
from tests.factories import EditionFactory, FieldFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"laptop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def fair():
    edition = EditionFactory(slug="soc-2027")
    animation = FieldFactory(code="animation", name_en="Cartoon and animation", name_zh="动漫")
    software = FieldFactory()
    h1 = hall(edition, code="H1", name_en="Hall 1 (international)", name_zh="一号馆（国际）")
    h2 = hall(edition, code="H2", name_en="Hall 2 (China)", name_zh="二号馆（中国）")
    rows = [
        (
            "大连渲染科技有限公司",
            "Dalian Render Tech",
            "CN",
            "三维动画渲染与合成外包，影视级渲染农场",
            animation,
            h2,
        ),
        (
            "杭州光影数码有限公司",
            "Hangzhou Lightshadow Digital",
            "CN",
            "二维动画中期制作与上色",
            animation,
            h2,
        ),
        (
            "沈阳软件测试中心",
            "Shenyang Software QA Centre",
            "CN",
            "软件测试、自动化测试与质量保证服务",
            software,
            h2,
        ),
        (
            "Nordic QA Labs AB",
            "Nordic QA Labs AB",
            "SE",
            "Test automation and quality assurance for banking software",
            software,
            h1,
        ),
        (
            "株式会社東京アニメーション",
            "Tokyo Animation Co., Ltd.",
            "JP",
            "Key animation and in-between work for TV series",
            animation,
            h1,
        ),
    ]
    placements = []
    for n, (original, english, country, products, field, where) in enumerate(rows):
        participation = exhibitor(
            edition,
            name_original=original,
            name_en=english,
            country=country,
            products=products,
            fields=[field],
        )
        placements.append((booth(where, f"A{n + 1:02d}", x=3 * n), participation))
    publish(edition, placements)
    return edition


def test_a_visitor_searches_in_english_and_chinese_and_filters_by_hall(page, fair):
    page.goto(f"/e/{fair.slug}/exhibitors/")
    expect(page.locator("#exhibitors tbody tr")).to_have_count(5)
    page.get_by_label("Search").fill("rendering")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#exhibitors tbody tr")).to_have_count(1)
    expect(page.locator("#exhibitors")).to_contain_text("Dalian Render Tech")
    expect(page.locator("#exhibitors")).to_contain_text("H2-A01")
    page.get_by_label("Search").fill("软件测试")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#exhibitors tbody tr").first).to_contain_text("Shenyang Software QA")
    page.get_by_label("Search").fill("")
    page.locator("summary").click()
    page.get_by_label("Hall").select_option("H1")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#exhibitors tbody tr")).to_have_count(2)


@pytest.mark.parametrize("language", ["en-US", "zh-CN"])
@pytest.mark.parametrize("size", ["laptop", "phone"])
def test_the_directory_fits_the_screen(browser, live_server, fair, language, size, tmp_path):
    context = browser.new_context(
        base_url=live_server.url,
        locale=language,
        viewport=SIZES[size],
        is_mobile=size == "phone",
    )
    page = context.new_page()
    page.goto(f"/e/{fair.slug}/exhibitors/?q=animation")
    expect(page.locator("#exhibitors tbody tr").first).to_be_visible()
    page.screenshot(path=str(tmp_path / f"directory-{language}-{size}.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= SIZES[size]["width"], width
