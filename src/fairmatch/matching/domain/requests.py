"""Meeting requests: send, accept, decline, cancel, mutual interest, organiser-arranged.

Locking rule: every function that can change how many requests or meetings a participant
has locks the participation rows involved (``select_for_update``), always in ascending
primary-key order, inside one transaction; counts are taken after the locks. So two
acceptances at once can never exceed a participant's meeting limit.

Each function checks everything first and changes nothing when it refuses
(``RequestError`` with a message for the user). Side effects after commit: e-mail to the
other side (``request_changed`` signal).
"""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Demand, Participation, State
from fairmatch.matching.models import (
    MatchingPolicy,
    MeetingRequest,
    RequestState,
    Wish,
    WishLevel,
)
from fairmatch.matching.models.requests import ACTIVE_STATES

MEETING_STATES = (State.QUALIFIED, State.CONFIRMED)

request_changed = Signal()  # sender=MeetingRequest, request, event ("sent", "accepted", ...)


class RequestError(Exception):
    """The request cannot be made or changed; the message tells the user why."""


def policy_for(edition: Any) -> MatchingPolicy:
    policy, _created = MatchingPolicy.objects.get_or_create(edition=edition)
    return policy


def _lock(*participations: Participation) -> None:
    """Lock the participations' rows in a fixed order (ascending pk) to avoid deadlocks."""
    pks = sorted({p.pk for p in participations})
    list(Participation.objects.select_for_update().filter(pk__in=pks).order_by("pk"))


def _active_between(first: Participation, second: Participation) -> MeetingRequest | None:
    return (
        MeetingRequest.objects.filter(state__in=ACTIVE_STATES)
        .filter(Q(requester=first, recipient=second) | Q(requester=second, recipient=first))
        .first()
    )


def accepted_meetings(participation: Participation) -> int:
    return MeetingRequest.objects.filter(
        Q(requester=participation) | Q(recipient=participation), state=RequestState.ACCEPTED
    ).count()


def requests_used(participation: Participation) -> int:
    """Requests counting against the quota: sent by the participant itself and still active."""
    return MeetingRequest.objects.filter(
        requester=participation, state__in=ACTIVE_STATES, arranged_by__isnull=True
    ).count()


def _check_may_meet(
    *, requester: Participation, recipient: Participation, policy: MatchingPolicy
) -> None:
    if requester.pk == recipient.pk:
        raise RequestError(_("You cannot ask for a meeting with your own enterprise."))
    if requester.edition_id != recipient.edition_id:
        raise RequestError(_("Meetings are only possible within one edition."))
    if requester.state not in MEETING_STATES:
        raise RequestError(_("Your application must be qualified before you can ask for meetings."))
    if recipient.state not in MEETING_STATES:
        raise RequestError(_("This participant is not qualified for the negotiations."))
    if not (requester.is_negotiator and recipient.is_negotiator):
        raise RequestError(_("Only participants of the negotiations can meet."))
    if not policy.may_meet(set(requester.roles), set(recipient.roles)):
        raise RequestError(
            _("The rules of this edition do not allow meetings between these roles.")
        )


def _check_capacity(participation: Participation, policy: MatchingPolicy, *, mine: bool) -> None:
    if accepted_meetings(participation) >= policy.meetings_per_participant:
        raise RequestError(
            _("You already have the most meetings possible (%(limit)d).")
            % {"limit": policy.meetings_per_participant}
            if mine
            else _("%(name)s already has the most meetings possible.")
            % {"name": participation.enterprise.display_name}
        )


def _after_commit(request: MeetingRequest, event: str) -> None:
    transaction.on_commit(
        lambda: request_changed.send(sender=MeetingRequest, request=request, event=event)
    )


@transaction.atomic
def send_request(
    *,
    requester: Participation,
    recipient: Participation,
    user: Any,
    demand: Demand | None = None,
    message: str = "",
    priority: int = 2,
    at_booth: bool = False,
) -> MeetingRequest:
    """Ask ``recipient`` for a meeting; when it already asked us, both agree: accept that one.

    ``at_booth`` asks to meet at the exhibitor's booth (one of the two must accept meetings
    at its booth); the recipient agrees to it by accepting the request."""
    policy = policy_for(requester.edition)
    _check_may_meet(requester=requester, recipient=recipient, policy=policy)
    if policy.request_deadline and timezone.now() > policy.request_deadline:
        raise RequestError(
            _("Meeting requests closed on %(deadline)s.")
            % {"deadline": timezone.localtime(policy.request_deadline).strftime("%Y-%m-%d %H:%M")}
        )
    if demand is not None and demand.participation_id not in (requester.pk, recipient.pk):
        raise RequestError(_("The demand must belong to one of the two enterprises."))
    if priority not in (1, 2, 3):
        raise RequestError(_("The priority must be 1, 2 or 3."))
    if at_booth and not meets_at_booth(requester, recipient):
        raise RequestError(_("Neither of you takes meetings at an exhibition booth."))
    _lock(requester, recipient)
    if Wish.objects.filter(wisher=recipient, target=requester, level=WishLevel.NO_THANKS).exists():
        raise RequestError(_("This participant does not take meeting requests from you."))
    existing = _active_between(requester, recipient)
    if existing is not None:
        if existing.state == RequestState.PENDING and existing.recipient_id == requester.pk:
            return _accept_locked(request=existing, policy=policy, event="mutual")
        raise RequestError(_("There is already a request between your enterprises."))
    if requests_used(requester) >= policy.quota_for(requester.roles[0]):
        raise RequestError(
            _("You have used all %(quota)d of your meeting requests.")
            % {"quota": policy.quota_for(requester.roles[0])}
        )
    request = MeetingRequest.objects.create(
        edition=requester.edition,
        requester=requester,
        recipient=recipient,
        demand=demand,
        message=message,
        priority=priority,
        at_booth=at_booth,
    )
    _after_commit(request, "sent")
    return request


