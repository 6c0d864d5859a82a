"""The lock of a badge.

Locking rule: every function that checks a badge in (or replaces it) first takes the
badge's row lock with ``lock_badge`` (or ``hold_badge``, or by opening
``badge_transaction``) inside its ``transaction.atomic`` block, before it reads whether the
badge is checked in. It is the transaction's only lock, so two scanners of the same badge
run one after the other and the second sees the first's check-in; the unique key of
``CheckIn.badge`` refuses a second row even without the lock. On SQLite
``select_for_update`` does nothing (writes are serialised anyway: the project's SQLite
transactions begin IMMEDIATE, holding the database's write lock, and ``badge_transaction``
queues its writers for that lock, see ``core.domain.sqlite_writers``); the race test runs
on PostgreSQL.
"""

import contextlib
from collections.abc import Iterator

from django.db import connection, transaction

from fairmatch.core.domain.sqlite_writers import write_turn
from fairmatch.onsite.models import Badge


def lock_badge(badge_id: int) -> Badge:
    """Lock the badge until the transaction ends; returns it, fresh from the database."""
    return Badge.objects.select_for_update().get(pk=badge_id)


def hold_badge(badge_id: int) -> None:
    """Lock the badge until the transaction ends, reading nothing: for a caller that has
    the badge already. Without row locks (SQLite) the transaction's own lock serialises
    the writers, and no query is made."""
    if connection.features.has_select_for_update:
        list(Badge.objects.select_for_update().filter(pk=badge_id).order_by().values_list("pk"))


@contextlib.contextmanager
def badge_transaction(badge_id: int) -> Iterator[None]:
    """A transaction holding the badge's lock (``hold_badge``) from its start to its end;
    on SQLite the transaction first waits its turn for the database's write lock."""
    with write_turn(), transaction.atomic():
        hold_badge(badge_id)
        yield
