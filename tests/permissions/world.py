"""The small conference the permission matrix asks about: two editions, the people of each
role, and objects of their own, of another enterprise and of another edition.

Current edition (open): buyer A, provider B and exhibitor E are the roles' enterprises;
C (buyer) and G (provider) are another enterprise pair with a meeting of their own; W waits
for confirmation with a pending confirmation request. A and B met (accepted request,
placed, published); G asked A and C asked B for a meeting (pending, to answer). Previous
edition (finished): D (buyer) and F (provider) met there, with their own grid, rule, rate,
run, release and calendar feeds.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import (
    ConfirmationRequest,
    Delegate,
    Enterprise,
    Participation,
    State,
)
from fairmatch.exhibition.models import BoothStaff, ExhibitorApplication
from fairmatch.matching.domain import requests
from fairmatch.matching.models import MatchingPolicy, MeetingRequest
from fairmatch.onsite.domain.badges import issue_badges
from fairmatch.onsite.models import Badge, BadgePrint, Lead, PressAccreditation
from fairmatch.outcomes.models import FollowUp, Intention, IntentionState
from fairmatch.reports.press import freeze_snapshot
from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.domain.feeds import feeds_for, rotate_feed
from fairmatch.scheduling.domain.grid import rebuild_slots
from fairmatch.scheduling.domain.problem import sync_meetings
from fairmatch.scheduling.models import (
    BoardAction,
    BoardActionKind,
    Meeting,
    NegotiationSession,
    NegotiationTable,
    RunStatus,
    ScheduleRun,
    Slot,
    Unavailability,
)
from fairmatch.spreadsheets.models import ImportJob
from tests.factories import (
    CapabilityFactory,
    CooperationKindFactory,
    DelegateFactory,
    DemandFactory,
    EditionFactory,
    EnterpriseFactory,
    ExchangeRateFactory,
    FieldFactory,
    OrganiserFactory,
    ParticipationFactory,
    QualificationRuleFactory,
    UserFactory,
)

PASSWORD = "correct horse battery staple"  # the factories' password

# Who asks. "staff" and "members" name groups in the expectation table (see outcomes.py).
ANONYMOUS = "anonymous"
ORGANISER = "organiser"  # organiser staff with a second factor, no admin permissions
SUPERUSER = "superuser"  # an organiser who is also a superuser (the admin's full view)
BUYER = "buyer"  # member of A, qualified buyer of the current edition
PROVIDER = "provider"  # member of B, qualified provider, A's counterpart
EXHIBITOR = "exhibitor"  # member of E, which takes a booth and does not negotiate
NO_ENTERPRISE = "no_enterprise"  # a user whose enterprise was deleted (the link is nulled)
ROLES = (ANONYMOUS, ORGANISER, SUPERUSER, BUYER, PROVIDER, EXHIBITOR, NO_ENTERPRISE)

# Whose object a URL names.
NONE = "none"  # the URL names no object
OWN = "own"  # the role's own object (the buyer's where the role has none), current edition
OTHER_ENTERPRISE = "other_enterprise"  # enterprise C's (or G's), current edition
OTHER_EDITION = "other_edition"  # an object of the previous edition (or its slug)


@dataclass
class Party:
    """An enterprise's participation in one edition, its attending delegate and a member."""

    participation: Participation
    delegate: Delegate
    member: User
    feed_token: str = ""
    confirmation_token: str = ""

    @property
    def keys(self) -> list[str]:
        """The secret addresses that open this party's pages to whoever holds them."""
        return [key for key in (self.feed_token, self.confirmation_token) if key]

    @property
    def enterprise(self) -> Enterprise:
        return self.participation.enterprise

    def contacts(self) -> dict[str, str]:
        """The delegate's contacts: for the enterprise, its organisers and, once a meeting
        between them is accepted, its counterpart."""
        return {"e-mail": self.delegate.email, "phone": self.delegate.phone}


@dataclass
class World:
    current: Edition
    previous: Edition
    users: dict[str, User | None]
    parties: dict[str, Party]  # by letter: A, B, E, C, G, W (current), D, F (previous)
    objects: dict[tuple[str, str], Any] = field(default_factory=dict)  # (kind, owner) -> obj
    replaced_feed_token: str = ""
    confirmation_token: str = ""
    follow_up_token: str = ""

    def party_of(self, role: str) -> Party:
        """The role's own party; roles without an enterprise in the edition get the buyer's."""
        return self.parties[{PROVIDER: "B", EXHIBITOR: "E"}.get(role, "A")]

    def own_request(self, role: str) -> MeetingRequest:
        """The pending request sent to the role; roles that received none get the buyer's."""
        return self.objects["request", {PROVIDER: "B"}.get(role, "A")]

    def edition_slug(self, variant: str) -> str:
        return (self.previous if variant == OTHER_EDITION else self.current).slug


