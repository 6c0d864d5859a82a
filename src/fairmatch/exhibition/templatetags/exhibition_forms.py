from typing import Any

from django import template

from fairmatch.exhibition.models import SponsorTier

register = template.Library()


@register.filter
def pick(form: Any, names: str) -> list[Any]:
    """The form's bound fields named in ``names`` (separated by spaces), in that order."""
    return [form[name] for name in names.split()]


@register.simple_tag
def sponsor_tier_choices() -> list[tuple[str, str]]:
    """The sponsor tiers as (value, label) pairs, for the organiser's menu."""
    return [(value, str(label)) for value, label in SponsorTier.choices]


@register.filter
def of_kind(wishes: Any, kind: str) -> list[Any]:
    """The neighbour wishes of one kind (wanted, avoided), from a prefetched list."""
    return [wish for wish in wishes.all() if wish.kind == kind]
