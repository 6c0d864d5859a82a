"""Signing up an enterprise with its first account, and the question about similar names.

The account itself is made by allauth (e-mail, password, verification); these functions add
what Fairmatch needs beside it. Which enterprises are already registered is never shown at
sign-up (anyone may sign up with any name): the names are shown to the new member only once
the e-mail address is verified.
"""

from collections.abc import Iterable

from django.db import transaction

from fairmatch.accounts.models import User
from fairmatch.conference.models import Field
from fairmatch.enterprises.domain.applications import probable_duplicates
from fairmatch.enterprises.models import Enterprise


@transaction.atomic
def register_enterprise(
    *,
    user: User,
    full_name: str,
    language: str,
    name_original: str,
    name_en: str,
    country: str,
    kind: str,
    description_language: str,
    fields: Iterable[Field] = (),
    description: str = "",
) -> Enterprise:
    """Create the enterprise a new account signs up with and make the account its member.

    When enterprises with a very similar name are registered in the same country, the
    enterprise's duplicate question stays open (and its applications wait) until a member
    answers it (``confirm_distinct_enterprise``).
    """
    similar = probable_duplicates(name_original=name_original, name_en=name_en, country=country)
    enterprise = Enterprise.objects.create(
        name_original=name_original,
        name_en=name_en or name_original,
        country=country,
        kind=kind,
        description_language=description_language,
        description=description,
        duplicate_question_open=bool(similar),
    )
    enterprise.fields.set(fields)
    user.full_name = full_name
    user.language = language
    user.enterprise = enterprise
    user.save(update_fields=["full_name", "language", "enterprise", "username"])
    return enterprise


def similar_enterprises_to_answer(*, enterprise: Enterprise) -> list[Enterprise]:
    """The registered enterprises (same country, very close names) a member must still say
    the enterprise is not: none once the question is answered. If they are gone meanwhile,
    the question is closed."""
    if not enterprise.duplicate_question_open:
        return []
    similar = probable_duplicates(
        name_original=enterprise.name_original,
        name_en=enterprise.name_en,
        country=enterprise.country.code,
        exclude_pk=enterprise.pk,
    )
    if not similar:
        confirm_distinct_enterprise(enterprise=enterprise)
    return similar


def confirm_distinct_enterprise(*, enterprise: Enterprise) -> None:
    """A member confirms the enterprise is none of the similar ones: it may apply."""
    Enterprise.objects.filter(pk=enterprise.pk).update(duplicate_question_open=False)
    enterprise.duplicate_question_open = False
