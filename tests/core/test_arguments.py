"""The shared argparse types: every bad number is a usage error naming the option."""

from argparse import ArgumentTypeError

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from fairmatch.core.interfaces import arguments


@pytest.mark.parametrize(
    ("text", "value"), [("60", 60.0), ("0.5", 0.5), (" 2 ", 2.0), ("1e2", 100.0), (".25", 0.25)]
)
def test_positive_seconds_reads_plain_numbers(text, value):
    assert arguments.positive_seconds(text) == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nan", "expected a number, not 'nan'"),
        ("-inf", "expected a number, not '-inf'"),
        ("Infinity", "expected a number, not 'Infinity'"),
        ("1e999", "expected a finite number, not '1e999'"),
        ("0", "must be more than 0 and at most 604800, not '0'"),
        ("-1", "must be more than 0 and at most 604800, not '-1'"),
        ("604801", "must be more than 0 and at most 604800, not '604801'"),
        ("١٢", "expected a number, not '١٢'"),
        ("1_000", "expected a number, not '1_000'"),
        ("", "expected a number, not ''"),
    ],
)
def test_positive_seconds_refuses_what_is_no_time_limit(text, message):
    with pytest.raises(ArgumentTypeError) as caught:
        arguments.positive_seconds(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("parse", "text", "message"),
    [
        (arguments.positive_int, "0", "must be from 1 to 1000000, not '0'"),
        (arguments.positive_int, "²", "expected a whole number, not '²'"),
        (arguments.positive_int, "٣", "expected a whole number, not '٣'"),
        (arguments.positive_int, "2.0", "expected a whole number, not '2.0'"),
        (
            arguments.positive_int,
            "9" * 40,
            "must be from 1 to 1000000, not '999999999999999999999999999999...'",
        ),
        (arguments.positive_int, "9" * 101, "expected a whole number, not '" + "9" * 30 + "...'"),
        (arguments.non_negative_int, "-1", "must be from 0 to 1000000, not '-1'"),
        (arguments.workers, "65", "must be from 1 to 64, not '65'"),
        (arguments.seed, str(2**31), "must be from 0 to 2147483647, not '2147483648'"),
        (arguments.fraction, "1.01", "must be at least 0 and at most 1, not '1.01'"),
    ],
)
def test_whole_numbers_and_fractions_are_bounded(parse, text, message):
    with pytest.raises(ArgumentTypeError) as caught:
        parse(text)
    assert str(caught.value) == message


def test_a_list_of_sizes_is_read_item_by_item():
    assert arguments.positive_int_list("500, 2000,10000") == [500, 2000, 10000]
    with pytest.raises(ArgumentTypeError, match="must be from 1 to 1000000, not '0'"):
        arguments.positive_int_list("500,0")
    with pytest.raises(ArgumentTypeError, match="expected whole numbers separated by commas"):
        arguments.positive_int_list(" , ")


@pytest.mark.parametrize(
    ("arguments_", "message"),
    [
        (["schedule", "--time-limit", "nan"], "argument --time-limit: expected a number"),
        (["schedule", "--time-limit", "0"], "argument --time-limit: must be more than 0"),
        (["schedule", "--sizes", "500,-1"], "argument --sizes: must be from 1 to 1000000"),
        (["matching", "--participants", "0"], "argument --participants: must be from 1"),
        (["matching", "--buyer-share", "nan"], "argument --buyer-share: expected a number"),
        (["matching", "--top", "0"], "argument --top: must be from 1 to 1000000, not '0'"),
        (["web", "--clients", "0"], "argument --clients: must be from 1 to 1000, not '0'"),
        (["web", "--requests", "-5"], "argument --requests: must be from 1 to 1000000"),
    ],
)
def test_the_benchmarks_refuse_bad_numbers_before_running(arguments_, message):
    with pytest.raises(CommandError) as caught:
        call_command("bench", *arguments_)
    assert str(caught.value).startswith(f"Error: {message}")


@pytest.mark.parametrize(
    ("command", "options", "message"),
    [
        ("worker", ["--interval", "nan"], "argument --interval: expected a number, not 'nan'"),
        ("worker", ["--interval", "0"], "argument --interval: must be at least 0.01 and at most"),
        ("demo", ["--port", "70000"], "argument --port: must be from 1 to 65535, not '70000'"),
        ("demo", ["--seed", "x"], "argument --seed: expected a whole number, not 'x'"),
    ],
)
def test_the_other_commands_refuse_bad_numbers_before_doing_anything(command, options, message):
    with pytest.raises(CommandError) as caught:
        call_command(command, *options)
    assert str(caught.value).startswith(f"Error: {message}")
