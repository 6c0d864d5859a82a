import pytest

from tests.factories import EditionFactory, OrganiserFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_home_lists_open_editions_for_visitors(client):
    edition = EditionFactory(name_en="Dalian Outsourcing Conference 2027")
    response = client.get("/")
    assert response.status_code == 200
    assert edition.name_en in response.content.decode()


def test_home_shows_an_enterprise_its_own_applications_only(client):
    mine = ParticipationFactory(edition__name_en="Edition Mine")
    other = ParticipationFactory(edition__name_en="Edition Theirs", edition__status="draft")
    user = UserFactory(enterprise=mine.enterprise)
    client.force_login(user)
    page = client.get("/").content.decode()
    assert "Edition Mine" in page
    assert other.edition.name_en not in page


def test_home_renders_in_chinese(client):
    EditionFactory(name_zh="大连服务外包合作洽谈会")
    client.force_login(OrganiserFactory())
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "大连服务外包合作洽谈会" in page


@pytest.mark.parametrize(
    ("language", "shown", "hidden"),
    [
        ("en", "Dalian World Expo Center", "大连世界博览中心"),
        ("zh-hans", "大连世界博览中心", "Dalian World"),
    ],
)
def test_the_venue_is_named_in_the_readers_language(client, language, shown, hidden):
    EditionFactory(venue="Dalian World Expo Center", venue_zh="大连世界博览中心")
    page = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert shown in page
    assert hidden not in page


def test_home_links_each_editions_exhibitor_directory_and_floor_plan(client):
    EditionFactory(slug="dalian-2027")
    page = client.get("/").content.decode()
    assert '<a href="/e/dalian-2027/exhibitors/">Exhibitor directory</a>' in page
    assert '<a href="/e/dalian-2027/exhibition/plan/">Floor plan</a>' in page
