"""The locks of the floor plan.

Locking rule: a function that changes booths takes, inside its ``transaction.atomic`` block
and before it reads any geometry, the row lock of the hall (``lock_hall``), then the rows of
the booths it changes (``lock_booths``, in id order). Two edits of one hall therefore run one
after the other and the second checks its overlaps against the first's result. On SQLite
``select_for_update`` does nothing (writes are serialised anyway).
"""

from collections.abc import Iterable

from fairmatch.exhibition.models import Booth, Hall


def lock_hall(hall_id: int) -> Hall:
    """Lock the hall until the transaction ends; returns it, fresh from the database."""
    return Hall.objects.select_for_update().get(pk=hall_id)


def lock_booths(ids: Iterable[int]) -> list[Booth]:
    """Lock the booths (in id order) until the transaction ends; returns them fresh."""
    return list(Booth.objects.select_for_update().filter(pk__in=set(ids)).order_by("pk"))
