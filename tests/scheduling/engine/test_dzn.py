import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fairmatch.scheduling.engine import AFTERNOON, MORNING, InvalidInput, dzn, read_dzn, write_dzn

from .instances import SMALL_DZN


def test_reads_the_small_instance():
    problem = read_dzn(SMALL_DZN, name="small")
    assert len(problem.participants) == 3
    assert [m.participants for m in problem.meetings] == [(0, 1), (0, 2)]
    assert [s.session for s in problem.slots] == [MORNING, AFTERNOON]
    assert len(problem.tables) == 1


def test_write_then_read_gives_the_same_problem():
    problem = read_dzn(SMALL_DZN)
    assert read_dzn(write_dzn(problem)) == problem


def test_fixed_forbidden_and_precedences_are_read():
    text = SMALL_DZN.replace("forbidden = [{0},{0},{0}];", "forbidden = [{0},{2},{0}];")
    text += "fixed = [1,0];\nprecedences = [{0},{1}];\n"
    problem = read_dzn(text)
    assert problem.participants[1].forbidden_slots == frozenset({1})
    assert problem.meetings[0].fixed_slot == 0
    assert problem.meetings[1].after == (0,)
    assert read_dzn(write_dzn(problem)) == problem


def test_a_duplicate_pair_is_two_meetings():
    text = SMALL_DZN.replace("|1, 3,3,", "|1, 2,3,").replace("[{2,3},{2},{3}]", "[{2,3},{2,3},{1}]")
    text = text.replace("[2,1,1]", "[2,2,0]")
    assert len(read_dzn(text).meetings) == 2


@pytest.mark.parametrize(
    ("text", "field", "line", "message"),
    [
        (SMALL_DZN.replace("nTables = 1;", "nTables = 0;"), "nTables", 4, "at least 1"),
        (SMALL_DZN.replace("nTotalSlots = 2;", "nTotalSlots = 0;"), "nTotalSlots", 5, "at least 1"),
        (SMALL_DZN.replace("|1, 3,3,", "|1, 7,3,"), "requested", 7, "unknown participant 7"),
        (SMALL_DZN.replace("|1, 3,3,", "|3, 3,3,"), "requested", 7, "meets itself"),
        (SMALL_DZN.replace("|1, 3,3,", "|1, 3,4,"), "requested", 7, "session must be"),
        (SMALL_DZN.replace("nMeetings = 2;", "nMeetings = 5;"), "nMeetings", 3, "requested has 2"),
        (SMALL_DZN.replace("nTables = 1;", "nTables = 1"), "nTables", 5, "expected ';'"),
        (SMALL_DZN.replace("[2,1,1]", "[2,1]"), "nMeetingsBusiness", 10, "expected 3 entries"),
        (SMALL_DZN.replace("{2},{3}]", "{3},{2}]"), "meetingsxBusiness", 11, "does not match"),
        (SMALL_DZN + "fixed = [3,0];\n", "fixed", 13, "outside 1..2"),
        (SMALL_DZN + "precedences = [{2},{1}];\n", "precedences", None, "cyclic"),
        (SMALL_DZN.replace("nBusiness = 3;", "nBusiness = 3; $"), None, 2, "unexpected character"),
        (SMALL_DZN.replace("nBusiness = 3;\n", ""), "nBusiness", None, "missing"),
    ],
)
def test_bad_input_names_the_field_and_line(text, field, line, message):
    with pytest.raises(InvalidInput) as caught:
        read_dzn(text)
    assert caught.value.field == field
    assert caught.value.line == line
    assert message in str(caught.value)


EMPTY_DZN = (
    "nBusiness = 3;\nnMeetings = 0;\nnTables = 1;\nnTotalSlots = 2;\nnMorningSlots = 1;\n"
    "requested = [];\n"
)


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        (
            EMPTY_DZN.replace("nBusiness = 3;", "nBusiness = 100001;"),
            "nBusiness",
            "must be at most 100,000, got 100001",
        ),
        (
            EMPTY_DZN.replace("nBusiness = 3;", "nBusiness = 100000000;"),
            "nBusiness",
            "must be at most 100,000, got 100000000",
        ),
        (
            EMPTY_DZN.replace("nTotalSlots = 2;", "nTotalSlots = 10001;"),
            "nTotalSlots",
            "must be at most 10,000, got 10001",
        ),
        (
            EMPTY_DZN.replace("nTotalSlots = 2;", f"nTotalSlots = {10**24};"),
            "nTotalSlots",
            f"must be at most 10,000, got {10**24}",
        ),
        (
            EMPTY_DZN.replace("nTables = 1;", "nTables = 10001;"),
            "nTables",
            "must be at most 10,000, got 10001",
        ),
        (
            EMPTY_DZN.replace("nMeetings = 0;", "nMeetings = 1000001;"),
            "nMeetings",
            "must be at most 1,000,000, got 1000001",
        ),
        (
            EMPTY_DZN + "forbidden = [{1..2000000},{0},{0}];\n",
            "forbidden",
            "range 1..2000000 has more than 1,000,001 members",
        ),
        (
            EMPTY_DZN + f"forbidden = [{{1..{10**24}}},{{0}},{{0}}];\n",
            "forbidden",
            f"range 1..{10**24} has more than 1,000,001 members",
        ),
        (
            EMPTY_DZN + "padding = [" + ",".join(["{1..1000000}"] * 9) + "];\n",
            "padding",
            "the file holds more than 8,000,000 numbers",
        ),
        (EMPTY_DZN + "deep = " + "[" * 100_000 + ";\n", "deep", "nested more than 4 deep"),
        (
            EMPTY_DZN.replace("nTables = 1;", "nTables = " + "9" * 5000 + ";"),
            "nTables",
            "has more than 40 digits",
        ),
    ],
)
def test_absurd_sizes_are_refused_naming_the_field_and_the_limit(text, field, message):
    with pytest.raises(InvalidInput) as caught:
        read_dzn(text)
    assert caught.value.field == field
    assert str(caught.value).endswith(message)


