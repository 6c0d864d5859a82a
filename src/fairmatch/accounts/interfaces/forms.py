from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from fairmatch.accounts.models import User
from fairmatch.enterprises.domain.applications import probable_duplicates
from fairmatch.enterprises.models import Enterprise


class EmailLoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True})
    )


class SignUpForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    full_name = forms.CharField(label=_("Your name"), max_length=200)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password_again = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput, strip=False
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    name_original = forms.CharField(
        label=_("Enterprise name in its original language"), max_length=200
    )
    name_en = forms.CharField(label=_("Enterprise name in English"), max_length=200, required=False)
    country = LazyTypedChoiceField(label=_("Country"), choices=countries)
    kind = forms.ChoiceField(label=_("Your enterprise comes as"), choices=Enterprise.Kind.choices)
    not_a_duplicate = forms.BooleanField(
        label=_("This is a different enterprise from the ones listed above"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list[Enterprise] = []

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"]).lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        password = data.get("password")
        if password and data.get("password_again") and password != data["password_again"]:
            self.add_error("password_again", _("The two passwords differ."))
        elif password:
            user = User(email=data.get("email", ""), full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        if data.get("name_original") and data.get("country"):
            self.duplicates = probable_duplicates(
                name_original=data["name_original"],
                name_en=data.get("name_en", ""),
                country=data["country"],
            )
            if self.duplicates and not data.get("not_a_duplicate"):
                self.add_error(
                    "not_a_duplicate",
                    _(
                        "Enterprises with a very similar name in this country are already "
                        "registered. If yours is one of them, ask its contact to add you; "
                        "otherwise tick this box."
                    ),
                )
        return data
