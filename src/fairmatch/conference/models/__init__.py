from fairmatch.conference.models.catalogue import CooperationKind, Field, Rank
from fairmatch.conference.models.edition import Edition, ExchangeRate
from fairmatch.conference.models.rules import QualificationRule, Role, RuleKind

__all__ = [
    "CooperationKind",
    "Edition",
    "ExchangeRate",
    "Field",
    "QualificationRule",
    "Rank",
    "Role",
    "RuleKind",
]
