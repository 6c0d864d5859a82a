"""``fairmatch worker``: run a background task worker on the database queue."""

from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from fairmatch.core.interfaces import arguments


class Command(BaseCommand):
    help = "Run a background task worker (solver runs, bulk e-mail) on the database queue."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--batch", action="store_true", help="exit when the queue is empty")
        parser.add_argument(
            "--interval",
            type=arguments.float_between(0.01, 3600.0),
            default=1.0,
            help="seconds between polls",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        worker_options: dict[str, Any] = {"interval": options["interval"], "reload": False}
        if options["batch"]:
            worker_options["batch"] = True
        call_command("db_worker", **worker_options)
