"""Each process keeps one idle connection to its SQLite file, so that the write-ahead log
is not folded into the database and deleted every time a request's connection closes.

On SQLite a request opens its own connection and closes it at the end (``CONN_MAX_AGE``
is 0, and Django's development server closes every connection after each request). When
the last connection to a WAL database closes, SQLite checkpoints the log into the database
file, syncs it to disk and deletes the log; the next connection creates it again. Measured
on the development machine, opening a connection, writing one row and closing it took
15 ms that way and 1.3 ms while another connection stayed open; a check-in scan over HTTP
took 32 ms with one scanner. The kept connection never reads or writes after its first
look at the schema, holds no transaction, and so blocks neither writers nor checkpoints
(SQLite still checkpoints every 1,000 pages as it commits).
"""

import os
import sqlite3
import threading
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

_KEPT: dict[tuple[int, str], sqlite3.Connection] = {}
_LOCK = threading.Lock()


def keep_log_open(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """``connection_created`` receiver: open this process's kept connection to the file
    the new connection uses, once (a forked process opens its own)."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return
    key = (os.getpid(), str(connection.settings_dict["NAME"]))
    if key in _KEPT:
        return
    with _LOCK:
        if key in _KEPT:
            return
        kept = sqlite3.connect(key[1], check_same_thread=False, timeout=20)
        # A connection takes its share of the WAL database when it first reads it.
        kept.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _KEPT[key] = kept