def takes_booth_meetings(participation: Participation) -> bool:
    """Whether the participation exhibits and accepts negotiations at its booth (read
    through the exhibition's one-to-one relation, which this app does not import)."""
    if not participation.is_exhibitor:
        return False
    try:
        application = participation.exhibitor_application  # type: ignore[attr-defined]
    except ObjectDoesNotExist:
        return False
    return bool(application.meetings_at_booth)


def meets_at_booth(first: Participation, second: Participation) -> bool:
    """Whether a meeting of the two may take place at one of their booths."""
    return takes_booth_meetings(first) or takes_booth_meetings(second)


def _accept_locked(
    *, request: MeetingRequest, policy: MatchingPolicy, event: str
) -> MeetingRequest:
    _check_capacity(request.recipient, policy, mine=True)
    _check_capacity(request.requester, policy, mine=False)
    request.state = RequestState.ACCEPTED
    request.answered_at = timezone.now()
    request.save(update_fields=["state", "answered_at"])
    _after_commit(request, event)
    return request


def _locked_request(request: MeetingRequest) -> MeetingRequest:
    _lock(request.requester, request.recipient)
    return MeetingRequest.objects.select_related(
        "requester__enterprise", "recipient__enterprise", "edition"
    ).get(pk=request.pk)


@transaction.atomic
def accept_request(*, request: MeetingRequest, user: Any, reason: str = "") -> MeetingRequest:
    """The recipient accepts; both sides must still have room for one more meeting."""
    locked = _locked_request(request)
    if locked.state != RequestState.PENDING:
        raise RequestError(_("This request has already been answered."))
    policy = policy_for(locked.edition)
    if policy.request_deadline and timezone.now() > policy.request_deadline:
        raise RequestError(_("The deadline for meeting requests has passed."))
    locked.answer_reason = reason
    locked.save(update_fields=["answer_reason"])
    return _accept_locked(request=locked, policy=policy, event="accepted")


@transaction.atomic
def decline_request(*, request: MeetingRequest, user: Any, reason: str) -> MeetingRequest:
    """The recipient declines, saying why."""
    if not reason.strip():
        raise RequestError(_("Please give a reason, so the other side understands."))
    locked = _locked_request(request)
    if locked.state != RequestState.PENDING:
        raise RequestError(_("This request has already been answered."))
    locked.state = RequestState.DECLINED
    locked.answer_reason = reason
    locked.answered_at = timezone.now()
    locked.save(update_fields=["state", "answer_reason", "answered_at"])
    _after_commit(locked, "declined")
    return locked


@transaction.atomic
def cancel_request(*, request: MeetingRequest, user: Any, reason: str = "") -> MeetingRequest:
    """Either side (or the organiser) cancels a pending request or an accepted meeting."""
    locked = _locked_request(request)
    if locked.state not in ACTIVE_STATES:
        raise RequestError(_("This request is no longer active."))
    locked.state = RequestState.CANCELLED
    locked.answer_reason = reason
    locked.answered_at = timezone.now()
    locked.save(update_fields=["state", "answer_reason", "answered_at"])
    if getattr(user, "is_organiser", False):
        record_action(actor=user, action="meeting_request.cancel", target=locked, note=reason)
    _after_commit(locked, "cancelled")
    return locked


@transaction.atomic
def arrange_meeting(
    *,
    first: Participation,
    second: Participation,
    organiser: Any,
    demand: Demand | None = None,
    note: str = "",
) -> MeetingRequest:
    """The organiser arranges a meeting on the participants' behalf (no quota is used)."""
    policy = policy_for(first.edition)
    _check_may_meet(requester=first, recipient=second, policy=policy)
    _lock(first, second)
    if _active_between(first, second) is not None:
        raise RequestError(_("There is already a request between these enterprises."))
    _check_capacity(first, policy, mine=False)
    _check_capacity(second, policy, mine=False)
    request = MeetingRequest.objects.create(
        edition=first.edition,
        requester=first,
        recipient=second,
        demand=demand,
        message=note,
        state=RequestState.ACCEPTED,
        answered_at=timezone.now(),
        arranged_by=organiser,
    )
    record_action(actor=organiser, action="meeting_request.arrange", target=request, note=note)
    _after_commit(request, "arranged")
    return request


@transaction.atomic
def set_wish(*, wisher: Participation, target: Participation, level: str) -> Wish:
    """Record a wish (must meet / would like / no thanks) about another participant."""
    policy = policy_for(wisher.edition)
    if level not in WishLevel.values:
        raise RequestError(_("Unknown wish."))
    if level != WishLevel.NO_THANKS:
        _check_may_meet(requester=wisher, recipient=target, policy=policy)
    elif wisher.pk == target.pk or wisher.edition_id != target.edition_id:
        raise RequestError(_("Wishes are about other participants of the same edition."))
    if policy.request_deadline and timezone.now() > policy.request_deadline:
        raise RequestError(_("The deadline for meeting requests has passed."))
    wish, _created = Wish.objects.update_or_create(
        wisher=wisher, target=target, defaults={"edition": wisher.edition, "level": level}
    )
    return wish
