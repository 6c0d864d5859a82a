"""The locks of an edition's floor plan: its working plan, its halls and its booths.

Locking rule: a transaction that changes the floor plan takes its locks inside its
``transaction.atomic`` block, before it reads what it checks, always in this order:

1. ``lock_floor_plan`` (the edition's row): every writer of who has which booth (assign,
   move, swap, unassign, lock, applying a run) and publishing a release. A move or a swap
   touches two booths and an exhibitor, applying a run touches them all: writers of one
   edition's plan run one after the other, and each sees what the previous one committed.
2. ``lock_hall``: an edit of a hall's booths (add, move, resize, split, merge), so two edits
   of one hall check their overlaps one after the other.
3. ``lock_booths`` (in id order): the booths the transaction changes or gives to someone,
   so an assignment's size check and a resize of that booth never interleave.

Each step is optional, the order is not: no transaction waits for a lock of an earlier step
while holding one of a later step, so no two writers ever wait on each other in a cycle.
The edition's row is also the working schedule's lock: an exhibition writer and a schedule
writer of one edition run one after the other (both are short). Views never lock: they call
a domain function.

On SQLite ``select_for_update`` does nothing (its writes are serialised anyway); the race
tests run on PostgreSQL.
"""

from collections.abc import Iterable

from fairmatch.conference.models import Edition
from fairmatch.exhibition.models import Booth, Hall


def lock_floor_plan(edition_id: int) -> Edition:
    """Lock the edition's working plan until the transaction ends; returns the edition."""
    return Edition.objects.select_for_update().get(pk=edition_id)


def lock_hall(hall_id: int) -> Hall:
    """Lock the hall until the transaction ends; returns it, fresh from the database."""
    return Hall.objects.select_for_update().get(pk=hall_id)


def lock_booths(ids: Iterable[int]) -> list[Booth]:
    """Lock the booths (in id order) until the transaction ends; returns them fresh."""
    return list(Booth.objects.select_for_update().filter(pk__in=set(ids)).order_by("pk"))
