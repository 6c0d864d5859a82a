"""``fairmatch restore FILE [--force]``: a backup into the database (see docs/operations.md)."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from fairmatch.core.domain.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `fairmatch backup` into the database. Refuses a database "
        "that holds data unless --force is given. Stop the site and the workers first."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="a backup made by `fairmatch backup`")
        parser.add_argument(
            "--force", action="store_true", help="replace the data the database holds"
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="database alias")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = restore(
                path=Path(options["file"]), using=options["database"], force=options["force"]
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {report.path} ({report.source}) into the {report.engine} database "
            f"{report.database}: {report.tables} tables."
        )
        if report.replaced:
            self.stdout.write(
                f"  Replaced what it held before (data in {len(report.replaced)} of its tables)."
            )
        if report.unapplied_migrations:
            self.stdout.write(
                f"  {len(report.unapplied_migrations)} migrations of this version are newer "
                "than the backup: run `fairmatch migrate`."
            )
        else:
            self.stdout.write("  Its schema is this version's: no migrate is needed.")
