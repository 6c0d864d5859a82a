"""Login by e-mail, and the rate limits on login, sign-up and password reset."""

import pytest
from django.core import mail

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # the factories' password
TOO_MANY = "Too many failed login attempts. Try again later."


def _log_in(client, email, password):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_login_by_email(client):
    UserFactory(email="keiko@example.jp")
    response = _log_in(client, "KEIKO@example.jp", PASSWORD)
    assert (response.status_code, response.url) == (302, "/start/")
    assert client.get("/my/enterprise/").status_code == 200


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client):
    UserFactory(email="keiko@example.jp")
    wrong_password = _log_in(client, "keiko@example.jp", "not-the-password")
    unknown_address = _log_in(client, "nobody@example.jp", "not-the-password")
    expected = ["The email address and/or password you specified are not correct."]
    assert wrong_password.context["form"].non_field_errors() == expected
    assert unknown_address.context["form"].non_field_errors() == expected


def test_the_sixth_wrong_password_in_a_row_locks_even_the_right_one_out(client):
    UserFactory(email="keiko@example.jp")
    for _attempt in range(5):
        response = _log_in(client, "keiko@example.jp", "guess")
        assert response.context["form"].non_field_errors() != [TOO_MANY]
    locked = _log_in(client, "keiko@example.jp", PASSWORD)
    assert locked.status_code == 200
    assert locked.context["form"].non_field_errors() == [TOO_MANY]
    assert TOO_MANY in locked.content.decode()
    assert client.get("/my/enterprise/").status_code == 302  # still not logged in


def test_the_lock_holds_for_that_address_only(client):
    UserFactory(email="keiko@example.jp")
    UserFactory(email="li.wei@example.cn")
    for _attempt in range(5):
        _log_in(client, "keiko@example.jp", "guess")
    assert _log_in(client, "li.wei@example.cn", PASSWORD).status_code == 302


def test_sign_ups_from_one_address_are_limited_to_twenty_a_minute(client):
    for _attempt in range(20):
        assert client.post("/accounts/signup/", {"email": "not-an-address"}).status_code == 200
    refused = client.post("/accounts/signup/", {"email": "not-an-address"})
    assert refused.status_code == 429
    assert "<h1>Too many attempts</h1>" in refused.content.decode()


def test_password_reset_mails_to_one_address_are_limited_to_five_a_minute(client):
    UserFactory(email="keiko@example.jp")
    for _attempt in range(5):
        response = client.post("/accounts/password/reset/", {"email": "keiko@example.jp"})
        assert response.url == "/accounts/password/reset/done/"
    refused = client.post("/accounts/password/reset/", {"email": "keiko@example.jp"})
    assert refused.status_code == 429
    assert len(mail.outbox) == 5


def test_the_login_page_keeps_the_next_page(client):
    UserFactory(email="keiko@example.jp")
    page = client.get("/accounts/login/?next=/my/applications/").content.decode()
    assert '<input type="hidden" name="next" value="/my/applications/">' in page
    response = client.post(
        "/accounts/login/?next=/my/applications/",
        {"login": "keiko@example.jp", "password": PASSWORD, "next": "/my/applications/"},
    )
    assert response.url == "/my/applications/"


def test_logging_out_takes_a_post(client):
    client.force_login(UserFactory())
    client.post("/accounts/logout/")
    assert client.get("/my/enterprise/").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_limit(client):
    for attempt in range(20):
        client.post(
            "/accounts/signup/", {"email": "x"}, HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}"
        )
    refused = client.post("/accounts/signup/", {"email": "x"}, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert refused.status_code == 429


def test_behind_a_trusted_proxy_each_client_address_counts_alone(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for _attempt in range(20):
        client.post("/accounts/signup/", {"email": "x"}, HTTP_X_FORWARDED_FOR="198.51.100.7")
    refused = client.post("/accounts/signup/", {"email": "x"}, HTTP_X_FORWARDED_FOR="198.51.100.7")
    other = client.post("/accounts/signup/", {"email": "x"}, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert (refused.status_code, other.status_code) == (429, 200)
