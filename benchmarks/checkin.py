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
scans apart, and p95's ratio to the minimal view in the same run; then what the database
recorded: one check-in (and one audit entry) per badge, whatever the repeats.
"""

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from argparse import ArgumentParser, BooleanOptionalAction
from pathlib import Path
from typing import Any, TextIO

from benchmarks.web import SERVERS, _free_port, _postgres_ready, _server_command, _servers
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
        type=_servers,
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


def _percentiles(latencies: list[float]) -> dict[str, float]:
    if len(latencies) < 2:
        value = 1000 * (latencies[0] if latencies else 0.0)
        return {"p50_ms": value, "p95_ms": value}
    cuts = statistics.quantiles(latencies, n=20)
    return {"p50_ms": 1000 * statistics.median(latencies), "p95_ms": 1000 * cuts[-1]}


def _health(base: str, *, clients: int, total: int) -> dict[str, Any]:
    """``total`` GETs of the minimal view spread over ``clients`` threads."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))

    def worker() -> None:
        nonlocal errors
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(base + "/health/", timeout=60) as response:
                    response.read()
                    ok = response.status == 200
            except (urllib.error.URLError, OSError):
                ok = False
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                errors += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {"requests": total, "rps": total / wall, "errors": errors, **_percentiles(latencies)}


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
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    found = OUTCOME.search(response.read().decode())
                    outcome = found.group(1) if found and response.status == 200 else "error"
            except (urllib.error.URLError, OSError):
                outcome = "error"
            elapsed = time.perf_counter() - started
            with lock:
                outcomes[outcome] = outcomes.get(outcome, 0) + 1
                if outcome in latencies:
                    latencies[outcome].append(elapsed)
                else:
                    errors += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=scanner, args=(n,)) for n in range(scanners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    every = latencies["checked-in"] + latencies["already"]
    return {
        "every scan": {"requests": len(every), "rps": len(every) / wall, **_percentiles(every)},
        "first scan": {
            "requests": len(latencies["checked-in"]),
            **_percentiles(latencies["checked-in"]),
        },
        "repeated scan": {
            "requests": len(latencies["already"]),
            **_percentiles(latencies["already"]),
        },
        "outcomes": outcomes,
        "errors": errors,
    }


def _serve_and_scan(
    server: str, env: dict[str, str], scratch: str, data: dict[str, Any], options: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    port = _free_port()
    command, server_env = _server_command(server, port, scratch, options)
    log = Path(scratch) / f"{server}.log"
    process = subprocess.Popen(
        command, env=env | server_env, stdout=subprocess.DEVNULL, stderr=log.open("w")
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/health/", timeout=1).read()
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        _health(base, clients=options["scanners"], total=50)  # warm up
        scans_expected = (
            len(data["tokens"]) * options["repeat_every"] // (options["repeat_every"] - 1)
        )
        minimal = _health(
            base, clients=options["scanners"], total=max(200, min(scans_expected, 2000))
        )
        results = {"minimal view": minimal, **_scans(base, data, options)}
    finally:
        process.terminate()
        process.wait(timeout=30)
    failures = [line for line in log.read_text().splitlines() if "Error" in line]
    return results, failures[-3:]


def _measure(label: str, database_url: str, options: dict[str, Any]) -> list[dict[str, Any]]:
    """One run per server, each on a freshly seeded database (a scan checks a badge in)."""
    runs = []
    for server in options["server"]:
        with tempfile.TemporaryDirectory() as scratch:
            env = os.environ | {
                "DATABASE_URL": database_url.replace("{scratch}", scratch),
                "FAIRMATCH_VAR_DIR": scratch,
                "FAIRMATCH_DEBUG": "false",
                "FAIRMATCH_LOG_LEVEL": "ERROR",
            }
            command = [sys.executable, "-m", "fairmatch"]
            subprocess.run([*command, "migrate", "-v0"], env=env, check=True)
            inputs = Path(scratch) / "inputs.json"
            bench = [*command, "bench", "checkin", "--badges", str(options["badges"])]
            subprocess.run(
                [*bench, "--scanners", str(options["scanners"]), "--seed-only", str(inputs)],
                # The seed logs the scanners in with Django's test client ("testserver").
                env=env | {"FAIRMATCH_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost"},
                check=True,
            )
            data = json.loads(inputs.read_text())
            results, failures = _serve_and_scan(server, env, scratch, data, options)
            recorded = Path(scratch) / "recorded.json"
            subprocess.run([*bench, "--count-only", str(recorded)], env=env, check=True)
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
    targets = [("SQLite", "sqlite:///{scratch}/bench.sqlite3")] if options["sqlite"] else []
    if options["postgres"] != "no":
        if _postgres_ready(options["postgres"]):
            targets.append(("PostgreSQL", options["postgres"]))
        else:
            out.write(f"PostgreSQL at {options['postgres']} is not reachable: skipped\n")
    if not targets:
        out.write("No database to measure (--no-sqlite and no PostgreSQL)\n")
        return 1
    servers = "; ".join(f"{name}: {SERVERS[name]}" for name in options["server"])
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    out.write(
        f"{options['badges']} badges, {options['scanners']} concurrent scanners, every "
        f"{options['repeat_every']}th scan a repeat, loopback; {servers}; "
        f"load average {load} on {os.cpu_count()} CPUs\n\n"
    )
    out.write(
        f"{'database':<11} {'server':<10} {'request':<14} {'count':>6} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'p95 / minimal':>14}\n"
    )
    ok = True
    for label, url in targets:
        for measured in _measure(label, url, options):
            server, results = measured["server"], measured["results"]
            minimal = results["minimal view"]
            for row in ("minimal view", "every scan", "first scan", "repeated scan"):
                figures = results[row]
                ratio = figures["p95_ms"] / minimal["p95_ms"] if minimal["p95_ms"] else 0.0
                out.write(
                    f"{label:<11} {server:<10} {row:<14} {figures['requests']:>6} "
                    f"{figures['p50_ms']:>8.1f} {figures['p95_ms']:>8.1f} {ratio:>14.2f}\n"
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
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    out.write(f"\nload average after: {load}\n")
    out.write("target: a scan's p95 within 3x of the minimal view's; one check-in per badge\n")
    return 0 if ok else 1
