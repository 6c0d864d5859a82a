"""API: the participations list and one's agenda under 50 concurrent clients, on loopback.

Like ``fairmatch bench web``: for each database (SQLite, and PostgreSQL when reachable) it
seeds the web benchmark's edition (N participants, 8 published meetings each) into a
database of its own, issues API tokens (an organiser's for the edition, and 100 buyers'),
starts the site (Django's threaded ``runserver`` or ``gunicorn``) and loads in turn: a
minimal view (``/health/``, no database), the participations list (organiser's token, a
page of 50) and the agenda (buyers' tokens). It prints requests per second and p95 latency
of each, with the ratios to the minimal view measured by the same server in the same run,
and the list's queries for a page of 10 and of 100 (they must be equal). The API's rate
limit is lifted for the run (FAIRMATCH_API_RATE_LIMIT).
"""

import json
import tempfile
from argparse import ArgumentParser, BooleanOptionalAction
from typing import Any, TextIO

from benchmarks._load import (
    SERVERS,
    load,
    load_average,
    migrate_and_seed,
    scratch_env,
    serving,
    targets,
)
from benchmarks._load import servers as server_list
from benchmarks.web import DEFAULT_POSTGRES
from fairmatch.core.interfaces import arguments

PAGE = 50


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--participants", type=arguments.positive_int, default=2000)
    parser.add_argument(
        "--clients", type=arguments.int_between(1, 1000), default=50, help="concurrent clients"
    )
    parser.add_argument(
        "--requests", type=arguments.positive_int, default=1000, help="requests per endpoint"
    )
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="PostgreSQL URL or 'no'")
    parser.add_argument(
        "--sqlite", action=BooleanOptionalAction, default=True, help="measure on SQLite too"
    )
    parser.add_argument("--server", type=server_list, default=["runserver"], help="as bench web")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn worker processes")
    parser.add_argument("--seed-only", metavar="FILE", help="internal: seed and write inputs")


def _seed(participants: int, path: str) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks._web_seed import seed
    from fairmatch.accounts.models import User
    from fairmatch.api.domain.tokens import issue_token
    from fairmatch.conference.models import Edition

    data = seed(participants)
    edition = Edition.objects.get(slug=data["slug"])
    organiser = User.objects.create_user(
        email="organiser@bench.example", is_organiser=True, is_staff=True
    )
    organiser_token = issue_token(user=organiser, name="bench", edition=edition).plain
    buyers = User.objects.filter(email__startswith="u", enterprise__isnull=False)
    agenda_tokens = [issue_token(user=user, name="bench").plain for user in buyers[:100]]
    client = Client()
    url = f"/api/v1/editions/{edition.slug}/participations"
    queries = {}
    client.get(url, headers={"Authorization": f"Bearer {organiser_token}"})  # last use noted
    for limit in (10, 100):
        with CaptureQueriesContext(connection) as captured:
            client.get(
                url, {"limit": limit}, headers={"Authorization": f"Bearer {organiser_token}"}
            )
        queries[limit] = len(captured.captured_queries)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(
            {
                "slug": edition.slug,
                "organiser": organiser_token,
                "agenda": agenda_tokens,
                "queries": queries,
            },
            handle,
        )


def _serve_and_load(
    server: str, env: dict[str, str], scratch: str, data: dict[str, Any], options: dict[str, Any]
) -> dict[str, Any]:
    api = f"/api/v1/editions/{data['slug']}"
    endpoints = {
        "minimal view": (["/health/"], []),
        "participations": ([f"{api}/participations?limit={PAGE}"], [data["organiser"]]),
        "agenda": ([f"{api}/agenda"], data["agenda"]),
    }
    results = {}
    with serving(server, env, scratch, options) as served:
        for name, (paths, tokens) in endpoints.items():
            headers = [{"Authorization": f"Bearer {token}"} for token in tokens]
            load(served.base, paths, headers=headers, clients=10, total=50)  # warm up
            results[name] = load(
                served.base,
                paths,
                headers=headers,
                clients=options["clients"],
                total=options["requests"],
            )
    return results


def _measure(database_url: str, options: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        env = scratch_env(database_url, scratch, FAIRMATCH_API_RATE_LIMIT="100000000/60")
        data = migrate_and_seed(
            env, ["api", "--participants", str(options["participants"])], scratch
        )
        servers = {
            server: _serve_and_load(server, env, scratch, data, options)
            for server in options["server"]
        }
        return {"servers": servers, "queries": data["queries"]}


def run(options: dict[str, Any], out: TextIO) -> int:
    if options.get("seed_only"):
        _seed(options["participants"], options["seed_only"])
        return 0
    databases = targets(options, out)
    if not databases:
        return 1
    servers = "; ".join(f"{name}: {SERVERS[name]}" for name in options["server"])
    out.write(
        f"{options['participants']} participants, {options['clients']} concurrent clients, "
        f"{options['requests']} requests per endpoint, loopback; {servers}; "
        f"load average before: {load_average()}\n\n"
    )
    out.write(
        f"{'database':<11} {'server':<10} {'endpoint':<15} {'req/s':>8} {'p95 ms':>8} "
        f"{'errors':>6} {'p95 / minimal':>14} {'req/s / minimal':>16}\n"
    )
    ok = True
    for label, url in databases:
        measured = _measure(url, options)
        for server, endpoints in measured["servers"].items():
            minimal = endpoints["minimal view"]
            for name, figures in endpoints.items():
                out.write(
                    f"{label:<11} {server:<10} {name:<15} {figures['rps']:>8.1f} "
                    f"{figures['p95_ms']:>8.1f} {figures['errors']:>6} "
                    f"{figures['p95_ms'] / minimal['p95_ms']:>14.2f} "
                    f"{figures['rps'] / minimal['rps']:>16.2f}\n"
                )
                ok &= figures["errors"] == 0
        queries = measured["queries"]
        out.write(
            f"{label:<11} participations queries: {queries['10']} for a page of 10, "
            f"{queries['100']} for a page of 100\n"
        )
        ok &= queries["10"] == queries["100"]
    out.write(f"\nload average after: {load_average()}\n")
    out.write("target: each endpoint within 3x of the minimal view (p95); queries constant\n")
    return 0 if ok else 1
