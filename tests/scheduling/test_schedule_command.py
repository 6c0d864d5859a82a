import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.scheduling.engine.instances import SMALL_DZN


@pytest.fixture
def instance(tmp_path):
    path = tmp_path / "small.dzn"
    path.write_text(SMALL_DZN, encoding="utf-8")
    return path


def run(*args, capsys):
    call_command("schedule", *map(str, args))
    return capsys.readouterr().out


def test_solve_prints_one_json_object(instance, capsys):
    document = json.loads(run("solve", instance, "--json", "--time-limit", "5", capsys=capsys))
    assert document["instance"] == "small"
    assert (document["participants"], document["meetings"], document["slots"]) == (3, 2, 2)
    assert (document["scheduled"], document["breaks"], document["status"]) == (2, 0, "optimal")
    assert sorted(a["meeting"] for a in document["assignments"]) == [1, 2]
    assert {a["table"] for a in document["assignments"]} == {1}


def test_verify_accepts_what_solve_printed(instance, tmp_path, capsys):
    solution = tmp_path / "solution.json"
    solution.write_text(run("solve", instance, "--json", capsys=capsys), encoding="utf-8")
    assert run("verify", instance, solution, capsys=capsys) == (
        "2/2 meetings placed, 0 breaks, spread 0: valid\n"
    )


def test_verify_fails_on_a_clash(instance, tmp_path, capsys):
    solution = tmp_path / "solution.json"
    clash = [{"meeting": 1, "slot": 1, "table": 1}, {"meeting": 2, "slot": 1, "table": 1}]
    solution.write_text(json.dumps({"assignments": clash}), encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("schedule", "verify", str(instance), str(solution))
    assert caught.value.returncode == 1
    assert "table 1 in slot 1 already holds meeting 1" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "line 1: invalid JSON"),
        ('{"assignments": [{"meeting": 9, "slot": 1, "table": 1}]}', "unknown meeting 9"),
        ('{"assignments": [{"meeting": 1, "slot": "x", "table": 1}]}', "'slot' must be an integer"),
    ],
)
def test_verify_rejects_bad_json_clearly(instance, tmp_path, content, message):
    solution = tmp_path / "solution.json"
    solution.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("schedule", "verify", str(instance), str(solution))


def test_bad_dzn_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.dzn"
    path.write_text(SMALL_DZN.replace("|1, 3,3,", "|1, 9,3,"), encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"line 7, field 'requested': row 2: unknown participant 9"
    ):
        call_command("schedule", "solve", str(path))


def test_clashing_fixed_meetings_are_refused_in_one_line_naming_them(tmp_path):
    path = tmp_path / "clash.dzn"
    path.write_text(SMALL_DZN + "fixed = [2,2];\n", encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("schedule", "solve", str(path))
    assert str(raised.value) == (
        f"{path}: field 'fixed': fixed meetings conflict: meetings 1 and 2 are both fixed to "
        "slot 2 with participant 1; 2 meetings are fixed to slot 2, which has 1 tables"
    )


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("schedule", "solve", str(tmp_path / "absent.dzn"))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--time-limit", "nan"], "argument --time-limit: expected a number, not 'nan'"),
        (["--time-limit", "inf"], "argument --time-limit: expected a number, not 'inf'"),
        (["--time-limit", "1e999"], "argument --time-limit: expected a finite number"),
        (["--time-limit", "0"], "argument --time-limit: must be more than 0 and at most 604800"),
        (["--time-limit", "-5"], "argument --time-limit: must be more than 0 and at most 604800"),
        (["--time-limit", "1e300"], "argument --time-limit: must be more than 0 and at most"),
        (["--workers", "0"], "argument --workers: must be from 1 to 64, not '0'"),
        (["--workers", "-2"], "argument --workers: must be from 1 to 64, not '-2'"),
        (["--fairness", "-2"], "argument --fairness: must be from -1 to 10000, not '-2'"),
        (["--seed", "²"], "argument --seed: expected a whole number, not '²'"),
        (["--seed", "-1"], "argument --seed: must be from 0 to 2147483647, not '-1'"),
    ],
)
def test_bad_solve_options_are_usage_errors(instance, options, message):
    with pytest.raises(CommandError) as caught:
        call_command("schedule", "solve", str(instance), *options)
    assert str(caught.value).startswith(f"Error: {message}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000, "invalid JSON: nested too deeply"),
        (
            '{"assignments": [{"meeting": ' + "9" * 5000 + "}]}",
            "invalid JSON: a number is too long",
        ),
        ("[]", "field 'assignments': expected an object with a list 'assignments'"),
        ("null", "field 'assignments': expected an object with a list 'assignments'"),
    ],
)
def test_verify_turns_hostile_json_into_one_error_line(instance, tmp_path, content, message):
    solution = tmp_path / "solution.json"
    solution.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("schedule", "verify", str(instance), str(solution))
    assert str(caught.value) == f"{solution}: {message}"


def test_verify_reports_invalid_utf8_as_unreadable(instance, tmp_path):
    solution = tmp_path / "solution.json"
    solution.write_bytes(b'{"assignments": "\xff"}')
    with pytest.raises(CommandError, match="cannot read: 'utf-8' codec can't decode byte 0xff"):
        call_command("schedule", "verify", str(instance), str(solution))


def test_the_command_line_answers_hostile_input_with_one_line_and_no_traceback(instance, tmp_path):
    fairmatch = Path(sys.executable).with_name("fairmatch")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    runs = [
        (["schedule", "verify", str(instance), str(deep)], 1, "nested too deeply"),
        (["schedule", "solve", str(instance), "--time-limit", "nan"], 2, "expected a number"),
        (["match", "rank", str(deep)], 1, "nested too deeply"),
    ]
    for arguments, code, message in runs:
        result = subprocess.run(
            [str(fairmatch), *arguments], capture_output=True, text=True, timeout=60
        )
        assert (result.returncode, result.stdout) == (code, "")
        assert "Traceback" not in result.stderr
        assert message in result.stderr.splitlines()[-1]


ENGINE_ONLY = """
import sys
from fairmatch.cli import main
main(sys.argv[1:])
import django.apps
sys.stderr.write(f"apps ready: {django.apps.apps.ready}, OR-Tools: {'ortools' in sys.modules}")
"""


def test_solving_a_small_instance_needs_neither_django_nor_or_tools(instance):
    # The quick SAT call places both meetings without a break: no search, no race.
    done = subprocess.run(
        [sys.executable, "-c", ENGINE_ONLY, "schedule", "solve", str(instance)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("small: optimal, 2/2 meetings scheduled")
    assert "before any search" in done.stdout
    assert done.stderr == "apps ready: False, OR-Tools: False"
