"""``fairmatch bench matching`` on a small edition: every row, target and timing is printed.

Structure only: the figures themselves are measured by the full run (docs/matching.md).
"""

import io
import re

import pytest
from django.core.management import call_command

from benchmarks.matching import ROWS


@pytest.fixture(scope="module")
def output():
    out = io.StringIO()
    call_command("bench", "matching", "--participants", "60", "--no-demo", stdout=out)
    return out.getvalue()


def test_every_wording_side_and_method_has_a_row(output):
    for wording in ("development", "held-out"):
        for title in ("buyer → provider", "provider → buyer"):
            assert f"### {wording} wording, {title}" in output
    for label, _ in ROWS:
        assert len(re.findall(rf"^\| {re.escape(label)} \|", output, re.MULTILINE)) == 4


def test_the_targets_are_checked_from_both_sides_against_english_to_english(output):
    targets = output.split("Targets (held-out wording")[1].split("## Speed")[0]
    for side in ("buyer → provider:", "provider → buyer:"):
        assert side in targets
    assert len(re.findall(r"^- cross-lingual .* of same-language", targets, re.MULTILINE)) == 2
    assert len(re.findall(r"x the glossary hybrid's .* at least 1\.5 x\)$", targets, re.M)) == 2
    for line in re.findall(r"^- buyers writing .*$", targets, re.MULTILINE):
        assert re.search(r"of English-to-English [\d.]+ \((met|missed): at least 90 %\)$", line)


def test_timings_come_with_the_machines_load(output):
    for step in (
        "embed all",
        "rank everyone from stored vectors",
        "re-rank after one changed profile",
    ):
        assert re.search(rf"^\| {step}.* \| [\d.]+ \| < \d+ \|$", output, re.MULTILINE)
    assert re.search(r"texts/s\)", output)
    assert re.search(r"^Machine: load average [\d.]+ / [\d.]+ / [\d.]+ on \d+ cores", output, re.M)
