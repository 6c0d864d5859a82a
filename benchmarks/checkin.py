"""Check-in: staff scanning badges at the door, 20 scanners at once, on loopback.

For each database (SQLite, and PostgreSQL when reachable) it seeds an edition on its first
day with 10,000 badges into a database of its own, and organiser staff (with a second
factor) logged in on one session per scanner. For each server asked for (Django's threaded
``runserver``, or ``gunicorn`` with ``fairmatch.gunicorn_conf``) it starts the site on that
database and first loads the minimal view (``/health/``, no database) with as many clients
as there are scanners. Then every scanner opens the check-in page (for its CSRF token) and
posts the QR tokens of its own share of the badges to the page's endpoint, as the page's
scanner does (htmx, method "scan"); every tenth scan repeats a badge the scanner checked in
already (the "already checked in" path). It prints p50 and p95 per scan, first and repeated
scans apart, p95's ratio to the minimal view in the same run and how many requests took a
second or more (under Django's server, connections its full listen queue turned away and
TCP retried); then what the database recorded: one check-in (and one audit entry) per
badge, whatever the repeats.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request
from argparse import ArgumentParser, BooleanOptionalAction
from pathlib import Path
from typing import Any, TextIO

from benchmarks._load import (
    SERVERS,
    in_threads,
    load,
    load_average,
    migrate_and_seed,
    percentiles,
    scratch_env,
    serving,
    targets,
    timed,
)
from benchmarks._load import servers as server_list
from fairmatch.core.interfaces import arguments

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/fairmatch_bench_checkin"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
OUTCOME = re.compile(r'data-outcome="([a-z-]+)"')


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--badges", type=arguments.positive_int, default=10_000)
    parser.add_argument(
        "--scanners", type=arguments.int_between(1, 200), default=20, help="concurrent scanners"
    )
    parser.add_argument(
        "--repeat-every",
        type=arguments.int_between(2, 1000),
        default=10,
        help="every Nth scan of a scanner repeats a badge it checked in already",
    )
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="PostgreSQL URL or 'no'")
    parser.add_argument(
        "--sqlite", action=BooleanOptionalAction, default=True, help="measure on SQLite too"
    )
    parser.add_argument(
        "--server",
        type=server_list,
        default=["runserver"],
        help="comma-separated: runserver, gunicorn (each on a freshly seeded database)",
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
    parser.add_argument(
        "--count-only",
        metavar="FILE",
        help="internal: write what the configured database recorded to FILE",
    )


def _cookies(response: Any, jar: dict[str, str]) -> None:
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, value = header.split(";", 1)[0].partition("=")
        jar[name.strip()] = value.strip()


def _scan_plan(tokens: list[str], scanner: int, scanners: int, repeat_every: int) -> list[str]:
    """The scanner's share of the badges, in order; every Nth scan repeats an earlier one."""
    own = tokens[scanner::scanners]
    plan: list[str] = []
    for token in own:
        plan.append(token)
        if len(plan) % repeat_every == repeat_every - 1:
            plan.append(plan[len(plan) // 2])
    return plan


def _scans(base: str, data: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """Every scanner posts its plan; latencies by outcome (checked in, already, other)."""
    path = f"/organiser/{data['slug']}/onsite/"
    scanners = options["scanners"]
    latencies: dict[str, list[float]] = {"checked-in": [], "already": []}
    outcomes: dict[str, int] = {}
    errors = 0
    lock = threading.Lock()
    ready = threading.Barrier(scanners)

    def scanner(index: int) -> None:
        nonlocal errors
        jar = {"sessionid": data["sessions"][index]}

        def cookie_header() -> str:
            return "; ".join(f"{name}={value}" for name, value in jar.items())

        page = urllib.request.Request(base + path, headers={"Cookie": cookie_header()})
        with urllib.request.urlopen(page, timeout=60) as response:
            _cookies(response, jar)
            html = response.read().decode()
        csrf = CSRF_FIELD.search(html)
        ready.wait()
        if csrf is None:
            with lock:
                errors += 1
            return
        plan = _scan_plan(data["tokens"], index, scanners, options["repeat_every"])
        for token in plan:
            body = urllib.parse.urlencode(
                {"csrfmiddlewaretoken": csrf.group(1), "code": token, "method": "scan"}
            ).encode()
            request = urllib.request.Request(
                base + path,
                data=body,
                headers={
                    "Cookie": cookie_header(),
                    "HX-Request": "true",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
            )
            elapsed, status, answer = timed(request)
            found = OUTCOME.search(answer.decode())
            outcome = found.group(1) if found and status == 200 else "error"
            with lock:
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
                if outcome in latencies:
                    latencies[outcome].append(elapsed)
                else:
                    errors += 1

    wall = in_threads(scanners, scanner)
    every = latencies["checked-in"] + latencies["already"]
    return {
        "every scan": {"requests": len(every), "rps": len(every) / wall, **percentiles(every)},
        "first scan": {
            "requests": len(latencies["checked-in"]),
            **percentiles(latencies["checked-in"]),
        },
        "repeated scan": {
            "requests": len(latencies["already"]),
            **percentiles(latencies["already"]),
        },
        "outcomes": outcomes,
        "errors": errors,
    }


def _serve_and_scan(
    server: str, env: dict[str, str], scratch: str, data: dict[str, Any], options: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    scans_expected = len(data["tokens"]) * options["repeat_every"] // (options["repeat_every"] - 1)
    with serving(server, env, scratch, options) as served:
        load(served.base, ["/health/"], clients=options["scanners"], total=50)  # warm up
        minimal = load(
            served.base,
            ["/health/"],
            clients=options["scanners"],
            total=max(200, min(scans_expected, 2000)),
        )
        results = {"minimal view": minimal, **_scans(served.base, data, options)}
    return results, served.failures


def _measure(label: str, database_url: str, options: dict[str, Any]) -> list[dict[str, Any]]:
    """One run per server, each on a freshly seeded database (a scan checks a badge in)."""
    runs = []
    for server in options["server"]:
        with tempfile.TemporaryDirectory() as scratch:
            env = scratch_env(database_url, scratch)
            badges = ["checkin", "--badges", str(options["badges"])]
            data = migrate_and_seed(env, [*badges, "--scanners", str(options["scanners"])], scratch)
            results, failures = _serve_and_scan(server, env, scratch, data, options)
            recorded = Path(scratch) / "recorded.json"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "fairmatch",
                    "bench",
                    *badges,
                    "--count-only",
                    str(recorded),
                ],
                env=env,
                check=True,
            )
            runs.append(
                {
                    "server": server,
                    "results": results,
                    "recorded": json.loads(recorded.read_text()),
                    "failures": failures,
                }
            )
    return runs


def run(options: dict[str, Any], out: TextIO) -> int:
    if options.get("seed_only"):
        from benchmarks._checkin_seed import main

        main(options["badges"], options["scanners"], options["seed_only"])
        return 0
    if options.get("count_only"):
        from benchmarks._checkin_seed import write_counts

        write_counts(options["count_only"])
        return 0
    databases = targets(options, out)
    if not databases:
        return 1
    servers = "; ".join(f"{name}: {SERVERS[name]}" for name in options["server"])
    out.write(
        f"{options['badges']} badges, {options['scanners']} concurrent scanners, every "
        f"{options['repeat_every']}th scan a repeat, loopback; {servers}; "
        f"load average {load_average()} on {os.cpu_count()} CPUs\n\n"
    )
    out.write(
        f"{'database':<11} {'server':<10} {'request':<14} {'count':>6} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'p95 / minimal':>14} {'>= 1 s':>7}\n"
    )
    ok = True
    for label, url in databases:
        for measured in _measure(label, url, options):
            server, results = measured["server"], measured["results"]
            minimal = results["minimal view"]
            for row in ("minimal view", "every scan", "first scan", "repeated scan"):
                figures = results[row]
                ratio = figures["p95_ms"] / minimal["p95_ms"] if minimal["p95_ms"] else 0.0
                out.write(
                    f"{label:<11} {server:<10} {row:<14} {figures['requests']:>6} "
                    f"{figures['p50_ms']:>8.1f} {figures['p95_ms']:>8.1f} {ratio:>14.2f} "
                    f"{figures['over_1s']:>7}\n"
                )
            recorded = measured["recorded"]
            outcomes = ", ".join(f"{n} {name}" for name, n in sorted(results["outcomes"].items()))
            once = (
                recorded["check-ins"]
                == recorded["badges checked in"]
                == recorded["badges"]
                == recorded["audit entries"]
            )
            out.write(
                f"{label:<11} {server:<10} answers: {outcomes}; recorded: "
                f"{recorded['check-ins']} check-ins of {recorded['badges']} badges, "
                f"{recorded['badges checked in']} badges checked in, "
                f"{recorded['audit entries']} audit entries"
                f"{' (once each)' if once else ' (NOT once each)'}\n"
            )
            ok &= once and results["errors"] == 0 and minimal["errors"] == 0
            for line in measured["failures"]:
                out.write(f"{label:<11} {server:<10} server: {line}\n")
    out.write(f"\nload average after: {load_average()}\n")
    out.write("target: a scan's p95 within 3x of the minimal view's; one check-in per badge\n")
    return 0 if ok else 1