@pytest.mark.parametrize("digit", ["²", "١", "৩", "７"])
def test_only_ascii_digits_make_numbers(digit):
    with pytest.raises(InvalidInput) as caught:
        read_dzn(EMPTY_DZN.replace("nTables = 1;", f"nTables = {digit};"))
    assert str(caught.value) == f"line 3: unexpected character {digit!r}"


def test_an_absurd_size_is_refused_before_anything_of_that_size_is_built():
    text = EMPTY_DZN.replace("nTotalSlots = 2;", f"nTotalSlots = {10**24};")
    text += f"forbidden = [{{1..{10**24}}},{{0}},{{0}}];\n"
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput):
            read_dzn(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100_000


def test_the_limits_themselves_are_accepted():
    text = (
        EMPTY_DZN.replace("nTotalSlots = 2;", f"nTotalSlots = {dzn.MAX_SLOTS};")
        .replace("nTables = 1;", f"nTables = {dzn.MAX_TABLES};")
        .replace("nMorningSlots = 1;", f"nMorningSlots = {dzn.MAX_SLOTS};")
    )
    problem = read_dzn(text + f"forbidden = [{{1..{dzn.MAX_SLOTS}}},{{0}},{{0}}];\n")
    assert (len(problem.slots), len(problem.tables)) == (10_000, 10_000)
    assert len(problem.participants[0].forbidden_slots) == 10_000


# Text that looks like the format, so the fuzzing reaches past the tokenizer.
_NUMBERS = st.one_of(
    st.integers(min_value=-3, max_value=12), st.sampled_from([2 * 10**6, 10**24, 10**60])
)
_SCALARS = _NUMBERS.map(str)
_SETS = st.lists(
    st.one_of(_SCALARS, st.tuples(_NUMBERS, _NUMBERS).map(lambda r: f"{r[0]}..{r[1]}")),
    max_size=4,
).map(lambda members: "{" + ",".join(members) + "}")
_ARRAYS = st.lists(st.one_of(_SCALARS, _SETS), max_size=5).map(
    lambda items: "[" + ",".join(items) + "]"
)
_ROWS = st.lists(st.lists(_SCALARS, min_size=1, max_size=4), max_size=4).map(
    lambda rows: "[|" + "|".join(", ".join(row) for row in rows) + "|]"
)
_FIELDS = st.sampled_from(
    [
        "nBusiness",
        "nMeetings",
        "nTables",
        "nTotalSlots",
        "nMorningSlots",
        "requested",
        "nMeetingsBusiness",
        "meetingsxBusiness",
        "forbidden",
        "fixed",
        "precedences",
        "other",
    ]
)
_ASSIGNMENTS = st.lists(
    st.tuples(_FIELDS, st.one_of(_SCALARS, _SETS, _ARRAYS, _ROWS)), max_size=12
).map(lambda pairs: "\n".join(f"{name} = {value};" for name, value in pairs))


def _reads_or_refuses(text: str) -> None:
    try:
        problem = read_dzn(text)
    except InvalidInput:
        return
    assert read_dzn(write_dzn(problem)) == problem


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_a_problem_or_the_readers_own_error(text):
    _reads_or_refuses(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ASSIGNMENTS)
def test_any_text_in_the_formats_shape_gives_a_problem_or_the_readers_own_error(text):
    _reads_or_refuses(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_cut_or_splice_of_a_valid_file_gives_a_problem_or_the_readers_own_error(data):
    start = data.draw(st.integers(min_value=0, max_value=len(SMALL_DZN)))
    end = data.draw(st.integers(min_value=start, max_value=len(SMALL_DZN)))
    inserted = data.draw(st.text(alphabet="0123456789-.,;=[]{}|% \nab", max_size=20))
    _reads_or_refuses(SMALL_DZN[:start] + inserted + SMALL_DZN[end:])
