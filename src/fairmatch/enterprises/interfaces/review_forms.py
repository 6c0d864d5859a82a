"""Forms of the organiser's review queue and participation page."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from fairmatch.conference.models import Edition, Field, Role
from fairmatch.enterprises.domain.review import QueueFilters
from fairmatch.enterprises.domain.workflow import DECISIONS
from fairmatch.enterprises.models import Participation, RuleOutcome, State

REQUEST_CONFIRMATION = "request_confirmation"
NOTE_MAX_LENGTH = 2000


DECISION_LABELS = {
    State.QUALIFIED: _("qualify"),
    State.WAITING_CONFIRMATION: _("admit pending confirmation"),
    State.REJECTED: _("reject"),
    State.CONFIRMED: _("confirm attendance"),
    State.WITHDRAWN: _("withdraw"),
}


def decision_choices(states: Iterable[State] = DECISIONS) -> list[tuple[str, Any]]:
    """Decisions as (target state, verb) pairs, for buttons and menus."""
    return [(state.value, DECISION_LABELS[state]) for state in states]


class QueueFilterForm(forms.Form):
    """Filters of the review queue, read from the query string."""

    search = forms.CharField(label=_("Name"), required=False, max_length=200)
    state = forms.ChoiceField(label=_("State"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    field = forms.ChoiceField(label=_("Field"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False)
    outcome = forms.ChoiceField(label=_("Rule outcome"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("name")),
            ("country", _("country")),
            ("state", _("state")),
            ("-submitted", _("newest first")),
            ("submitted", _("oldest first")),
        ],
    )

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("all"))]
        present = (
            Participation.objects.filter(edition=edition)
            .order_by()
            .values_list("enterprise__country", flat=True)
            .distinct()
        )
        self.fields["state"].choices = everything + list(State.choices)
        self.fields["country"].choices = everything + sorted(
            ((code, str(countries.name(code))) for code in present), key=lambda pair: pair[1]
        )
        self.fields["field"].choices = everything + [(f.code, f.name) for f in Field.objects.all()]
        self.fields["role"].choices = everything + list(Role.choices)
        self.fields["outcome"].choices = everything + list(RuleOutcome.choices)

    def filters(self) -> QueueFilters:
        """The valid filters; an invalid one is shown with its error and ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        values = {name: data.get(name, "") for name in self.fields}
        values["search"] = values["search"].strip()
        values["sort"] = values["sort"] or "name"
        return QueueFilters(**values)


class DecisionForm(forms.Form):
    """One organiser decision on one participation, with a note kept in its history."""

    target = forms.ChoiceField(
        label=_("Decision"), choices=decision_choices
    )  # all: a stale page gets a clear error
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the history; sent to the enterprise with the decision."),
    )


class BulkActionForm(forms.Form):
    """A decision (or a confirmation request) for the selected rows of the queue."""

    participations = forms.ModelMultipleChoiceField(
        label=_("Selected applications"),
        queryset=Participation.objects.none(),
        error_messages={"required": _("Select at least one application.")},
    )
    action = forms.ChoiceField(label=_("Action"))
    note = forms.CharField(label=_("Note"), required=False, max_length=NOTE_MAX_LENGTH)
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participations"].queryset = Participation.objects.filter(
            edition=edition
        ).select_related("enterprise")
        self.fields["action"].choices = [
            *decision_choices(),
            (REQUEST_CONFIRMATION, _("send a confirmation request")),
        ]
