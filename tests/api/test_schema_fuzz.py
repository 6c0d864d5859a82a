"""Schemathesis against the API's own schema, through Django's WSGI application, with an
organiser's read-write token and a member's: no server error, and every answer matches the
schema (status code, content type, headers, body). The edition in the path is the world's,
so most cases reach the handlers; a bounded number of examples per operation keeps the run
under two minutes."""

from collections.abc import Iterator

import pytest
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings

schemathesis = pytest.importorskip("schemathesis", reason="pip install 'fairmatch[test]'")

EXAMPLES = 12  # per operation and token


def _fuzz(api_world, who: str) -> list[str]:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    headers = {"Authorization": f"Bearer {api_world.tokens[who]}"}
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
            phases=[Phase.explicit, Phase.generate],
        )
        def run(case):  # type: ignore[no-untyped-def]
            if "edition" in (case.path_parameters or {}):
                case.path_parameters["edition"] = api_world.edition.slug
            # Not "positive data acceptance": a well-formed cursor this API never gave
            # is refused (400), as it should be.
            case.call_and_validate(
                headers=headers, excluded_checks=[schemathesis.checks.positive_data_acceptance]
            )

        try:
            run()
        except Exception as error:  # one line per failing operation, all reported together
            failures.append(f"{who} {operation.label}: {str(error)[:1500]}")
    return failures


@pytest.fixture
def connections_kept() -> Iterator[None]:
    """The WSGI application would close the test's database connection at the end of each
    request (PostgreSQL then answers "the connection is closed"); Django's test client
    keeps it the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("who", ["organiser", "provider"])
def test_every_answer_matches_the_schema(
    api_world, published_plan, settings, connections_kept, who
):
    settings.FAIRMATCH_API_RATE_LIMIT = "100000/60"
    assert _fuzz(api_world, who) == []
