"""Re-ranking after one participant's change, without re-scoring the whole edition.

Only the changed participant's row (as a buyer) and column (as a provider) of scores are
recomputed, every component included (``meaning`` from the stored vectors), and only the
lists it can affect are rebuilt: its own, and each counterpart's whose list it was in or
whose K-th score it now reaches.

Edition-wide statistics stay as the last full scoring computed them: the glossary's IDF
(``ScoreTable.idf``). The language means that ``meaning`` subtracts ship with the model and
do not depend on the edition. So for the pairs it recomputes, ``rescore`` gives exactly what
``score_pairs`` gives when the change leaves the IDF as it was, and within a small tolerance
otherwise; a full ``score_pairs`` (the organiser's refresh) recomputes the IDF. The n-gram
methods (``tfidf``, ``hybrid``) refit their statistics on every call and are not supported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from fairmatch.matching.engine.meaning import Embedder, TextVectors
from fairmatch.matching.engine.model import (
    Edition,
    Match,
    Recommendations,
    Weights,
    default_weights,
)
from fairmatch.matching.engine.recommend import ranked
from fairmatch.matching.engine.scoring import (
    ScoreTable,
    _with_demand,
    best_demands,
    demand_components,
)
from fairmatch.matching.engine.text import (
    DEFAULT_METHOD,
    INCREMENTAL_METHODS,
    ConceptIdf,
    concept_idf,
    demand_concepts,
    provider_concepts,
)


class NotIncremental(ValueError):
    """The change cannot be applied to the previous scores: score the edition again."""


def edition_idf(edition: Edition, method: str = DEFAULT_METHOD) -> ConceptIdf:
    """The glossary's IDF over ``edition`` as ``score_pairs`` computes it (``table.idf``)."""
    if method not in INCREMENTAL_METHODS:
        raise NotIncremental(f"method {method!r} re-scores the whole edition")
    buyers = tuple(_with_demand(b) for b in edition.buyers)
    if method == "services":
        left = tuple(d.services for b in buyers for d in b.demands)
        right = tuple(p.services for p in edition.providers)
    else:
        left, right = demand_concepts(buyers), provider_concepts(edition.providers)
    return concept_idf(left, right)


def score_part(
    *,
    edition: Edition,
    buyers: Sequence[int] = (),
    providers: Sequence[int] = (),
    method: str = DEFAULT_METHOD,
    idf: ConceptIdf,
    weights: Weights | None = None,
    vectors: TextVectors | None = None,
    embedder: Embedder | None = None,
) -> ScoreTable:
    """The scores of these buyers against every provider, or of every buyer against these
    providers, computed with the edition's IDF ``idf``: each cell equals ``score_pairs``'s
    for the whole edition with that IDF. The table's edition holds only the part scored."""
    if buyers and providers:
        raise ValueError("score either some buyers or some providers")
    weights = weights or default_weights(method)
    part = edition
    if buyers:
        part = replace(edition, buyers=tuple(edition.buyers[i] for i in buyers))
    if providers:
        part = replace(edition, providers=tuple(edition.providers[j] for j in providers))
    parts = demand_components(
        edition=part, method=method, embedder=embedder, vectors=vectors, idf=idf
    )
    pairs = best_demands(parts, weights)
    return ScoreTable(
        edition=part,
        total=pairs.total,
        components=pairs.components,
        best_demand=pairs.best_demand,
        demand_concepts=pairs.demand_concepts,
        provider_concepts=parts.similarity.provider_concepts,
        weights=weights,
        method=method,
        idf=idf,
    )


def positions(edition: Edition, participant: str) -> tuple[list[int], list[int]]:
    """Where ``participant`` is among the buyers and among the providers."""
    return (
        [i for i, b in enumerate(edition.buyers) if b.id == participant],
        [j for j, p in enumerate(edition.providers) if p.id == participant],
    )


def rescore(
    table: ScoreTable,
    *,
    edition: Edition,
    changed: str,
    vectors: TextVectors | None = None,
    embedder: Embedder | None = None,
) -> ScoreTable:
    """``table`` with the scores of ``changed`` recomputed from ``edition``.

    ``edition`` is the table's edition with ``changed`` edited: the same participants in the
    same order (else ``NotIncremental``: someone joined or left, score it all again).
    """
    if table.method not in INCREMENTAL_METHODS or table.idf is None:
        raise NotIncremental(f"method {table.method!r} re-scores the whole edition")
    before = table.edition
    if [b.id for b in before.buyers] != [b.id for b in edition.buyers] or [
        p.id for p in before.providers
    ] != [p.id for p in edition.providers]:
        raise NotIncremental("the edition's participants changed")
    rows, columns = positions(edition, changed)
    if not rows and not columns:
        raise NotIncremental(f"{changed!r} is not in the edition")
    total = table.total.copy()
    components = {name: matrix.copy() for name, matrix in table.components.items()}
    best = table.best_demand.copy()
    concepts_of_demands = list(table.demand_concepts)
    concepts_of_providers = list(table.provider_concepts)
    common = {
        "edition": edition,
        "method": table.method,
        "idf": table.idf,
        "weights": table.weights,
        "vectors": vectors,
        "embedder": embedder,
    }
    if rows:
        part = score_part(buyers=rows, **common)  # type: ignore[arg-type]
        total[rows] = part.total
        best[rows] = part.best_demand
        for name, matrix in part.components.items():
            components[name][rows] = matrix
        for k, row in enumerate(rows):
            concepts_of_demands[row] = part.demand_concepts[k]
    if columns:
        part = score_part(providers=columns, **common)  # type: ignore[arg-type]
        total[:, columns] = part.total
        best[:, columns] = part.best_demand
        for name, matrix in part.components.items():
            components[name][:, columns] = matrix
        for k, column in enumerate(columns):
            concepts_of_providers[column] = part.provider_concepts[k]
    return replace(
        table,
        edition=edition,
        total=total,
        components=components,
        best_demand=best,
        demand_concepts=tuple(concepts_of_demands),
        provider_concepts=tuple(concepts_of_providers),
    )


