from fairmatch.enterprises.models.application import Capability, Delegate, Demand
from fairmatch.enterprises.models.enterprise import Enterprise
from fairmatch.enterprises.models.participation import (
    ConfirmationRequest,
    Participation,
    RuleOutcome,
    RuleResult,
    State,
    StateChange,
)

__all__ = [
    "Capability",
    "ConfirmationRequest",
    "Delegate",
    "Demand",
    "Enterprise",
    "Participation",
    "RuleOutcome",
    "RuleResult",
    "State",
    "StateChange",
]
