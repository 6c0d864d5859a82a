"""The participation workflow: one transition table, one function per transition.

Every transition locks the participation row, checks the move against ``TRANSITIONS``,
records a ``StateChange`` (who, when, why), audits organiser moves, and then sends the
``state_changed`` signal for side effects (e-mail to the enterprise).
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Participation, State, StateChange


class Actor(StrEnum):
    APPLICANT = "applicant"
    ORGANISER = "organiser"


@dataclass(frozen=True)
class Move:
    source: State
    target: State
    actors: frozenset[Actor]


_BOTH = frozenset({Actor.APPLICANT, Actor.ORGANISER})
_ORGANISER = frozenset({Actor.ORGANISER})

TRANSITIONS: tuple[Move, ...] = (
    Move(State.DRAFT, State.SUBMITTED, frozenset({Actor.APPLICANT})),
    Move(State.SUBMITTED, State.QUALIFIED, _ORGANISER),
    Move(State.SUBMITTED, State.WAITING_CONFIRMATION, _ORGANISER),
    Move(State.SUBMITTED, State.REJECTED, _ORGANISER),
    Move(State.QUALIFIED, State.CONFIRMED, _BOTH),
    Move(State.WAITING_CONFIRMATION, State.CONFIRMED, _BOTH),
    Move(State.QUALIFIED, State.WITHDRAWN, _BOTH),
    Move(State.WAITING_CONFIRMATION, State.WITHDRAWN, _BOTH),
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
    *, participation: Participation, target: State, user: Any, note: str = ""
) -> StateChange:
    locked = Participation.objects.select_for_update().get(pk=participation.pk)
    actor_role = _actor_role(user)
    actors = _ALLOWED.get((State(locked.state), target))
    if actors is None:
        raise TransitionError(
            _("An application that is %(state)s cannot become %(target)s.")
            % {"state": locked.get_state_display(), "target": target.label}
        )
    if actor_role not in actors:
        raise TransitionError(_("Only the organiser may make this change."))
    change = StateChange.objects.create(
        participation=locked, from_state=locked.state, to_state=target, actor=user, note=note
    )
    locked.state = target
    if target == State.SUBMITTED:
        locked.submitted_at = timezone.now()
    locked.save(update_fields=["state", "submitted_at", "updated_at"])
    participation.state = locked.state
    participation.submitted_at = locked.submitted_at
    if actor_role == Actor.ORGANISER:
        record_action(
            actor=user,
            action=f"participation.{target.value}",
            target=locked,
            note=note,
            data={"from": change.from_state, "to": change.to_state},
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


DECISIONS = {
    State.QUALIFIED: qualify,
    State.WAITING_CONFIRMATION: put_on_waiting_list,
    State.REJECTED: reject,
    State.CONFIRMED: confirm,
    State.WITHDRAWN: withdraw,
}
