"""How the table fills a URL's parameters (and query) from the world, per role and variant.

A ``Fill`` names the variants a pattern is asked in and builds, for a role and a variant,
the URL's keyword arguments and, if any, its query string.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from tests.permissions.world import (
    BUYER,
    NONE,
    OTHER_EDITION,
    OTHER_ENTERPRISE,
    OWN,
    Party,
    World,
)

Build = Callable[[World, str, str], dict[str, Any]]


def _nothing(world: World, role: str, variant: str) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Fill:
    variants: tuple[str, ...]
    kwargs: Build = _nothing
    query: Build = _nothing


def _party(world: World, role: str, variant: str, own: str = "") -> Party:
    """The role's own party (or the one named by ``own``), C's, or D's of the previous edition."""
    if variant == OWN:
        return world.parties[own] if own else world.party_of(role)
    return world.parties["C" if variant == OTHER_ENTERPRISE else "D"]


NO_ARGS = Fill((NONE,))

# The edition in the URL: the current one, or the previous one (where the roles' enterprises
# took no part).
EDITION = Fill((OWN, OTHER_EDITION), lambda w, r, v: {"edition": w.edition_slug(v)})

# A participation without an edition in the URL: the role's own, C's, or D's (previous).
PARTICIPATION = Fill(
    (OWN, OTHER_ENTERPRISE, OTHER_EDITION),
    lambda w, r, v: {"pk": _party(w, r, v).participation.pk},
)

# The organiser's view of a participation: the buyer's in its edition, or one of the
# previous edition asked through the current edition's address.
REVIEWED_PARTICIPATION = Fill(
    (OWN, OTHER_EDITION),
    lambda w, r, v: {"edition": w.current.slug, "pk": _party(w, r, v, own="A").participation.pk},
)

# A counterpart's page: the role's counterpart (the buyer's is B, everyone else's A),
# C (no meeting with any role), or D of the previous edition.
COUNTERPART = Fill(
    (OWN, OTHER_ENTERPRISE, OTHER_EDITION),
    lambda w, r, v: {
        "edition": w.current.slug,
        "pk": _party(w, r, v, own="B" if r == BUYER else "A").participation.pk,
    },
)


def answer_request(action: str) -> Fill:
    """A meeting request to answer: the one sent to the role (the buyer's where the role
    received none), G's to C, or one of the previous edition."""

    def kwargs(world: World, role: str, variant: str) -> dict[str, Any]:
        if variant == OWN:
            request = world.own_request(role)
        elif variant == OTHER_ENTERPRISE:
            request = world.objects["request", "C"]
        else:
            request = world.objects["request", OTHER_EDITION]
        return {"edition": world.current.slug, "pk": request.pk, "action": action}

    return Fill((OWN, OTHER_ENTERPRISE, OTHER_EDITION), kwargs)


def edition_object(kind: str, **extra: Any) -> Fill:
    """An organiser's object (rule, rate, session, run, meeting) of the edition in the URL,
    or of the previous edition asked through the current edition's address."""
    return Fill(
        (OWN, OTHER_EDITION),
        lambda w, r, v: {"edition": w.current.slug, "pk": w.objects[kind, v].pk, **extra},
    )


def edition_objects_query(kind: str, parameter: str) -> Fill:
    """The current edition's page with an object named in the query string."""
    return Fill(
        (OWN, OTHER_EDITION),
        kwargs=lambda w, r, v: {"edition": w.current.slug},
        query=lambda w, r, v: {parameter: w.objects[kind, v].pk},
    )


# A calendar feed: the address is the key, whoever asks; replaced and unknown ones are gone.
FEED = Fill(
    (OWN, OTHER_ENTERPRISE, OTHER_EDITION, "replaced", "unknown"),
    lambda w, r, v: {
        "token": {
            OWN: w.party_of(r).feed_token,
            OTHER_ENTERPRISE: w.parties["C"].feed_token,
            OTHER_EDITION: w.parties["D"].feed_token,
            "replaced": w.replaced_feed_token,
            "unknown": "no-such-feed-address",
        }[v]
    },
)

# An e-mailed confirmation link: the token is the key, whoever asks.
CONFIRMATION = Fill(
    ("pending", "unknown"),
    lambda w, r, v: {"token": w.confirmation_token if v == "pending" else "no-such-token"},
)


# Another organiser's security key (allauth's pages take its number).
COLLEAGUES_KEY = Fill(
    ("other_user",), lambda w, r, v: {"pk": w.objects["webauthn", "colleague"].pk}
)


