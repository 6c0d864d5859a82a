"""A small world for the API: two editions, an organiser with a token for each, a buyer and
a provider listed in the first edition with a pending meeting request between them."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from fairmatch.api.domain.tokens import issue_token
from fairmatch.api.models import TokenScope
from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Enterprise, Participation, State
from fairmatch.matching.domain.requests import send_request
from fairmatch.matching.models import MeetingRequest
from tests.factories import (
    EditionFactory,
    EnterpriseFactory,
    OrganiserFactory,
    ParticipationFactory,
    UserFactory,
)


@dataclass
class ApiWorld:
    edition: Edition
    other_edition: Edition
    buyer: Participation
    provider: Participation
    request: MeetingRequest
    tokens: dict[str, str]  # who -> plain token

    def client(self, who: str) -> "ApiClient":
        return ApiClient(self.tokens[who])


class ApiClient:
    """The test client with a bearer token on every request."""

    def __init__(self, token: str | None) -> None:
        self.client = Client(raise_request_exception=False)
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

    def get(self, url: str, query: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return self.client.get(url, query or {}, headers=headers, **kwargs)

    def post(self, url: str, body: Any = None, *, raw: str | None = None) -> Any:
        import json

        data = raw if raw is not None else json.dumps(body if body is not None else {})
        return self.client.post(url, data, content_type="application/json", headers=self.headers)


def _listed(edition: Edition, kind: str, country: str, name: str) -> Participation:
    enterprise = EnterpriseFactory(kind=kind, country=country, name_original=name, name_en=name)
    return ParticipationFactory(edition=edition, enterprise=enterprise, state=State.QUALIFIED)


@pytest.fixture
def api_world(db: Any) -> ApiWorld:
    edition = EditionFactory(slug="soc-2027")
    other = EditionFactory(slug="soc-2026")
    buyer = _listed(edition, Enterprise.Kind.BUYER, "DE", "Hamburg Logistik")
    provider = _listed(edition, Enterprise.Kind.PROVIDER, "CN", "Nanjing Yunfan")
    buyer_user = UserFactory(enterprise=buyer.enterprise)
    provider_user = UserFactory(enterprise=provider.enterprise)
    other_user = UserFactory(enterprise=_listed(other, "buyer", "FR", "Lyon Conseil").enterprise)
    organiser = OrganiserFactory()
    request = send_request(requester=buyer, recipient=provider, user=buyer_user, message="Hello")
    rw = TokenScope.READ_WRITE
    tokens = {
        "organiser": issue_token(user=organiser, name="o", scope=rw, edition=edition).plain,
        "organiser_read": issue_token(user=organiser, name="r", edition=edition).plain,
        "other_organiser": issue_token(user=organiser, name="x", scope=rw, edition=other).plain,
        "buyer": issue_token(user=buyer_user, name="b", scope=rw).plain,
        "buyer_read": issue_token(user=buyer_user, name="br").plain,
        "provider": issue_token(user=provider_user, name="p", scope=rw).plain,
        "other_member": issue_token(user=other_user, name="m", scope=rw).plain,
    }
    return ApiWorld(edition, other, buyer, provider, request, tokens)


@pytest.fixture
def published_plan(api_world: ApiWorld) -> Any:
    """The provider exhibits: a hall with two booths, one of them its, in a published plan."""
    from tests.exhibition.published import booth, exhibitor, hall, publish

    first = hall(api_world.edition)
    stand = exhibitor(
        api_world.edition,
        name_original="杭州光影数码",
        name_en="Hangzhou Lightshadow Digital",
        products="三维动画渲染",
        meetings_at_booth=True,
    )
    return publish(
        api_world.edition, [(booth(first, "A1"), stand), (booth(first, "A2", x=5), None)]
    )
