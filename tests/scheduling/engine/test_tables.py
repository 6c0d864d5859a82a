from fairmatch.scheduling.engine.tables import assign_tables

from .instances import make_problem, pair


def test_hosts_keep_their_table_and_interpreters_serve_their_language():
    problem = make_problem(
        participants=5,
        meetings=[pair(0, 2), pair(1, 3, language="es"), pair(0, 3), pair(1, 2), pair(4, 2)],
        slots=3,
        tables=3,
        hosts={0, 1},
        table_languages={0: {"es"}},
    )
    slots = {0: 0, 1: 0, 2: 1, 3: 1, 4: 2}
    tables = assign_tables(problem, slots)
    assert tables[1] == 0  # the Spanish interpreter's table
    assert tables[0] == tables[2]  # host 1 keeps its table
    assert tables[1] == tables[3]  # host 2 keeps the interpreter table
    assert len({tables[0], tables[1]}) == 2


def test_a_slot_the_greedy_pass_cannot_seat_is_matched_exactly():
    # Host 0 mostly meets Spanish speakers, so its home is the interpreter table; in slot 3
    # its plain meeting sits there first and the other Spanish meeting finds no table, so
    # the exact pass must move the plain meeting to the other table.
    problem = make_problem(
        participants=6,
        meetings=[
            pair(0, 1, language="es"),
            pair(0, 2, language="es"),
            pair(0, 3),
            pair(4, 5, language="es"),
        ],
        slots=3,
        tables=2,
        hosts={0, 4},
        table_languages={0: {"es"}},
    )
    tables = assign_tables(problem, {0: 0, 1: 1, 2: 2, 3: 2})
    assert tables == {0: 0, 1: 0, 2: 1, 3: 0}


def test_tables_to_keep_are_kept_where_the_slot_allows():
    problem = make_problem(
        participants=6,
        meetings=[pair(0, 1), pair(2, 3), pair(4, 5, language="es")],
        slots=2,
        tables=3,
        hosts={0, 2},
        table_languages={2: {"es"}},
    )
    slots = {0: 0, 1: 0, 2: 0}
    assert assign_tables(problem, slots, keep={0: 1, 1: 0}) == {0: 1, 1: 0, 2: 2}
    # A table to keep that the Spanish meeting needs: the exact pass gives it up, only it.
    assert assign_tables(problem, slots, keep={0: 2, 1: 0}) == {0: 1, 1: 0, 2: 2}
