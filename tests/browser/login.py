"""Logging in through the login page, with the TOTP step for organisers.

Fields are found by name, not label, so the helper works in every interface language.
"""

import re

from playwright.sync_api import expect

from tests.factories import ORGANISER_TOTP_SECRET, totp_code

PASSWORD = "correct horse battery staple"  # the factories' password


def log_in(page, email: str, *, password: str = PASSWORD, totp_secret: str | None = None) -> None:
    """Log in by e-mail and password, then with the authenticator's code when asked."""
    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form.stacked button[type=submit]").click()
    if totp_secret is not None:
        expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
        page.locator("input[name=code]").fill(totp_code(totp_secret))
        page.locator("main form.stacked button[type=submit]").first.click()
    expect(page.locator("header form[action='/accounts/logout/'] button")).to_contain_text(email)


def log_in_organiser(page, email: str) -> None:
    """Organisers log in with the factories' TOTP secret as their second factor."""
    log_in(page, email, totp_secret=ORGANISER_TOTP_SECRET)
