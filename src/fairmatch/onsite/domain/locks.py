"""The lock of a badge.

Locking rule: every function that checks a badge in (or replaces it) first takes the
badge's row lock with ``lock_badge`` inside its ``transaction.atomic`` block, before it
reads whether the badge is checked in. It is the transaction's only lock, so two scanners
of the same badge run one after the other and the second sees the first's check-in; the
unique key of ``CheckIn.badge`` refuses a second row even without the lock. On SQLite
``select_for_update`` does nothing (writes are serialised anyway); the race test runs on
PostgreSQL.
"""

from fairmatch.onsite.models import Badge


def lock_badge(badge_id: int) -> Badge:
    """Lock the badge until the transaction ends; returns it, fresh from the database."""
    return Badge.objects.select_for_update().get(pk=badge_id)
