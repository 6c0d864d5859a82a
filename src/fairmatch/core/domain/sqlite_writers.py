"""Writers to a SQLite database take its one write lock in turn instead of polling for it.

SQLite lets one transaction write at a time, and the project's transactions begin
IMMEDIATE, so a second writer waits at ``BEGIN``. Python's ``sqlite3`` can only wait by
polling: between tries it sleeps 1, 2, 5, ... up to 100 ms, and a writer that arrives while
the others sleep takes the lock before them. Under twenty scanners at once some check-ins
waited over a second that way while the lock itself was busy for a few milliseconds at a
time. ``write_turn`` makes such writers queue: the threads of one process on a lock, the
processes on an exclusive ``flock`` of a file beside the database; both wake the next
waiter as soon as the holder leaves. It does nothing on PostgreSQL (row locks), for an
in-memory database, or inside a transaction already open (whose ``BEGIN`` is behind it).
"""

import contextlib
import threading
from collections.abc import Iterator

from django.db import DEFAULT_DB_ALIAS, connections

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows: the threads still queue
    fcntl = None  # type: ignore[assignment]

# The file's name: beside the database, like SQLite's own "-wal" and "-shm" files.
SUFFIX = "-writers"
_THREADS = threading.Lock()


@contextlib.contextmanager
def write_turn(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Wait for this writer's turn, then hold it until the block ends. Open the
    transaction inside the block: ``with write_turn(), transaction.atomic(): ...``."""
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.in_atomic_block or connection.is_in_memory_db():
        yield
        return
    with _THREADS:
        if fcntl is None:
            yield
            return
        with open(f"{connection.settings_dict['NAME']}{SUFFIX}", "ab") as turn:
            fcntl.flock(turn, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(turn, fcntl.LOCK_UN)
