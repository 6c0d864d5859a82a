"""Import 10,000 rows from a spreadsheet: preview and commit times, peak memory, per database.

Each database is migrated fresh; a child process seeds the catalogues and an open edition
with rules and a rate, then imports through the same functions as the import page
(``run_preview``, ``run_commit``): enterprises with their applications (new), the same file
again (every row an update, by external id), then one delegate per enterprise.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any, TextIO

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/fairmatch_bench_import"
COUNTRIES = ["DE", "FR", "JP", "KR", "US", "GB", "IT", "CN", "SG", "AU", "CA", "NL"]


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=10_000, help="rows per file")
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES, help="PostgreSQL URL or 'no'")
    parser.add_argument("--no-sqlite", action="store_true", help="skip SQLite")
    parser.add_argument("--measure-only", default="", help="(internal) measure here, write JSON")


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _csv(rows: list[list[str]]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("gb18030")


def _files(count: int) -> dict[str, bytes]:
    enterprises = [
        [
            "External id",
            "Name in the original language",
            "Name in English",
            "Country",
            "Kind (buyer, provider, both)",
            "Fields (codes, separated by ;)",
            "Description",
        ]
    ]
    delegates = [
        ["External id", "Enterprise external id", "Full name", "Job title", "Rank", "E-mail"]
    ]
    for n in range(count):
        country = COUNTRIES[n % len(COUNTRIES)]
        kind = "provider" if country == "CN" else "buyer"
        enterprises.append(
            [
                f"E-{n}",
                f"企业 {n} 有限公司" if country == "CN" else f"Firm {n} {country} Ltd",
                f"Firm {n} {country} Ltd",
                country,
                kind,
                "software;animation" if n % 2 else "software",
                f"Outsourcing partner number {n}",
            ]
        )
        delegates.append(
            [f"D-{n}", f"E-{n}", f"Delegate {n}", "Manager", "director", f"d{n}@firm.example"]
        )
    return {"enterprises": _csv(enterprises), "delegates": _csv(delegates)}


def _measure_here(rows: int, output: str) -> None:
    """In the child process, on the database DATABASE_URL names."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fairmatch.settings")
    django.setup()
    from django.db import connection

    from fairmatch.accounts.models import User
    from fairmatch.conference.models import (
        CooperationKind,
        Edition,
        ExchangeRate,
        Field,
        QualificationRule,
        Rank,
    )
    from fairmatch.enterprises.models import Enterprise
    from fairmatch.spreadsheets.domain.jobs import run_commit, run_preview
    from fairmatch.spreadsheets.models import ImportJob

    Field.objects.create(code="software", name_en="Software", name_zh="软件")
    Field.objects.create(code="animation", name_en="Animation", name_zh="动漫")
    CooperationKind.objects.create(code="outsourcing", name_en="Outsourcing", name_zh="外包")
    for level, code in ((20, "manager"), (40, "director")):
        Rank.objects.create(code=code, level=level, name_en=code, name_zh=code)
    edition = Edition.objects.create(
        slug="bench",
        name_en="Bench",
        start_date="2027-06-15",
        end_date="2027-06-16",
        status="open",
    )
    ExchangeRate.objects.create(edition=edition, currency="EUR", usd_per_unit="1.08")
    QualificationRule.objects.create(
        edition=edition,
        role="buyer",
        kind="allowed_countries",
        parameters={"countries": [], "groups": ["foreign"]},
    )
    QualificationRule.objects.create(
        edition=edition,
        role="buyer",
        kind="min_delegate_rank",
        parameters={"rank_level": 30, "scope": "any"},
    )
    organiser = User.objects.create(email="bench@fairmatch.example", is_staff=True)
    files = _files(rows)
    results = []
    for label, kind in (
        ("enterprises, new", "enterprises"),
        ("enterprises, again", "enterprises"),
        ("delegates, new", "delegates"),
    ):
        content = files[kind]
        job = ImportJob.objects.create(
            edition=edition,
            kind=kind,
            filename=f"{kind}.csv",
            content=content,
            created_by=organiser,
        )
        started = time.perf_counter()
        run_preview(job.pk)
        previewed = time.perf_counter()
        job.refresh_from_db()
        assert job.error_count == 0, job.preview["issues"][:3]
        run_commit(job.pk, organiser.pk)
        committed = time.perf_counter()
        job.refresh_from_db()
        assert job.status == "committed", job.error
        results.append(
            {
                "file": label,
                "rows": job.total,
                "bytes": len(content),
                "preview_s": previewed - started,
                "commit_s": committed - previewed,
                "peak_mb": _peak_mb(),
                "summary": job.summary,
            }
        )
    assert Enterprise.objects.count() == rows
    Path(output).write_text(json.dumps({"vendor": connection.vendor, "results": results}))


def _postgres_fresh(url: str) -> bool:
    import psycopg

    admin = url.rsplit("/", 1)[0] + "/postgres"
    name = url.rsplit("/", 1)[1]
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return False
    return True


def _measure(database_url: str, rows: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        env = os.environ | {
            "DATABASE_URL": database_url.replace("{scratch}", scratch),
            "FAIRMATCH_VAR_DIR": scratch,
            "FAIRMATCH_DEBUG": "false",
            "FAIRMATCH_LOG_LEVEL": "ERROR",
        }
        command = [sys.executable, "-m", "fairmatch"]
        subprocess.run([*command, "migrate", "-v0"], env=env, check=True)
        output = Path(scratch) / "results.json"
        subprocess.run(
            [*command, "bench", "import", "--rows", str(rows), "--measure-only", str(output)],
            env=env,
            check=True,
        )
        return dict(json.loads(output.read_text()))


def run(options: dict[str, Any], out: TextIO) -> int:
    if options.get("measure_only"):
        _measure_here(options["rows"], options["measure_only"])
        return 0
    targets = [] if options["no_sqlite"] else [("SQLite", "sqlite:///{scratch}/bench.sqlite3")]
    if options["postgres"] != "no":
        if _postgres_fresh(options["postgres"]):
            targets.append(("PostgreSQL", options["postgres"]))
        else:
            out.write(f"PostgreSQL at {options['postgres']} is not reachable: skipped\n")
    load = "/".join(f"{value:.2f}" for value in os.getloadavg())
    out.write(
        f"{options['rows']} rows per file, CSV in GB18030; load average before: {load} "
        f"on {os.cpu_count()} CPUs\n\n"
    )
    out.write(
        f"{'database':<11} {'file':<20} {'rows':>6} {'preview s':>10} {'commit s':>9} "
        f"{'total s':>8} {'peak MB':>8}\n"
    )
    ok = True
    for label, url in targets:
        measured = _measure(url, options["rows"])
        for result in measured["results"]:
            total = result["preview_s"] + result["commit_s"]
            out.write(
                f"{label:<11} {result['file']:<20} {result['rows']:>6} "
                f"{result['preview_s']:>10.2f} {result['commit_s']:>9.2f} {total:>8.2f} "
                f"{result['peak_mb']:>8.0f}\n"
            )
            ok &= total < 60
    load = "/".join(f"{value:.2f}" for value in os.getloadavg())
    out.write(f"\nload average after: {load}; target: preview + commit under 60 s per file\n")
    return 0 if ok else 1
