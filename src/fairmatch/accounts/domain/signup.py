from django.db import transaction

from fairmatch.accounts.models import User
from fairmatch.enterprises.models import Enterprise


@transaction.atomic
def sign_up(
    *,
    email: str,
    password: str,
    full_name: str,
    language: str,
    name_original: str,
    name_en: str,
    country: str,
    kind: str,
    description_language: str,
) -> User:
    """Create an enterprise and its first member account in one step."""
    enterprise = Enterprise.objects.create(
        name_original=name_original,
        name_en=name_en or name_original,
        country=country,
        kind=kind,
        description_language=description_language,
    )
    return User.objects.create_user(
        email=email,
        password=password,
        full_name=full_name,
        language=language,
        enterprise=enterprise,
    )
