"""Backups, proven: a restored backup of the demo serves byte-identical agendas and feeds.

The commands run as an operator runs them, in their own processes against a database named
by ``DATABASE_URL``: on SQLite new files, on PostgreSQL new databases made here.
"""

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.db import connection

from fairmatch.conference.models import Edition
from fairmatch.core.domain.backups import (
    POSTGRES_MAGIC,
    SQLITE_MAGIC,
    BackupError,
    back_up,
    restore,
    tool_version,
)
from tests.factories import EditionFactory

REPO = Path(__file__).resolve().parents[2]


def fairmatch(*args: str, database_url: str, check: bool = True) -> subprocess.CompletedProcess:
    """The console script in a process of its own, on the database ``database_url`` names."""
    return subprocess.run(
        [sys.executable, "-m", "fairmatch", *args],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        check=check,
    )


def served_pages(database_url: str, folder: Path) -> dict[str, bytes]:
    subprocess.run(
        [sys.executable, "-m", "tests.core.agenda_pages", str(folder)],
        cwd=REPO,
        env={**os.environ, "DATABASE_URL": database_url},
        check=True,
    )
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def new_database(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Makes an empty database of the engine under test and returns its DATABASE_URL."""
    made: list[str] = []
    settings = connection.settings_dict

    def make(name: str) -> str:
        if connection.vendor == "sqlite":
            return f"sqlite:///{tmp_path / name}.sqlite3"
        database = f"{settings['NAME']}_{name}"
        with _server() as server:
            server.execute(f'DROP DATABASE IF EXISTS "{database}"')
            server.execute(f'CREATE DATABASE "{database}"')
        made.append(database)
        url = urlsplit(os.environ["DATABASE_URL"])
        return urlunsplit(url._replace(path=f"/{database}"))

    yield make
    if made:
        with _server() as server:
            for database in made:
                server.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _server() -> psycopg.Connection:
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def test_a_restored_backup_serves_the_same_agendas_and_feeds(
    demo_conference, django_db_blocker, new_database, tmp_path
):
    # The demo as a running site: restored from a backup into a database of its own, so
    # the feeds its agenda pages hand out are part of its next backup.
    with django_db_blocker.unblock():
        back_up(path=tmp_path / "demo.backup")
    site = new_database("site")
    fairmatch("restore", str(tmp_path / "demo.backup"), database_url=site)
    served = served_pages(site, tmp_path / "served")

    backed_up = fairmatch("backup", str(tmp_path / "site.backup"), database_url=site)
    restored = new_database("restored")
    answer = fairmatch("restore", str(tmp_path / "site.backup"), database_url=restored)
    fairmatch("migrate", "--check", database_url=restored)  # fails on a missing migration
    served_again = served_pages(restored, tmp_path / "served-again")

    assert backed_up.stdout.startswith("Backed up the ")
    assert answer.stdout.splitlines()[-1] == "  Its schema is this version's: no migrate is needed."
    assert list(served_again) == list(served)
    assert [name for name in served if served_again[name] != served[name]] == []
    feeds = [content for name, content in served.items() if name.endswith(".ics")]
    assert len(feeds) >= 8
    assert sum(feed.count(b"BEGIN:VEVENT") for feed in feeds) >= 20
    assert all(b'id="agenda"' in served[f"{n:02d}-agenda.html"] for n in range(8))

    again = fairmatch("restore", str(tmp_path / "site.backup"), database_url=restored, check=False)
    assert again.returncode == 1
    assert "holds data" in again.stderr and "give --force" in again.stderr


def test_restoring_over_data_is_refused_and_changes_nothing(django_db_blocker, tmp_path):
    backup = tmp_path / "empty.backup"
    with django_db_blocker.unblock():  # committed, as a backup needs; removed at the end
        back_up(path=backup)
        edition = EditionFactory(slug="dalian-2027")
        try:
            with pytest.raises(BackupError) as refused:
                restore(path=backup)
            assert list(Edition.objects.values_list("slug", flat=True)) == ["dalian-2027"]
        finally:
            edition.delete()
    assert "holds data (in conference_edition)" in str(refused.value)


@pytest.mark.django_db
def test_no_backup_inside_a_transaction(tmp_path):
    with pytest.raises(BackupError, match="outside a database transaction"):
        back_up(path=tmp_path / "inside.backup")
    assert list(tmp_path.iterdir()) == []


def test_a_backup_of_the_other_engine_is_refused(tmp_path):
    other, name = (
        (POSTGRES_MAGIC, "PostgreSQL")
        if connection.vendor == "sqlite"
        else (SQLITE_MAGIC, "SQLite")
    )
    backup = tmp_path / "other.backup"
    backup.write_bytes(other + b"\x00" * 64)
    with pytest.raises(BackupError, match=f"is a {name} backup and this database is"):
        restore(path=backup)


def test_a_file_that_is_no_backup_is_refused(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a backup")
    with pytest.raises(BackupError, match="is not a backup made by `fairmatch backup`"):
        restore(path=text)


def test_the_version_of_postgresqls_programs_is_read():
    assert tool_version("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n") == "15.20"
    assert tool_version("pg_restore (PostgreSQL) 16.4\n") == "16.4"
