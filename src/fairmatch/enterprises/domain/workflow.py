"""The participation workflow: one transition table, one function per transition.

Every transition locks the participation row, checks the move against ``TRANSITIONS``,
records a ``StateChange`` (who, when, why), audits organiser and automatic moves, and then
sends the ``state_changed`` signal for side effects (e-mail to the enterprise).

An admission (qualified, or waiting for confirmation) keeps the facts the rules read, as
reviewed; when they change, or a changed rule judges them worse, the application goes back
to review automatically (``back_to_review``, see ``domain/qualification.py``).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.conference.qualification import Message
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Participation, State, StateChange


class Actor(StrEnum):
    APPLICANT = "applicant"
    ORGANISER = "organiser"
    SYSTEM = "system"  # the platform itself, when what an admission stood on changed


@dataclass(frozen=True)
class Move:
    source: State
    target: State
    actors: frozenset[Actor]


_BOTH = frozenset({Actor.APPLICANT, Actor.ORGANISER})
_ORGANISER = frozenset({Actor.ORGANISER})
_SYSTEM = frozenset({Actor.SYSTEM})

# The organiser's review admitted these on the facts it saw (see ``back_to_review``).
ADMITTED_STATES = (State.QUALIFIED, State.WAITING_CONFIRMATION, State.CONFIRMED)

TRANSITIONS: tuple[Move, ...] = (
    Move(State.DRAFT, State.SUBMITTED, frozenset({Actor.APPLICANT})),
    Move(State.SUBMITTED, State.QUALIFIED, _ORGANISER),
    Move(State.SUBMITTED, State.WAITING_CONFIRMATION, _ORGANISER),
    Move(State.SUBMITTED, State.REJECTED, _ORGANISER),
    Move(State.QUALIFIED, State.CONFIRMED, _BOTH),
    Move(State.WAITING_CONFIRMATION, State.CONFIRMED, _BOTH),
    Move(State.QUALIFIED, State.WITHDRAWN, _BOTH),
    Move(State.WAITING_CONFIRMATION, State.WITHDRAWN, _BOTH),
    Move(State.QUALIFIED, State.SUBMITTED, _SYSTEM),
    Move(State.WAITING_CONFIRMATION, State.SUBMITTED, _SYSTEM),
    Move(State.CONFIRMED, State.SUBMITTED, _SYSTEM),
)

_ALLOWED = {(move.source, move.target): move.actors for move in TRANSITIONS}

state_changed = Signal()  # sender=Participation, participation, change, actor_role


class TransitionError(Exception):
    """The move is not allowed from the participation's current state, or not to this actor."""


def allowed_targets(*, state: str, actor_role: Actor) -> list[State]:
    return [
        move.target for move in TRANSITIONS if move.source == state and actor_role in move.actors
    ]


def _actor_role(user: Any) -> Actor:
    return Actor.ORGANISER if getattr(user, "is_organiser", False) else Actor.APPLICANT


@transaction.atomic
def _transition(
    *,
    participation: Participation,
    target: State,
    user: Any,
    note: str = "",
    system_reasons: Sequence[Message] = (),
) -> StateChange:
    locked = Participation.objects.select_for_update().get(pk=participation.pk)
    actor_role = Actor.SYSTEM if system_reasons else _actor_role(user)
    actors = _ALLOWED.get((State(locked.state), target))
    if actors is None:
        raise TransitionError(
            _("An application that is %(state)s cannot become %(target)s.")
            % {"state": locked.get_state_display(), "target": target.label}
        )
    if actor_role not in actors:
        raise TransitionError(_("Only the organiser may make this change."))
    reasons = [reason.to_json() for reason in system_reasons]
    change = StateChange.objects.create(
        participation=locked,
        from_state=locked.state,
        to_state=target,
        actor=user,
        note=note,
        reasons=reasons,
    )
    if target == State.SUBMITTED and locked.state == State.DRAFT:
        locked.submitted_at = timezone.now()
    if target in (State.QUALIFIED, State.WAITING_CONFIRMATION):
        from fairmatch.enterprises.domain.qualification import facts_for_review

        locked.reviewed_facts = facts_for_review(locked)
    locked.state = target
    locked.save(update_fields=["state", "submitted_at", "reviewed_facts", "updated_at"])
    participation.state = locked.state
    participation.submitted_at = locked.submitted_at
    participation.reviewed_facts = locked.reviewed_facts
    if actor_role != Actor.APPLICANT:
        action = "back_to_review" if actor_role == Actor.SYSTEM else target.value
        record_action(
            actor=user,
            action=f"participation.{action}",
            target=locked,
            note=note or "\n".join(reason.in_plain_english() for reason in system_reasons),
            data={"from": change.from_state, "to": change.to_state}
            | ({"reasons": reasons} if reasons else {}),
        )
    transaction.on_commit(
        lambda: state_changed.send(
            sender=Participation, participation=locked, change=change, actor_role=actor_role
        )
    )
    return change


def submit(*, participation: Participation, user: Any, note: str = "") -> StateChange:
    """The applicant hands in a complete application. Side effects: e-mail of receipt."""
    from fairmatch.enterprises.domain.applications import completeness_problems

    problems = completeness_problems(participation=participation)
    if problems:
        raise TransitionError(" ".join(str(problem) for problem in problems))
    return _transition(participation=participation, target=State.SUBMITTED, user=user, note=note)


def qualify(*, participation: Participation, user: Any, note: str = "") -> StateChange:
    """The organiser admits the enterprise. Side effects: e-mail of admission."""
    return _transition(participation=participation, target=State.QUALIFIED, user=user, note=note)


def put_on_waiting_list(*, participation: Participation, user: Any, note: str = "") -> StateChange:
    """The organiser admits pending the enterprise's confirmation. Side effects: e-mail."""
    return _transition(
        participation=participation, target=State.WAITING_CONFIRMATION, user=user, note=note
    )


def reject(*, participation: Participation, user: Any, note: str = "") -> StateChange:
    """The organiser turns the application down. Side effects: e-mail with the note."""
    return _transition(participation=participation, target=State.REJECTED, user=user, note=note)


def confirm(*, participation: Participation, user: Any, note: str = "") -> StateChange:
    """The enterprise (or the organiser for it) confirms attendance. Side effects: e-mail."""
    return _transition(participation=participation, target=State.CONFIRMED, user=user, note=note)


def withdraw(*, participation: Participation, user: Any, note: str = "") -> StateChange:
    """The enterprise (or the organiser for it) withdraws. Side effects: e-mail."""
    return _transition(participation=participation, target=State.WITHDRAWN, user=user, note=note)


def back_to_review(*, participation: Participation, reasons: Sequence[Message]) -> StateChange:
    """An admitted application no longer stands on what was reviewed: it is submitted again.

    Made by the platform (no user), never by hand: the facts the rules read changed since
    the admission, or a changed rule or exchange rate judges them worse. Side effects, in
    order: the state change with its ``reasons``, an audit entry (action
    ``participation.back_to_review``, the reasons in English), e-mail to the enterprise with the
    reasons in each reader's language. The directory and recommendations stop showing it.
    """
    if not reasons:
        raise ValueError("back_to_review needs at least one reason")
    return _transition(
        participation=participation, target=State.SUBMITTED, user=None, system_reasons=reasons
    )


DECISIONS = {
    State.QUALIFIED: qualify,
    State.WAITING_CONFIRMATION: put_on_waiting_list,
    State.REJECTED: reject,
    State.CONFIRMED: confirm,
    State.WITHDRAWN: withdraw,
}
