"""Backups of the whole database, and restoring one into an empty database.

PostgreSQL: ``pg_dump``'s custom format, restored by ``pg_restore`` in one transaction (a
failed restore changes nothing). SQLite: SQLite's online backup, safe while the site runs
(the database is in WAL mode), into a file that is itself a SQLite database. Either way the
backup holds the schema and the migration history, so a restored database needs no
``migrate`` unless this version brings newer migrations (``RestoreReport`` names them).
"""

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor

SQLITE_MAGIC = b"SQLite format 3\x00"
POSTGRES_MAGIC = b"PGDMP"  # the first bytes of pg_dump's custom format
# Every migrated database fills these; rows there do not mean the database is in use.
BOOKKEEPING_TABLES = frozenset({"django_migrations", "django_content_type", "auth_permission"})


class BackupError(Exception):
    """The backup or restore cannot be made; the message says why. Nothing was changed."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    engine: str  # "PostgreSQL 15.20", "SQLite 3.40.1"
    database: str
    tool: str  # what wrote the file
    size: int  # bytes


@dataclass(frozen=True)
class RestoreReport:
    path: Path
    engine: str
    database: str
    source: str  # what the file says about its origin
    replaced: tuple[str, ...]  # tables that held rows before (restored with force only)
    tables: int  # tables in the database afterwards
    unapplied_migrations: tuple[str, ...]  # in this version but not in the backup


def back_up(*, path: Path, using: str = DEFAULT_DB_ALIAS) -> BackupReport:
    """Write a backup of the whole database to ``path`` (replacing a file of that name).

    The file appears only when complete: it is written beside ``path`` and then renamed.
    """
    connection = connections[using]
    path = Path(path)
    _outside_transactions(connection)
    if connection.vendor == "sqlite" and _same_file(path, connection.settings_dict["NAME"]):
        raise BackupError(f"{path} is the database itself; choose another file")
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        if connection.vendor == "postgresql":
            tool = _pg_dump(connection, partial)
        elif connection.vendor == "sqlite":
            tool = _sqlite_backup(connection, partial)
        else:
            raise _unsupported(connection)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return BackupReport(
        path=path,
        engine=_engine_name(connection),
        database=_database_name(connection),
        tool=tool,
        size=path.stat().st_size,
    )


def restore(*, path: Path, using: str = DEFAULT_DB_ALIAS, force: bool = False) -> RestoreReport:
    """Replace the database's content with the backup at ``path``.

    Refused, with nothing changed, when the file is not a backup for this database engine,
    or when the database holds data and ``force`` is not given.
    """
    connection = connections[using]
    path = Path(path)
    if connection.vendor not in ("postgresql", "sqlite"):
        raise _unsupported(connection)
    _outside_transactions(connection)
    source = _check_backup_file(path, connection=connection)
    in_use = tables_in_use(using=using)
    if in_use and not force:
        raise BackupError(
            f"the database {_database_name(connection)} holds data (in "
            f"{', '.join(in_use[:3])}{' ...' if len(in_use) > 3 else ''}); "
            "restoring would replace it: give --force to do so"
        )
    if connection.vendor == "postgresql":
        _pg_restore(connection, path)
    else:
        _sqlite_restore(connection, path)
    connection.close()  # the next query sees the restored schema
    return RestoreReport(
        path=path,
        engine=_engine_name(connection),
        database=_database_name(connection),
        source=source,
        replaced=tuple(in_use),
        tables=len(connection.introspection.table_names()),
        unapplied_migrations=tuple(unapplied_migrations(using=using)),
    )


def tables_in_use(*, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """The tables holding rows, besides those every migrated database fills."""
    connection = connections[using]
    names = sorted(set(connection.introspection.table_names()) - BOOKKEEPING_TABLES)
    with connection.cursor() as cursor:
        used = []
        for name in names:
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(name)} LIMIT 1")
            if cursor.fetchone():
                used.append(name)
    return used


def unapplied_migrations(*, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Migrations of this version the database has not applied (``fairmatch migrate`` does)."""
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def tool_version(version_output: str) -> str:
    """The version in ``pg_dump --version``'s answer: "15.20" of
    "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"."""
    found = re.search(r"\)\s*(\d+(?:\.\d+)*)", version_output)
    if found is None:
        raise BackupError(f"cannot read a version in {version_output.strip()!r}")
    return found.group(1)


# --- PostgreSQL -------------------------------------------------------------------------


def _server_major(connection: BaseDatabaseWrapper) -> int:
    connection.ensure_connection()
    return int(connection.pg_version) // 10000  # type: ignore[attr-defined]


def _pg_tool(name: str, server_major: int) -> tuple[str, int, str]:
    """The program (Debian's build for the server's version first), its major and version."""
    debian = Path(f"/usr/lib/postgresql/{server_major}/bin/{name}")
    program = str(debian) if debian.exists() else shutil.which(name)
    if program is None:
        raise BackupError(
            f"{name} is not installed; install PostgreSQL {server_major}'s client programs "
            f"(Debian: postgresql-client-{server_major})"
        )
    answer = subprocess.run([program, "--version"], capture_output=True, text=True, check=False)
    version = tool_version(answer.stdout or answer.stderr)
    return program, int(version.split(".")[0]), version


