"""Booth allocation: seeded exhibition floors of 100 to 2,000 exhibitors; objective, proven
bound, gap, seconds and peak memory."""

from __future__ import annotations

import os
import resource
import time
from argparse import ArgumentParser
from typing import Any, TextIO

from benchmarks._booth_fairs import generate_floor
from fairmatch.core.interfaces import arguments
from fairmatch.exhibition.engine import Progress, allocate, violations

SIZES = (100, 500, 2_000)
# The targets: 500 exhibitors within 1 % of the bound in 60 s, 2,000 within 2 % in 300 s.
TIME_LIMITS = {100: 60.0, 500: 60.0, 2_000: 300.0}


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--sizes",
        type=arguments.positive_int_list,
        default=list(SIZES),
        help="exhibitors per floor, comma-separated",
    )
    parser.add_argument(
        "--time-limit",
        type=arguments.positive_seconds,
        default=None,
        help="seconds per floor (default: 60, and 300 from 2,000 exhibitors)",
    )
    parser.add_argument("--workers", type=arguments.int_between(1, 64), default=2)
    parser.add_argument("--seed", type=arguments.seed, default=0)


def run(options: dict[str, Any], out: TextIO) -> int:
    """One row per floor, smallest first. "first s" is when the first allocation was
    reported; peak MB is the process's peak so far (rows run in order of size)."""
    out.write(
        f"{'exhibitors':>10}{'booths':>7}{'halls':>6}{'placed':>7}{'of':>6}{'objective':>10}"
        f"{'bound':>8}{'gap':>7}{'first s':>8}{'seconds':>8}{'peak MB':>8}  status     valid"
        f"  load\n"
    )
    failed = False
    for size in sorted(options["sizes"]):
        limit = options["time_limit"] or TIME_LIMITS.get(size, 300.0 if size >= 2_000 else 60.0)
        problem = generate_floor(exhibitors=size, seed=options["seed"])
        first: list[float] = []

        def on_progress(progress: Progress, first: list[float] = first) -> None:
            if not first and progress.objective is not None:
                first.append(progress.seconds)

        load = os.getloadavg()[0]
        started = time.monotonic()
        allocation = allocate(
            problem,
            time_limit=limit,
            workers=options["workers"],
            seed=options["seed"],
            progress=on_progress,
        )
        seconds = time.monotonic() - started
        broken = violations(problem, allocation)
        failed = failed or bool(broken)
        # ru_maxrss is the peak of the whole process, in KiB on Linux.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        load = max(load, os.getloadavg()[0])
        out.write(
            f"{size:>10}{len(problem.booths):>7}{len(problem.halls):>6}{allocation.placed:>7}"
            f"{allocation.placeable:>6}{allocation.objective:>10.0f}{allocation.bound:>8.0f}"
            f"{allocation.gap:>7.2%}{first[0] if first else float('nan'):>8.1f}{seconds:>8.1f}"
            f"{peak:>8.0f}  {allocation.status.value:<10} {'yes' if not broken else 'NO':<5}"
            f"{load:>6.1f}\n"
        )
        for line in broken[:5]:
            out.write(f"    {line}\n")
        out.flush()
    return 1 if failed else 0
