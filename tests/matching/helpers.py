"""Qualified buyers and providers of one edition, for the matching tests."""

from fairmatch.enterprises.models import Enterprise, State
from fairmatch.matching.models import MatchingPolicy
from tests.factories import DemandFactory, EditionFactory, ParticipationFactory, UserFactory


def edition_with_policy(**policy):
    edition = EditionFactory()
    MatchingPolicy.objects.create(edition=edition, **policy)
    return edition


def buyer(edition, *, state=State.QUALIFIED, **enterprise):
    participation = ParticipationFactory(
        edition=edition,
        state=state,
        enterprise__kind=Enterprise.Kind.BUYER,
        **{f"enterprise__{key}": value for key, value in enterprise.items()},
    )
    DemandFactory(participation=participation)
    return participation


def provider(edition, *, state=State.QUALIFIED, **enterprise):
    values = {"country": "CN", **enterprise}
    return ParticipationFactory(
        edition=edition,
        state=state,
        enterprise__kind=Enterprise.Kind.PROVIDER,
        **{f"enterprise__{key}": value for key, value in values.items()},
    )


def member(participation):
    return UserFactory(enterprise=participation.enterprise)
