"""The demo's outcomes: the previous edition's signed intentions (about USD 260 million, the
reference event's announced figure) with their follow-up; on the current edition, a
simulated negotiation day with intentions on some meetings, and one press snapshot.

Drawn from the seed, so the same seed gives the same outcomes. Bulk-written where the
domain's one-by-one checks add nothing (rows of a finished edition); the current edition's
intentions go through the domain functions.
"""

import random
import time
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from fairmatch.accounts.models import User
from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import CooperationKind, Edition, Field
from fairmatch.demo.generator import LOGIN_EMAILS, QUIET_SETTINGS
from fairmatch.enterprises.models import Enterprise, State
from fairmatch.outcomes.domain import intentions
from fairmatch.outcomes.models import (
    FollowUp,
    FollowUpOutcome,
    Intention,
    IntentionForm,
    IntentionSource,
    IntentionState,
)
from fairmatch.reports.press import freeze_snapshot
from fairmatch.scheduling.models import Meeting, MeetingState

PREVIOUS_TOTAL_USD = Decimal("260000000")
PREVIOUS_INTENTIONS = 48
CEREMONY_SIGNINGS = 8  # the largest, entered by the organiser on stage
CURRENT_INTENTIONS = 24
# Kinds' shares of the previous edition's value: outsourcing, investment, overseas markets.
KIND_WEIGHTS = {"outsourcing": 0.55, "investment": 0.3, "overseas_markets": 0.15}
WHY_NOT = (
    "Budget moved to the next financial year.",
    "The client chose an in-house team.",
    "Certification took longer than planned.",
)


@dataclass(frozen=True)
class OutcomesResult:
    previous_total_usd: Decimal
    previous_confirmed: int
    current_recorded: int
    current_confirmed: int
    seconds: float


def _amounts(rng: random.Random, count: int, total: Decimal) -> list[Decimal]:
    """``count`` amounts in US dollars, large ones first, adding up to ``total`` exactly."""
    weights = sorted((rng.paretovariate(1.3) for _ in range(count)), reverse=True)
    scale = total / Decimal(str(sum(weights)))
    amounts = [(Decimal(str(w)) * scale).quantize(Decimal("10000"), ROUND_HALF_UP) for w in weights]
    amounts[0] += total - sum(amounts)
    return amounts


def _previous_edition(
    rng: random.Random, previous: Edition, organiser: User
) -> tuple[Decimal, int]:
    kinds = {kind.code: kind for kind in CooperationKind.objects.all()}
    fields = list(Field.objects.all())
    confirmed = previous.participations.filter(state=State.CONFIRMED, is_negotiator=True)
    buyers = list(confirmed.exclude(enterprise__country="CN").select_related("enterprise"))
    providers = list(
        confirmed.filter(enterprise__kind__in=[Enterprise.Kind.PROVIDER, Enterprise.Kind.BOTH])
        .filter(enterprise__country="CN")
        .select_related("enterprise")
    )
    rates = exchange_rates(previous)
    amounts = _amounts(rng, PREVIOUS_INTENTIONS, PREVIOUS_TOTAL_USD)
    kind_codes = [code for code in KIND_WEIGHTS if code in kinds]
    rows, total = [], Decimal(0)
    for index, usd in enumerate(amounts):
        buyer, provider = rng.choice(buyers), rng.choice(providers)
        kind = kinds[rng.choices(kind_codes, [KIND_WEIGHTS[c] for c in kind_codes])[0]]
        currency = "EUR" if buyer.enterprise.country in {"DE", "FR", "IT", "NL", "ES"} else "USD"
        amount = usd if currency == "USD" else (usd / rates["EUR"]).quantize(Decimal("1000"))
        terms = intentions.Terms(
            form=IntentionForm.CONTRACT if usd > 10_000_000 else IntentionForm.MEMORANDUM,
            kind=kind,
            field=rng.choice(fields),
            amount=amount,
            currency=currency,
            expected_start=previous.end_date + timedelta(days=rng.randrange(60, 300)),
        )
        total += amount * rates[currency]
        if index < CEREMONY_SIGNINGS:
            intentions.enter_at_ceremony(
                edition=previous,
                first=buyer,
                second=provider,
                user=organiser,
                terms=terms,
                note="Signing ceremony, opening day",
            )
            continue
        rows.append(
            Intention(
                edition=previous,
                recorder=buyer if index % 2 else provider,
                counterpart=provider if index % 2 else buyer,
                source=IntentionSource.PARTY,
                form=terms.form,
                kind=terms.kind,
                field=terms.field,
                amount=terms.amount,
                currency=terms.currency,
                expected_start=terms.expected_start,
                state=IntentionState.CONFIRMED,
                answered_at=timezone.now(),
            )
        )
    Intention.objects.bulk_create(rows)
    # The follow-up, months later: most answered, most deals went ahead.
    deadline = timezone.now() - timedelta(days=30)
    follow_ups = []
    for index, intention in enumerate(Intention.objects.filter(edition=previous).order_by("pk")):
        follow_up = FollowUp(
            intention=intention, token=f"demo-{rng.getrandbits(96):024x}", deadline=deadline
        )
        draw = rng.random()
        if draw < 0.55:
            follow_up.outcome = FollowUpOutcome.WENT_AHEAD
            follow_up.value = (intention.amount * Decimal(rng.uniform(0.7, 1.1))).quantize(
                Decimal("1000")
            )
            follow_up.currency = intention.currency
        elif draw < 0.7:
            follow_up.outcome = FollowUpOutcome.NOT_YET
        elif draw < 0.85:
            follow_up.outcome = FollowUpOutcome.ABANDONED
            follow_up.reason = WHY_NOT[index % len(WHY_NOT)]
        if follow_up.outcome:
            follow_up.answered_at = deadline - timedelta(days=rng.randrange(1, 20))
        follow_ups.append(follow_up)
    FollowUp.objects.bulk_create(follow_ups)
    return total, PREVIOUS_INTENTIONS


