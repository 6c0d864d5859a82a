"""Sign-up and login by e-mail: clear field errors, duplicate enterprises warned about."""

import pytest

from fairmatch.accounts.models import User
from fairmatch.enterprises.models import Enterprise
from tests.factories import EnterpriseFactory, UserFactory

pytestmark = pytest.mark.django_db

VALID = {
    "email": "li.wei@example.cn",
    "full_name": "Li Wei",
    "password": "a-long-passphrase-42",
    "password_again": "a-long-passphrase-42",
    "language": "zh-hans",
    "name_original": "大连华信软件股份有限公司",
    "name_en": "Dalian Huaxin Software Co., Ltd.",
    "country": "CN",
    "kind": "provider",
}


def test_sign_up_creates_the_enterprise_and_logs_in(client):
    response = client.post("/accounts/signup/", VALID)
    assert response.status_code == 302
    user = User.objects.get(email="li.wei@example.cn")
    assert (user.enterprise.name_original, user.enterprise.kind, user.language) == (
        "大连华信软件股份有限公司",
        "provider",
        "zh-hans",
    )
    assert client.get("/my/enterprise/").status_code == 200


@pytest.mark.parametrize("email", ["li.wei", "li wei@example.cn", "@example.cn", "li@"])
def test_a_malformed_email_is_refused_at_its_field(client, email):
    response = client.post("/accounts/signup/", {**VALID, "email": email})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["email"]
    assert "大连华信软件股份有限公司" in response.content.decode()  # nothing typed is lost
    assert not User.objects.exists()


def test_an_email_already_used_is_refused(client):
    UserFactory(email="li.wei@example.cn")
    response = client.post("/accounts/signup/", {**VALID, "email": "LI.WEI@example.cn"})
    assert response.context["form"].errors["email"] == [
        "An account with this e-mail address already exists."
    ]


def test_different_passwords_are_refused(client):
    response = client.post("/accounts/signup/", {**VALID, "password_again": "something-else-1"})
    assert response.context["form"].errors["password_again"] == ["The two passwords differ."]


def test_an_overlong_name_is_refused(client):
    response = client.post("/accounts/signup/", {**VALID, "name_original": "华" * 201})
    assert list(response.context["form"].errors) == ["name_original"]


def test_a_probable_duplicate_enterprise_is_shown_and_needs_confirmation(client):
    EnterpriseFactory(
        name_original="大连华信软件股份有限公司",
        name_en="Dalian Hua Xin Software Co Ltd",
        country="CN",
    )
    response = client.post(
        "/accounts/signup/", {**VALID, "name_original": "大连华信软件股份有限公司 "}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["not_a_duplicate"]
    assert [e.name_en for e in response.context["form"].duplicates] == [
        "Dalian Hua Xin Software Co Ltd"
    ]
    response = client.post("/accounts/signup/", {**VALID, "not_a_duplicate": "on"})
    assert response.status_code == 302
    assert Enterprise.objects.filter(country="CN").count() == 2


def test_the_same_name_in_another_country_is_no_duplicate(client):
    EnterpriseFactory(name_original="Global Outsourcing Inc.", country="US")
    response = client.post(
        "/accounts/signup/",
        {**VALID, "name_original": "Global Outsourcing Inc.", "name_en": "", "country": "CA"},
    )
    assert response.status_code == 302


def test_login_by_email(client):
    UserFactory(email="keiko@example.jp")
    response = client.post(
        "/accounts/login/",
        {"username": "keiko@example.jp", "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    client.logout()
    wrong = client.post("/accounts/login/", {"username": "keiko@example.jp", "password": "x"})
    assert wrong.status_code == 200
    assert wrong.context["form"].non_field_errors()
