"""Scheduler: the JAIR 2022 instances against their published optima, their seeded
--variants, --scale fairs, or how closely --limits (the time limit, a request to stop) are
kept."""

from __future__ import annotations

import csv
import json
import os
import resource
import subprocess
import sys
import time
from argparse import ArgumentParser, ArgumentTypeError
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from benchmarks._generated_fairs import generate_fair, generate_imex
from benchmarks._variants import FAMILY_NAMES, family_named, make_variant
from fairmatch.core.interfaces import arguments
from fairmatch.scheduling.engine import (
    InvalidInput,
    Meeting,
    Problem,
    Progress,
    Solution,
    Status,
    read_dzn,
    solve,
    verify,
)
from fairmatch.scheduling.engine.solution_io import placements_from_json

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "b2b-jair2022"
SCALE_SIZES = (500, 2_000, 10_000)
SCALE_LIMITS = {500: 30.0, 2_000: 30.0, 10_000: 120.0}
IMEX_LIMIT = 300.0


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--dir", default=str(DEFAULT_DIR), help="folder of .dzn instances")
    parser.add_argument(
        "--time-limit", type=arguments.positive_seconds, default=60.0, help="seconds per instance"
    )
    parser.add_argument("--scale", action="store_true", help="generated fairs of 500 to 10,000")
    parser.add_argument(
        "--sizes",
        type=arguments.positive_int_list,
        default=list(SCALE_SIZES),
        help="participants per fair, comma-separated (for --scale)",
    )
    parser.add_argument(
        "--imex",
        action="store_true",
        help="the scale table's IMEX-size row only (15,000 participants, 300 s)",
    )
    parser.add_argument("--seed", type=arguments.seed, default=0)
    parser.add_argument(
        "--limits", action="store_true", help="seconds past a time limit or a request to stop"
    )
    parser.add_argument(
        "--variants", action="store_true", help="seeded forbidden/fixed/precedence variants"
    )
    parser.add_argument(
        "--load",
        type=arguments.int_between(0, 64),
        default=0,
        help="run the originals idle, then with this many busy processes competing",
    )
    parser.add_argument(
        "--cli",
        action="store_true",
        help="solve each original with 'fairmatch schedule solve' in a fresh process (its "
        "wall time includes start-up)",
    )
    parser.add_argument(
        "--families",
        type=_name_list,
        default=list(FAMILY_NAMES),
        help="variant families, comma-separated (" + ",".join(FAMILY_NAMES) + ")",
    )
    parser.add_argument(
        "--instances",
        type=_name_list,
        default=[],
        help="only these instances, comma-separated (e.g. tic-12,forum-13; default: all)",
    )


def _name_list(text: str) -> list[str]:
    names = [item.strip() for item in text.split(",") if item.strip()]
    if not names:
        raise ArgumentTypeError("expected names separated by commas")
    return names


def run(options: dict[str, Any], out: TextIO) -> int:
    if options["scale"] or options.get("imex"):
        return _run_scale(options, out)
    if options.get("limits"):
        return _run_limits(out)
    if options.get("variants"):
        return _run_variants(options, out)
    if options.get("load"):
        return _run_load(options, out)
    return _run_jair(options, out)


