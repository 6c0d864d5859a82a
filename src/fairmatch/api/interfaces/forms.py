"""Forms of the token and webhook pages."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fairmatch.api.domain.webhooks import EVENTS
from fairmatch.api.models import TokenScope
from fairmatch.conference.models import Edition

EXPIRY_CHOICES = (
    ("30", _("in 30 days")),
    ("90", _("in 90 days")),
    ("365", _("in a year")),
    ("", _("never")),
)


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("What the token is for."))
    scope = forms.ChoiceField(label=_("Scope"), choices=TokenScope.choices)
    expires = forms.ChoiceField(
        label=_("Expires"), choices=EXPIRY_CHOICES, initial="90", required=False
    )
    edition = forms.ModelChoiceField(
        label=_("Edition"), queryset=Edition.objects.order_by("-start_date"), required=False
    )

    def __init__(self, *args: Any, organiser: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organiser:
            self.fields["edition"].required = True
        else:
            del self.fields["edition"]

    def expires_at(self) -> datetime.datetime | None:
        days = self.cleaned_data.get("expires")
        return timezone.now() + datetime.timedelta(days=int(days)) if days else None


class WebhookForm(forms.Form):
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=[(event.name, event.label) for event in EVENTS],
        widget=forms.CheckboxSelectMultiple,
    )
