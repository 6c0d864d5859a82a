"""The ``fairmatch`` console script: Django's management commands plus the project's own.

The scheduling engine's commands (``schedule solve``, ``schedule verify``, ``bench
schedule``) touch neither the database nor the apps: they run without ``django.setup()``
(about 2 s of start-up), so a small instance is answered in well under a second.
"""

import os
import sys

# (command, subcommand) pairs that run without setting Django up.
ENGINE_COMMANDS = frozenset({("schedule", "solve"), ("schedule", "verify"), ("bench", "schedule")})


def main(argv: list[str] | None = None) -> None:
    """Run a management command (``fairmatch demo``, ``fairmatch schedule solve ...``)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fairmatch.settings")
    args = list(sys.argv if argv is None else ["fairmatch", *argv])
    if len(args) == 1:
        args.append("help")
    if tuple(args[1:3]) in ENGINE_COMMANDS:
        _run_engine_command(args)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


def _run_engine_command(args: list[str]) -> None:
    """``schedule solve|verify`` through its management command, without the apps (it needs
    none); ``bench schedule`` straight from its module, without importing the others."""
    if args[1] == "schedule":
        from fairmatch.scheduling.management.commands.schedule import Command

        Command().run_from_argv(args)
        return
    from argparse import ArgumentParser

    from benchmarks import schedule

    parser = ArgumentParser(
        prog="fairmatch bench schedule", description=(schedule.__doc__ or "").strip()
    )
    schedule.add_arguments(parser)
    exit_code = schedule.run(vars(parser.parse_args(args[3:])), sys.stdout)
    sys.stdout.flush()
    if exit_code:
        sys.stderr.write("CommandError: benchmark schedule failed\n")
        sys.exit(exit_code)


if __name__ == "__main__":
    main()
