"""Rule-based qualification: a pure engine (no Django) that judges one application.

Rules are data the organiser configures; this package turns them and the facts of an
application into a verdict per rule (pass / fail / needs review) with a reason and the
evidence used, as translatable messages.
"""

from fairmatch.conference.qualification.facts import (
    ApplicationFacts,
    DelegateFacts,
    DemandFacts,
    Localized,
    Money,
)
from fairmatch.conference.qualification.messages import Message
from fairmatch.conference.qualification.rules import (
    AllowedCountries,
    MinContractValue,
    MinDelegateRank,
    Outcome,
    RequiredFields,
    Rule,
    RuleError,
    Verdict,
    evaluate,
    overall_outcome,
    parse_rule,
)

__all__ = [
    "AllowedCountries",
    "ApplicationFacts",
    "DelegateFacts",
    "DemandFacts",
    "Localized",
    "Message",
    "MinContractValue",
    "MinDelegateRank",
    "Money",
    "Outcome",
    "RequiredFields",
    "Rule",
    "RuleError",
    "Verdict",
    "evaluate",
    "overall_outcome",
    "parse_rule",
]
