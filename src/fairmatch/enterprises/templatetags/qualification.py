from typing import Any

from django import template

from fairmatch.enterprises.interfaces.messages import render_message

register = template.Library()


@register.filter
def rule_message(message: Any) -> str:
    """Show a stored rule reason or evidence in the active language."""
    return render_message(message)
