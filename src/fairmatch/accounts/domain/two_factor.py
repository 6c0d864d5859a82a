"""Who needs a second factor, who has one, and enrolling one without a browser (demo, tests).

A second factor is a TOTP authenticator or a WebAuthn security key; recovery codes only
stand in for one. With ``FAIRMATCH_ORGANISER_MFA = "required"`` (the default) organisers and
staff must have one before they use any organiser page; delegates may add one.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.db import transaction

from fairmatch.accounts.models import User

SECOND_FACTOR_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def needs_second_factor(user: User) -> bool:
    """Whether the account may work only with a second factor set up (organisers, staff)."""
    return settings.FAIRMATCH_ORGANISER_MFA == "required" and (user.is_organiser or user.is_staff)


def has_second_factor(user: User) -> bool:
    """Whether the account has a TOTP authenticator or a security key."""
    return Authenticator.objects.filter(user=user, type__in=SECOND_FACTOR_TYPES).exists()


@transaction.atomic
def enrol_totp(*, user: User, secret: str) -> list[str]:
    """Give the account a TOTP authenticator with the given base32 secret and a fresh set of
    recovery codes; return the codes. For accounts set up by a script (the demo); people
    enrol on the two-factor page, which shows the secret as a QR code."""
    Authenticator.objects.filter(
        user=user, type__in=(Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES)
    ).delete()
    TOTP.activate(user, secret)
    return RecoveryCodes.activate(user).get_unused_codes()
