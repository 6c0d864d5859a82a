"""In a real Chromium with a virtual authenticator (WebAuthn): a delegate adds a security key
and logs in with it as the second factor. allauth's WebAuthn script runs from the site's
static files."""

import re

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from tests.browser.login import PASSWORD
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _virtual_authenticator(page) -> None:
    """A security key that answers every request, as Chromium's DevTools protocol offers."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )


def test_a_delegate_adds_a_security_key_and_logs_in_with_it(browser, live_server):
    UserFactory(email="keiko@example.jp")
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    page = context.new_page()
    _virtual_authenticator(page)
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill("keiko@example.jp")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="My account")).to_be_visible()

    page.goto("/accounts/2fa/webauthn/add/")
    page.get_by_label("Password").fill(PASSWORD)  # confirm it is you
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Add Security Key")).to_be_visible()
    # The button works once the page's scripts have run: a click before that does nothing.
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Add").click()
    # The authenticator's ceremony and the post that follows; slow on a busy machine.
    expect(page.get_by_role("heading", name="Recovery Codes")).to_be_visible(timeout=15_000)
    assert sorted(Authenticator.objects.values_list("type", flat=True)) == [
        "recovery_codes",
        "webauthn",
    ]
    page.get_by_role("button", name="Log out (keiko@example.jp)").click()

    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill("keiko@example.jp")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    page.wait_for_load_state("load")
    page.get_by_role("button", name="Use a security key").click()
    expect(page.get_by_role("button", name="Log out (keiko@example.jp)")).to_be_visible(
        timeout=15_000
    )
    context.close()
