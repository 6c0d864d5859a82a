"""The one lock of an edition's floor plan: its booths and the working plan.

Locking rule: every function that writes who has which booth (assign, move, swap, unassign,
lock, applying a run, publishing a release) or changes a booth an assignment depends on
first takes ``lock_floor_plan`` inside its ``transaction.atomic`` block, before it reads what
it checks. A move or a swap touches two booths and an exhibitor, applying a run touches
them all: one lock for the edition's whole plan means a single lock per transaction, never
two taken in opposite orders, so no writer waits on another in a cycle. Writers of one
edition's plan run one after the other and each sees what the previous one committed.

The lock is the edition's row, ``SELECT ... FOR UPDATE``: the same row the working
schedule's lock takes, so an exhibition writer and a schedule writer of one edition also
run one after the other (both are short), and a transaction holding either may take the
other without waiting. Views never lock: they call a domain function.

On SQLite ``select_for_update`` does nothing (its writes are serialised anyway); the race
tests run on PostgreSQL.
"""

from fairmatch.conference.models import Edition


def lock_floor_plan(edition_id: int) -> Edition:
    """Lock the edition's booths and working plan until the transaction ends.

    Must be called inside ``transaction.atomic`` (Django refuses ``select_for_update`` in
    autocommit mode). Returns the edition.
    """
    return Edition.objects.select_for_update().get(pk=edition_id)
