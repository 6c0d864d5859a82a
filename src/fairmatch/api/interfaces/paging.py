"""Cursor pagination over a stable order (the primary key): a page never repeats or skips
a row when rows are added meanwhile, and costs the same queries at any depth."""

import base64
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from ninja import Field, Schema

from fairmatch.api.interfaces.problems import ApiProblem

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
BAD_CURSOR = "The cursor is not one this API gave."
M = TypeVar("M", bound=Model)


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(str(pk).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        value = int(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode())
    except (ValueError, UnicodeDecodeError) as error:
        raise ApiProblem(
            400, "The cursor is not one this API gave.", field="query.cursor"
        ) from error
    if value < 0:
        raise ApiProblem(400, "The cursor is not one this API gave.", field="query.cursor")
    return value


def page(
    queryset: QuerySet[M],
    *,
    cursor: str | None,
    limit: int,
    render: Callable[[M], Any],
    before_render: Callable[[list[M]], None] | None = None,
) -> dict[str, Any]:
    """One page of ``queryset`` after ``cursor``, in primary-key order, and the next cursor.

    ``before_render`` loads what the page's rows show in one query for all of them."""
    ordered = queryset.order_by("pk")
    if cursor:
        ordered = ordered.filter(pk__gt=decode_cursor(cursor))
    rows = list(ordered[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    if before_render is not None:
        before_render(rows)
    return {
        "items": [render(row) for row in rows],
        "next": encode_cursor(rows[-1].pk) if more and rows else None,
    }


class PageQuery(Schema):
    """``cursor`` (from the previous page's ``next``) and ``limit`` (1 to 200)."""

    cursor: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_-]{1,40}$", description="the previous page's next"
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
