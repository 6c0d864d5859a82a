"""A process keeps the SQLite file's write-ahead log open: closing a request's connection
leaves the log for the next one instead of folding it into the database."""

from pathlib import Path

from django.db import connections

from tests.core.conftest import ALIAS


def test_closing_the_only_request_connection_leaves_the_log_in_place(sqlite_file):
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("CREATE TABLE visit (n integer)")
        cursor.execute("INSERT INTO visit VALUES (1)")
    connections[ALIAS].close()
    log = Path(f"{sqlite_file}-wal")
    assert log.exists()
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT n FROM visit")
        assert cursor.fetchall() == [(1,)]