@dataclass(frozen=True, slots=True)
class Reranked:
    """The re-scored table, the lists after the change, and whose lists were rebuilt."""

    table: ScoreTable
    recommendations: Recommendations
    buyers: tuple[str, ...]  # buyers whose lists were rebuilt (the changed one included)
    providers: tuple[str, ...]


def _key(values: np.ndarray) -> np.ndarray:
    # As ``ranked`` compares scores: rounded, so float noise makes ties.
    return np.round(values.astype(np.float64), 6)


def affected(
    *,
    scores: np.ndarray,
    lists: Sequence[Sequence[int]],
    changed: Sequence[int],
    top: int,
) -> list[int]:
    """Rows of ``scores`` (one per list holder) whose top-``top`` list can change when the
    columns ``changed`` change: those columns were in the list, the list is short, or a
    changed column now reaches the list's last score (a tie may enter: rebuilt to see)."""
    found = []
    targets = set(changed)
    for row, members in enumerate(lists):
        if len(members) < min(top, scores.shape[1]) or targets & set(members):
            found.append(row)
            continue
        last = _key(scores[row, members[-1]])
        if (_key(scores[row, list(changed)]) >= last).any():
            found.append(row)
    return found


def rerank(
    table: ScoreTable,
    *,
    lists: Recommendations,
    edition: Edition,
    changed: str,
    top: int = 10,
    explain: bool = True,
    vectors: TextVectors | None = None,
    embedder: Embedder | None = None,
) -> Reranked:
    """Re-score ``changed`` (see ``rescore``) and rebuild the lists it can affect.

    ``lists`` are ``recommend(table=table, top=top)``'s; the result's lists equal what
    ``recommend`` gives on the re-scored table.
    """
    after = rescore(table, edition=edition, changed=changed, vectors=vectors, embedder=embedder)
    rows, columns = positions(edition, changed)
    buyer_index = {b.id: i for i, b in enumerate(edition.buyers)}
    provider_index = {p.id: j for j, p in enumerate(edition.providers)}
    buyer_lists = [
        [provider_index[m.provider] for m in lists.for_buyers[b.id]] for b in edition.buyers
    ]
    provider_lists = [
        [buyer_index[m.buyer] for m in lists.for_providers[p.id]] for p in edition.providers
    ]
    buyers = set(rows)
    providers = set(columns)
    if columns:
        buyers |= set(affected(scores=after.total, lists=buyer_lists, changed=columns, top=top))
    if rows:
        providers |= set(
            affected(scores=after.total.T, lists=provider_lists, changed=rows, top=top)
        )
    for_buyers = dict(lists.for_buyers)
    for_providers = dict(lists.for_providers)
    chosen = sorted(buyers)
    if chosen:
        for row, picks in zip(chosen, ranked(after.total[chosen], top=top), strict=True):
            for_buyers[edition.buyers[row].id] = _list(after, row=row, picks=picks, explain=explain)
    chosen = sorted(providers)
    if chosen:
        for column, picks in zip(chosen, ranked(after.total[:, chosen].T, top=top), strict=True):
            for_providers[edition.providers[column].id] = _list(
                after, column=column, picks=picks, explain=explain
            )
    return Reranked(
        table=after,
        recommendations=Recommendations(for_buyers=for_buyers, for_providers=for_providers),
        buyers=tuple(edition.buyers[i].id for i in sorted(buyers)),
        providers=tuple(edition.providers[j].id for j in sorted(providers)),
    )


def _list(
    table: ScoreTable,
    *,
    picks: np.ndarray,
    explain: bool,
    row: int | None = None,
    column: int | None = None,
) -> tuple[Match, ...]:
    if row is not None:
        return tuple(table.match(buyer=row, provider=int(p), explain=explain) for p in picks)
    assert column is not None
    return tuple(table.match(buyer=int(b), provider=column, explain=explain) for b in picks)
