"""The account's token page and the organiser's webhook page."""

import re

from fairmatch.api.domain.tokens import authenticate
from fairmatch.api.models import ApiToken, WebhookDelivery, WebhookEndpoint
from fairmatch.core.models import AuditEntry
from tests.factories import EditionFactory, OrganiserFactory, UserFactory


def test_a_member_creates_a_token_shown_once_then_revokes_it(client, db):
    user = UserFactory()
    client.force_login(user)
    created = client.post(
        "/accounts/api-tokens/", {"name": "ERP sync", "scope": "read", "expires": "30"}
    )
    [plain] = re.findall(r"<code>(fm_\w+_[\w-]+)</code>", created.content.decode())
    assert created["Cache-Control"] == "no-store"
    token = authenticate(plain)
    assert (token.user, token.scope, token.edition) == (user, "read", None)
    again = client.get("/accounts/api-tokens/").content.decode()
    assert plain not in again
    assert f"fm_{token.prefix}_" in again
    client.post(f"/accounts/api-tokens/{token.pk}/revoke/")
    assert authenticate(plain) is None


def test_an_organiser_token_names_an_edition(client, db):
    organiser = OrganiserFactory()
    edition = EditionFactory(slug="soc-2027")
    client.force_login(organiser)
    refused = client.post("/accounts/api-tokens/", {"name": "x", "scope": "read", "expires": ""})
    assert ApiToken.objects.count() == 0
    assert refused.status_code == 200
    client.post(
        "/accounts/api-tokens/",
        {"name": "site", "scope": "read_write", "expires": "", "edition": edition.pk},
    )
    token = ApiToken.objects.get()
    assert (token.edition, token.expires_at) == (edition, None)
    assert AuditEntry.objects.get().action == "api_token.create"


def test_someone_elses_token_cannot_be_revoked(client, db):
    owner = UserFactory()
    from fairmatch.api.domain.tokens import issue_token

    issued = issue_token(user=owner, name="mine")
    client.force_login(UserFactory())
    assert client.post(f"/accounts/api-tokens/{issued.token.pk}/revoke/").status_code == 404
    assert authenticate(issued.plain) is not None


def test_the_organiser_registers_a_webhook_and_replays_a_delivery(client, db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    organiser = OrganiserFactory()
    edition = EditionFactory(slug="soc-2027")
    client.force_login(organiser)
    client.post(
        "/organiser/soc-2027/webhooks/",
        {"url": "https://hooks.example/in", "events": ["schedule.published"]},
    )
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.edition, endpoint.events) == (edition, ["schedule.published"])
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event="schedule.published", payload={}
    )
    page = client.get("/organiser/soc-2027/webhooks/").content.decode()
    assert endpoint.secret in page
    answer = client.post(f"/organiser/soc-2027/webhooks/deliveries/{delivery.pk}/replay/")
    assert answer.status_code == 302
    assert AuditEntry.objects.filter(action="webhook.replay").count() == 1


def test_deleting_a_webhook_is_audited(client, db):
    from fairmatch.api.domain.webhooks import register_endpoint

    organiser = OrganiserFactory()
    edition = EditionFactory(slug="soc-2027")
    endpoint = register_endpoint(
        edition=edition,
        url="https://hooks.example/in",
        events=["schedule.published"],
        user=organiser,
    )
    client.force_login(organiser)
    client.post(f"/organiser/soc-2027/webhooks/{endpoint.pk}/delete/")
    assert WebhookEndpoint.objects.count() == 0
    assert AuditEntry.objects.get(action="webhook.delete").note == "https://hooks.example/in"


def test_the_webhook_page_offers_every_event(client, db):
    from fairmatch.api.domain.webhooks import EVENT_NAMES

    client.force_login(OrganiserFactory())
    EditionFactory(slug="soc-2027")
    page = client.get("/organiser/soc-2027/webhooks/").content.decode()
    for name in EVENT_NAMES:
        assert f'value="{name}"' in page
    assert "intention.confirmed" in EVENT_NAMES
