"""Background tasks of matchmaking: whole-edition computations leave the request thread."""

from django.db.models import Q
from django_tasks import task

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Enterprise, Participation
from fairmatch.matching.domain.embeddings import compute_embeddings
from fairmatch.matching.domain.recommendations import (
    generate_suggestions,
    refresh_recommendations,
    rerank_participation,
)


@task()
def embeddings_task(participation_ids: list[int], enterprise_ids: list[int]) -> int:
    """Compute the missing and stale vectors of these descriptions, then re-rank each
    participation they describe in its edition (incrementally; see
    ``rerank_participation``); returns how many vectors were computed."""
    computed = compute_embeddings(
        participations=Participation.objects.filter(pk__in=participation_ids),
        enterprises=Enterprise.objects.filter(pk__in=enterprise_ids),
    )
    changed = Participation.objects.filter(
        Q(pk__in=participation_ids) | Q(enterprise__in=enterprise_ids)
    ).select_related("edition")
    for participation in changed.order_by("pk"):
        rerank_participation(participation=participation)
    return computed


@task()
def recommendations_task(edition_id: int) -> int:
    """Recompute the edition's recommendations; returns how many were stored."""
    return refresh_recommendations(edition=Edition.objects.get(pk=edition_id))


@task()
def suggestions_task(edition_id: int, minimum_per_provider: int, actor_id: int | None) -> int:
    """Generate fair suggestions (and fresh recommendations); returns the run's id."""
    edition = Edition.objects.get(pk=edition_id)
    actor = User.objects.filter(pk=actor_id).first()
    refresh_recommendations(edition=edition)
    run = generate_suggestions(
        edition=edition, minimum_per_provider=minimum_per_provider, actor=actor
    )
    return run.pk
