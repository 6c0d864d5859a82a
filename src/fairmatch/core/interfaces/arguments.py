"""argparse ``type=`` functions shared by the project's commands.

A bad value (``--time-limit nan``, ``--workers 0``, ``--top ²``) is a usage error: argparse
prints one line naming the option and exits with code 2 (``call_command`` raises
``CommandError``), before the command does anything. Numbers are ASCII only, and bounded,
so no value reaches a solver or a thread's timeout as an overflow.
"""

from __future__ import annotations

import math
import re
from argparse import ArgumentTypeError
from collections.abc import Callable

# A week: longer than any solver run is worth, short enough for every timeout API.
MAX_SECONDS = 7 * 24 * 3600.0
# CP-SAT and the benchmarks' generators take 32-bit seeds.
MAX_SEED = 2**31 - 1
MAX_WORKERS = 64

_INTEGER = re.compile(r"[+-]?[0-9]{1,100}", re.ASCII)
_DECIMAL = re.compile(r"[+-]?([0-9]{1,100}(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?", re.ASCII)


def _shown(text: str) -> str:
    return repr(text if len(text) <= 30 else text[:30] + "...")


def _integer(text: str) -> int:
    if not _INTEGER.fullmatch(text.strip()):
        raise ArgumentTypeError(f"expected a whole number, not {_shown(text)}")
    return int(text)


def _decimal(text: str) -> float:
    # float() alone accepts "nan", "inf", "1e999" (= inf) and non-ASCII digits.
    if not _DECIMAL.fullmatch(text.strip()):
        raise ArgumentTypeError(f"expected a number, not {_shown(text)}")
    value = float(text)
    if not math.isfinite(value):
        raise ArgumentTypeError(f"expected a finite number, not {_shown(text)}")
    return value


def int_between(minimum: int, maximum: int) -> Callable[[str], int]:
    """A whole number from ``minimum`` to ``maximum``."""

    def parse(text: str) -> int:
        value = _integer(text)
        if not minimum <= value <= maximum:
            raise ArgumentTypeError(f"must be from {minimum} to {maximum}, not {_shown(text)}")
        return value

    parse.__name__ = "whole number"  # argparse names the type in its messages
    return parse


def float_between(
    minimum: float, maximum: float, *, above_minimum: bool = False
) -> Callable[[str], float]:
    """A finite number from ``minimum`` (excluded when ``above_minimum``) to ``maximum``."""

    def parse(text: str) -> float:
        value = _decimal(text)
        low_ok = value > minimum if above_minimum else value >= minimum
        if not (low_ok and value <= maximum):
            low = f"more than {minimum:g}" if above_minimum else f"at least {minimum:g}"
            raise ArgumentTypeError(f"must be {low} and at most {maximum:g}, not {_shown(text)}")
        return value

    parse.__name__ = "number"
    return parse


positive_seconds = float_between(0.0, MAX_SECONDS, above_minimum=True)
positive_seconds.__doc__ = "A time limit: a finite number of seconds above 0, at most a week."
positive_int = int_between(1, 1_000_000)
non_negative_int = int_between(0, 1_000_000)
seed = int_between(0, MAX_SEED)
workers = int_between(1, MAX_WORKERS)
fraction = float_between(0.0, 1.0)


def positive_int_list(text: str) -> list[int]:
    """Comma-separated whole numbers, each from 1 to 1,000,000 (``500,2000,10000``)."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    if not items:
        raise ArgumentTypeError("expected whole numbers separated by commas")
    return [positive_int(item) for item in items]
