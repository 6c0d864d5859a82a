"""``fairmatch bench NAME``: run one of the benchmarks under ``benchmarks/`` and print its table.

Each benchmark is a module ``benchmarks.NAME`` exposing ``add_arguments(parser)`` and
``run(options: dict, out: TextIO) -> int`` (the exit code). Benchmarks print; they are not tests.
"""

import importlib
import pkgutil
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

import benchmarks


def available_benchmarks() -> list[str]:
    return sorted(
        module.name
        for module in pkgutil.iter_modules(benchmarks.__path__)
        if not module.name.startswith("_")
    )


class Command(BaseCommand):
    help = "Run a benchmark and print its table (" + ", ".join(available_benchmarks()) + ")."

    def add_arguments(self, parser: ArgumentParser) -> None:
        subparsers = parser.add_subparsers(dest="benchmark", required=True)
        for name in available_benchmarks():
            module = importlib.import_module(f"benchmarks.{name}")
            subparser = subparsers.add_parser(name, help=(module.__doc__ or "").strip())
            module.add_arguments(subparser)

    def handle(self, *args: Any, **options: Any) -> None:
        module = importlib.import_module(f"benchmarks.{options['benchmark']}")
        exit_code = module.run(options, self.stdout)
        if exit_code:
            raise CommandError(f"benchmark {options['benchmark']} failed", returncode=exit_code)
        sys.stdout.flush()
