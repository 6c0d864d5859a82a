import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hashing is slow on purpose; these tests hash many passwords, and nothing they check
    depends on the hasher (Django's advice for test suites)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
