"""System checks that keep an unsafe configuration from serving.

Registered without the ``deploy`` flag, so ``runserver``, ``migrate``, ``check`` and the
WSGI application (``fairmatch.wsgi``) all refuse to start with them failing.
"""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

# Keys that were once published with Fairmatch or Django's project template: never secret.
PUBLISHED_KEYS = frozenset({"insecure-development-key-set-FAIRMATCH_SECRET_KEY-in-production"})
MIN_KEY_LENGTH = 50
MIN_KEY_CHARACTERS = 5


def secret_key_problem(key: str) -> str | None:
    """Why ``key`` cannot sign sessions and tokens in production, or ``None`` if it can."""
    if key in PUBLISHED_KEYS or key.startswith("django-insecure-"):
        return "it is a published development key"
    if len(key) < MIN_KEY_LENGTH:
        return f"it has fewer than {MIN_KEY_LENGTH} characters"
    if len(set(key)) < MIN_KEY_CHARACTERS:
        return f"it has fewer than {MIN_KEY_CHARACTERS} different characters"
    return None


@checks.register(checks.Tags.security)
def check_secret_key(app_configs: Sequence[AppConfig] | None, **kwargs: Any) -> list[Any]:
    """With debug off the secret key must be long, varied and never a published one."""
    if settings.DEBUG:
        return []
    problem = secret_key_problem(settings.SECRET_KEY)
    if problem is None:
        return []
    return [
        checks.Error(
            f"FAIRMATCH_SECRET_KEY cannot be used with debug off: {problem}.",
            hint=(
                "Set FAIRMATCH_SECRET_KEY to a long random value (for example "
                "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`), or unset it "
                "to use the key made for this installation under FAIRMATCH_VAR_DIR."
            ),
            id="fairmatch.E001",
        )
    ]


def refuse_unsafe_configuration() -> None:
    """Raise ``ImproperlyConfigured`` if a security check fails (WSGI servers run no checks)."""
    errors = [
        message
        for message in checks.run_checks(tags=[checks.Tags.security])
        if message.is_serious() and not message.is_silenced()
    ]
    if errors:
        raise ImproperlyConfigured("\n".join(str(message) for message in errors))