def _published(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "published_results.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {row["variant_file"]: row for row in csv.DictReader(handle)}


def _instance_files(options: dict[str, Any]) -> list[Path]:
    files = sorted(Path(options["dir"]).glob("*.dzn"))
    wanted = options.get("instances") or []
    if wanted:
        files = [path for path in files if path.name.removesuffix(".original.dzn") in wanted]
    return files


def _run_jair(options: dict[str, Any], out: TextIO) -> int:
    folder = Path(options["dir"])
    files = _instance_files(options)
    if not files:
        out.write(f"no .dzn files in {folder}\n")
        return 1
    published = _published(folder)
    header = f"{'instance':<16}{'P':>4}{'M':>5}{'T':>4}{'L':>4}{'ours':>6}{'published':>10}"
    wall_label = "cli s" if options.get("cli") else "wall s"
    out.write(
        header + f"{'proved':>8}{wall_label:>8}{'solver s':>9}{'MaxSAT s':>10}  valid   "
        f"load {_load()}\n"
    )
    total = 0.0
    published_seconds: list[str | None] = []
    proved = at_optimum = 0
    worst = 0.0
    for path in files:
        problem = read_dzn(path.read_text(encoding="utf-8"), name=path.name)
        if options.get("cli"):
            solution, seconds = _solve_by_command(path, problem, options)
        else:
            started = time.monotonic()
            solution = solve(problem, time_limit=options["time_limit"], seed=options["seed"])
            seconds = time.monotonic() - started
        check = verify(problem, solution.placements)
        row = published.get(path.name, {})
        optimum = row.get("optimum_total_breaks", "?")
        is_proved = str(solution.status) == "optimal"
        total += seconds
        published_seconds.append(row.get("maxsat_s"))
        worst = max(worst, seconds)
        proved += is_proved
        at_optimum += str(solution.total_breaks) == optimum
        ours = solution.total_breaks if solution.placed_count == len(problem.meetings) else "-"
        out.write(
            f"{path.name.removesuffix('.original.dzn'):<16}{len(problem.participants):>4}"
            f"{len(problem.meetings):>5}{len(problem.tables):>4}{len(problem.slots):>4}"
            f"{ours!s:>6}{optimum:>10}{'yes' if is_proved else 'no':>8}{seconds:>8.2f}"
            f"{solution.timings.get('total', seconds):>9.2f}"
            f"{row.get('maxsat_s', '?'):>10}  {'yes' if check.is_valid else 'NO'}\n"
        )
        out.flush()
    out.write(
        f"summary: {at_optimum}/{len(files)} at the published optimum, {proved}/{len(files)} "
        f"proved optimal, total {total:.1f} s{_against(total, published_seconds)}, "
        f"worst {worst:.1f} s (limit {options['time_limit']:.0f} s per instance)\n"
    )
    return 0


def _solve_by_command(
    path: Path, problem: Problem, options: dict[str, Any]
) -> tuple[Solution, float]:
    """``fairmatch schedule solve --json`` in a fresh process: the solution and the wall
    seconds of the whole command (start-up, reading, solving, printing)."""
    command = [
        sys.executable,
        "-m",
        "fairmatch.cli",
        "schedule",
        "solve",
        str(path),
        "--json",
        "--time-limit",
        str(options["time_limit"]),
        "--seed",
        str(options["seed"]),
    ]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds = time.monotonic() - started
    document = json.loads(done.stdout)
    placements = tuple(placements_from_json(problem, done.stdout))
    solution = Solution(
        status=Status(document["status"]),
        placements=placements,
        unplaced_reasons={},
        breaks=tuple(document["breaks_per_participant"]),
        placed_weight=document["placed_weight"],
        placeable_upper_bound=document["placeable_upper_bound"],
        total_breaks=document["breaks"],
        breaks_lower_bound=document["breaks_lower_bound"],
        fairness=document["fairness"],
        fairness_met=document["fairness_met"],
        timings=document["timings"],
    )
    return solution, seconds


def _against(total: float, published_seconds: list[str | None]) -> str:
    """Our total against the paper's, when it published a time for every instance."""
    try:
        published_total = sum(float(seconds) for seconds in published_seconds if seconds)
    except ValueError:  # a time-out ("TO") instead of seconds
        return ""
    if not published_total or not all(published_seconds):
        return ""
    ratio = total / published_total
    return f" against the published MaxSAT total {published_total:.1f} s (ratio {ratio:.2f})"


def _run_scale(options: dict[str, Any], out: TextIO) -> int:
    """Generated fairs of ``--sizes`` participants, or with ``--imex`` the IMEX-size one
    (15,000 participants, 86,000 meetings, 300 s). "first s" is when the first complete
    schedule was shown as progress (the greedy start)."""
    out.write(
        f"{'participants':>12}{'meetings':>9}{'slots':>6}{'tables':>7}{'placed':>8}"
        f"{'bound':>8}{'ratio':>8}{'breaks/p':>9}{'first s':>8}{'seconds':>9}{'peak MB':>9}"
        f"  valid   load {_load()}\n"
    )
    rows: list[tuple[Callable[[], Problem], float]] = [
        (
            partial(generate_fair, participants=size, seed=options["seed"]),
            SCALE_LIMITS.get(size, options["time_limit"]),
        )
        for size in options["sizes"]
    ]
    if options.get("imex"):
        # The IMEX row alone: it takes five minutes by itself.
        rows = [(partial(generate_imex, seed=options["seed"]), IMEX_LIMIT)]
    for make, limit in rows:
        problem = make()
        first: list[float] = []
        started = time.monotonic()

        def on_progress(progress: Progress, first: list[float] = first) -> None:
            if not first and progress.placed_weight > 0:
                first.append(progress.seconds)

        solution = solve(problem, time_limit=limit, seed=options["seed"], progress=on_progress)
        seconds = time.monotonic() - started
        check = verify(problem, solution.placements)
        # ru_maxrss is the peak of the whole process, in KiB on Linux.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ratio = solution.placed_weight / max(solution.placeable_upper_bound, 1)
        size = len(problem.participants)
        out.write(
            f"{size:>12}{len(problem.meetings):>9}{len(problem.slots):>6}{len(problem.tables):>7}"
            f"{solution.placed_count:>8}{solution.placeable_upper_bound:>8}{ratio:>8.2%}"
            f"{solution.total_breaks / size:>9.2f}{first[0] if first else float('nan'):>8.1f}"
            f"{seconds:>9.1f}{peak:>9.0f}  {'yes' if check.is_valid else 'NO':<6}{_load()}\n"
        )
        out.flush()
    return 0


def _clashing_fixed_meetings() -> Problem:
    """Two meetings of one participant fixed to the same slot: infeasible before any search."""
    fair = generate_fair(participants=20, seed=0)
    clash = (
        Meeting(participants=(0, 10), fixed_slot=1),
        Meeting(participants=(0, 11), fixed_slot=1),
    )
    return Problem(
        participants=fair.participants, meetings=clash, slots=fair.slots, tables=fair.tables
    )


# name, problem, time limit, seconds after which a stop is requested (None: never).
LIMIT_CASES = (
    ("infeasible (fixed clash)", _clashing_fixed_meetings, 30.0, None),
    ("time limit, fair of 300", lambda: generate_fair(participants=300, seed=1), 2.0, None),
    ("stop, fair of 100 (exact)", lambda: generate_fair(participants=100, seed=1), 60.0, 1.0),
    ("stop, fair of 1,000 (LNS)", lambda: generate_fair(participants=1_000, seed=2), 60.0, 1.0),
)


def _run_limits(out: TextIO) -> int:
    """Wall-clock seconds of each solve and how far past its limit or stop request it ran."""
    out.write(
        f"{'case':<28}{'limit':>7}{'stop at':>9}{'seconds':>9}{'past it':>9}{'status':>11}  valid\n"
    )
    for name, make, limit, stop_after in LIMIT_CASES:
        problem = make()
        started = time.monotonic()
        asked = None if stop_after is None else started + stop_after
        solution = solve(
            problem,
            time_limit=limit,
            workers=1,
            should_stop=None if asked is None else (lambda asked=asked: time.monotonic() > asked),
        )
        seconds = time.monotonic() - started
        stop = "-" if stop_after is None else f"{stop_after:.1f}"
        if str(solution.status) == "infeasible":
            past, valid = "-", "-"
        else:
            due = limit if stop_after is None else stop_after
            past = f"{max(0.0, seconds - due):.2f}"
            valid = "yes" if verify(problem, solution.placements).is_valid else "NO"
        out.write(
            f"{name:<28}{limit:>7.1f}{stop:>9}{seconds:>9.2f}{past:>9}"
            f"{solution.status!s:>11}  {valid}\n"
        )
        out.flush()
    return 0


def _run_variants(options: dict[str, Any], out: TextIO) -> int:
    """Each instance's seeded variants (benchmarks/_variants.py): the answer (meetings placed
    and breaks), what is proven (the placement bound, the breaks' lower bound), seconds."""
    files = _instance_files(options)
    if not files:
        out.write(f"no .dzn files in {options['dir']}\n")
        return 1
    families = [family_named(name) for name in options["families"]]
    out.write(
        f"{'variant':<24}{'M':>5}{'placed':>7}{'bound':>7}{'breaks':>7}{'lower':>7}"
        f"{'status':>10}{'solver s':>9}{'wall s':>8}  valid   load {_load()}\n"
    )
    totals: dict[str, list[float]] = {family.name: [] for family in families}
    proved: dict[str, int] = dict.fromkeys(totals, 0)
    for path in files:
        original = read_dzn(
            path.read_text(encoding="utf-8"), name=path.name.removesuffix(".original.dzn")
        )
        for family in families:
            problem = make_variant(original, family, seed=options["seed"])
            started = time.monotonic()
            try:
                solution = solve(problem, time_limit=options["time_limit"], seed=options["seed"])
            except InvalidInput as error:
                out.write(f"{problem.name:<24}  refused: {error}\n")
                continue
            wall = time.monotonic() - started
            check = verify(problem, solution.placements)
            is_proved = str(solution.status) in ("optimal", "infeasible")
            totals[family.name].append(wall)
            proved[family.name] += is_proved
            out.write(
                f"{problem.name:<24}{len(problem.meetings):>5}{solution.placed_count:>7}"
                f"{solution.placeable_upper_bound:>7}{solution.total_breaks:>7}"
                f"{solution.breaks_lower_bound:>7}{solution.status!s:>10}"
                f"{solution.timings.get('total', wall):>9.1f}{wall:>8.1f}"
                f"  {'yes' if check.is_valid else 'NO':<6}{_load()}\n"
            )
            out.flush()
    for family in families:
        seconds = totals[family.name]
        out.write(
            f"{family.name}: {proved[family.name]}/{len(seconds)} proved, total "
            f"{sum(seconds):.1f} s, worst {max(seconds, default=0.0):.1f} s "
            f"(limit {options['time_limit']:.0f} s per variant)\n"
        )
    return 0


def _load() -> str:
    """The one-minute load average, printed beside timings: they mean little without it."""
    return f"{os.getloadavg()[0]:.1f}"


# A process that only burns CPU: the competition of --load.
BUSY_LOOP = "while True:\n    pass\n"


@contextmanager
def busy_processes(count: int) -> Iterator[list[subprocess.Popen[bytes]]]:
    """``count`` processes spinning on the CPU for the duration of the block; each is
    terminated (by its own handle) and waited for at the end."""
    processes = [subprocess.Popen([sys.executable, "-c", BUSY_LOOP]) for _ in range(count)]
    try:
        yield processes
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def _run_load(options: dict[str, Any], out: TextIO) -> int:
    """Each original solved idle, then with ``--load`` busy processes competing: seconds,
    answer and proof of both, and the ratio of the loaded time to the idle one."""
    files = _instance_files(options)
    if not files:
        out.write(f"no .dzn files in {options['dir']}\n")
        return 1
    problems = [
        read_dzn(path.read_text(encoding="utf-8"), name=path.name.removesuffix(".original.dzn"))
        for path in files
    ]
    idle = [_timed_solve(problem, options) for problem in problems]
    idle_load = _load()
    with busy_processes(options["load"]):
        loaded = [_timed_solve(problem, options) for problem in problems]
        loaded_load = _load()
    out.write(
        f"{'instance':<16}{'idle s':>8}{'breaks':>7}{'proved':>7}{'loaded s':>9}{'breaks':>7}"
        f"{'proved':>7}{'ratio':>7}  valid   load idle {idle_load}, loaded {loaded_load} "
        f"({options['load']} busy)\n"
    )
    worst = 0.0
    for problem, (idle_s, idle_sol, idle_ok), (load_s, load_sol, load_ok) in zip(
        problems, idle, loaded, strict=True
    ):
        ratio = load_s / max(idle_s, 1e-3)
        worst = max(worst, ratio)
        out.write(
            f"{problem.name:<16}{idle_s:>8.2f}{idle_sol.total_breaks:>7}"
            f"{_yes(idle_sol.status == Status.OPTIMAL):>7}{load_s:>9.2f}{load_sol.total_breaks:>7}"
            f"{_yes(load_sol.status == Status.OPTIMAL):>7}{ratio:>7.2f}  "
            f"{_yes(idle_ok and load_ok)}\n"
        )
        out.flush()
    idle_total = sum(seconds for seconds, _, _ in idle)
    loaded_total = sum(seconds for seconds, _, _ in loaded)
    proved = [sum(sol.status == Status.OPTIMAL for _, sol, _ in run) for run in (idle, loaded)]
    out.write(
        f"summary: idle {proved[0]}/{len(problems)} proved in {idle_total:.1f} s, with "
        f"{options['load']} busy {proved[1]}/{len(problems)} proved in {loaded_total:.1f} s, "
        f"ratio {loaded_total / max(idle_total, 1e-3):.2f} (worst instance {worst:.2f})\n"
    )
    return 0


def _timed_solve(problem: Problem, options: dict[str, Any]) -> tuple[float, Solution, bool]:
    started = time.monotonic()
    solution = solve(problem, time_limit=options["time_limit"], seed=options["seed"])
    seconds = time.monotonic() - started
    return seconds, solution, verify(problem, solution.placements).is_valid


def _yes(value: bool) -> str:
    return "yes" if value else "no"
