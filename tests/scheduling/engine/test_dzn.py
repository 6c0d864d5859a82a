import pytest

from fairmatch.scheduling.engine import AFTERNOON, MORNING, InvalidInput, read_dzn, write_dzn

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
