"""Two-factor authentication: required for organisers and staff, optional for delegates."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fairmatch.accounts.domain.emails import mark_addresses_verified
from fairmatch.accounts.domain.two_factor import enrol_totp
from fairmatch.demo.generator import demo_totp_secret
from tests.factories import (
    ORGANISER_TOTP_SECRET,
    EditionFactory,
    OrganiserFactory,
    UserFactory,
    totp_code,
)

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # the factories' password
SETUP = "/accounts/2fa/totp/activate/"


def _log_in(client, email):
    return client.post("/accounts/login/", {"login": email, "password": PASSWORD})


def _confirm_password(client):
    """Changing the second factors asks for the password again first (allauth's rule)."""
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302


@pytest.fixture
def overview():
    return f"/organiser/{EditionFactory().slug}/"


def test_an_organiser_without_a_second_factor_is_sent_to_set_it_up_then_gets_in(client, overview):
    OrganiserFactory(email="staff@fairmatch.example", full_name="Olga Organiser", totp=False)
    assert _log_in(client, "staff@fairmatch.example").url == "/start/"
    for page in (overview, "/", f"{overview}applications/"):
        response = client.get(page)
        assert (response.status_code, response.url) == (302, SETUP), page
    asked = client.get(SETUP)
    assert asked.url == "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    _confirm_password(client)
    setup = client.get(SETUP)
    assert setup.status_code == 200
    assert [str(m) for m in setup.context["messages"]] == [
        "Successfully signed in as Olga Organiser.",
        "Organiser accounts need two-factor authentication. Set up an authenticator app to "
        "continue.",
    ]
    page = setup.content.decode()
    assert (
        '<div class="totp-qr" role="img" aria-label="QR code of the authenticator secret"><svg '
        in page
    )
    assert "<?xml" not in page  # the QR code is drawn inline, as an element of the page
    secret = client.session[SECRET_SESSION_KEY]
    wrong = client.post(SETUP, {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert list(wrong.context["form"].errors) == ["code"]
    activated = client.post(SETUP, {"code": totp_code(secret)})
    assert activated.url == "/accounts/2fa/recovery-codes/"
    assert sorted(Authenticator.objects.values_list("type", flat=True)) == [
        "recovery_codes",
        "totp",
    ]
    assert client.get(overview).status_code == 200


def test_the_account_pages_stay_reachable_before_the_set_up(client):
    OrganiserFactory(email="staff@fairmatch.example", totp=False)
    _log_in(client, "staff@fairmatch.example")
    for page in ("/accounts/password/change/", "/accounts/email/", "/accounts/2fa/"):
        assert client.get(page).status_code == 200, page
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 200


def test_an_organiser_logs_in_with_the_authenticator_code(client, overview):
    OrganiserFactory(email="staff@fairmatch.example")
    response = _log_in(client, "staff@fairmatch.example")
    assert response.url == "/accounts/2fa/authenticate/"
    assert client.get(overview).status_code == 302  # the password alone lets no one in
    wrong = client.post("/accounts/2fa/authenticate/", {"code": totp_code(steps_ahead=5)})
    assert wrong.context["form"].errors == {"code": ["Incorrect code."]}
    right = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert right.url == "/start/"
    assert client.get(overview).status_code == 200


def test_a_code_works_once(client):
    OrganiserFactory(email="staff@fairmatch.example")
    code = totp_code()
    _log_in(client, "staff@fairmatch.example")
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    other = type(client)()
    _log_in(other, "staff@fairmatch.example")
    replay = other.post("/accounts/2fa/authenticate/", {"code": code})
    assert replay.context["form"].errors == {"code": ["Incorrect code."]}


def test_a_recovery_code_logs_in_once(client, overview):
    organiser = OrganiserFactory(email="staff@fairmatch.example", totp=False)
    codes = enrol_totp(user=organiser, secret=ORGANISER_TOTP_SECRET)
    assert len(codes) == 10
    _log_in(client, "staff@fairmatch.example")
    assert client.post("/accounts/2fa/authenticate/", {"code": codes[0]}).url == "/start/"
    assert client.get(overview).status_code == 200
    again = type(client)()
    _log_in(again, "staff@fairmatch.example")
    reused = again.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert reused.context["form"].errors == {"code": ["Incorrect code."]}
    assert again.post("/accounts/2fa/authenticate/", {"code": codes[1]}).status_code == 302


def test_an_organiser_cannot_remove_the_only_second_factor(client):
    OrganiserFactory(email="staff@fairmatch.example")
    _log_in(client, "staff@fairmatch.example")
    client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    _confirm_password(client)
    response = client.post("/accounts/2fa/totp/deactivate/")
    assert response.context["form"].non_field_errors() == [
        "You cannot deactivate two-factor authentication."
    ]
    assert Authenticator.objects.filter(type="totp").count() == 1


def test_a_delegate_uses_the_site_without_a_second_factor(client):
    UserFactory(email="keiko@example.jp")
    assert _log_in(client, "keiko@example.jp").url == "/start/"
    assert client.get("/my/enterprise/").status_code == 200
    assert client.get("/").status_code == 200


def test_a_delegate_may_add_one_and_then_needs_it_to_log_in(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="keiko@example.jp")
    _log_in(client, "keiko@example.jp")
    _confirm_password(client)
    client.get(SETUP)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SETUP, {"code": totp_code(client.session[SECRET_SESSION_KEY])})
    client.post("/accounts/logout/")
    assert _log_in(client, "keiko@example.jp").url == "/accounts/2fa/authenticate/"
    assert [m.subject for m in mail.outbox] == ["[Fairmatch] Authenticator App Activated"]


def test_with_the_optional_setting_an_organiser_needs_none(client, settings, overview):
    settings.FAIRMATCH_ORGANISER_MFA = "optional"
    OrganiserFactory(email="staff@fairmatch.example", totp=False)
    _log_in(client, "staff@fairmatch.example")
    assert client.get(overview).status_code == 200


def test_an_enrolled_organisers_pages_do_not_look_up_the_authenticator(client, overview):
    client.force_login(OrganiserFactory())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(overview).status_code == 200
    assert [q["sql"] for q in queries if "mfa_authenticator" in q["sql"]] == []


def test_an_account_made_by_a_script_logs_in_at_once_with_its_enrolled_secret(client, overview):
    """What the demo does for its organiser: a verified address and a TOTP secret it prints."""
    organiser = OrganiserFactory(
        email="organiser@fairmatch.example", verified_email=False, totp=False
    )
    assert mark_addresses_verified(users=[organiser]) == 1
    secret = demo_totp_secret(2027)
    assert (len(secret), secret == demo_totp_secret(2027), secret == demo_totp_secret(1)) == (
        32,
        True,
        False,
    )
    enrol_totp(user=organiser, secret=secret)
    assert _log_in(client, "organiser@fairmatch.example").url == "/accounts/2fa/authenticate/"
    assert client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)}).url == "/start/"
    assert client.get(overview).status_code == 200
