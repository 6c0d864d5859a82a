"""The one lock of the working schedule.

Locking rule: every function that writes the working schedule of an edition (the grid:
sessions, slots, tables, unavailable slots; the meetings: placements, states, locks;
releases) first takes the edition's row lock with ``lock_working_schedule``, inside its
``transaction.atomic`` block and before it reads what it checks. That is the only lock of
the transaction, so two writers can never wait on each other in opposite orders; writers
of one edition run one after the other, and each sees what the previous one committed.
A function that calls another writer inside its transaction takes the same lock again,
which the database grants at once to the transaction already holding it. Views never
lock: they call one of these domain functions.

On SQLite ``select_for_update`` does nothing (its writes are serialised anyway); the race
tests run on PostgreSQL.
"""

from fairmatch.conference.models import Edition


def lock_working_schedule(edition_id: int) -> Edition:
    """Lock the edition's working schedule until the transaction ends; returns the edition.

    Must be called inside ``transaction.atomic`` (Django refuses ``select_for_update``
    in autocommit mode).
    """
    return Edition.objects.select_for_update().get(pk=edition_id)
