"""Writers to a SQLite file take turns: threads of one process queue on a lock, other
processes on the file beside the database; a writer already inside a transaction is not
held up (its turn began with its transaction)."""

import subprocess
import sys
import threading
import time

from django.db import connections, transaction

from fairmatch.core.domain.sqlite_writers import SUFFIX, write_turn
from tests.core.conftest import ALIAS

HOLD = 0.2


def hold_turn(entered: threading.Event, leave: threading.Event) -> threading.Thread:
    def hold():
        with write_turn(ALIAS), transaction.atomic(using=ALIAS):
            entered.set()
            leave.wait(5)
        connections[ALIAS].close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert entered.wait(5)
    return thread


def test_a_second_thread_waits_for_the_first_writers_turn_to_end(sqlite_file):
    entered, leave = threading.Event(), threading.Event()
    first = hold_turn(entered, leave)
    released_at = []

    def release_later():
        time.sleep(HOLD)
        released_at.append(time.monotonic())
        leave.set()

    threading.Thread(target=release_later).start()
    with write_turn(ALIAS):
        got_turn_at = time.monotonic()
    first.join()
    assert got_turn_at >= released_at[0]


def test_another_process_cannot_take_the_turn_while_it_is_held(sqlite_file):
    probe = (
        "import fcntl, sys\n"
        "with open(sys.argv[1], 'ab') as turn:\n"
        "    try:\n"
        "        fcntl.flock(turn, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
        "    except BlockingIOError:\n"
        "        sys.exit(3)\n"
    )
    turn_file = f"{sqlite_file}{SUFFIX}"
    entered, leave = threading.Event(), threading.Event()
    holder = hold_turn(entered, leave)
    while_held = subprocess.run([sys.executable, "-c", probe, turn_file], check=False)
    leave.set()
    holder.join()
    after = subprocess.run([sys.executable, "-c", probe, turn_file], check=False)
    assert (while_held.returncode, after.returncode) == (3, 0)


def test_a_writer_inside_a_transaction_is_not_held_up(sqlite_file):
    with transaction.atomic(using=ALIAS):
        entered, leave = threading.Event(), threading.Event()

        # Another thread's turn is held; this writer's transaction is already open, so
        # waiting for the turn could only wait for a writer waiting for this one.
        def hold():
            with write_turn(ALIAS):
                entered.set()
                leave.wait(5)

        holder = threading.Thread(target=hold)
        holder.start()
        assert entered.wait(5)
        started = time.monotonic()
        with write_turn(ALIAS):
            waited = time.monotonic() - started
        leave.set()
        holder.join()
    assert waited < HOLD
