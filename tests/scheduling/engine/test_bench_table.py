"""The JAIR benchmark's table: each row checked by the verifier, the summary against the
published totals."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from benchmarks import schedule as bench

from .instances import SMALL_DZN

PUBLISHED = (
    "instance,variant_file,fairness_d,optimum_total_breaks,maxsat_s\n"
    "small,small.original.dzn,2,0,{seconds}\n"
)


def _run(folder: Path) -> str:
    out = io.StringIO()
    options = {"dir": str(folder), "time_limit": 10.0, "seed": 0, "scale": False}
    assert bench.run(options, out) == 0
    return out.getvalue()


def test_the_summary_compares_the_total_with_the_published_one(tmp_path: Path) -> None:
    (tmp_path / "small.original.dzn").write_text(SMALL_DZN, encoding="utf-8")
    (tmp_path / "published_results.csv").write_text(PUBLISHED.format(seconds="4.0"))

    table = _run(tmp_path)

    row = next(line for line in table.splitlines() if line.startswith("small "))
    assert row.split()[5:8] == ["0", "0", "yes"] and row.endswith("4.0  yes")
    summary = table.splitlines()[-1]
    assert "1/1 at the published optimum, 1/1 proved optimal" in summary
    assert "against the published MaxSAT total 4.0 s (ratio " in summary
    total = float(summary.split("total ")[1].split(" s")[0])
    ratio = float(summary.split("(ratio ")[1].split(")")[0])
    # Both printed rounded: the total to 0.05 s, the ratio to 0.005.
    assert abs(ratio - total / 4.0) <= 0.05 / 4.0 + 0.005


@pytest.mark.parametrize("seconds", ["TO", ""])
def test_no_comparison_when_a_published_time_is_missing(tmp_path: Path, seconds: str) -> None:
    (tmp_path / "small.original.dzn").write_text(SMALL_DZN, encoding="utf-8")
    (tmp_path / "published_results.csv").write_text(PUBLISHED.format(seconds=seconds))

    assert "against" not in _run(tmp_path).splitlines()[-1]


def test_the_cli_mode_solves_each_instance_in_a_fresh_command(tmp_path: Path) -> None:
    (tmp_path / "small.original.dzn").write_text(SMALL_DZN, encoding="utf-8")
    (tmp_path / "published_results.csv").write_text(PUBLISHED.format(seconds="4.0"))
    out = io.StringIO()
    options = {"dir": str(tmp_path), "time_limit": 10.0, "seed": 0, "scale": False, "cli": True}
    assert bench.run(options, out) == 0
    header, row = out.getvalue().splitlines()[:2]
    assert header.split()[8:10] == ["cli", "s"]
    cli_seconds, solver_seconds = (float(value) for value in row.split()[8:10])
    assert 0 <= solver_seconds <= cli_seconds
    assert row.split()[5:8] == ["0", "0", "yes"] and row.endswith("4.0  yes")


def test_busy_processes_spin_during_the_block_and_are_gone_after_it() -> None:
    with bench.busy_processes(2) as processes:
        assert [process.poll() for process in processes] == [None, None]
    assert all(process.returncode is not None for process in processes)


def test_the_load_table_compares_each_instance_idle_and_loaded(tmp_path: Path) -> None:
    (tmp_path / "small.original.dzn").write_text(SMALL_DZN, encoding="utf-8")
    out = io.StringIO()
    options = {"dir": str(tmp_path), "time_limit": 10.0, "seed": 0, "scale": False, "load": 1}
    assert bench.run(options, out) == 0
    header, row, summary = out.getvalue().splitlines()
    assert header.endswith("(1 busy)")
    cells = row.split()
    assert cells[0] == "small" and cells[2:4] == ["0", "yes"] and cells[5:7] == ["0", "yes"]
    assert float(cells[7]) > 0  # loaded / idle, from unrounded seconds
    assert cells[8] == "yes"
    assert summary.startswith("summary: idle 1/1 proved in ")
    assert ", with 1 busy 1/1 proved in " in summary
