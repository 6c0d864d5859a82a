"""Password reset by a mailed link, and password change, for every account."""

import pytest
from django.core import mail

from tests.accounts.helpers import mailed_link
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

OLD = "correct horse battery staple"  # the factories' password
NEW = "a-brand-new-passphrase-77"


def _can_log_in(email, password):
    from django.test import Client

    response = Client().post("/accounts/login/", {"login": email, "password": password})
    return response.status_code == 302


def test_reset_by_the_mailed_link_end_to_end(client):
    UserFactory(email="keiko@example.jp")
    response = client.post("/accounts/password/reset/", {"email": "keiko@example.jp"})
    assert response.url == "/accounts/password/reset/done/"
    (message,) = mail.outbox
    assert message.subject == "[Fairmatch] Password Reset Email"
    link = mailed_link("keiko@example.jp", r"/accounts/password/reset/key/\S+/")
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"password1": NEW, "password2": NEW})
    assert done.url == "/accounts/password/reset/key/done/"
    assert _can_log_in("keiko@example.jp", NEW)
    assert not _can_log_in("keiko@example.jp", OLD)
    # The link works once.
    again = client.get(link, follow=True)
    assert "The password reset link was invalid" in again.content.decode()


def test_reset_for_an_unknown_address_answers_alike_and_says_so_by_mail(client):
    UserFactory(email="keiko@example.jp")
    known = client.post("/accounts/password/reset/", {"email": "keiko@example.jp"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.jp"})
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert {m.to[0]: m.subject for m in mail.outbox} == {
        "keiko@example.jp": "[Fairmatch] Password Reset Email",
        "nobody@example.jp": "[Fairmatch] Unknown Account",
    }


def test_change_password(client):
    UserFactory(email="keiko@example.jp")
    client.post("/accounts/login/", {"login": "keiko@example.jp", "password": OLD})
    wrong = client.post(
        "/accounts/password/change/", {"oldpassword": "guess", "password1": NEW, "password2": NEW}
    )
    assert list(wrong.context["form"].errors) == ["oldpassword"]
    response = client.post(
        "/accounts/password/change/", {"oldpassword": OLD, "password1": NEW, "password2": NEW}
    )
    assert response.url == "/accounts/password/change/"
    assert client.get("/my/enterprise/").status_code == 200  # still logged in
    assert _can_log_in("keiko@example.jp", NEW)
    assert [m.subject for m in mail.outbox] == ["[Fairmatch] Password Changed"]


def test_the_account_pages_are_in_the_site_layout_with_their_own_menu(client):
    client.force_login(UserFactory(email="keiko@example.jp"))
    page = client.get("/accounts/password/change/").content.decode()
    assert '<a class="brand" href="/">Fairmatch</a>' in page
    assert '<nav class="subnav" aria-label="My account">' in page
    assert 'href="/accounts/password/change/" aria-current="page">Password</a>' in page
