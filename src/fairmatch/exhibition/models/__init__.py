from fairmatch.exhibition.models.allocation import (
    AllocationRun,
    AllocationStatus,
    BoothAssignment,
    PlanRelease,
    PlanReleaseEntry,
    PlanReleaseHall,
    PublishedState,
)
from fairmatch.exhibition.models.applications import (
    BoothStaff,
    ExhibitorApplication,
    NeighbourWish,
    SponsorTier,
)
from fairmatch.exhibition.models.plan import Booth, BoothKind, Hall, OpenSides, Zone

__all__ = [
    "AllocationRun",
    "AllocationStatus",
    "Booth",
    "BoothAssignment",
    "BoothKind",
    "BoothStaff",
    "ExhibitorApplication",
    "Hall",
    "NeighbourWish",
    "OpenSides",
    "PlanRelease",
    "PlanReleaseEntry",
    "PlanReleaseHall",
    "PublishedState",
    "SponsorTier",
    "Zone",
]
