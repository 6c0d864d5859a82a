"""No cross-tenant read or write: every API endpoint asked about the buyer's objects with
the tokens of another enterprise of the same edition (the provider, for what is not also
its own), a member of another edition, and an organiser whose token is for another edition.

The table lists every route of the schema (a new route fails until it is added); each
answer must be a refusal (401, 403 or 404), a list without the buyer's rows, and nothing
may be written.
"""

import re

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import CaptureQueriesContext

from fairmatch.api.domain.tokens import authenticate
from fairmatch.api.views.api import api

INTRUDERS = ("other_member", "other_organiser", "provider")
BASE = "/api/v1/editions/{edition}"

# (method, schema path) -> how the buyer's object is named, and what may be answered.
# "refused": a status in 401/403/404. "list": 200 allowed, but no row of the buyer's.
CASES = {
    ("get", "/api/v1/editions"): "list",
    ("get", "/api/v1/editions/{edition}"): "public",  # an edition's dates and venue
    ("get", "/api/v1/editions/{edition}/figures"): "refused",
    ("get", "/api/v1/editions/{edition}/participations"): "list",
    ("get", "/api/v1/editions/{edition}/participations/{pk}"): "refused",
    ("get", "/api/v1/editions/{edition}/participations/{pk}/rule-results"): "refused",
    ("post", "/api/v1/editions/{edition}/participations/{pk}/transitions"): "refused",
    ("get", "/api/v1/editions/{edition}/directory"): "directory",
    ("get", "/api/v1/editions/{edition}/recommendations"): "list",
    ("get", "/api/v1/editions/{edition}/meeting-requests"): "list",
    # Sent as the intruder itself (to the buyer): its own write, never the buyer's.
    ("post", "/api/v1/editions/{edition}/meeting-requests"): "own",
    ("post", "/api/v1/editions/{edition}/meeting-requests/{pk}/accept"): "refused",
    ("post", "/api/v1/editions/{edition}/meeting-requests/{pk}/decline"): "refused",
    ("get", "/api/v1/editions/{edition}/schedule"): "refused",
    ("get", "/api/v1/editions/{edition}/agenda"): "agenda",
    ("get", "/api/v1/editions/{edition}/check-ins"): "refused",
    # The buyer's intention with a third party: listed to neither intruder, never answered.
    ("get", "/api/v1/editions/{edition}/intentions"): "list",
    ("post", "/api/v1/editions/{edition}/intentions/{pk}/confirm"): "refused",
    ("post", "/api/v1/editions/{edition}/intentions/{pk}/dispute"): "refused",
    # The published floor plan and the exhibitor directory: public on the site too.
    ("get", "/api/v1/editions/{edition}/booths"): "public",
    ("get", "/api/v1/editions/{edition}/exhibitors"): "public",
}

BODIES = {
    "transitions": {"target": "withdrawn", "note": "intruder"},
    "meeting-requests": {"recipient": 0, "message": "intruder"},
    "accept": {},
    "decline": {"reason": "intruder"},
    "confirm": {},
    "dispute": {"reason": "intruder"},
}


def _schema_operations() -> set[tuple[str, str]]:
    paths = api.get_openapi_schema()["paths"]
    return {(method, path) for path, methods in paths.items() for method in methods}


def test_every_route_of_the_schema_is_in_the_table():
    assert _schema_operations() == set(CASES)


def _writes(queries: list[dict[str, str]]) -> list[str]:
    pattern = re.compile(r"^\s*(INSERT|UPDATE|DELETE)", re.IGNORECASE)
    return [query["sql"][:80] for query in queries if pattern.match(query["sql"])]


@pytest.mark.parametrize("intruder", INTRUDERS)
def test_no_token_reaches_another_tenants_objects(api_world, intruder):
    world = api_world
    for plain in world.tokens.values():
        authenticate(plain)  # last-used times are fresh: asking writes nothing below
    # The provider's own request from the buyer is its own to answer: ask about one the
    # buyer received instead, for every intruder.
    from fairmatch.matching.domain.requests import send_request
    from tests.factories import UserFactory

    received = send_request(
        requester=_listed_third(world), recipient=world.buyer, user=UserFactory()
    )
    intention = _intention_to_the_buyer(world)
    client = world.client(intruder)
    problems = []
    connection = connections[DEFAULT_DB_ALIAS]
    for (method, path), rule in CASES.items():
        url = path.replace("{edition}", world.edition.slug)
        named = {"meeting-requests": received.pk, "intentions": intention.pk}
        pk = next((value for key, value in named.items() if key in path), world.buyer.pk)
        url = url.replace("{pk}", str(pk))
        body = BODIES.get(url.rstrip("/").rsplit("/", 1)[-1], {})
        if body.get("recipient") == 0:
            body = {**body, "recipient": world.buyer.pk}
        with CaptureQueriesContext(connection) as queries:
            answer = client.get(url) if method == "get" else client.post(url, body)
        writes = _writes(queries.captured_queries)
        line = f"{intruder} {method.upper()} {url}: {answer.status_code}"
        if answer.status_code >= 500:
            problems.append(f"{line} server error")
        if rule == "refused" and answer.status_code not in (401, 403, 404):
            problems.append(f"{line} not refused")
        if rule in ("list", "directory", "agenda") and answer.status_code == 200:
            shown = answer.content.decode()
            if rule == "list" and '"Hamburg Logistik"' in shown:
                problems.append(f"{line} shows the buyer")
            in_requests = "meeting-requests" in url
            if in_requests and f'"id":{received.pk},' in shown.replace(" ", ""):
                problems.append(f"{line} shows the buyer's request")
        if rule == "directory" and intruder != "provider" and answer.status_code == 200:
            problems.append(f"{line} directory of an edition the intruder is not in")
        if rule == "agenda" and intruder != "provider" and answer.status_code == 200:
            problems.append(f"{line} agenda in an edition the intruder is not in")
        if writes and (method == "get" or answer.status_code >= 400):
            problems.append(f"{line} wrote {writes}")
    intention.refresh_from_db()
    if intention.state != "recorded":
        problems.append(f"{intruder} answered the buyer's intention: {intention.state}")
    assert problems == []


def _listed_third(world):
    """A third listed enterprise of the edition (a provider), which asked the buyer."""
    from fairmatch.enterprises.models import Enterprise, State
    from tests.factories import EnterpriseFactory, ParticipationFactory

    enterprise = EnterpriseFactory(kind=Enterprise.Kind.PROVIDER, country="CN")
    return ParticipationFactory(edition=world.edition, enterprise=enterprise, state=State.QUALIFIED)


def _intention_to_the_buyer(world):
    """An intention a third participant recorded with the buyer, waiting for the buyer."""
    from fairmatch.outcomes.models import Intention
    from tests.factories import CooperationKindFactory, FieldFactory

    return Intention.objects.create(
        edition=world.edition,
        recorder=_listed_third(world),
        counterpart=world.buyer,
        form="mou",
        kind=CooperationKindFactory(),
        field=FieldFactory(),
        amount=1000000,
        currency="USD",
    )
