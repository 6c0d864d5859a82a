from typing import Any

from django import template

from fairmatch.enterprises.interfaces.messages import render_message

register = template.Library()


@register.filter
def rule_message(message: Any) -> str:
    """Show a stored rule reason or evidence in the active language."""
    return render_message(message)


@register.filter
def rule_messages(messages: Any) -> str:
    """Show stored reasons (a list of messages) in the active language, one per line."""
    return "\n".join(render_message(message) for message in messages or [])