def _party(
    edition: Edition, letter: str, kind: str, state: str = State.QUALIFIED, **extra: Any
) -> Party:
    enterprise = EnterpriseFactory(
        name_original=f"Enterprise {letter} {edition.slug}",
        name_en=f"Enterprise {letter} {edition.slug}",
        kind=kind,
        country="US" if kind == Enterprise.Kind.BUYER else "CN",
    )
    participation = ParticipationFactory(
        enterprise=enterprise, edition=edition, state=state, **extra
    )
    if kind == Enterprise.Kind.BUYER and participation.is_negotiator:
        DemandFactory(participation=participation)
    elif participation.is_negotiator:
        CapabilityFactory(participation=participation)
    delegate = DelegateFactory(
        participation=participation,
        email=f"delegate.{letter.lower()}.{edition.slug}@private.example",
        phone=f"+86 411 555 {ord(letter):04d}",
    )
    member = UserFactory(
        enterprise=enterprise, email=f"member.{letter.lower()}.{edition.slug}@example.com"
    )
    return Party(participation=participation, delegate=delegate, member=member)


def _grid(edition: Edition) -> None:
    NegotiationSession.objects.create(
        edition=edition,
        date=edition.start_date,
        part="morning",
        starts_at=datetime.time(9, 0),
        slot_count=3,
        slot_minutes=25,
        pause_minutes=5,
    )
    for number in (1, 2):
        NegotiationTable.objects.create(edition=edition, number=number, zone="A")
    rebuild_slots(edition)


def _meet(edition: Edition, requester: Party, recipient: Party) -> MeetingRequest:
    request = requests.send_request(
        requester=requester.participation, recipient=recipient.participation, user=None
    )
    return requests.accept_request(request=request, user=None)


def _place_and_publish(edition: Edition, organiser: User) -> None:
    sync_meetings(edition)
    table = NegotiationTable.objects.get(edition=edition, number=1)
    for index, meeting in enumerate(Meeting.objects.filter(edition=edition).order_by("pk")):
        meeting.slot = Slot.objects.get(session__edition=edition, index=index)
        meeting.table = table
        meeting.save()
    releases.publish(edition=edition, name="final", user=organiser)


def _edition_objects(world: World, edition: Edition, owner: str, organiser: User) -> None:
    """The organiser's objects of one edition: rule, rate, session, run, meeting."""
    world.objects["rule", owner] = QualificationRuleFactory(edition=edition)
    world.objects["rate", owner] = ExchangeRateFactory(
        edition=edition, currency="EUR", usd_per_unit=Decimal("1.08")
    )
    world.objects["session", owner] = NegotiationSession.objects.get(edition=edition)
    world.objects["run", owner] = ScheduleRun.objects.create(
        edition=edition, created_by=organiser, status=RunStatus.FINISHED
    )
    world.objects["meeting", owner] = Meeting.objects.filter(edition=edition).first()
    world.objects["board_action", owner] = BoardAction.objects.create(
        edition=edition, kind=BoardActionKind.UNPLACE, label="nothing to restore", restore=[]
    )


def _onsite_objects(world: World, edition: Edition, owner: str, organiser: User) -> None:
    """The day's objects of one edition: a badge, a delegate, a journalist, a print job."""
    issue_badges(edition=edition)
    world.objects["badge", owner] = Badge.objects.filter(edition=edition).first()
    world.objects["delegate", owner] = world.objects["badge", owner].delegate
    world.objects["press", owner] = PressAccreditation.objects.create(
        edition=edition, full_name="Li Hua", outlet="Daily", country="CN", email="li@press.example"
    )
    world.objects["print", owner] = BadgePrint.objects.create(
        edition=edition, layout="card", created_by=organiser
    )
    world.objects["import", owner] = ImportJob.objects.create(
        edition=edition,
        kind="rates",
        filename="rates.csv",
        content=b"Currency,Units per US dollar\n",
        status="previewed",
        created_by=organiser,
    )


def _api_objects(world: World, edition: Edition, owner: str, organiser: User) -> None:
    """The API's objects of one edition: a webhook and one of its deliveries."""
    from fairmatch.api.models import WebhookDelivery, WebhookEndpoint

    endpoint = WebhookEndpoint.objects.create(
        edition=edition,
        url="https://hooks.example/fairmatch",
        events=["schedule.published"],
        secret="s" * 64,
        created_by=organiser,
    )
    world.objects["webhook", owner] = endpoint
    world.objects["delivery", owner] = WebhookDelivery.objects.create(
        endpoint=endpoint, event="schedule.published", payload={"event": "schedule.published"}
    )


