"""The engine's plain-data input (the ``fairmatch match rank`` JSON format) -> typed edition.

Errors name the offending field by its path, e.g.
``buyers[3].demands[0].value_usd: must be a number``; docs/matching.md describes the format.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from fairmatch.matching.engine.model import Buyer, Demand, Edition, Interest, Provider

# Above any contract on record in US dollars; JSON allows integers of any length.
MAX_AMOUNT_USD = 10**15
# Meeting slots and quotas are counts of meetings at one fair.
MAX_COUNT = 100_000


class InputError(ValueError):
    """Malformed input; the message starts with the path of the field at fault."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def _object(value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InputError(path, "must be an object")
    return value


def _list(data: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> list[Any]:
    if key not in data or data[key] is None:
        if required:
            raise InputError(f"{path}{key}", "is required")
        return []
    value = data[key]
    if not isinstance(value, list):
        raise InputError(f"{path}{key}", "must be a list")
    return value


def _string(data: Mapping[str, Any], key: str, path: str, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise InputError(f"{path}{key}", "is required")
        return ""
    if not isinstance(value, str):
        raise InputError(f"{path}{key}", "must be a string")
    if required and not value.strip():
        raise InputError(f"{path}{key}", "must not be empty")
    return value


def _strings(data: Mapping[str, Any], key: str, path: str) -> frozenset[str]:
    items = _list(data, key, path)
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise InputError(f"{path}{key}[{index}]", "must be a string")
    return frozenset(items)


def _amount(data: Mapping[str, Any], key: str, path: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    # bool is an int in Python, but true is no amount of money.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{path}{key}", "must be a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise InputError(f"{path}{key}", "must be a finite number")
    if value < 0:
        raise InputError(f"{path}{key}", "must not be negative")
    # Compared before any conversion: float() of a huge JSON integer overflows.
    if value > MAX_AMOUNT_USD:
        raise InputError(f"{path}{key}", f"must be at most {MAX_AMOUNT_USD:,} US dollars")
    return float(value)


def _count(data: Mapping[str, Any], key: str, path: str, default: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(f"{path}{key}", "must be a whole number, 0 or more")
    if value > MAX_COUNT:
        raise InputError(f"{path}{key}", f"must be at most {MAX_COUNT}")
    return int(value)


def _identifier(data: Mapping[str, Any], path: str) -> str:
    value = data.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _string(data, "id", path, required=True)


def _demand(value: Any, path: str) -> Demand:
    data = _object(value, path)
    return Demand(
        field=_string(data, "field", f"{path}.", required=True),
        kind=_string(data, "kind", f"{path}.", required=True),
        value_usd=_amount(data, "value_usd", f"{path}."),
        text=_string(data, "text", f"{path}."),
        language=_string(data, "language", f"{path}."),
        services=_strings(data, "services", f"{path}."),
    )


def _buyer(value: Any, path: str) -> Buyer:
    data = _object(value, path)
    prefix = f"{path}."
    return Buyer(
        id=_identifier(data, prefix),
        country=_string(data, "country", prefix),
        languages=_strings(data, "languages", prefix),
        fields=_strings(data, "fields", prefix),
        demands=tuple(
            _demand(item, f"{prefix}demands[{index}]")
            for index, item in enumerate(_list(data, "demands", prefix))
        ),
        certifications_asked=_strings(data, "certifications_asked", prefix),
        slots=_count(data, "slots", prefix, 16),
        quota=_count(data, "quota", prefix, 30),
    )


def _provider(value: Any, path: str) -> Provider:
    data = _object(value, path)
    prefix = f"{path}."
    return Provider(
        id=_identifier(data, prefix),
        country=_string(data, "country", prefix),
        languages=_strings(data, "languages", prefix),
        fields=_strings(data, "fields", prefix),
        capacity_usd=_amount(data, "capacity_usd", prefix),
        certifications=_strings(data, "certifications", prefix),
        text=_string(data, "text", prefix),
        language=_string(data, "language", prefix),
        kinds=_strings(data, "kinds", prefix),
        services=_strings(data, "services", prefix),
        slots=_count(data, "slots", prefix, 16),
        quota=_count(data, "quota", prefix, 15),
    )


def edition_from_json(data: Any) -> Edition:
    """Check and convert the plain input; ``InputError`` names the first field at fault."""
    root = _object(data, "input")
    buyers = tuple(
        _buyer(item, f"buyers[{index}]")
        for index, item in enumerate(_list(root, "buyers", "", required=True))
    )
    providers = tuple(
        _provider(item, f"providers[{index}]")
        for index, item in enumerate(_list(root, "providers", "", required=True))
    )
    seen: dict[str, str] = {}
    identifiers = [("buyers", b.id) for b in buyers] + [("providers", p.id) for p in providers]
    counters = {"buyers": 0, "providers": 0}
    for side, identifier in identifiers:
        path = f"{side}[{counters[side]}]"
        counters[side] += 1
        if identifier in seen:
            raise InputError(f"{path}.id", f"{identifier!r} is already used by {seen[identifier]}")
        seen[identifier] = path
    interests = []
    for index, item in enumerate(_list(root, "interests", "")):
        signal = _object(item, f"interests[{index}]")
        ends = []
        for key in ("from", "to"):
            where = f"interests[{index}].{key}"
            value = signal.get(key)
            named = str(value) if isinstance(value, int | str) else None
            if named is None or named not in seen:
                raise InputError(where, "must be the id of a buyer or provider")
            ends.append(named)
        interests.append(Interest(source=ends[0], target=ends[1]))
    return Edition(buyers=buyers, providers=providers, interests=tuple(interests))
