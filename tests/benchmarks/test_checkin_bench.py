"""``fairmatch bench checkin`` on a tiny edition (SQLite only): every row is printed and the
scans recorded one check-in per badge, repeats included. Structure only: the figures are
measured by the full run (docs/web-benchmark.md)."""

import io
import re

import pytest
from django.core.management import call_command

from benchmarks.checkin import _scan_plan

BADGES, SCANNERS, REPEAT_EVERY = 50, 2, 10


@pytest.fixture(scope="module")
def output():
    out = io.StringIO()
    call_command(
        "bench",
        "checkin",
        "--badges",
        str(BADGES),
        "--scanners",
        str(SCANNERS),
        "--repeat-every",
        str(REPEAT_EVERY),
        "--postgres",
        "no",
        stdout=out,
    )
    return out.getvalue()


def _repeats() -> int:
    tokens = [f"t{n}" for n in range(BADGES)]
    return sum(len(_scan_plan(tokens, n, SCANNERS, REPEAT_EVERY)) for n in range(SCANNERS)) - BADGES


def test_every_row_is_printed_with_its_ratio_to_the_minimal_view(output):
    # Each row: requests, p50, p95, p95's ratio to the minimal view, requests of 1 s or more.
    assert "load average" in output
    for row in ("minimal view", "every scan", "first scan", "repeated scan"):
        line = re.search(
            rf"^SQLite +runserver +{row} +(\d+) +[\d.]+ +[\d.]+ +[\d.]+ +\d+$", output, re.M
        )
        assert line, row
    first = re.search(r"first scan +(\d+)", output)
    repeated = re.search(r"repeated scan +(\d+)", output)
    assert int(first.group(1)) == BADGES
    assert int(repeated.group(1)) == _repeats() > 0


def test_each_badge_was_checked_in_once_whatever_the_repeats(output):
    assert f"answers: {_repeats()} already, {BADGES} checked-in;" in output
    assert (
        f"recorded: {BADGES} check-ins of {BADGES} badges, {BADGES} badges checked in, "
        f"{BADGES} audit entries (once each)"
    ) in output


def test_scanners_share_the_badges_and_repeat_only_their_own():
    tokens = [f"t{n}" for n in range(BADGES)]
    plans = [_scan_plan(tokens, n, SCANNERS, REPEAT_EVERY) for n in range(SCANNERS)]
    firsts = [token for plan in plans for token in dict.fromkeys(plan)]
    assert sorted(firsts) == sorted(tokens)  # every badge, by one scanner only
    for plan in plans:
        for index, token in enumerate(plan):
            if token in plan[:index]:
                assert index % REPEAT_EVERY == REPEAT_EVERY - 1
