"""Sentence embeddings of the descriptions, computed once per text and stored.

When an applicant saves demands, capabilities or the profile, a background task computes
the vectors of the texts that have none, or whose text or model changed since. Ranking
reads the stored vectors only; texts still waiting are scored without them.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.db.models import Q

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Capability, Demand, Enterprise, Participation
from fairmatch.matching import engine
from fairmatch.matching.engine.embedders import DEFAULT_MODEL, MODELS, load_embedder
from fairmatch.matching.engine.meaning import Embedder, prepared
from fairmatch.matching.models import TextEmbedding

BATCH = 64  # texts encoded per call: large enough to keep the cores busy


@dataclass(frozen=True)
class Owner:
    """A described object: which one, and its text as it is embedded."""

    field: str  # "demand", "capability" or "enterprise"
    pk: int
    text: str


def text_hash(text: str) -> str:
    """The hash a stored vector is checked against (of the prepared text)."""
    return hashlib.sha256(prepared(text).encode("utf-8")).hexdigest()


def owners(
    *, participations: Iterable[Participation] = (), enterprises: Iterable[Enterprise] = ()
) -> list[Owner]:
    """The descriptions of these participations (demands, capabilities, profile) and profiles."""
    participation_ids = [p.pk for p in participations]
    enterprise_ids = {e.pk for e in enterprises}
    enterprise_ids |= set(
        Participation.objects.filter(pk__in=participation_ids).values_list("enterprise", flat=True)
    )
    found = [
        Owner("demand", pk, text)
        for pk, text in Demand.objects.filter(participation__in=participation_ids)
        .order_by("pk")
        .values_list("pk", "description")
    ]
    found += [
        Owner("capability", pk, text)
        for pk, text in Capability.objects.filter(participation__in=participation_ids)
        .order_by("pk")
        .values_list("pk", "description")
    ]
    found += [
        Owner("enterprise", pk, text)
        for pk, text in Enterprise.objects.filter(pk__in=enterprise_ids)
        .order_by("pk")
        .values_list("pk", "description")
    ]
    return found


def _stored(found: list[Owner]) -> dict[tuple[str, int], TextEmbedding]:
    condition = Q(pk__in=[])
    for field in ("demand", "capability", "enterprise"):
        ids = [o.pk for o in found if o.field == field]
        if ids:
            condition |= Q(**{f"{field}__in": ids})
    rows = TextEmbedding.objects.filter(condition)
    result = {}
    for row in rows:
        for field in ("demand", "capability", "enterprise"):
            owner_id = getattr(row, f"{field}_id")
            if owner_id is not None:
                result[(field, owner_id)] = row
    return result


def compute_embeddings(
    *,
    participations: Iterable[Participation] = (),
    enterprises: Iterable[Enterprise] = (),
    embedder: Embedder | None = None,
) -> int:
    """Compute the missing and stale vectors of these descriptions; returns how many.

    A vector is stale when its text or its model (name and version) changed. Empty texts
    have none. Distinct texts are encoded in batches; rows are written one transaction per
    batch.
    """
    found = owners(participations=participations, enterprises=enterprises)
    model = embedder.model if embedder is not None else MODELS[DEFAULT_MODEL]
    stored = _stored(found)
    todo = []
    for owner in found:
        row = stored.get((owner.field, owner.pk))
        if not prepared(owner.text):
            if row is not None:
                row.delete()
            continue
        if row is None or row.text_hash != text_hash(owner.text) or row.model != model.label:
            todo.append(owner)
    if not todo:
        return 0
    embedder = embedder or load_embedder()
    # Enterprises often describe themselves alike: each distinct text is encoded once.
    distinct = sorted({prepared(owner.text) for owner in todo})
    vectors: dict[str, np.ndarray] = {}
    for start in range(0, len(distinct), BATCH):
        batch = distinct[start : start + BATCH]
        vectors.update(zip(batch, embedder.encode(batch), strict=True))
    for start in range(0, len(todo), BATCH):
        with transaction.atomic():
            for owner in todo[start : start + BATCH]:
                vector = vectors[prepared(owner.text)]
                TextEmbedding.objects.update_or_create(
                    **{owner.field + "_id": owner.pk},
                    defaults={
                        "text_hash": text_hash(owner.text),
                        "model": model.label,
                        "dimension": len(vector),
                        "vector": np.asarray(vector, dtype="<f4").tobytes(),
                    },
                )
    return len(todo)


def compute_edition_embeddings(*, edition: Edition, embedder: Embedder | None = None) -> int:
    """Compute the missing and stale vectors of every participant of ``edition``."""
    participations = list(Participation.objects.filter(edition=edition))
    return compute_embeddings(participations=participations, embedder=embedder)


def stored_vectors(*, texts: Iterable[Owner]) -> engine.TextVectors:
    """The current model's stored vectors of these descriptions, keyed by prepared text.

    A vector whose text changed since, or made by another model, is left out (the pair is
    then scored without it until the task has recomputed it).
    """
    found = list(texts)
    model = MODELS[DEFAULT_MODEL]
    vectors = {}
    rows = _stored(found)
    for owner in found:
        row = rows.get((owner.field, owner.pk))
        if row is None or row.model != model.label or row.text_hash != text_hash(owner.text):
            continue
        vectors[prepared(owner.text)] = np.frombuffer(bytes(row.vector), dtype="<f4")
    return engine.TextVectors(model=model, vectors=vectors)


def schedule_embeddings(
    *, participations: Iterable[Participation] = (), enterprises: Iterable[Enterprise] = ()
) -> None:
    """Enqueue the computation after the current transaction commits (the page never waits)."""
    from fairmatch.matching.domain.tasks import embeddings_task

    participation_ids = [p.pk for p in participations]
    enterprise_ids = [e.pk for e in enterprises]
    transaction.on_commit(lambda: embeddings_task.enqueue(participation_ids, enterprise_ids))
