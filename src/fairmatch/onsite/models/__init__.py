from fairmatch.onsite.models.attendance import Absent, MarkedAs, MeetingAttendance, Outcome
from fairmatch.onsite.models.badges import (
    Badge,
    BadgeLayout,
    BadgePrint,
    BadgeRole,
    CheckIn,
    CheckInMethod,
    PrintStatus,
)
from fairmatch.onsite.models.leads import Lead
from fairmatch.onsite.models.press import PressAccreditation, PressState

__all__ = [
    "Absent",
    "Badge",
    "BadgeLayout",
    "BadgePrint",
    "BadgeRole",
    "CheckIn",
    "CheckInMethod",
    "Lead",
    "MarkedAs",
    "MeetingAttendance",
    "Outcome",
    "PressAccreditation",
    "PressState",
    "PrintStatus",
]
