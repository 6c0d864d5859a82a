"""An allocation checked against the hard rules, independently of how it was found."""

from __future__ import annotations

from collections import Counter

from .model import Allocation, Problem


def violations(problem: Problem, allocation: Allocation) -> list[str]:
    """Every hard rule the allocation breaks, in words (empty when it keeps them all).

    A locked exhibitor must have its booth (unless another exhibitor was locked there
    first, or the booth is not in the plan); every other exhibitor must have a booth of an
    area within its range, of the type it asks for, not blocked; no booth holds two.
    """
    booths = {booth.key: booth for booth in problem.booths}
    exhibitors = {spec.key: spec for spec in problem.exhibitors}
    found: list[str] = []
    held = Counter(allocation.assignments.values())
    found += [f"booth {key} holds {count} exhibitors" for key, count in held.items() if count > 1]
    first_lock: dict[str, str] = {}
    for locking in sorted(problem.exhibitors, key=lambda s: s.key):
        if locking.locked_booth in booths and locking.locked_booth not in first_lock:
            first_lock[locking.locked_booth] = locking.key
    for key, booth_key in allocation.assignments.items():
        spec = exhibitors.get(key)
        booth = booths.get(booth_key)
        if spec is None or booth is None:
            found.append(f"{key} -> {booth_key}: unknown exhibitor or booth")
            continue
        if first_lock.get(booth_key) == key:
            continue
        if booth.blocked:
            found.append(f"{key} is on blocked booth {booth_key}")
        if not spec.fits(booth):
            found.append(f"{key} is on booth {booth_key}, not the size or type it asks for")
        if booth_key in first_lock:
            found.append(f"{key} is on booth {booth_key}, locked to {first_lock[booth_key]}")
    for booth_key, key in first_lock.items():
        if allocation.assignments.get(key) != booth_key:
            found.append(f"{key} lost its locked booth {booth_key}")
    missing = set(exhibitors) - set(allocation.assignments) - set(allocation.unassigned)
    found += [f"{key} is neither placed nor explained" for key in sorted(missing)]
    if len(allocation.assignments) != allocation.placed:
        found.append("placed does not count the assignments")
    return found