def _pg_command(
    connection: BaseDatabaseWrapper, program: str, arguments: list[str]
) -> tuple[list[str], Mapping[str, str]]:
    """The command and environment for one of PostgreSQL's programs on this database.

    The password and TLS settings travel in the environment (as ``fairmatch dbshell``
    passes them), never on the command line where other users could read them.
    """
    settings = connection.settings_dict
    _args, extra = connection.client.settings_to_cmd_args_env(settings, [])
    command = [program]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            command += [option, str(settings[key])]
    command += ["--dbname", str(settings["NAME"]), *arguments]
    return command, {**os.environ, **(extra or {})}


def _run(command: list[str], env: Mapping[str, str], what: str) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        message = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        raise BackupError(f"{what} failed: {message}")
    return result.stdout


def _pg_dump(connection: BaseDatabaseWrapper, target: Path) -> str:
    server = _server_major(connection)
    program, major, version = _pg_tool("pg_dump", server)
    if major < server:
        raise BackupError(
            f"pg_dump {version} cannot back up a PostgreSQL {server} server; install "
            f"PostgreSQL {server}'s client programs (Debian: postgresql-client-{server})"
        )
    command, env = _pg_command(connection, program, ["--format=custom", "--file", str(target)])
    _run(command, env, "pg_dump")
    return f"pg_dump {version}"


def _pg_restore(connection: BaseDatabaseWrapper, source: Path) -> None:
    program, _major, _version = _pg_tool("pg_restore", _server_major(connection))
    options = [
        "--clean",  # drop what the backup recreates ...
        "--if-exists",  # ... where it exists
        "--no-owner",  # the tables belong to the user who restores
        "--no-privileges",  # grants name roles this server may not have
        "--single-transaction",  # all or nothing
        str(source),
    ]
    command, env = _pg_command(connection, program, options)
    _run(command, env, "pg_restore")


def _pg_archive_origin(connection: BaseDatabaseWrapper, path: Path) -> str:
    """What pg_restore reads in the archive's header; an error if it is not readable."""
    program, _major, _version = _pg_tool("pg_restore", _server_major(connection))
    listing = _run([program, "--list", str(path)], os.environ, f"reading {path}")
    header = dict(
        re.findall(r"^;\s+Dumped (from database|by pg_dump) version: (\S+)", listing, re.M)
    )
    return (
        f"dumped by pg_dump {header.get('by pg_dump', '?')} from PostgreSQL "
        f"{header.get('from database', '?')}"
    )


# --- SQLite -----------------------------------------------------------------------------


def _sqlite_backup(connection: BaseDatabaseWrapper, target: Path) -> str:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # type: ignore[union-attr]
        # One self-contained file (no -wal beside it), checked before it is kept.
        copy.execute("PRAGMA journal_mode=DELETE")
        _check_integrity(copy, target)
    finally:
        copy.close()
    return f"SQLite {sqlite3.sqlite_version} online backup"


def _sqlite_restore(connection: BaseDatabaseWrapper, source: Path) -> None:
    connection.ensure_connection()
    backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        backup.backup(connection.connection)  # type: ignore[arg-type]
    except sqlite3.Error as error:
        raise BackupError(f"restoring {source} failed: {error}") from error
    finally:
        backup.close()


def _check_integrity(database: sqlite3.Connection, path: Path) -> None:
    try:
        (answer,) = database.execute("PRAGMA quick_check").fetchone()
        has_history = database.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'django_migrations'"
        ).fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is damaged: {error}") from error
    if answer != "ok":
        raise BackupError(f"{path} is damaged: {answer}")
    if not has_history:
        raise BackupError(f"{path} is a SQLite database but not one of Fairmatch")


# --- shared -----------------------------------------------------------------------------


def _check_backup_file(path: Path, *, connection: BaseDatabaseWrapper) -> str:
    """Check the file suits the database engine; returns what it says about its origin."""
    vendor = connection.vendor
    try:
        with path.open("rb") as handle:
            start = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupError(f"cannot read {path}: {error.strerror}") from error
    kind = (
        "sqlite"
        if start.startswith(SQLITE_MAGIC)
        else "postgresql"
        if start.startswith(POSTGRES_MAGIC)
        else None
    )
    if kind is None:
        raise BackupError(f"{path} is not a backup made by `fairmatch backup`")
    if kind != vendor:
        names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
        raise BackupError(
            f"{path} is a {names[kind]} backup and this database is {names[vendor]}; "
            f"restore it into a {names[kind]} database"
        )
    if kind == "postgresql":
        return _pg_archive_origin(connection, path)
    backup = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        _check_integrity(backup, path)
    finally:
        backup.close()
    return "SQLite online backup"


def _outside_transactions(connection: BaseDatabaseWrapper) -> None:
    # Inside one, pg_dump would miss its changes and SQLite's backup would wait for its end.
    if connection.in_atomic_block:
        raise BackupError("backups are taken and restored outside a database transaction")


def _same_file(path: Path, name: object) -> bool:
    database = Path(str(name))
    return database.exists() and path.exists() and path.samefile(database)


def _engine_name(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        version = int(connection.pg_version)  # type: ignore[attr-defined]
        return f"PostgreSQL {version // 10000}.{version % 10000}"
    return f"SQLite {sqlite3.sqlite_version}"


def _database_name(connection: BaseDatabaseWrapper) -> str:
    return str(connection.settings_dict["NAME"])


def _unsupported(connection: BaseDatabaseWrapper) -> BackupError:
    return BackupError(f"backups support PostgreSQL and SQLite, not {connection.vendor}")
