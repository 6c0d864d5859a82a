"""What the race's child processes send back to the parent, one typed message each.

They cross a pipe (pickled), so they are plain frozen dataclasses of ints, strings and
tuples. A child sends, in order: ``Feasible`` (when asked to look for a first schedule),
any number of ``Bound``, then one ``Optimal`` or ``Unsatisfiable``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Feasible:
    """A schedule placing every meeting within the fairness cap: one slot per meeting."""

    slots: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Bound:
    """A proven lower bound on the breaks of any schedule placing every meeting."""

    cost: int


@dataclass(frozen=True, slots=True)
class Optimal:
    """A schedule with the fewest breaks (``cost``), and the method that proved it."""

    cost: int
    slots: tuple[int, ...]
    method: str


@dataclass(frozen=True, slots=True)
class Unsatisfiable:
    """No schedule places every meeting within the fairness cap."""


ChildMessage = Feasible | Bound | Optimal | Unsatisfiable
# Messages after which a child sends nothing more.
FINAL = (Optimal, Unsatisfiable)
