"""Signed intentions: one party records, the other confirms or disputes; the organiser may
enter one signed at a ceremony.

Transitions follow one table (``ALLOWED``). Each answer takes the intention's row lock
(``select_for_update``) before reading its state, so two answers at once leave exactly one.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from babel.numbers import list_currencies
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import CooperationKind, Edition, Field
from fairmatch.conference.money import to_usd
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Participation
from fairmatch.outcomes.domain.held import meeting_was_held
from fairmatch.outcomes.models import Intention, IntentionForm, IntentionSource, IntentionState
from fairmatch.scheduling.domain.agendas import own_participation
from fairmatch.scheduling.models import Meeting

# An intention starts to count: the other party confirmed it, or the organiser entered it
# at a ceremony (after commit; webhooks listen).
intention_confirmed = Signal()  # sender=Intention, intention

# Above this many US dollars an amount is a typing error, not a deal (the largest single
# intentions at such conferences are in the hundreds of millions).
ABSURD_USD = Decimal("10000000000")
# For a currency without a rate: the same cap on the amount in its own units.
ABSURD_UNITS = Decimal("1000000000000")
DOCUMENT_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

ALLOWED: dict[str, tuple[str, ...]] = {
    IntentionState.RECORDED: (IntentionState.CONFIRMED, IntentionState.DISPUTED),
    IntentionState.CONFIRMED: (),
    IntentionState.DISPUTED: (),
}


class IntentionError(Exception):
    """The intention cannot be recorded or answered; the message says why."""


@dataclass(frozen=True)
class Terms:
    """What the intention says: its form, kind, field, value and expected start."""

    form: str
    kind: CooperationKind
    field: Field
    amount: Decimal
    currency: str
    expected_start: date | None = None


def known_currencies() -> set[str]:
    """ISO 4217 codes in use (from the Unicode CLDR data Babel ships)."""
    return set(list_currencies())


def check_terms(*, edition: Edition, terms: Terms) -> None:
    """Refuse an unknown form or currency, a zero, negative or absurd amount."""
    if terms.form not in IntentionForm.values:
        raise IntentionError(_("Choose the form of the intention."))
    currency = terms.currency.upper()
    if currency not in known_currencies():
        raise IntentionError(
            _("%(currency)s is not a currency code (ISO 4217, e.g. USD, EUR, CNY).")
            % {"currency": terms.currency}
        )
    if terms.amount <= 0:
        raise IntentionError(_("The amount must be more than zero."))
    usd = to_usd(terms.amount, currency, exchange_rates(edition))
    too_much = usd > ABSURD_USD if usd is not None else terms.amount > ABSURD_UNITS
    if too_much:
        raise IntentionError(
            _("%(amount)s %(currency)s is more than any single deal; check the amount.")
            % {"amount": f"{terms.amount:,.2f}", "currency": currency}
        )


def check_document(document: UploadedFile | None) -> None:
    """Only PDF or image scans up to 10 MB, with a matching name and content."""
    if document is None:
        return
    name = (document.name or "").lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension not in DOCUMENT_TYPES:
        raise IntentionError(_("The document must be a PDF, JPEG or PNG file."))
    if document.size is not None and document.size > DOCUMENT_MAX_BYTES:
        raise IntentionError(_("The document is larger than 10 MB."))
    head = document.read(8)
    document.seek(0)
    signatures = {
        "application/pdf": (b"%PDF",),
        "image/jpeg": (b"\xff\xd8\xff",),
        "image/png": (b"\x89PNG",),
    }
    if not head.startswith(signatures[DOCUMENT_TYPES[extension]]):
        raise IntentionError(_("The document's content does not match its type."))


def other_party(meeting: Meeting, participation: Participation) -> Participation:
    if participation.pk == meeting.first_id:
        return meeting.second
    if participation.pk == meeting.second_id:
        return meeting.first
    raise IntentionError(_("Only the two parties of a meeting can record an intention on it."))


def record_intention(
    *,
    meeting: Meeting,
    participation: Participation,
    user: Any,
    terms: Terms,
    document: UploadedFile | None = None,
) -> Intention:
    """One party records an intention signed at a meeting that took place.

    Side effects, in order: the intention is stored (waiting for the other party), the
    document is saved under MEDIA_ROOT.
    """
    counterpart = other_party(meeting, participation)
    if not meeting_was_held(meeting):
        raise IntentionError(
            _("This meeting has not taken place; an intention can only follow a held meeting.")
        )
    check_terms(edition=meeting.edition, terms=terms)
    check_document(document)
    intention = Intention(
        edition_id=meeting.edition_id,
        meeting=meeting,
        recorder=participation,
        counterpart=counterpart,
        source=IntentionSource.PARTY,
        form=terms.form,
        kind=terms.kind,
        field=terms.field,
        amount=terms.amount,
        currency=terms.currency.upper(),
        expected_start=terms.expected_start,
        recorded_by=user if getattr(user, "pk", None) else None,
    )
    if document is not None:
        intention.document = document
    intention.save()
    return intention


def enter_at_ceremony(
    *,
    edition: Edition,
    first: Participation,
    second: Participation,
    user: Any,
    terms: Terms,
    meeting: Meeting | None = None,
    note: str = "",
) -> Intention:
    """The organiser enters an intention signed on stage: it counts at once, and is audited.

    Side effects, in order: the intention is stored as confirmed, the action is audited,
    and after commit ``intention_confirmed`` is sent.
    """
    if first.edition_id != edition.pk or second.edition_id != edition.pk:
        raise IntentionError(_("Both parties must take part in this edition."))
    if first.pk == second.pk:
        raise IntentionError(_("An intention needs two different parties."))
    check_terms(edition=edition, terms=terms)
    now = timezone.now()
    with transaction.atomic():
        intention = Intention.objects.create(
            edition=edition,
            meeting=meeting,
            recorder=first,
            counterpart=second,
            source=IntentionSource.CEREMONY,
            form=terms.form,
            kind=terms.kind,
            field=terms.field,
            amount=terms.amount,
            currency=terms.currency.upper(),
            expected_start=terms.expected_start,
            state=IntentionState.CONFIRMED,
            recorded_by=user if getattr(user, "pk", None) else None,
            answered_by=user if getattr(user, "pk", None) else None,
            answered_at=now,
        )
        record_action(
            actor=user,
            action="intention.entered_at_ceremony",
            target=intention,
            note=note,
            data={"amount": str(intention.amount), "currency": intention.currency},
        )
        _announce_on_commit(intention)
    return intention


def _announce_on_commit(intention: Intention) -> None:
    transaction.on_commit(lambda: intention_confirmed.send(sender=Intention, intention=intention))


def _answer(
    *, intention: Intention, participation: Participation, user: Any, to_state: str, reason: str
) -> Intention:
    with transaction.atomic():
        locked = Intention.objects.select_for_update().get(pk=intention.pk)
        if participation.pk != locked.counterpart_id:
            raise IntentionError(_("Only the other party can confirm or dispute this intention."))
        if to_state not in ALLOWED[locked.state]:
            raise IntentionError(
                _("This intention is already %(state)s.") % {"state": locked.get_state_display()}
            )
        locked.state = to_state
        locked.answered_by = user if getattr(user, "pk", None) else None
        locked.answered_at = timezone.now()
        locked.dispute_reason = reason
        locked.save(update_fields=["state", "answered_by", "answered_at", "dispute_reason"])
        if to_state == IntentionState.CONFIRMED:
            _announce_on_commit(locked)
    for name in ("state", "answered_by", "answered_at", "dispute_reason"):
        setattr(intention, name, getattr(locked, name))
    return intention


def confirm_intention(
    *, intention: Intention, participation: Participation, user: Any
) -> Intention:
    """The other party confirms: from now on the intention counts.

    Side effects, in order: the state is stored, and after commit ``intention_confirmed``
    is sent."""
    return _answer(
        intention=intention,
        participation=participation,
        user=user,
        to_state=IntentionState.CONFIRMED,
        reason="",
    )


def dispute_intention(
    *, intention: Intention, participation: Participation, user: Any, reason: str
) -> Intention:
    """The other party disputes, saying why: the intention never counts."""
    if not reason.strip():
        raise IntentionError(_("Say what is wrong with the intention."))
    return _answer(
        intention=intention,
        participation=participation,
        user=user,
        to_state=IntentionState.DISPUTED,
        reason=reason.strip(),
    )


def party_participation(*, user: Any, edition: Edition) -> Participation | None:
    """The participation whose intentions the user sees and answers: its enterprise's in the
    edition (the one decision for the participant's intentions page and the API)."""
    return own_participation(user=user, edition=edition)


def intentions_of(participation: Participation) -> QuerySet[Intention]:
    """The intentions the participation is a party to (never anyone else's)."""
    return (
        Intention.objects.filter(Q(recorder=participation) | Q(counterpart=participation))
        .select_related("recorder__enterprise", "counterpart__enterprise", "kind", "field")
        .order_by("-recorded_at", "-pk")
    )


def held_meetings_of(participation: Participation) -> list[Meeting]:
    """The participation's meetings that took place, earliest first."""
    meetings = (
        Meeting.objects.filter(Q(first=participation) | Q(second=participation))
        .select_related("slot", "first__enterprise", "second__enterprise", "edition")
        .order_by("slot__starts_at", "pk")
    )
    return [meeting for meeting in meetings if meeting_was_held(meeting)]
