"""Web: the agenda page and the calendar feed under 50 concurrent clients, on loopback.

For each database (SQLite, and PostgreSQL when reachable) it seeds a 2,000-participant
edition into a database of its own, then for each server asked for (Django's threaded
``runserver``, or ``gunicorn`` with the shipped ``fairmatch.gunicorn_conf``) starts the
site on that database and loads three pages in turn: a minimal view (``/health/``, no
database), the agenda page (logged in) and the ICS feed, the feed twice: asked afresh, and
asked as calendar clients poll, with the ETag of the copy they hold (answered 304). It
prints requests per second and p95 latency of each, and each page's ratio to the minimal
view measured by the same server in the same run; and the agenda page's queries for 8
meetings and for none (they must be equal).
"""

import tempfile
import urllib.request
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
from fairmatch.core.interfaces import arguments

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/fairmatch_bench_web"


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--participants", type=arguments.positive_int, default=2000)
    parser.add_argument(
        "--clients", type=arguments.int_between(1, 1000), default=50, help="concurrent clients"
    )
    parser.add_argument(
        "--requests", type=arguments.positive_int, default=1000, help="requests per page"
    )
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="PostgreSQL URL or 'no'")
    parser.add_argument(
        "--sqlite", action=BooleanOptionalAction, default=True, help="measure on SQLite too"
    )
    parser.add_argument(
        "--server",
        type=server_list,
        default=["runserver"],
        help="comma-separated: runserver, gunicorn (each measured on the same seeded database)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="gunicorn worker processes (default: the configuration's, 2 x cores + 1)",
    )
    parser.add_argument(
        "--seed-only",
        metavar="FILE",
        help="internal: seed the configured database and write the load's inputs to FILE",
    )


def _etag(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return str(response.headers["ETag"])


def _serve_and_load(
    server: str, env: dict[str, str], scratch: str, data: dict[str, Any], options: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    feeds = [f"/calendar/{token}.ics" for token in data["tokens"]]
    pages = {
        "minimal view": (["/health/"], []),
        "agenda page": (
            [f"/e/{data['slug']}/agenda/"],
            [{"Cookie": f"sessionid={session}"} for session in data["sessions"]],
        ),
        "ICS feed": (feeds, []),
    }
    results = {}
    with serving(server, env, scratch, options) as served:
        # Calendar clients mostly poll with the ETag of the copy they hold.
        polls = [{"If-None-Match": _etag(served.base + path)} for path in feeds]
        pages["ICS feed 304"] = (feeds, polls)
        for page, (paths, headers) in pages.items():
            expected = 304 if page == "ICS feed 304" else 200
            load(served.base, paths, headers=headers, clients=10, total=50, expected=expected)
            results[page] = load(
                served.base,
                paths,
                headers=headers,
                clients=options["clients"],
                total=options["requests"],
                expected=expected,
            )
    return results, served.failures


def _measure(label: str, database_url: str, options: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        env = scratch_env(database_url, scratch)
        data = migrate_and_seed(
            env, ["web", "--participants", str(options["participants"])], scratch
        )
        measured = {}
        failures = []
        for server in options["server"]:
            measured[server], server_failures = _serve_and_load(server, env, scratch, data, options)
            failures += [f"{server}: {line}" for line in server_failures]
        return {
            "database": label,
            "servers": measured,
            "queries": data["queries"],
            "failures": failures,
        }


def run(options: dict[str, Any], out: TextIO) -> int:
    if options.get("seed_only"):
        from benchmarks._web_seed import main

        main(options["participants"], options["seed_only"])
        return 0
    databases = targets(options, out)
    if not databases:
        return 1
    servers = "; ".join(f"{name}: {SERVERS[name]}" for name in options["server"])
    out.write(
        f"{options['participants']} participants, {options['clients']} concurrent clients, "
        f"{options['requests']} requests per page, loopback; {servers}; "
        f"load average before: {load_average()}\n\n"
    )
    out.write(
        f"{'database':<11} {'server':<10} {'page':<13} {'req/s':>8} {'p95 ms':>8} {'errors':>6} "
        f"{'p95 / minimal':>14} {'req/s / minimal':>16}\n"
    )
    ok = True
    for label, url in databases:
        measured = _measure(label, url, options)
        for server, pages in measured["servers"].items():
            minimal = pages["minimal view"]
            for page, figures in pages.items():
                p95_ratio = figures["p95_ms"] / minimal["p95_ms"]
                rps_ratio = figures["rps"] / minimal["rps"]
                out.write(
                    f"{label:<11} {server:<10} {page:<13} {figures['rps']:>8.1f} "
                    f"{figures['p95_ms']:>8.1f} {figures['errors']:>6} {p95_ratio:>14.2f} "
                    f"{rps_ratio:>16.2f}\n"
                )
                ok &= figures["errors"] == 0
        queries = measured["queries"]
        out.write(
            f"{label:<11} agenda queries: {queries['8 meetings']} with 8 meetings, "
            f"{queries['no meeting']} with none\n"
        )
        ok &= queries["8 meetings"] == queries["no meeting"]
        for line in measured["failures"]:
            out.write(f"{label:<11} server: {line}\n")
    out.write(f"\nload average after: {load_average()}\n")
    out.write(
        "target: the agenda page and the ICS feed within 3x of the minimal view (p95); "
        "queries constant\n"
    )
    return 0 if ok else 1
