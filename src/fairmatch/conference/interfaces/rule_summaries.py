"""One plain sentence per configured rule, for the organiser's rule list."""

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django_countries import countries

from fairmatch.conference.interfaces.rule_forms import GROUP_LABELS
from fairmatch.conference.models import Field, QualificationRule, Rank, RuleKind


def _usd(amount: object) -> str:
    try:
        return f"USD {Decimal(str(amount)):,.0f}"
    except (InvalidOperation, ValueError):
        return str(amount)


def describe_rule(
    rule: QualificationRule, *, ranks: Mapping[int, Rank], fields: Mapping[str, Field]
) -> str:
    """What the rule requires, in the active language."""
    p = rule.parameters
    if rule.kind == RuleKind.MIN_CONTRACT_VALUE:
        template = (
            _("the sum of all demands is at least %(amount)s")
            if p.get("basis") == "sum"
            else _("the largest demand is at least %(amount)s")
        )
        return template % {"amount": _usd(p.get("amount_usd"))}
    if rule.kind == RuleKind.MIN_DELEGATE_RANK:
        rank = ranks.get(p.get("rank_level"))  # type: ignore[arg-type]
        name = rank.name if rank else str(p.get("rank_level"))
        template = (
            _("every attending delegate is %(rank)s or above")
            if p.get("scope") == "all"
            else _("an attending delegate is %(rank)s or above")
        )
        return template % {"rank": name}
    if rule.kind == RuleKind.REQUIRED_FIELDS:
        names = ", ".join(
            fields[code].name if code in fields else code for code in p.get("fields", [])
        )
        template = (
            _("covers all of: %(fields)s")
            if p.get("mode") == "all"
            else _("covers one of: %(fields)s")
        )
        summary = template % {"fields": names}
        if p.get("only_groups"):
            scope = ", ".join(str(GROUP_LABELS.get(g, g)) for g in p["only_groups"])
            summary = _("%(rule)s, only for enterprises from: %(groups)s") % {
                "rule": summary,
                "groups": scope,
            }
        return summary
    places = [str(GROUP_LABELS.get(group, group)) for group in p.get("groups", [])]
    places += [str(countries.name(code)) or code for code in p.get("countries", [])]
    return _("comes from: %(places)s") % {"places": ", ".join(places)}


def units_per_usd(usd_per_unit: Decimal) -> Decimal:
    """A stored rate as it is quoted (units of the currency per US dollar), to 4 places."""
    return (Decimal(1) / usd_per_unit).quantize(Decimal("0.0001")).normalize()
