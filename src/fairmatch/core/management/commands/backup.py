"""``fairmatch backup FILE``: the whole database into one file (see docs/operations.md)."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from fairmatch.core.domain.backups import BackupError, back_up


class Command(BaseCommand):
    help = (
        "Back up the whole database into FILE: PostgreSQL with pg_dump (custom format), "
        "SQLite with its online backup (safe while the site runs)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="the backup to write (replaced if it exists)")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = back_up(path=Path(options["file"]), using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up the {report.engine} database {report.database} to {report.path} "
            f"({report.size:,} bytes, {report.tool})."
        )
