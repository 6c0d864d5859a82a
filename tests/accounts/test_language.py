"""A member's language: chosen at sign-up, switched on any page, applied after each login."""

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from fairmatch.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # the factories' password


def my_account_in(language):
    with translation.override(language):
        return gettext("My account")


def test_sign_up_offers_the_four_languages_each_named_in_itself(client):
    page = client.get("/accounts/signup/").content.decode()
    for code, name in [
        ("en", "English"),
        ("zh-hans", "简体中文"),
        ("ja", "日本語"),
        ("ko", "한국어"),
    ]:
        assert f'<option value="{code}"' in page
        assert f">{name}</option>" in page


@pytest.mark.parametrize("language", ["ja", "ko"])
def test_a_visitor_switches_language_on_any_page(client, language):
    response = client.post(
        "/i18n/setlang/", {"language": language, "next": "/accounts/login/"}, follow=True
    )
    assert response.redirect_chain == [("/accounts/login/", 302)]
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize("language", ["ja", "ko"])
def test_a_members_switch_is_kept_as_the_preferred_language(client, language):
    user = UserFactory(language="en")
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": language, "next": "/"}, follow=True)
    user.refresh_from_db()
    assert user.language == language
    assert f'<html lang="{language}">' in response.content.decode()
    assert my_account_in(language) in response.content.decode()


def test_a_language_not_offered_changes_nothing(client):
    user = UserFactory(language="ko")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.language == "ko"


@pytest.mark.parametrize("language", ["ja", "ko"])
def test_after_login_the_preferred_language_applies_whatever_the_visitor_chose(client, language):
    UserFactory(email="member@example.jp", language=language)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(
        "/accounts/login/", {"login": "member@example.jp", "password": PASSWORD}, follow=True
    )
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == language
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert User.objects.get(email="member@example.jp").language == language


def test_the_account_pages_let_a_member_choose_the_preferred_language(client):
    user = UserFactory(language="ko")
    client.force_login(user)
    page = client.get("/accounts/email/").content.decode()
    form = page[page.index('<form method="post" action="/i18n/setlang/" class="card actions"') :]
    form = form[: form.index("</form>")]
    assert '<option value="ko" selected>한국어</option>' in form
    assert '<option value="ja">日本語</option>' in form
    client.post("/i18n/setlang/", {"language": "ja", "next": "/accounts/email/"})
    user.refresh_from_db()
    assert user.language == "ja"
