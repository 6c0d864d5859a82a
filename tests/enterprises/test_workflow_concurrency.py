"""Two simultaneous decisions on one application: the row lock lets exactly one through."""

import threading

import pytest
from django.db import connection

from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.models import State
from tests.factories import DelegateFactory, DemandFactory, OrganiserFactory, ParticipationFactory

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def test_two_organisers_deciding_at_once_make_one_change():
    participation = ParticipationFactory(state=State.SUBMITTED)
    DelegateFactory(participation=participation)
    DemandFactory(participation=participation)
    organisers = [OrganiserFactory(), OrganiserFactory()]
    decisions = [workflow.qualify, workflow.reject]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def decide(index: int) -> None:
        try:
            barrier.wait()
            decisions[index](participation=participation, user=organisers[index])
            outcomes.append("changed")
        except workflow.TransitionError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    participation.refresh_from_db()
    assert sorted(outcomes) == ["changed", "refused"]
    assert participation.state_changes.count() == 1
    assert participation.state == participation.state_changes.get().to_state
