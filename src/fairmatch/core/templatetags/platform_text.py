from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def translated(text: str | None) -> str:
    """A note the platform stored as a message id (English source, marked with
    ``gettext_noop``), shown in the reader's language. A person's own note, or an older row
    stored already translated, matches no message id and is shown as written."""
    return gettext(text) if text else ""
