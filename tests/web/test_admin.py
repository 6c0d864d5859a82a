"""The admin serves the catalogues and editions; the audit log is read-only there."""

import pytest

from fairmatch.accounts.models import User
from tests.factories import ParticipationFactory, UserFactory

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
    client.force_login(User.objects.create_superuser(email="root@example.com", password="x"))
    assert client.get(page).status_code == 200


def test_enterprise_users_are_kept_out(client):
    client.force_login(UserFactory())
    assert client.get("/admin/conference/edition/").status_code == 302


def test_the_audit_log_cannot_be_changed(client):
    client.force_login(User.objects.create_superuser(email="root@example.com", password="x"))
    assert client.get("/admin/core/auditentry/add/").status_code == 403
