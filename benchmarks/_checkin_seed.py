"""Seeds the check-in benchmark's edition: badges issued, on its first day, and staff to scan.

The edition runs today and tomorrow (in its own time zone) so that no badge has expired.
Each scanner is an organiser with a TOTP authenticator, logged in by a session made here
(``force_login``), as staff would be after logging in with their second factor.
"""

import datetime
import json
import zoneinfo
from typing import Any

from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition, Rank
from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.models import Delegate, Enterprise, Participation
from fairmatch.onsite.domain.badges import issue_badges, token_of
from fairmatch.onsite.models import Badge, CheckIn

SLUG = "bench-checkin"
DELEGATES_EACH = 5
# A base32 secret: the scanners never type a code, the session is made here.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@transaction.atomic
def seed(badges: int, scanners: int) -> dict[str, Any]:
    """Build the edition; returns the scanners' session cookies and every badge's QR token."""
    call_command("flush", interactive=False, verbosity=0)
    edition = Edition(slug=SLUG, name_en="Check-in benchmark edition", status=Edition.Status.OPEN)
    today = timezone.now().astimezone(zoneinfo.ZoneInfo(edition.timezone)).date()
    edition.start_date, edition.end_date = today, today + datetime.timedelta(days=1)
    edition.save()
    rank = Rank.objects.create(code="director", level=40, name_en="Director")
    count = -(-badges // DELEGATES_EACH)
    enterprises = Enterprise.objects.bulk_create(
        Enterprise(
            name_original=f"Enterprise {n}",
            name_en=f"Enterprise {n}",
            country="US" if n % 2 else "CN",
            kind="buyer" if n % 2 else "provider",
            description_language="en",
            languages=["en"],
        )
        for n in range(count)
    )
    rows = Participation.objects.bulk_create(
        Participation(enterprise=e, edition=edition, state="qualified") for e in enterprises
    )
    Delegate.objects.bulk_create(
        (
            Delegate(
                participation=rows[n // DELEGATES_EACH],
                full_name=f"Delegate {n}",
                title="Director",
                rank=rank,
                email=f"d{n}@bench.example",
            )
            for n in range(badges)
        ),
        batch_size=1000,
    )
    issue_badges(edition=edition)
    sessions = []
    for n in range(scanners):
        user = User.objects.create_user(
            email=f"staff{n}@bench.example", is_organiser=True, is_staff=True
        )
        TOTP.activate(user, TOTP_SECRET)
        client = Client()  # one each: logging another user in would end the session
        client.force_login(user)
        sessions.append(client.cookies["sessionid"].value)
    tokens = [token_of(badge) for badge in Badge.objects.filter(edition=edition).order_by("pk")]
    return {"slug": SLUG, "sessions": sessions, "tokens": tokens}


def counts() -> dict[str, int]:
    """What the scans recorded: badges, check-ins, badges checked in, audit entries."""
    edition = Edition.objects.get(slug=SLUG)
    checkins = CheckIn.objects.filter(badge__edition=edition)
    return {
        "badges": Badge.objects.filter(edition=edition).count(),
        "check-ins": checkins.count(),
        "badges checked in": checkins.values("badge").distinct().count(),
        "audit entries": AuditEntry.objects.filter(action="onsite.check_in").count(),
    }


def main(badges: int, scanners: int, path: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(seed(badges, scanners), handle)


def write_counts(path: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(counts(), handle)