def _current_edition(rng: random.Random, current: Edition, organiser: User) -> tuple[int, int]:
    """Intentions on some of the current edition's meetings, as after a simulated day.

    The meetings chosen are marked held (the on-site app's held/missed record replaces
    this once it simulates the day itself).
    """
    kinds = list(CooperationKind.objects.all())
    fields = list(Field.objects.all())
    placed = list(
        Meeting.objects.filter(edition=current, slot__isnull=False)
        .select_related(
            "edition", "first__enterprise", "second__enterprise", "slot", "request__demand__field"
        )
        .order_by("slot__starts_at", "pk")
    )
    chosen = rng.sample(placed, min(CURRENT_INTENTIONS, len(placed)))
    Meeting.objects.filter(pk__in=[m.pk for m in chosen]).update(state=MeetingState.HELD)
    confirmed = 0
    for index, meeting in enumerate(chosen):
        meeting.state = MeetingState.HELD
        recorder = meeting.first if index % 2 else meeting.second
        intention = intentions.record_intention(
            meeting=meeting,
            participation=recorder,
            user=None,
            terms=intentions.Terms(
                form=rng.choice(IntentionForm.values),
                kind=rng.choice(kinds),
                # The field of the demand negotiated, where the request named one.
                field=(
                    meeting.request.demand.field
                    if meeting.request.demand_id
                    else rng.choice(fields)
                ),
                amount=Decimal(rng.randrange(200, 12000) * 1000),
                currency="USD",
                expected_start=current.end_date + timedelta(days=rng.randrange(30, 240)),
            ),
        )
        other = meeting.second if recorder.pk == meeting.first_id else meeting.first
        if index % 6 == 5:
            intentions.dispute_intention(
                intention=intention, participation=other, user=None, reason="The amount is wrong."
            )
        elif index % 4 != 3:
            intentions.confirm_intention(intention=intention, participation=other, user=None)
            confirmed += 1
    recorded = len(chosen) + _waiting_for_the_demo_buyer(rng, current, placed, chosen)
    freeze_snapshot(edition=current, user=organiser, title="Press conference, opening day")
    return recorded, confirmed


def _waiting_for_the_demo_buyer(
    rng: random.Random, current: Edition, placed: list[Meeting], chosen: list[Meeting]
) -> int:
    """An intention the demo buyer's counterpart recorded, waiting for the buyer to confirm
    (so that logging in as the buyer shows the step)."""
    buyer = User.objects.filter(email=LOGIN_EMAILS["buyer"]).first()
    if buyer is None or buyer.enterprise_id is None:
        return 0
    taken = {meeting.pk for meeting in chosen}
    mine = [
        m
        for m in placed
        if m.pk not in taken
        and buyer.enterprise_id in (m.first.enterprise_id, m.second.enterprise_id)
    ]
    if not mine:
        return 0
    meeting = mine[0]
    Meeting.objects.filter(pk=meeting.pk).update(state=MeetingState.HELD)
    meeting.state = MeetingState.HELD
    other = meeting.second if meeting.first.enterprise_id == buyer.enterprise_id else meeting.first
    intentions.record_intention(
        meeting=meeting,
        participation=other,
        user=None,
        terms=intentions.Terms(
            form=IntentionForm.LETTER_OF_INTENT,
            kind=rng.choice(list(CooperationKind.objects.all())),
            field=(
                meeting.request.demand.field
                if meeting.request.demand_id
                else rng.choice(list(Field.objects.all()))
            ),
            amount=Decimal("2400000"),
            currency="USD",
            expected_start=current.end_date + timedelta(days=90),
        ),
    )
    return 1


def build_outcomes(*, current: Edition, organiser: User, seed: int) -> OutcomesResult:
    started = time.perf_counter()
    rng = random.Random(seed * 7919 + 12)
    with override_settings(**QUIET_SETTINGS), transaction.atomic():
        total, previous_count = (
            _previous_edition(rng, current.previous, organiser) if current.previous else (0, 0)
        )
        recorded, confirmed = _current_edition(rng, current, organiser)
    return OutcomesResult(
        previous_total_usd=Decimal(total),
        previous_confirmed=previous_count,
        current_recorded=recorded,
        current_confirmed=confirmed,
        seconds=time.perf_counter() - started,
    )
