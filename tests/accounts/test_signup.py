"""Sign-up: the account and its enterprise, the verification mail, and nothing disclosed about
which addresses or enterprises are already registered."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from fairmatch.accounts.models import User
from fairmatch.enterprises.models import Enterprise
from tests.accounts.helpers import mailed_link
from tests.factories import FieldFactory, UserFactory

pytestmark = pytest.mark.django_db

VALID = {
    "email": "li.wei@example.cn",
    "full_name": "Li Wei",
    "password1": "a-long-passphrase-42",
    "password2": "a-long-passphrase-42",
    "language": "zh-hans",
    "name_original": "大连华信软件股份有限公司",
    "name_en": "Dalian Huaxin Software Co., Ltd.",
    "country": "CN",
    "kind": "provider",
    "description": "软件外包开发与测试，服务日本与欧美客户。",
}
CONFIRM_LINK = r"/accounts/confirm-email/[^/\s]+/"
CSRF_TOKEN = re.compile(r"(?<=X-CSRFToken\": \")\w+|(?<=name=\"csrfmiddlewaretoken\" value=\")\w+")


def test_sign_up_creates_an_unverified_account_and_its_enterprise_and_mails_a_link(client):
    response = client.post("/accounts/signup/", VALID)
    assert (response.status_code, response.url) == (302, "/accounts/confirm-email/")
    user = User.objects.get(email="li.wei@example.cn")
    assert (user.full_name, user.language, user.enterprise.name_original, user.enterprise.kind) == (
        "Li Wei",
        "zh-hans",
        "大连华信软件股份有限公司",
        "provider",
    )
    assert list(EmailAddress.objects.values_list("email", "verified", "primary")) == [
        ("li.wei@example.cn", False, True)
    ]
    (message,) = mail.outbox
    assert (message.to, message.subject) == (
        ["li.wei@example.cn"],
        "[Fairmatch] Please Confirm Your Email Address",
    )
    assert mailed_link("li.wei@example.cn", CONFIRM_LINK)
    # Not logged in: the enterprise's pages wait for the verified address.
    assert client.get("/my/enterprise/").url == "/accounts/login/?next=/my/enterprise/"


def test_the_mailed_link_verifies_the_address_and_logs_in(client):
    client.post("/accounts/signup/", VALID)
    link = mailed_link("li.wei@example.cn", CONFIRM_LINK)
    page = client.get(link)
    assert page.status_code == 200
    assert "li.wei@example.cn" in page.content.decode()
    response = client.post(link, follow=True)
    assert response.redirect_chain == [("/accounts/welcome/", 302), ("/my/enterprise/", 302)]
    assert EmailAddress.objects.get().verified
    # Logged in, the member reads the language chosen at sign-up (Simplified Chinese).
    with translation.override("zh-hans"):
        welcome = gettext("Welcome! Complete your enterprise profile, then apply.")
    assert welcome != "Welcome! Complete your enterprise profile, then apply."
    assert [str(m) for m in response.context["messages"]][-1] == welcome
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    assert client.get("/my/enterprise/").status_code == 200


def test_the_link_opened_in_another_browser_verifies_but_a_login_is_needed(
    client, django_user_model
):
    client.post("/accounts/signup/", VALID)
    link = mailed_link("li.wei@example.cn", CONFIRM_LINK)
    other_browser = type(client)()
    response = other_browser.post(link)
    assert (response.status_code, response.url) == (302, "/accounts/login/")
    assert EmailAddress.objects.get().verified
    login = other_browser.post(
        "/accounts/login/", {"login": "li.wei@example.cn", "password": "a-long-passphrase-42"}
    )
    assert (login.status_code, login.url) == (302, "/start/")
    assert other_browser.get("/my/enterprise/").status_code == 200


def test_an_unverified_account_cannot_log_in_and_gets_a_new_link(client):
    UserFactory(email="li.wei@example.cn", verified_email=False)
    response = client.post(
        "/accounts/login/",
        {"login": "li.wei@example.cn", "password": "correct horse battery staple"},
    )
    assert (response.status_code, response.url) == (302, "/accounts/confirm-email/")
    assert client.get("/my/enterprise/").status_code == 302
    assert mailed_link("li.wei@example.cn", CONFIRM_LINK)


def _answer(client, data):
    """What the person signing up sees, their address and the form's token masked."""
    response = client.post("/accounts/signup/", data, follow=True)
    page = response.content.decode().replace(data["email"].lower(), "EMAIL")
    return response.redirect_chain, response.status_code, CSRF_TOKEN.sub("TOKEN", page)


