"""The admin serves the catalogues and editions; the audit log is read-only there; staff
log in through the site's login and need a second factor there too."""

import pytest

from tests.factories import OrganiserFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/admin/conference/edition/",
    "/admin/conference/field/",
    "/admin/conference/rank/",
    "/admin/enterprises/participation/",
    "/admin/enterprises/enterprise/",
    "/admin/accounts/user/",
    "/admin/core/auditentry/",
]


@pytest.mark.parametrize("page", PAGES)
def test_superusers_see_the_admin_pages(client, page):
    ParticipationFactory()
    client.force_login(OrganiserFactory(email="root@example.com", is_superuser=True))
    assert client.get(page).status_code == 200


def test_enterprise_users_are_kept_out(client):
    client.force_login(UserFactory())
    assert client.get("/admin/conference/edition/").status_code == 302


def test_the_audit_log_cannot_be_changed(client):
    client.force_login(OrganiserFactory(email="root@example.com", is_superuser=True))
    assert client.get("/admin/core/auditentry/add/").status_code == 403


def test_the_admin_login_is_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert (response.status_code, response.url) == (302, "/accounts/login/?next=%2Fadmin%2F")


def test_a_superuser_without_a_second_factor_is_sent_to_set_one_up(client):
    client.force_login(OrganiserFactory(email="root@example.com", is_superuser=True, totp=False))
    response = client.get("/admin/conference/edition/")
    assert (response.status_code, response.url) == (302, "/accounts/2fa/totp/activate/")
