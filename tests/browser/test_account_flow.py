"""In a real Chromium: a delegate signs up, verifies the address by the mailed link and logs
in again later; an organiser sets up an authenticator app and logs in with its code."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from fairmatch.accounts.models import User
from tests.browser.login import log_in, log_in_organiser
from tests.factories import EditionFactory, OrganiserFactory, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_verify_by_the_mailed_link_log_out_and_in_again(page):
    page.goto("/accounts/signup/")
    page.get_by_label("E-mail").fill("amara@lagos-bpo.example")
    page.get_by_label("Your name").fill("Amara Okafor")
    page.get_by_label(re.compile("^Password:?$")).fill("a-long-passphrase-42")
    page.get_by_label("Password again").fill("a-long-passphrase-42")
    page.get_by_label("Enterprise name in its original language").fill("Lagos BPO Services Ltd")
    page.get_by_label("Country").select_option("NG")
    page.get_by_label("Your enterprise comes as").select_option("provider")
    page.get_by_label("Description of your enterprise").fill("Customer support in English.")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Log out"))).to_have_count(0)

    (message,) = mail.outbox
    assert message.to == ["amara@lagos-bpo.example"]
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Enterprise profile")).to_be_visible()
    expect(page.locator(".message.success").last).to_have_text(
        "Welcome! Complete your enterprise profile, then apply."
    )
    assert User.objects.get().enterprise.name_en == "Lagos BPO Services Ltd"

    page.get_by_role("button", name="Log out (amara@lagos-bpo.example)").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    log_in(page, "amara@lagos-bpo.example", password="a-long-passphrase-42")
    page.goto("/my/enterprise/")
    expect(page.get_by_role("heading", name="Enterprise profile")).to_be_visible()


def test_an_organiser_sets_up_an_authenticator_app_then_logs_in_with_its_code(browser, live_server):
    edition = EditionFactory(name_en="Service Outsourcing Conference 2027")
    OrganiserFactory(email="staff@fairmatch.example", totp=False)
    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in(page, "staff@fairmatch.example")

    page.goto(f"/organiser/{edition.slug}/")
    expect(page.locator(".message.warning")).to_have_text(
        "Organiser accounts need two-factor authentication. Set up an authenticator app to "
        "continue."
    )
    page.get_by_label("Password").fill("correct horse battery staple")  # confirm it is you
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Activate Authenticator App")).to_be_visible()
    expect(page.locator(".totp-qr svg")).to_be_visible()
    secret = page.get_by_role("textbox", name="Authenticator secret").input_value()
    page.get_by_label("Authenticator code").fill(totp_code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_role("heading", name="Recovery Codes")).to_be_visible()
    page.goto(f"/organiser/{edition.slug}/")
    expect(page.get_by_role("heading", name=re.compile("Service Outsourcing"))).to_be_visible()
    page.get_by_role("button", name="Log out (staff@fairmatch.example)").click()

    # The next login asks for the app's code after the password.
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill("staff@fairmatch.example")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Two-Factor Authentication")).to_be_visible()
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    page.goto(f"/organiser/{edition.slug}/")
    expect(page.get_by_role("heading", name=re.compile("Service Outsourcing"))).to_be_visible()
    page.context.close()


def test_an_enrolled_organiser_logs_in_with_the_code(browser, live_server):
    edition = EditionFactory()
    OrganiserFactory(email="staff@fairmatch.example")
    page = browser.new_context(base_url=live_server.url, locale="en-US").new_page()
    log_in_organiser(page, "staff@fairmatch.example")
    page.goto(f"/organiser/{edition.slug}/")
    expect(page).to_have_url(re.compile(f"/organiser/{edition.slug}/$"))
    page.context.close()
