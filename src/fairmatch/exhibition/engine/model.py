"""What the allocator reads and returns: plain frozen dataclasses, one per model row.

Keys are strings chosen by the caller (the domain uses the rows' ids); the engine never
shows them to anyone, the reasons name exhibitors, booths and halls by their keys and the
pages replace them with names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Literal

from .geometry import Rect
from .messages import Message

ZoneKind = Literal["field", "country", "sponsor", "other"]
BoothKind = Literal["shell", "space"]
# ExhibitorApplication.sponsor_tier as a number: 0 none, 1 bronze, 2 silver, 3 gold.
SPONSOR_TIERS = ("none", "bronze", "silver", "gold")


@dataclass(frozen=True, slots=True)
class HallSpec:
    """A hall: its floor (x east, y south, from its north-west corner) and its entrances."""

    key: str
    rect: Rect
    entrances: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class ZoneSpec:
    """A pavilion or area in a hall; booths name the zone they belong to."""

    key: str
    hall: str
    kind: ZoneKind
    field: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class BoothSpec:
    """A booth as drawn on the plan; ``rect`` is in hall coordinates."""

    key: str
    hall: str
    rect: Rect
    kind: BoothKind = "shell"
    zone: str | None = None
    blocked: bool = False

    @property
    def area(self) -> float:
        return self.rect.area


@dataclass(frozen=True, slots=True)
class ExhibitorSpec:
    """What an exhibitor asks for. ``wanted`` and ``avoided`` name other exhibitors' keys;
    ``kind`` None accepts either booth type; ``locked_booth`` is kept as it is."""

    key: str
    country: str
    fields: tuple[str, ...] = ()
    min_area: float = 9.0
    max_area: float = 9.0
    kind: str | None = None
    preferred_hall: str | None = None
    preferred_zone: str | None = None
    wanted: tuple[str, ...] = ()
    avoided: tuple[str, ...] = ()
    sponsor_tier: int = 0
    locked_booth: str | None = None

    def fits(self, booth: BoothSpec) -> bool:
        """Whether the booth's area and type are what this exhibitor asks for."""
        return self.min_area - AREA_TOLERANCE <= booth.area <= self.max_area + AREA_TOLERANCE and (
            self.kind is None or self.kind == booth.kind
        )


# Areas come from centimetre coordinates; 3 m x 3 m may read 8.9999999.
AREA_TOLERANCE = 1e-6


@dataclass(frozen=True, slots=True)
class Weights:
    """What each soft wish is worth in the objective (whole numbers; 0 switches it off).

    Placing exhibitors comes first whatever the weights: the allocator places as many as
    any allocation can, then maximises the sum of these rewards less the penalties.
    """

    # Once, when the exhibitor's booth is in the hall or zone it prefers.
    preferred_hall: int = 20
    preferred_zone: int = 30
    # Once, when an exhibitor is in its country's pavilion (where one exists) ...
    country_pavilion: int = 30
    # ... and once more when another exhibitor from its country is beside it there.
    country_neighbours: int = 10
    # Once, when a neighbour shows one of the exhibitor's fields.
    field_neighbours: int = 10
    # Per wanted neighbour placed beside (counted once for each exhibitor who wished it).
    wanted_neighbour: int = 40
    # Subtracted per avoided neighbour placed beside.
    avoided_neighbour: int = 100
    # Per sponsor tier level (bronze 1, silver 2, gold 3), times the booth's footfall
    # relative to the busiest booth (0 to 1).
    sponsor_footfall: int = 20

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_mapping(cls, values: Mapping[str, int]) -> Weights:
        """Weights from a stored mapping (AllocationRun.weights); unknown names are ignored."""
        known = set(cls.names())
        return cls(**{name: int(value) for name, value in values.items() if name in known})


@dataclass(frozen=True, slots=True)
class Problem:
    """The floor and the exhibitors to place on it.

    ``across_aisle``: booths facing each other across an aisle at most this wide (metres)
    count as neighbours too (for wanted, avoided, same-field and same-country neighbours);
    0 keeps neighbours to booths sharing a wall.
    """

    halls: tuple[HallSpec, ...]
    zones: tuple[ZoneSpec, ...]
    booths: tuple[BoothSpec, ...]
    exhibitors: tuple[ExhibitorSpec, ...]
    weights: Weights = field(default_factory=Weights)
    across_aisle: float = 0.0


class Status(StrEnum):
    """How far the solver got."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class WishResult:
    """One wish of one exhibitor (named as in ``Weights``), met or not, and why."""

    wish: str
    satisfied: bool
    message: Message


@dataclass(frozen=True, slots=True)
class Progress:
    """A progress report, sent to the ``progress`` callback while solving.

    ``objective`` is the best allocation's soft score so far (None before the first one),
    ``bound`` the best score any allocation placing ``placed`` exhibitors could reach.
    """

    phase: str
    seconds: float
    placed: int
    objective: float | None
    bound: float | None


@dataclass(frozen=True, slots=True)
class Allocation:
    """The allocation and what is proven about it.

    ``placed`` exhibitors have a booth (``assignments``); no allocation can place more than
    ``placeable`` (proven by a maximum matching), and the allocator always places that many
    when it returns an allocation. ``objective`` is the soft score of the wishes (see
    ``Weights``), ``bound`` a proven upper bound on it, ``gap`` their relative distance.
    """

    status: Status
    assignments: dict[str, str]
    unassigned: dict[str, Message]
    objective: float
    bound: float
    gap: float
    seconds: float
    wishes: dict[str, tuple[WishResult, ...]]
    conflicts: tuple[Message, ...] = ()
    placed: int = 0
    placeable: int = 0
    messages: tuple[Message, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
