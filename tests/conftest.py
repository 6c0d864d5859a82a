import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):  # type: ignore[no-untyped-def]
    """Tests start in English and send mail to the in-memory outbox."""
    settings.LANGUAGE_CODE = "en"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
