"""The account forms: login by e-mail, the enterprise sign-up, the similar-names question.

Login and sign-up are allauth's forms (rate limits, verification, the same answer whether or
not an address has an account) with Fairmatch's labels and the enterprise's fields added.
"""

from typing import Any

from allauth.account.forms import LoginForm, SignupForm
from django import forms
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from fairmatch.accounts.domain.signup import register_enterprise
from fairmatch.accounts.models import User
from fairmatch.conference.models import Field
from fairmatch.enterprises.models import Enterprise


def _country_choices() -> list[tuple[str, str]]:
    """Every country named in the active language, after an empty choice."""
    return [("", gettext("Choose a country")), *countries]


def _labelled_only(form: forms.Form) -> None:
    """Fields keep their visible labels; allauth's placeholders would only repeat them."""
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)


class EmailLoginForm(LoginForm):
    """allauth's login form, labelled like the rest of the site."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-mail")
        self.fields["login"].widget.attrs["autofocus"] = True
        self.fields["password"].label = _("Password")
        _labelled_only(self)


class EnterpriseSignupForm(SignupForm):
    """A person signs up with the enterprise they represent.

    An address that already has an account gets the same answer as a new one (allauth
    mails its owner instead of creating anything), and nothing here tells which enterprises
    are registered: similar names are asked about after the address is verified.
    """

    full_name = forms.CharField(label=_("Your name"), max_length=200)
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    name_original = forms.CharField(
        label=_("Enterprise name in its original language"), max_length=200
    )
    name_en = forms.CharField(label=_("Enterprise name in English"), max_length=200, required=False)
    # Named in the reader's language (django-countries sorts them so), with nothing chosen
    # in advance: a silent default would register enterprises in the first country listed.
    country = LazyTypedChoiceField(label=_("Country"), choices=_country_choices)
    kind = forms.ChoiceField(
        label=_("Your enterprise comes as"),
        choices=[("", _("Choose one")), *Enterprise.Kind.choices],
    )
    fields = forms.ModelMultipleChoiceField(
        label=_("Fields of your enterprise"),
        queryset=Field.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What your enterprise buys or provides; counterparts are matched on them."),
    )
    description = forms.CharField(
        label=_("Description of your enterprise"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What your enterprise does or seeks, in your own language."),
    )

    field_order = [
        "email",
        "full_name",
        "password1",
        "password2",
        "language",
        "name_original",
        "name_en",
        "country",
        "kind",
        "fields",
        "description",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail")
        self.fields["password1"].label = _("Password")
        self.fields["password2"].label = _("Password again")
        self.fields["language"].initial = get_language()  # the page's language
        # Asked once the organiser has set up the conference's fields (none: nothing to tick).
        self.fields["fields"].required = Field.objects.exists()
        _labelled_only(self)

    def clean_email(self) -> str:
        email: str = super().clean_email()
        return User.objects.normalize_email(email).lower()

    def clean_name_original(self) -> str:
        return str(self.cleaned_data["name_original"]).strip()

    def clean_name_en(self) -> str:
        return str(self.cleaned_data["name_en"]).strip()

    def save(self, request: HttpRequest) -> User:
        # The account, its enterprise and its e-mail address are made together or not at all.
        with transaction.atomic():
            user: User = super().save(request)
        return user

    def signup(self, request: HttpRequest, user: User) -> None:
        """allauth's hook, called once the new user is saved (never for a known address)."""
        data = self.cleaned_data
        register_enterprise(
            user=user,
            full_name=data["full_name"],
            language=data["language"],
            name_original=data["name_original"],
            name_en=data["name_en"],
            country=data["country"],
            kind=data["kind"],
            description_language=data["language"],
            fields=data["fields"],
            description=data["description"].strip(),
        )


class DistinctEnterpriseForm(forms.Form):
    """The new member's answer: the enterprise is none of the similar ones listed."""

    not_a_duplicate = forms.BooleanField(
        label=_("This is a different enterprise from the ones listed above")
    )
