"""``fairmatch schedule``: solve and verify meeting schedules from the command line.

- ``fairmatch schedule solve FILE.dzn [--time-limit S] [--fairness D] [--seed N] [--json]``
- ``fairmatch schedule verify FILE.dzn SOLUTION.json`` (exit code 1 on any violation)
"""

from __future__ import annotations

import json
import sys
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fairmatch.core.interfaces import arguments
from fairmatch.scheduling.engine import (
    InvalidInput,
    Problem,
    check_fixed,
    read_dzn,
    solve,
    verify,
)
from fairmatch.scheduling.engine.dzn import MAX_SLOTS
from fairmatch.scheduling.engine.solution_io import placements_from_json, solution_to_json

# A spread of breaks cannot exceed the number of slots.
MAX_FAIRNESS = MAX_SLOTS


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: cannot read: {error}") from error


def _load_problem(path: str, *, check: bool = False) -> Problem:
    """The problem in ``path``; with ``check``, fixed meetings that clash are refused too
    (one line naming them) instead of being solved as infeasible."""
    try:
        problem = read_dzn(_read_text(path), name=Path(path).name.removesuffix(".dzn"))
        if check:
            check_fixed(problem)
    except InvalidInput as error:
        raise CommandError(f"{path}: {error}") from error
    return problem


class Command(BaseCommand):
    help = "Solve or verify one-to-one meeting schedules (JAIR .dzn instances)."
    # solve and verify run without the apps (fairmatch.cli); export reads the database
    # through them and is run through Django, whose checks are not needed for a read.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        solve_parser = subcommands.add_parser("solve", help="schedule an instance")
        solve_parser.add_argument("file", help="instance in the .dzn format")
        solve_parser.add_argument(
            "--time-limit", type=arguments.positive_seconds, default=60.0, help="seconds"
        )
        solve_parser.add_argument(
            "--fairness",
            type=arguments.int_between(-1, MAX_FAIRNESS),
            default=2,
            help="largest spread of breaks (-1: none)",
        )
        solve_parser.add_argument("--seed", type=arguments.seed, default=0)
        solve_parser.add_argument("--workers", type=arguments.workers, default=2)
        solve_parser.add_argument("--json", action="store_true", help="print one JSON object")
        verify_parser = subcommands.add_parser("verify", help="check a solution independently")
        verify_parser.add_argument("file", help="instance in the .dzn format")
        verify_parser.add_argument("solution", help="solution JSON (as printed by solve --json)")
        export_parser = subcommands.add_parser(
            "export", help="print an edition's published schedule"
        )
        export_parser.add_argument("--edition", help="edition slug (default: the latest)")
        export_parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "solve":
            self.solve(options)
        elif options["subcommand"] == "export":
            self.export(options)
        else:
            self.verify(options)

    def export(self, options: dict[str, Any]) -> None:
        from fairmatch.conference.models import Edition
        from fairmatch.scheduling.domain.export import export_release

        editions = Edition.objects.order_by("-start_date")
        if options["edition"]:
            editions = editions.filter(slug=options["edition"])
        edition = editions.first()
        if edition is None:
            raise CommandError(
                f"no edition with the short name {options['edition']!r}"
                if options["edition"]
                else "there is no edition yet; run `fairmatch demo` to build one"
            )
        document = export_release(edition)
        if document["release"] is None:
            raise CommandError(f"{edition.slug}: no schedule has been published yet")
        if options["json"]:
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            return
        release = document["release"]
        self.stdout.write(
            f"{edition.slug}: release {release['number']} ({release['name']}), "
            f"{len(document['meetings'])} meetings, {len(document['unplaced'])} without a place"
        )

    def solve(self, options: dict[str, Any]) -> None:
        problem = _load_problem(options["file"], check=True)
        started = time.monotonic()
        solution = solve(
            problem,
            time_limit=options["time_limit"],
            seed=options["seed"],
            fairness=None if options["fairness"] == -1 else options["fairness"],
            workers=options["workers"],
        )
        seconds = time.monotonic() - started
        document = solution_to_json(problem, solution, instance=problem.name, seconds=seconds)
        if options["json"]:
            self.stdout.write(json.dumps(document))
            return
        self.stdout.write(
            f"{document['instance']}: {document['status']}, {document['scheduled']}/"
            f"{document['meetings']} meetings scheduled (upper bound weight "
            f"{document['placeable_upper_bound']}), {document['breaks']} breaks (lower bound "
            f"{document['breaks_lower_bound']}), {seconds:.1f} s"
        )
        for message in solution.messages:
            self.stdout.write(f"  {message}")
        for item in document["unplaced"]:
            self.stdout.write(f"  meeting {item['meeting']} unplaced: {item['reason']}")

    def verify(self, options: dict[str, Any]) -> None:
        problem = _load_problem(options["file"])
        try:
            placements = placements_from_json(problem, _read_text(options["solution"]))
        except InvalidInput as error:
            raise CommandError(f"{options['solution']}: {error}") from error
        result = verify(problem, placements)
        for violation in result.violations:
            self.stdout.write(f"violation: {violation}")
        self.stdout.write(
            f"{result.placed_count}/{len(problem.meetings)} meetings placed, "
            f"{result.total_breaks} breaks, spread {result.fairness_spread()}: "
            + ("valid" if result.is_valid else f"{len(result.violations)} violations")
        )
        if not result.is_valid:
            sys.stdout.flush()
            raise CommandError("the solution violates hard constraints", returncode=1)
