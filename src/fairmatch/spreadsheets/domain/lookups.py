"""What checking a file needs from the database, loaded once per file (never per row)."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, override
from django_countries import countries

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import CooperationKind, Edition, Field, Rank, RuleKind
from fairmatch.enterprises.models import Enterprise, Participation
from fairmatch.spreadsheets.models import ExternalId, ImportKind

YES = {"yes", "y", "true", "1", "x", "是", "是的", "有", "✓"}
NO = {"no", "n", "false", "0", "否", "不", "无", ""}


def normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _by_names(objects: Iterable[Any], *attributes: str) -> dict[str, Any]:
    found = {}
    for obj in objects:
        for attribute in attributes:
            value = getattr(obj, attribute, "")
            if value:
                found[normal(str(value))] = obj
    return found


def country_codes() -> dict[str, str]:
    """Country codes by code and by English and Chinese name (normalised)."""
    found = {}
    for language in ("en", "zh-hans"):
        with override(language):
            for code, name in countries:
                found[normal(str(name))] = code
    for code, _name in countries:
        found[normal(code)] = code
    return found


def choice_values(choices: Any) -> dict[str, str]:
    """A TextChoices' values by value and by label in English and Chinese."""
    found = {}
    for language in ("en", "zh-hans"):
        with override(language):
            for value, label in choices.choices:
                found[normal(gettext(str(label)))] = value
    for value in choices.values:
        found[normal(value)] = value
    return found


@dataclass
class Lookups:
    edition: Edition
    countries: dict[str, str]
    fields: dict[str, Field]
    cooperation_kinds: dict[str, CooperationKind]
    ranks: dict[str, Rank]
    rates: set[str]
    rank_rules: list[tuple[str, int]]  # (role, least rank level) of active rank rules
    external: dict[str, dict[str, int]]  # kind -> external id -> record id
    enterprise_kinds: dict[int, str]  # enterprise id (imported ones) -> kind
    participations: dict[int, int]  # enterprise id -> its participation in the edition

    @classmethod
    def load(cls, edition: Edition, kind: str) -> "Lookups":
        external: dict[str, dict[str, int]] = {}
        wanted = {kind, ImportKind.ENTERPRISES}
        for record in ExternalId.objects.filter(edition=edition, kind__in=wanted).values_list(
            "kind", "external_id", "object_id"
        ):
            external.setdefault(record[0], {})[record[1]] = record[2]
        enterprises = external.get(ImportKind.ENTERPRISES, {})
        enterprise_kinds = dict(
            Enterprise.objects.filter(
                pk__in=list(enterprises.values()), participations__edition=edition
            ).values_list("pk", "kind")
        )
        # An external id whose enterprise was deleted since is forgotten.
        external[ImportKind.ENTERPRISES] = {
            key: pk for key, pk in enterprises.items() if pk in enterprise_kinds
        }
        rules = [
            (rule.role, int(rule.parameters.get("rank_level", 0)))
            for rule in edition.rules.filter(is_active=True, kind=RuleKind.MIN_DELEGATE_RANK)
        ]
        return cls(
            edition=edition,
            countries=country_codes(),
            fields=_by_names(Field.objects.all(), "code", "name_en", "name_zh"),
            cooperation_kinds=_by_names(
                CooperationKind.objects.all(), "code", "name_en", "name_zh"
            ),
            ranks=_by_names(Rank.objects.all(), "code", "name_en", "name_zh"),
            rates=set(exchange_rates(edition)),
            rank_rules=rules,
            external=external,
            enterprise_kinds=enterprise_kinds,
            participations=dict(
                Participation.objects.filter(edition=edition).values_list("enterprise_id", "pk")
            ),
        )

    def existing(self, kind: str) -> dict[str, int]:
        return self.external.get(kind, {})
