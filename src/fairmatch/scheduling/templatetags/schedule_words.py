"""The solver's status codes in words the organiser reads."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

STATUS_WORDS = {
    "optimal": _("optimal (proved)"),
    "feasible": _("feasible (not proved optimal)"),
    "infeasible": _("infeasible"),
    "unknown": _("no schedule found"),
}


@register.filter
def solver_status(code: str) -> str:
    return str(STATUS_WORDS.get(code, code))
