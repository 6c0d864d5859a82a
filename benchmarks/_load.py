"""What the web, API and check-in benchmarks share: the servers they start, the database
they measure, and the concurrent clients that time one request each.

``serving`` starts the site (Django's threaded ``runserver``, or ``gunicorn`` with the
shipped ``fairmatch.gunicorn_conf``) and waits for ``/health/``; ``load`` spreads a number
of GETs over concurrent client threads; ``in_threads`` runs any per-client loop (the
check-in scanners) and ``timed`` times one request. Figures are p50 and p95 in
milliseconds and requests per second.
"""

import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from argparse import ArgumentTypeError
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SERVERS = {
    "runserver": "Django's threaded development server",
    "gunicorn": "gunicorn with fairmatch.gunicorn_conf",
}
SQLITE = "sqlite:///{scratch}/bench.sqlite3"


def servers(value: str) -> list[str]:
    """``--server``'s type: a comma-separated list of the servers above."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = sorted(set(names) - set(SERVERS))
    if unknown or not names:
        raise ArgumentTypeError(f"servers are {', '.join(SERVERS)}; got {value!r}")
    return names


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def postgres_ready(url: str) -> bool:
    """Whether PostgreSQL answers at ``url``; creates the database when it is missing."""
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


def targets(options: dict[str, Any], out: Any) -> list[tuple[str, str]]:
    """The databases to measure: SQLite unless ``--no-sqlite``, PostgreSQL when reachable."""
    chosen = [("SQLite", SQLITE)] if options["sqlite"] else []
    if options["postgres"] != "no":
        if postgres_ready(options["postgres"]):
            chosen.append(("PostgreSQL", options["postgres"]))
        else:
            out.write(f"PostgreSQL at {options['postgres']} is not reachable: skipped\n")
    if not chosen:
        out.write("No database to measure (--no-sqlite and no PostgreSQL)\n")
    return chosen


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def server_command(
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


@dataclass
class Served:
    """A running site: its address, and (once stopped) the last errors of its log."""

    base: str
    failures: list[str] = field(default_factory=list)


@contextlib.contextmanager
def serving(
    server: str, env: dict[str, str], scratch: str, options: dict[str, Any]
) -> Iterator[Served]:
    """Start ``server`` on a free port, wait until ``/health/`` answers, stop it on exit."""
    port = free_port()
    command, server_env = server_command(server, port, scratch, options)
    log = Path(scratch) / f"{server}.log"
    process = subprocess.Popen(
        command, env=env | server_env, stdout=subprocess.DEVNULL, stderr=log.open("w")
    )
    served = Served(base=f"http://127.0.0.1:{port}")
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(served.base + "/health/", timeout=1).read()
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        yield served
    finally:
        process.terminate()
        process.wait(timeout=30)
        failures = [line for line in log.read_text().splitlines() if "Error" in line]
        served.failures[:] = failures[-3:]


def percentiles(latencies: list[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds of latencies in seconds, and how many took a second or
    more (a connection refused by a full listen queue is retried by TCP after one second)."""
    slow = sum(latency >= 1.0 for latency in latencies)
    if len(latencies) < 2:
        value = 1000 * (latencies[0] if latencies else 0.0)
        return {"p50_ms": value, "p95_ms": value, "over_1s": slow}
    cuts = statistics.quantiles(latencies, n=20)
    return {
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * cuts[-1],
        "over_1s": slow,
    }


def timed(request: urllib.request.Request | str) -> tuple[float, int | None, bytes]:
    """One request: seconds taken, HTTP status (None when it failed) and body."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:  # urllib raises on 304 and every 4xx/5xx
        body, status = b"", error.code
    except (urllib.error.URLError, OSError):
        body, status = b"", None
    return time.perf_counter() - started, status, body


def in_threads(count: int, target: Callable[[int], None]) -> float:
    """Run ``target(index)`` in ``count`` threads at once; the wall-clock seconds taken."""
    started = time.perf_counter()
    threads = [threading.Thread(target=target, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def load(
    base: str,
    paths: list[str],
    *,
    headers: list[dict[str, str]] | None = None,
    clients: int,
    total: int,
    expected: int = 200,
) -> dict[str, Any]:
    """``total`` GETs over ``clients`` threads, cycling through ``paths`` and ``headers``
    (a session cookie, a bearer token or an ``If-None-Match`` each); requests, req/s, p50,
    p95 and errors (any status but ``expected``)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))

    def client(_: int) -> None:
        nonlocal errors
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            request = urllib.request.Request(
                base + paths[index % len(paths)],
                headers=headers[index % len(headers)] if headers else {},
            )
            elapsed, status, _body = timed(request)
            with lock:
                latencies.append(elapsed)
                errors += status != expected

    wall = in_threads(clients, client)
    return {"requests": total, "rps": total / wall, "errors": errors, **percentiles(latencies)}


def scratch_env(database_url: str, scratch: str, **extra: str) -> dict[str, str]:
    """The environment of a run on its own database (``{scratch}`` in a SQLite URL is the
    run's scratch folder): production settings, errors logged only."""
    return os.environ | {
        "DATABASE_URL": database_url.replace("{scratch}", scratch),
        "FAIRMATCH_VAR_DIR": scratch,
        "FAIRMATCH_DEBUG": "false",
        "FAIRMATCH_LOG_LEVEL": "ERROR",
        **extra,
    }


def migrate_and_seed(env: dict[str, str], bench: list[str], scratch: str) -> dict[str, Any]:
    """Migrate the run's database, then run ``fairmatch bench <bench...> --seed-only FILE``
    (the benchmark's own seed, in a process of its own) and return what it wrote."""
    command = [sys.executable, "-m", "fairmatch"]
    subprocess.run([*command, "migrate", "-v0"], env=env, check=True)
    inputs = Path(scratch) / "inputs.json"
    subprocess.run(
        [*command, "bench", *bench, "--seed-only", str(inputs)],
        # Seeds log in and count queries with Django's test client, whose host is "testserver".
        env=env | {"FAIRMATCH_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost"},
        check=True,
    )
    return json.loads(inputs.read_text())
