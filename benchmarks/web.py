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

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from argparse import ArgumentParser, ArgumentTypeError, BooleanOptionalAction
from pathlib import Path
from typing import Any, TextIO

from fairmatch.core.interfaces import arguments

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/fairmatch_bench_web"
SERVERS = {
    "runserver": "Django's threaded development server",
    "gunicorn": "gunicorn with fairmatch.gunicorn_conf",
}


def _servers(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = sorted(set(names) - set(SERVERS))
    if unknown or not names:
        raise ArgumentTypeError(f"servers are {', '.join(SERVERS)}; got {value!r}")
    return names


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
        type=_servers,
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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _postgres_ready(url: str) -> bool:
    import psycopg

    admin = url.rsplit("/", 1)[0] + "/postgres"
    name = url.rsplit("/", 1)[1]
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return False
    return True


def _load(
    base: str,
    paths: list[str],
    *,
    cookies: list[str],
    clients: int,
    total: int,
    etags: list[str] | None = None,
) -> dict[str, float]:
    """``total`` GETs spread over ``clients`` threads; returns rate, p95 and errors. With
    ``etags`` (one per path) the GETs are conditional, as calendar clients poll, and the
    answer expected is 304."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))

    def worker() -> None:
        nonlocal errors
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            request = urllib.request.Request(base + paths[index % len(paths)])
            if cookies:
                request.add_header("Cookie", f"sessionid={cookies[index % len(cookies)]}")
            if etags:
                request.add_header("If-None-Match", etags[index % len(paths)])
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
                    ok = response.status == 200 and not etags
            except urllib.error.HTTPError as error:  # urllib raises on 304 too
                ok = error.code == 304 and bool(etags)
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
    return {
        "rps": total / wall,
        "p95_ms": 1000 * statistics.quantiles(latencies, n=20)[-1],
        "errors": errors,
    }


def _server_command(
    server: str, port: int, scratch: str, options: dict[str, Any]
) -> tuple[list[str], dict[str, str]]:
    """The command line and extra environment that serve the site on ``port``."""
    if server == "runserver":
        command = [sys.executable, "-m", "fairmatch", "runserver", f"127.0.0.1:{port}"]
        # The development server starts a thread per request: reused connections would
        # pile up until PostgreSQL refuses more clients.
        return [*command, "--noreload", "--skip-checks"], {"FAIRMATCH_DB_CONN_MAX_AGE": "0"}
    env = {
        "FAIRMATCH_BIND": f"127.0.0.1:{port}",
        # Production logging: one access-log line per request, into the scratch folder.
        "FAIRMATCH_ACCESS_LOG": str(Path(scratch) / "access.log"),
        "FAIRMATCH_ERROR_LOG": "-",
    }
    if options.get("workers"):
        env["FAIRMATCH_WEB_WORKERS"] = str(options["workers"])
    return [sys.executable, "-m", "gunicorn", "-c", "python:fairmatch.gunicorn_conf"], env


def _serve_and_load(
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
        feeds = [f"/calendar/{token}.ics" for token in data["tokens"]]
        pages = {
            "minimal view": (["/health/"], [], None),
            "agenda page": ([f"/e/{data['slug']}/agenda/"], data["sessions"], None),
            "ICS feed": (feeds, [], None),
            # Calendar clients mostly poll with the ETag of the copy they hold.
            "ICS feed 304": (feeds, [], "etags"),
        }
        results = {}
        for page, (paths, cookies, conditional) in pages.items():
            etags = None
            if conditional:
                etags = [urllib.request.urlopen(base + path).headers["ETag"] for path in paths]
            _load(base, paths, cookies=cookies, clients=10, total=50, etags=etags)  # warm up
            results[page] = _load(
                base,
                paths,
                cookies=cookies,
                clients=options["clients"],
                total=options["requests"],
                etags=etags,
            )
    finally:
        process.terminate()
        process.wait(timeout=30)
    failures = [line for line in log.read_text().splitlines() if "Error" in line]
    return results, failures[-3:]


def _measure(label: str, database_url: str, options: dict[str, Any]) -> dict[str, Any]:
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
        subprocess.run(
            [
                *command,
                "bench",
                "web",
                "--participants",
                str(options["participants"]),
                "--seed-only",
                str(inputs),
            ],
            # The seed measures queries with Django's test client, whose host is "testserver".
            env=env | {"FAIRMATCH_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost"},
            check=True,
        )
        data = json.loads(inputs.read_text())
        servers = {}
        failures = []
        for server in options["server"]:
            servers[server], server_failures = _serve_and_load(server, env, scratch, data, options)
            failures += [f"{server}: {line}" for line in server_failures]
        return {
            "database": label,
            "servers": servers,
            "queries": data["queries"],
            "failures": failures,
        }


def run(options: dict[str, Any], out: TextIO) -> int:
    if options.get("seed_only"):
        from benchmarks._web_seed import main

        main(options["participants"], options["seed_only"])
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
    out.write(
        f"{options['participants']} participants, {options['clients']} concurrent clients, "
        f"{options['requests']} requests per page, loopback; {servers}\n\n"
    )
    out.write(
        f"{'database':<11} {'server':<10} {'page':<13} {'req/s':>8} {'p95 ms':>8} {'errors':>6} "
        f"{'p95 / minimal':>14} {'req/s / minimal':>16}\n"
    )
    ok = True
    for label, url in targets:
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
    out.write(
        "\ntarget: the agenda page and the ICS feed within 3x of the minimal view (p95); "
        "queries constant\n"
    )
    return 0 if ok else 1
