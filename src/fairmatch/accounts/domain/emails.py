"""E-mail addresses known to be the account holders' own, for accounts made without sign-up."""

from collections.abc import Iterable

from allauth.account.models import EmailAddress

from fairmatch.accounts.models import User


def mark_addresses_verified(*, users: Iterable[User]) -> int:
    """Record each user's e-mail as verified and primary (accounts made by the organiser or
    the demo, whose addresses need no confirmation link). Returns the number recorded."""
    rows = [
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    ]
    EmailAddress.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