def _floor_plan_objects(world: World, edition: Edition, owner: str) -> None:
    """The floor plan of one edition: a hall, a booth; the current edition's plan published."""
    from fairmatch.exhibition.domain.releases import freeze, frozen_booth
    from fairmatch.exhibition.models import Booth, Hall, PlanRelease, Zone

    hall = Hall.objects.create(
        edition=edition, code="H1", name_en="Hall 1", width=Decimal(30), depth=Decimal(20)
    )
    booth = Booth.objects.create(hall=hall, code="A1", x=0, y=0, width=Decimal(3), depth=Decimal(3))
    world.objects["hall", owner] = hall
    world.objects["booth", owner] = booth
    world.objects["zone", owner] = Zone.objects.create(hall=hall, name_en="Pavilion")
    if owner == OWN:
        release = PlanRelease.objects.create(edition=edition, number=1)
        freeze(release, [hall], [frozen_booth(booth, None)])


def _exhibitor_objects(world: World) -> None:
    """Exhibition parts with booth staff: E's (own), G's (another exhibitor), F's (previous
    edition). Each person at a booth has the party's private contacts, so a page showing
    another exhibitor's staff is caught as a leak."""
    p = world.parties
    f = p["F"].participation
    f.is_exhibitor = True
    f.save()
    for letter, variant in (("E", OWN), ("G", OTHER_ENTERPRISE), ("F", OTHER_EDITION)):
        party = p[letter]
        application = ExhibitorApplication.objects.create(
            participation=party.participation,
            min_area=Decimal("9"),
            max_area=Decimal("18"),
            products=f"Products of {letter}",
            products_language="en",
        )
        world.objects["exhibitor", variant] = party.participation
        world.objects["booth_staff", variant] = BoothStaff.objects.create(
            application=application,
            full_name=f"Staff of {letter}",
            email=party.delegate.email,
            phone=party.delegate.phone,
        )