def _admin_kwargs(route: str) -> Build:
    """Real objects for the admin's URLs: the model's first row, the buyer's account. (A
    missing row would be answered by a redirect before any permission is checked.)"""

    def kwargs(world: World, role: str, variant: str) -> dict[str, Any]:
        parts = route.split("/")
        values: dict[str, Any] = {
            "id": world.users[BUYER].pk,
            "content_type_id": world.objects["content_type", "edition"].pk,
            "app_label": "conference",
            "url": "no-such-page/",
        }
        if "<path:object_id>" in parts:
            values["object_id"] = world.current.pk
            if len(parts) > 3 and parts[1] != "r":
                model = apps.get_model(parts[1], parts[2])
                first = model._default_manager.order_by("pk").first()
                if first is None:
                    raise LookupError(f"{route}: add a {model.__name__} to the world (world.py)")
                values["object_id"] = first.pk
        return values

    return kwargs


def admin(route: str) -> Fill:
    return Fill((NONE,), _admin_kwargs(route))


def values(**kwargs: Any) -> Fill:
    """Fixed values, the same for every role (tokens of allauth's mails, a rule kind...)."""
    return Fill((NONE,), lambda w, r, v: dict(kwargs))


def edition_and(**extra: Any) -> Fill:
    """The edition in the URL (current or previous) and fixed values."""
    return Fill((OWN, OTHER_EDITION), lambda w, r, v: {"edition": w.edition_slug(v), **extra})


def day_meeting() -> Fill:
    """A meeting to mark on the day: A's with B (the negotiators' own), C's with G, or one of
    the previous edition, always through the current edition's address."""

    def kwargs(world: World, role: str, variant: str) -> dict[str, Any]:
        from fairmatch.scheduling.models import Meeting

        letter = {OWN: "A", OTHER_ENTERPRISE: "C", OTHER_EDITION: "D"}[variant]
        participation = world.parties[letter].participation
        meeting = Meeting.objects.filter(first=participation).first() or Meeting.objects.get(
            second=participation
        )
        return {"edition": world.current.slug, "pk": meeting.pk}

    return Fill((OWN, OTHER_ENTERPRISE, OTHER_EDITION), kwargs)


# An exhibitor's lead: E's own, or another exhibitor's (G's), in the current edition.
LEAD = Fill(
    (OWN, OTHER_ENTERPRISE),
    lambda w, r, v: {"edition": w.current.slug, "pk": w.objects["lead", v].pk},
)


def intention(**extra: Any) -> Fill:
    """An intention through the current edition's address: B's with A (the role's own
    where the role is a party), G's with C, or F's with D of the previous edition."""
    return Fill(
        (OWN, OTHER_ENTERPRISE, OTHER_EDITION),
        lambda w, r, v: {"edition": w.current.slug, "pk": w.objects["intention", v].pk, **extra},
    )


# An e-mailed follow-up link: the token is the key, whoever asks.
FOLLOW_UP = Fill(
    ("pending", "unknown"),
    lambda w, r, v: {"token": w.follow_up_token if v == "pending" else "no-such-token"},
)


# The API's participation: the role's own (the buyer's where it has none), C's, or D's of
# the previous edition, always through the current edition's address.
API_PARTICIPATION = Fill(
    (OWN, OTHER_ENTERPRISE, OTHER_EDITION),
    lambda w, r, v: {"edition": w.current.slug, "pk": _party(w, r, v).participation.pk},
)


def api_request() -> Fill:
    """A meeting request to answer through the API: the one sent to the role (the buyer's
    where the role received none), G's to C, or one of the previous edition."""
    answer = answer_request("")

    def kwargs(world: World, role: str, variant: str) -> dict[str, Any]:
        found = answer.kwargs(world, role, variant)
        return {"edition": found["edition"], "pk": found["pk"]}

    return Fill(answer.variants, kwargs)


# Another organiser's API token.
COLLEAGUES_TOKEN = Fill(
    ("other_user",), lambda w, r, v: {"pk": w.objects["api_token", "colleague"].pk}
)


# A person at a booth, through the current edition's address: E's own, G's (another
# exhibitor), or F's of the previous edition.
BOOTH_STAFF = Fill(
    (OWN, OTHER_ENTERPRISE, OTHER_EDITION),
    lambda w, r, v: {"edition": w.current.slug, "pk": w.objects["booth_staff", v].pk},
)
