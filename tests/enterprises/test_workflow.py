"""Every transition of the participation workflow, allowed and refused."""

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.models import State
from tests.factories import DelegateFactory, DemandFactory, OrganiserFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

ALL_STATES = [state for state in State]


def complete_application(**kwargs):
    participation = ParticipationFactory(**kwargs)
    DelegateFactory(participation=participation)
    DemandFactory(participation=participation)
    return participation


def in_state(state: State):
    participation = complete_application()
    participation.state = state
    participation.save()
    return participation


def test_the_transition_table_is_exactly_the_documented_one():
    moves = {(move.source.value, move.target.value) for move in workflow.TRANSITIONS}
    assert moves == {
        ("draft", "submitted"),
        ("submitted", "qualified"),
        ("submitted", "waiting_confirmation"),
        ("submitted", "rejected"),
        ("qualified", "confirmed"),
        ("waiting_confirmation", "confirmed"),
        ("qualified", "withdrawn"),
        ("waiting_confirmation", "withdrawn"),
    }


def test_submit_records_who_when_why():
    participation = complete_application()
    applicant = participation.enterprise.members.create(email="a@example.com")
    change = workflow.submit(participation=participation, user=applicant, note="ready")
    participation.refresh_from_db()
    assert participation.state == State.SUBMITTED
    assert participation.submitted_at is not None
    assert (change.from_state, change.to_state, change.actor, change.note) == (
        "draft",
        "submitted",
        applicant,
        "ready",
    )
    assert AuditEntry.objects.count() == 0  # applicants' moves are history, not organiser audit


def test_an_incomplete_application_cannot_be_submitted():
    participation = ParticipationFactory()
    with pytest.raises(workflow.TransitionError, match="attending delegate"):
        workflow.submit(participation=participation, user=None)
    participation.refresh_from_db()
    assert participation.state == State.DRAFT


@pytest.mark.parametrize(
    ("decide", "target"),
    [
        (workflow.qualify, State.QUALIFIED),
        (workflow.put_on_waiting_list, State.WAITING_CONFIRMATION),
        (workflow.reject, State.REJECTED),
    ],
)
def test_organiser_decisions_on_a_submitted_application(decide, target):
    participation = in_state(State.SUBMITTED)
    organiser = OrganiserFactory()
    decide(participation=participation, user=organiser, note="checked")
    participation.refresh_from_db()
    assert participation.state == target
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.note) == (
        organiser,
        f"participation.{target.value}",
        "checked",
    )


@pytest.mark.parametrize("source", [State.QUALIFIED, State.WAITING_CONFIRMATION])
@pytest.mark.parametrize(
    ("act", "target"), [(workflow.confirm, State.CONFIRMED), (workflow.withdraw, State.WITHDRAWN)]
)
def test_applicant_confirms_or_withdraws(source, act, target):
    participation = in_state(source)
    act(participation=participation, user=None, note="")
    participation.refresh_from_db()
    assert participation.state == target


def test_an_applicant_cannot_qualify_itself():
    participation = in_state(State.SUBMITTED)
    applicant = participation.enterprise.members.create(email="b@example.com")
    with pytest.raises(workflow.TransitionError, match="Only the organiser"):
        workflow.qualify(participation=participation, user=applicant)
    participation.refresh_from_db()
    assert participation.state == State.SUBMITTED


@pytest.mark.parametrize("source", ALL_STATES)
def test_every_move_outside_the_table_is_refused(source):
    organiser = OrganiserFactory()
    allowed = {move.target for move in workflow.TRANSITIONS if move.source == source}
    for target, decide in workflow.DECISIONS.items():
        if target in allowed:
            continue
        participation = in_state(source)
        with pytest.raises(workflow.TransitionError):
            decide(participation=participation, user=organiser)
        participation.refresh_from_db()
        assert participation.state == source
        assert participation.state_changes.count() == 0


def test_a_double_submit_is_refused_and_recorded_once():
    participation = complete_application()
    workflow.submit(participation=participation, user=None)
    with pytest.raises(workflow.TransitionError, match="cannot become submitted"):
        workflow.submit(participation=participation, user=None)
    assert participation.state_changes.count() == 1


def test_allowed_targets_per_actor():
    assert workflow.allowed_targets(state="submitted", actor_role=workflow.Actor.APPLICANT) == []
    assert workflow.allowed_targets(
        state="waiting_confirmation", actor_role=workflow.Actor.APPLICANT
    ) == [State.CONFIRMED, State.WITHDRAWN]
