from fairmatch.scheduling.models.board import BoardAction, BoardActionKind
from fairmatch.scheduling.models.grid import (
    NegotiationSession,
    NegotiationTable,
    SessionPart,
    Slot,
    Unavailability,
)
from fairmatch.scheduling.models.meetings import (
    PLACED_STATES,
    ManualDecision,
    Meeting,
    MeetingState,
)
from fairmatch.scheduling.models.releases import CalendarFeed, Release, ReleaseEntry
from fairmatch.scheduling.models.runs import RunStatus, ScheduleRun

__all__ = [
    "PLACED_STATES",
    "BoardAction",
    "BoardActionKind",
    "CalendarFeed",
    "ManualDecision",
    "Meeting",
    "MeetingState",
    "NegotiationSession",
    "NegotiationTable",
    "Release",
    "ReleaseEntry",
    "RunStatus",
    "ScheduleRun",
    "SessionPart",
    "Slot",
    "Unavailability",
]
