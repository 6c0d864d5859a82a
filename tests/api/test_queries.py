"""The number of queries of a list endpoint does not grow with the page size."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import CaptureQueriesContext

from fairmatch.enterprises.models import Enterprise, State
from fairmatch.matching.models import MeetingRequest
from fairmatch.outcomes.models import Intention
from tests.factories import (
    CooperationKindFactory,
    EnterpriseFactory,
    ExchangeRateFactory,
    FieldFactory,
    ParticipationFactory,
)

BASE = "/api/v1/editions/soc-2027"
LISTS = ("/api/v1/editions", f"{BASE}/participations", f"{BASE}/directory")


def _count(client, url: str, limit: int) -> tuple[int, int]:
    with CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as queries:
        answer = client.get(url, {"limit": limit})
    assert answer.status_code == 200, answer.content
    return len(queries.captured_queries), len(answer.json()["items"])


@pytest.fixture
def crowded(api_world):
    from tests.factories import EditionFactory

    for _ in range(3):
        EditionFactory()
    fields = [FieldFactory(), FieldFactory()]
    kind = CooperationKindFactory()
    ExchangeRateFactory(edition=api_world.edition, currency="EUR")
    for number in range(25):
        enterprise = EnterpriseFactory(
            kind=Enterprise.Kind.PROVIDER, country="CN", name_original=f"Provider {number}"
        )
        enterprise.fields.set(fields)
        participation = ParticipationFactory(
            edition=api_world.edition, enterprise=enterprise, state=State.QUALIFIED
        )
        MeetingRequest.objects.create(
            edition=api_world.edition, requester=api_world.buyer, recipient=participation
        )
        Intention.objects.create(
            edition=api_world.edition,
            recorder=participation,
            counterpart=api_world.buyer,
            form="loi",
            kind=kind,
            field=fields[0],
            amount=1000 + number,
            currency="EUR",
        )
    return api_world


@pytest.mark.parametrize("url", [*LISTS, f"{BASE}/meeting-requests", f"{BASE}/intentions"])
def test_a_long_page_costs_the_queries_of_a_short_one(crowded, url):
    # An organiser's token names one edition: the editions are listed with a member's.
    client = crowded.client("buyer" if url == "/api/v1/editions" else "organiser")
    client.get(url)  # the token's last use is written once, not per page
    short = _count(client, url, 2)
    long = _count(client, url, 25)
    assert long[1] > short[1]
    assert long[0] == short[0]


def test_a_partys_long_page_of_intentions_costs_the_queries_of_a_short_one(crowded):
    client = crowded.client("buyer")
    url = f"{BASE}/intentions"
    client.get(url)
    short = _count(client, url, 2)
    long = _count(client, url, 25)
    assert long[1] > short[1]
    assert long[0] == short[0]
