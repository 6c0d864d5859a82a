"""The account pages: in the site's layout, in Simplified Chinese, ready for a strict
content security policy."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings

from tests.factories import OrganiserFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # the factories' password
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle=")
HANDLER_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+=")


def _main(page: str) -> str:
    """The page's own part (the shared header is not the account pages' to check)."""
    return page.split("<main>", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def member(client):
    user = UserFactory(email="keiko@example.jp")
    client.post("/accounts/login/", {"login": "keiko@example.jp", "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    return user


ANONYMOUS_PAGES = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
MEMBER_PAGES = [
    "/accounts/email/",
    "/accounts/password/change/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/webauthn/add/",
]


@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_anonymous_account_pages_are_csp_ready(client, url):
    page = client.get(url).content.decode()
    assert '<a class="brand" href="/">Fairmatch</a>' in page
    main = _main(page)
    assert (INLINE_SCRIPT.findall(main), STYLE_ATTRIBUTE.findall(main)) == ([], [])
    assert HANDLER_ATTRIBUTE.findall(main) == []


@pytest.mark.parametrize("url", MEMBER_PAGES)
def test_account_management_pages_are_csp_ready(client, member, url):
    response = client.get(url)
    assert response.status_code == 200
    main = _main(response.content.decode())
    assert (INLINE_SCRIPT.findall(main), STYLE_ATTRIBUTE.findall(main)) == ([], [])
    assert HANDLER_ATTRIBUTE.findall(main) == []
    for script in re.findall(r'<script src="([^"]+)"', main):
        assert script.startswith(
            settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/"
        )


def test_the_security_key_page_uses_allauths_own_script_files(client, member):
    main = _main(client.get("/accounts/2fa/webauthn/add/").content.decode())
    assert re.findall(r'<script src="([^"]+)"', main) == [
        "/static/mfa/js/webauthn-json.js",
        "/static/mfa/js/webauthn.js",
        "/static/account/js/onload.js",
    ]


def test_the_code_page_of_an_organiser_login_is_csp_ready(client):
    OrganiserFactory(email="staff@fairmatch.example")
    client.post("/accounts/login/", {"login": "staff@fairmatch.example", "password": PASSWORD})
    main = _main(client.get("/accounts/2fa/authenticate/").content.decode())
    assert (INLINE_SCRIPT.findall(main), STYLE_ATTRIBUTE.findall(main)) == ([], [])
    assert 'name="code"' in main


def test_the_sign_up_page_in_chinese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    page = client.get("/accounts/signup/").content.decode()
    assert "<title>注册 · Fairmatch</title>" in page
    assert "<h1>企业注册</h1>" in page
    assert "已有账号？" in page
    for english in ("Sign up", "Password", "E-mail", "Create account", "Already have"):
        assert english not in _main(page), english


def test_the_account_pages_in_chinese(client, member):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    page = client.get("/accounts/2fa/totp/activate/").content.decode()
    assert "<h1>激活身份验证器应用</h1>" in page
    assert '<nav class="subnav" aria-label="我的账户">' in page
    assert ">电子邮箱地址</a>" in page
    assert ">双因素身份认证</a>" in page
    assert 'aria-label="身份验证器密钥的二维码"' in page
    assert ">我的账户</a>" in page  # the header's link
    for english in ("Two-factor", "E-mail addresses", "Authenticator", "Activate", "QR code"):
        assert english not in page, english


def test_allauths_own_pages_are_in_chinese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    page = _main(client.get("/accounts/password/reset/").content.decode())
    assert "密码重置" in page
    assert "Password" not in page


def test_the_too_many_attempts_page_in_chinese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    for _attempt in range(21):
        response = client.post("/accounts/signup/", {"email": "not-an-address"})
    assert response.status_code == 429
    assert "<h1>尝试次数过多</h1>" in response.content.decode()


def test_the_organiser_warning_in_chinese(client):
    OrganiserFactory(email="staff@fairmatch.example", totp=False, language="zh-hans")
    client.post("/accounts/login/", {"login": "staff@fairmatch.example", "password": PASSWORD})
    page = client.get("/", follow=True).content.decode()
    assert "主办方账户需要启用双因素身份认证。请设置身份验证器应用后继续。" in page
    assert not Authenticator.objects.exists()
