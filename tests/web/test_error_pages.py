"""The site's error pages speak the reader's language and lead back; the icon is served."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "Page not found"),
        ("zh-hans", "页面不存在"),
        ("ja", "ページが見つかりません"),
        ("ko", "페이지를 찾을 수 없습니다"),
    ],
)
def test_a_missing_page_is_named_in_the_readers_language(client, settings, language, title):
    settings.DEBUG = False
    response = client.get("/no/such/page/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    page = response.content.decode()
    assert title in page
    assert 'href="/"' in page  # the way back
    assert 'rel="icon"' in page


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "Something went wrong"),
        ("zh-hans", "出错了"),
        ("ja", "エラーが発生しました"),
        ("ko", "문제가 발생했습니다"),
    ],
)
def test_a_server_error_page_stands_alone_in_the_readers_language(language, title):
    request = RequestFactory().get("/anything/")
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    page = response.content.decode()
    assert title in page
    assert 'href="/"' in page


def test_the_icon_is_served_where_programs_look_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
