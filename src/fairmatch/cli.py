"""The ``fairmatch`` console script: Django's management commands plus the project's own."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command (``fairmatch demo``, ``fairmatch schedule solve ...``)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fairmatch.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else ["fairmatch", *argv])
    if len(args) == 1:
        args.append("help")
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