def test_an_address_that_has_an_account_gets_the_same_answer_and_its_owner_a_mail(client):
    owner = UserFactory(email="li.wei@example.cn", full_name="Li Wei (existing)")
    fresh = _answer(client, {**VALID, "email": "wang.fang@example.cn"})
    known = _answer(type(client)(), {**VALID, "email": "LI.WEI@example.cn"})
    assert known == fresh
    assert fresh[0] == [("/accounts/confirm-email/", 302)]
    # Nothing was made for the known address: no second account, no enterprise.
    assert User.objects.filter(email__iexact="li.wei@example.cn").get() == owner
    assert Enterprise.objects.filter(name_original=VALID["name_original"]).count() == 1
    sent = {m.to[0]: m.subject for m in mail.outbox}
    assert sent == {
        "wang.fang@example.cn": "[Fairmatch] Please Confirm Your Email Address",
        "li.wei@example.cn": "[Fairmatch] Account Already Exists",
    }
    (to_owner,) = [m for m in mail.outbox if m.to == ["li.wei@example.cn"]]
    assert "http://testserver/accounts/password/reset/" in to_owner.body


@pytest.mark.parametrize("email", ["li.wei", "li wei@example.cn", "@example.cn", "li@"])
def test_a_malformed_email_is_refused_at_its_field(client, email):
    response = client.post("/accounts/signup/", {**VALID, "email": email})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["email"]
    assert "大连华信软件股份有限公司" in response.content.decode()  # nothing typed is lost
    assert not User.objects.exists()


def test_different_passwords_are_refused(client):
    response = client.post("/accounts/signup/", {**VALID, "password2": "something-else-1"})
    assert response.context["form"].errors["password2"] == [
        "You must type the same password each time."
    ]
    assert not User.objects.exists()


def test_a_weak_password_is_refused(client):
    response = client.post(
        "/accounts/signup/", {**VALID, "password1": "12345678", "password2": "12345678"}
    )
    assert response.context["form"].errors["password1"] == [
        "This password is too common.",
        "This password is entirely numeric.",
    ]


def test_an_overlong_name_is_refused(client):
    response = client.post("/accounts/signup/", {**VALID, "name_original": "华" * 201})
    assert list(response.context["form"].errors) == ["name_original"]
    assert not User.objects.exists()


def test_the_sign_up_page_is_in_the_site_layout(client):
    page = client.get("/accounts/signup/").content.decode()
    assert "<h1>Sign up your enterprise</h1>" in page
    assert '<a class="brand" href="/">Fairmatch</a>' in page
    assert "not_a_duplicate" not in page


def test_the_preferred_language_starts_as_the_pages_language(client):
    client.cookies["django_language"] = "zh-hans"
    form = client.get("/accounts/signup/").context["form"]
    assert form["language"].value() == "zh-hans"


def test_the_sign_up_asks_for_fields_and_a_description(client):
    software = FieldFactory()
    refused = client.post("/accounts/signup/", {**VALID, "description": ""})
    assert set(refused.context["form"].errors) == {"fields", "description"}
    client.post("/accounts/signup/", {**VALID, "fields": [software.pk]})
    enterprise = Enterprise.objects.get(name_original="大连华信软件股份有限公司")
    assert (list(enterprise.fields.all()), enterprise.description) == (
        [software],
        "软件外包开发与测试，服务日本与欧美客户。",
    )


def test_countries_are_named_in_the_readers_language_and_none_is_chosen_in_advance(client):
    page = client.get("/accounts/signup/")
    form = page.context["form"]
    choices = list(form.fields["country"].choices)
    assert choices[0] == ("", "Choose a country")
    assert "selected" not in str(form["country"]).split('value=""')[0]
    assert " selected" not in str(form["country"]).split("</option>", 1)[1]
    assert dict(choices)["CN"] == "China"
    page = client.get("/accounts/signup/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    chinese = dict(page.context["form"].fields["country"].choices)
    assert chinese["CN"] == "中国"
    refused = client.post("/accounts/signup/", {**VALID, "country": ""})
    assert "country" in refused.context["form"].errors
