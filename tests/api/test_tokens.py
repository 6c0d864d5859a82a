"""Tokens: stored hashed, shown once, refused when revoked or expired; scopes and limits."""

import datetime
import hashlib

from django.utils import timezone

from fairmatch.api.domain.tokens import authenticate, issue_token, revoke_token
from fairmatch.api.models import ApiToken
from tests.api.conftest import ApiClient
from tests.factories import OrganiserFactory, UserFactory

BASE = "/api/v1/editions/soc-2027"


def test_only_the_digest_of_a_token_is_stored(db):
    issued = issue_token(user=UserFactory(), name="ERP")
    row = ApiToken.objects.get()
    assert issued.plain.startswith(f"fm_{row.prefix}_")
    assert row.digest == hashlib.sha256(issued.plain.encode()).hexdigest()
    assert issued.plain not in {row.name, row.prefix, row.digest}


def test_authentication_marks_the_last_use(db):
    issued = issue_token(user=UserFactory(), name="ERP")
    assert authenticate(issued.plain) == issued.token
    issued.token.refresh_from_db()
    assert issued.token.last_used_at is not None


def test_a_wrong_secret_with_a_known_prefix_is_refused(db):
    issued = issue_token(user=UserFactory(), name="ERP")
    assert authenticate(issued.plain[:-2] + "xx") is None


def test_a_revoked_token_answers_401_as_a_problem(api_world):
    token = authenticate(api_world.tokens["buyer"])
    revoke_token(token=token, user=token.user)
    answer = api_world.client("buyer").get(f"{BASE}/agenda")
    assert answer.status_code == 401
    assert answer["Content-Type"] == "application/problem+json"
    assert answer["WWW-Authenticate"] == 'Bearer realm="fairmatch"'


def test_an_expired_token_answers_401(api_world):
    token = authenticate(api_world.tokens["buyer"])
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert api_world.client("buyer").get(f"{BASE}/agenda").status_code == 401


def test_no_token_answers_401(api_world):
    assert ApiClient(None).get("/api/v1/editions").status_code == 401


def test_a_read_token_may_not_write(api_world):
    answer = api_world.client("organiser_read").post(
        f"{BASE}/participations/{api_world.buyer.pk}/transitions", {"target": "confirmed"}
    )
    assert (answer.status_code, answer.json()["status"]) == (403, 403)
    api_world.buyer.refresh_from_db()
    assert api_world.buyer.state == "qualified"


def test_malformed_json_is_a_400_problem(api_world):
    answer = api_world.client("buyer").post(f"{BASE}/meeting-requests", raw="{not json")
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/problem+json"


def test_an_invalid_field_is_named(api_world):
    answer = api_world.client("buyer").post(
        f"{BASE}/meeting-requests", {"recipient": api_world.provider.pk, "priority": 9}
    )
    assert answer.status_code == 422
    assert [error["field"] for error in answer.json()["errors"]] == ["body.priority"]


def test_a_cursor_this_api_never_gave_is_a_400_naming_the_cursor(api_world):
    client = api_world.client("organiser")
    answer = client.get(f"{BASE}/participations", {"cursor": "zz"})
    assert (answer.status_code, answer.json()["errors"][0]["field"]) == (400, "query.cursor")
    malformed = client.get(f"{BASE}/participations", {"cursor": "!!", "limit": 0})
    assert malformed.status_code == 422
    assert [error["field"] for error in malformed.json()["errors"]] == [
        "query.cursor",
        "query.limit",
    ]


def test_the_rate_limit_answers_429_with_retry_after(api_world, settings):
    settings.FAIRMATCH_API_RATE_LIMIT = "3/60"
    client = api_world.client("buyer")
    statuses = [client.get(f"{BASE}/agenda").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get(f"{BASE}/agenda")
    assert 1 <= int(refused["Retry-After"]) <= 61
    # Another token has its own allowance.
    assert api_world.client("provider").get(f"{BASE}/agenda").status_code == 200


def test_an_organiser_token_names_its_edition(db):
    import pytest

    from fairmatch.api.domain.tokens import TokenError

    with pytest.raises(TokenError):
        issue_token(user=OrganiserFactory(), name="no edition")