def build_world() -> World:
    previous = EditionFactory(
        slug="previous-edition",
        status=Edition.Status.FINISHED,
        start_date=datetime.date(2026, 6, 15),
        end_date=datetime.date(2026, 6, 16),
    )
    current = EditionFactory(slug="current-edition", previous=previous)
    for edition in (current, previous):
        MatchingPolicy.objects.create(edition=edition, meetings_per_participant=10)
        _grid(edition)

    organiser = OrganiserFactory(email="organiser@example.com")
    users: dict[str, User | None] = {
        ANONYMOUS: None,
        ORGANISER: organiser,
        SUPERUSER: OrganiserFactory(email="root@example.com", is_superuser=True),
        NO_ENTERPRISE: UserFactory(email="nobody@example.com", enterprise=None),
    }
    buyer, provider = Enterprise.Kind.BUYER, Enterprise.Kind.PROVIDER
    parties = {
        "A": _party(current, "A", buyer),
        "B": _party(current, "B", provider),
        "E": _party(current, "E", buyer, is_negotiator=False, is_exhibitor=True),
        "C": _party(current, "C", buyer, state=State.CONFIRMED),
        "G": _party(current, "G", provider),
        "W": _party(current, "W", provider, state=State.WAITING_CONFIRMATION),
        "D": _party(previous, "D", buyer, state=State.CONFIRMED),
        "F": _party(previous, "F", provider, state=State.CONFIRMED),
    }
    users[BUYER] = parties["A"].member
    users[PROVIDER] = parties["B"].member
    users[EXHIBITOR] = parties["E"].member
    world = World(current=current, previous=previous, users=users, parties=parties)

    # Meetings: A with B, C with G (current); D with F (previous). Pending, to answer:
    # G asked A, C asked B.
    _meet(current, parties["B"], parties["A"])
    _meet(current, parties["G"], parties["C"])
    _meet(previous, parties["F"], parties["D"])
    p = parties
    world.objects["request", "A"] = requests.send_request(
        requester=p["G"].participation, recipient=p["A"].participation, user=None
    )
    world.objects["request", "B"] = requests.send_request(
        requester=p["C"].participation, recipient=p["B"].participation, user=None
    )
    world.objects["request", "C"] = MeetingRequest.objects.get(
        requester=p["G"].participation, recipient=p["C"].participation
    )
    world.objects["request", OTHER_EDITION] = MeetingRequest.objects.get(edition=previous)
    for edition in (current, previous):
        _place_and_publish(edition, organiser)
    _edition_objects(world, current, OWN, organiser)
    _edition_objects(world, previous, OTHER_EDITION, organiser)
    _onsite_objects(world, current, OWN, organiser)
    _onsite_objects(world, previous, OTHER_EDITION, organiser)
    _api_objects(world, current, OWN, organiser)
    _api_objects(world, previous, OTHER_EDITION, organiser)
    _floor_plan_objects(world, current, OWN)
    _floor_plan_objects(world, previous, OTHER_EDITION)
    # Exhibitor E's lead (C's badge) and one of another exhibitor (G's, of A's badge).
    g = p["G"].participation
    g.is_exhibitor = True
    g.save()
    e_party = p["E"].participation
    world.objects["lead", OWN] = Lead.objects.create(
        exhibitor=e_party, badge=p["C"].delegate.badge, note="met at booth"
    )
    world.objects["lead", OTHER_ENTERPRISE] = Lead.objects.create(
        exhibitor=g, badge=p["A"].delegate.badge
    )

    _exhibitor_objects(world)

    for party in parties.values():
        ((_delegate, feed),) = feeds_for([party.delegate])
        party.feed_token = feed.token
    stale = DelegateFactory(participation=p["A"].participation, email="stale@private.example")
    ((_delegate, old_feed),) = feeds_for([stale])
    world.replaced_feed_token = old_feed.token
    rotate_feed(delegate=stale, user=None)

    slot = Slot.objects.filter(session__edition=current).first()
    for letter in ("A", "C"):
        Unavailability.objects.create(participation=p[letter].participation, slot=slot)

    world.confirmation_token = "pending-confirmation-token-for-w"
    p["W"].confirmation_token = world.confirmation_token
    ConfirmationRequest.objects.create(
        participation=p["W"].participation, token=world.confirmation_token, sent_by=organiser
    )
    # Another organiser's security key: nobody else may see, rename or remove it.
    colleague = OrganiserFactory(email="colleague@example.com")
    world.objects["webauthn", "colleague"] = Authenticator.objects.create(
        user=colleague,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "Colleague's key", "credential": {}},
    )
    from fairmatch.api.domain.tokens import issue_token

    world.objects["api_token", "colleague"] = issue_token(
        user=colleague, name="Colleague's token", edition=current
    ).token
    world.objects["content_type", "edition"] = ContentType.objects.get_for_model(Edition)
    # A row for each admin page that names one (a missing row redirects before any check).
    Group.objects.create(name="Programme committee")
    DBTaskResult.objects.create(
        task_path="fairmatch.matching.domain.tasks.recommendations_task",
        args_kwargs={"args": [current.pk], "kwargs": {}},
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    _outcomes(world, organiser)
    _allocation_objects(world, organiser)
    return world


def _outcomes(world: World, organiser: User) -> None:
    """Intentions (B recorded one with A, G with C, F with D of the previous edition, each
    with its signed document but F's), a pending follow-up on F's, and a press snapshot of
    each edition."""
    kind = CooperationKindFactory()
    field_ = FieldFactory()
    pairs = {OWN: ("B", "A"), OTHER_ENTERPRISE: ("G", "C"), OTHER_EDITION: ("F", "D")}
    for variant, (recorder, counterpart) in pairs.items():
        intention = Intention(
            edition=world.parties[recorder].participation.edition,
            recorder=world.parties[recorder].participation,
            counterpart=world.parties[counterpart].participation,
            form="mou",
            kind=kind,
            field=field_,
            amount=Decimal("1500000"),
            currency="USD",
            state=IntentionState.CONFIRMED if variant == OTHER_EDITION else "recorded",
        )
        if variant != OTHER_EDITION:
            intention.document.save(f"{variant}.pdf", ContentFile(b"%PDF-1.4 scan"), save=False)
        intention.save()
        world.objects["intention", variant] = intention
    world.follow_up_token = "pending-follow-up-token"
    FollowUp.objects.create(
        intention=world.objects["intention", OTHER_EDITION],
        token=world.follow_up_token,
        deadline=timezone.now() + datetime.timedelta(days=30),
    )
    world.objects["snapshot", OWN] = freeze_snapshot(edition=world.current, user=organiser)
    world.objects["snapshot", OTHER_EDITION] = freeze_snapshot(
        edition=world.previous, user=organiser
    )


def _allocation_objects(world: World, organiser: User) -> None:
    """The booth allocation's objects of each edition: a hall with a booth, and a finished
    allocation run (with nothing to apply)."""
    from fairmatch.exhibition.models import AllocationRun, AllocationStatus, Booth, Hall

    for edition, variant in ((world.current, OWN), (world.previous, OTHER_EDITION)):
        hall = Hall.objects.create(
            edition=edition, code="P", name_en="Pavilion", width=Decimal(30), depth=Decimal(20)
        )
        world.objects["allocation_booth", variant] = Booth.objects.create(
            hall=hall, code="1", x=0, y=0, width=Decimal(3), depth=Decimal(3)
        )
        world.objects["allocation_run", variant] = AllocationRun.objects.create(
            edition=edition, created_by=organiser, status=AllocationStatus.FINISHED
        )
