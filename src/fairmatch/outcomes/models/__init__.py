from fairmatch.outcomes.models.intentions import (
    FollowUp,
    FollowUpOutcome,
    Intention,
    IntentionForm,
    IntentionSource,
    IntentionState,
)

__all__ = [
    "FollowUp",
    "FollowUpOutcome",
    "Intention",
    "IntentionForm",
    "IntentionSource",
    "IntentionState",
]
