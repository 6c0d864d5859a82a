"""Every transition of the participation workflow, allowed and refused."""

from decimal import Decimal

import pytest

from fairmatch.conference.qualification import Message, Money
from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.models import State, StateChange
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
        ("qualified", "submitted"),
        ("waiting_confirmation", "submitted"),
        ("confirmed", "submitted"),
    }
    back_to_review = [move for move in workflow.TRANSITIONS if move.target == State.SUBMITTED]
    assert {move.source for move in back_to_review} == {State.DRAFT, *workflow.ADMITTED_STATES}
    assert all(
        move.actors == {workflow.Actor.SYSTEM} for move in back_to_review if move.source != "draft"
    )


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


REASON = Message(
    "Contract value changed from %(before)s to %(after)s.",
    {"before": Money(Decimal("9200000"), "USD"), "after": Money(Decimal("6000000"), "USD")},
)


@pytest.mark.parametrize("source", workflow.ADMITTED_STATES)
def test_back_to_review_records_the_reasons_in_history_and_audit(
    source, django_capture_on_commit_callbacks
):
    participation = in_state(source)
    submitted_at = participation.submitted_at
    with django_capture_on_commit_callbacks(execute=True):
        change = workflow.back_to_review(participation=participation, reasons=[REASON])
    participation.refresh_from_db()
    assert (participation.state, participation.submitted_at) == (State.SUBMITTED, submitted_at)
    assert (change.from_state, change.to_state, change.actor, change.note) == (
        source,
        "submitted",
        None,
        "",
    )
    assert change.reasons == [REASON.to_json()]
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.object_id, entry.note) == (
        None,
        "participation.back_to_review",
        str(participation.pk),
        "Contract value changed from USD 9,200,000 to USD 6,000,000.",
    )
    assert entry.data == {"from": source, "to": "submitted", "reasons": [REASON.to_json()]}


def test_back_to_review_is_the_platforms_move_only():
    participation = in_state(State.QUALIFIED)
    assert State.SUBMITTED not in workflow.allowed_targets(
        state="qualified", actor_role=workflow.Actor.ORGANISER
    )
    with pytest.raises(ValueError, match="at least one reason"):
        workflow.back_to_review(participation=participation, reasons=[])
    for source in (State.DRAFT, State.SUBMITTED, State.REJECTED, State.WITHDRAWN):
        participation = in_state(source)
        with pytest.raises(workflow.TransitionError):
            workflow.back_to_review(participation=participation, reasons=[REASON])
    assert StateChange.objects.count() == 0


def test_an_admission_keeps_the_facts_the_organiser_reviewed():
    participation = in_state(State.SUBMITTED)
    demand = participation.demands.get()
    delegate = participation.delegates.get()
    workflow.qualify(participation=participation, user=OrganiserFactory())
    participation.refresh_from_db()
    assert participation.reviewed_facts == {
        "roles": ["buyer"],
        "country": "US",
        "host_country": "CN",
        "fields": ["software"],
        "demands": [{"field": "software", "amount": "9000000.00", "currency": "USD"}],
        "delegates": [
            {
                "name": delegate.full_name,
                "rank_level": 30,
                "rank": {"en": "Outsourcing manager", "zh": "外包经理"},
                "attending": True,
            }
        ],
    }
    assert demand.value == Decimal("9000000")
