"""Explainable pair scores: named components for every buyer x provider pair.

A buyer-provider score is the best score over the buyer's demands, so a buyer with one
software and one pharmaceutical contract is matched by each provider on the contract that
suits it; the components and reasons shown are those of that demand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from fairmatch.matching.engine import messages as m
from fairmatch.matching.engine.glossary import concept
from fairmatch.matching.engine.meaning import MAX_TEXT_CHARACTERS, Embedder, TextVectors
from fairmatch.matching.engine.messages import Notice, Reason
from fairmatch.matching.engine.model import (
    CERTIFICATIONS,
    COMPONENTS,
    FIELD,
    INTEREST,
    KIND,
    LANGUAGE,
    MEANING,
    SIZE,
    TEXT,
    Buyer,
    Demand,
    Edition,
    Match,
    Weights,
    default_weights,
)
from fairmatch.matching.engine.text import (
    DEFAULT_METHOD,
    MEANING_METHODS,
    ConceptIdf,
    TextSimilarity,
    text_similarity,
)

FloatMatrix = npt.NDArray[np.float32]
UNKNOWN = 0.5  # a component whose data is missing counts half: neither a match nor a miss
ONE_SIDED_INTEREST = 0.6


@dataclass(frozen=True, slots=True)
class ScoreTable:
    """Scores of all pairs: ``total[b, p]``, each component at the buyer's best demand."""

    edition: Edition
    total: FloatMatrix
    components: dict[str, FloatMatrix]
    best_demand: npt.NDArray[np.int32]
    demand_concepts: tuple[tuple[frozenset[str], ...], ...]
    provider_concepts: tuple[frozenset[str], ...]
    weights: Weights
    # Whole-ranking notices (texts cut, texts still being analysed) and the counts behind.
    notices: tuple[Notice, ...] = ()
    pending_texts: int = 0
    meaning_texts: int = 0
    # How it was scored, kept to re-score one participant alike (``engine.rescore``): the
    # method and the edition-wide IDF of the glossary (None for tfidf and hybrid).
    method: str = DEFAULT_METHOD
    idf: ConceptIdf | None = None

    def match(self, *, buyer: int, provider: int, explain: bool = True) -> Match:
        """The scored pair, with reasons when ``explain``."""
        components = {
            name: round(float(self.components[name][buyer, provider]), 4) for name in COMPONENTS
        }
        return Match(
            buyer=self.edition.buyers[buyer].id,
            provider=self.edition.providers[provider].id,
            score=round(float(self.total[buyer, provider]), 4),
            components=components,
            demand=int(self.best_demand[buyer, provider])
            if self.edition.buyers[buyer].demands
            else None,
            reasons=self.reasons(buyer=buyer, provider=provider) if explain else (),
        )

    def reasons(self, *, buyer: int, provider: int) -> tuple[Reason, ...]:
        """Why the pair scores as it does, one reason per component that says something."""
        b = self.edition.buyers[buyer]
        p = self.edition.providers[provider]
        index = int(self.best_demand[buyer, provider])
        demand = b.demands[index] if index < len(b.demands) else None
        found: list[Reason] = []
        if demand is not None and demand.field in p.fields:
            found.append(Reason(FIELD, m.SAME_FIELD, {"field": demand.field}))
        if demand is not None and demand.kind in p.kinds:
            found.append(Reason(KIND, m.KIND_OFFERED, {"kind": demand.kind}))
        if demand is not None and demand.value_usd and p.capacity_usd:
            amounts: dict[str, m.Param] = {
                "capacity": m.money(p.capacity_usd),
                "value": m.money(demand.value_usd),
            }
            template = m.CAPACITY_COVERS if p.capacity_usd >= demand.value_usd else m.CAPACITY_SHORT
            found.append(Reason(SIZE, template, amounts))
        shared = sorted(b.languages & p.languages)
        if shared:
            found.append(Reason(LANGUAGE, m.SHARED_LANGUAGES, {"languages": ", ".join(shared)}))
        if b.certifications_asked:
            held = sorted(b.certifications_asked & p.certifications)
            missing = sorted(b.certifications_asked - p.certifications)
            if held:
                found.append(
                    Reason(CERTIFICATIONS, m.CERTIFIED, {"certifications": ", ".join(held)})
                )
            if missing:
                found.append(
                    Reason(
                        CERTIFICATIONS,
                        m.CERTIFICATIONS_MISSING,
                        {"certifications": ", ".join(missing)},
                    )
                )
        common = sorted(
            self.demand_concepts[buyer][index] & self.provider_concepts[provider]
            if index < len(self.demand_concepts[buyer])
            else set()
        )
        if common:
            names = ", ".join(concept(code).en if _known(code) else code for code in common)
            # The codes let a page show the concepts' names in the reader's language
            # (glossary.concept(code).zh); "concepts" holds the English names.
            found.append(
                Reason(
                    TEXT,
                    m.SAME_SERVICES,
                    {"concepts": names, "concept_codes": ",".join(common)},
                )
            )
        elif self.components[MEANING][buyer, provider] >= 0.5:
            percent = round(100 * float(self.components[MEANING][buyer, provider]))
            found.append(Reason(MEANING, m.CLOSE_IN_MEANING, {"percent": percent}))
        elif self.components[TEXT][buyer, provider] >= 0.2:
            percent = round(100 * float(self.components[TEXT][buyer, provider]))
            found.append(Reason(TEXT, m.SIMILAR_TEXT, {"percent": percent}))
        interest = float(self.components[INTEREST][buyer, provider])
        if interest >= 1:
            found.append(Reason(INTEREST, m.MUTUAL_INTEREST))
        elif interest > 0:
            who = b.id if _interested(self.edition, b.id, p.id) else p.id
            found.append(Reason(INTEREST, m.ONE_SIDED_INTEREST, {"who": who}))
        return tuple(found)


def _known(code: str) -> bool:
    try:
        concept(code)
    except KeyError:
        return False
    return True


def _interested(edition: Edition, source: str, target: str) -> bool:
    return any(i.source == source and i.target == target for i in edition.interests)


def _with_demand(buyer: Buyer) -> Buyer:
    """A buyer without demands is scored on its fields through one blank demand."""
    if buyer.demands:
        return buyer
    field = min(buyer.fields) if buyer.fields else ""
    return replace(buyer, demands=(Demand(field=field, kind="", value_usd=None),))


def _membership(values: Sequence[frozenset[str]], vocabulary: dict[str, int]) -> FloatMatrix:
    matrix = np.zeros((len(values), max(len(vocabulary), 1)), dtype=np.float32)
    for row, items in enumerate(values):
        for item in items:
            matrix[row, vocabulary[item]] = 1
    return matrix


def _vocabulary(*groups: Sequence[frozenset[str]]) -> dict[str, int]:
    items = sorted(set().union(*(item for group in groups for item in group)))
    return {item: index for index, item in enumerate(items)}


def _pair_components(edition: Edition) -> dict[str, FloatMatrix]:
    """Components of the buyer x provider pair that do not depend on the demand."""
    buyers, providers = edition.buyers, edition.providers
    languages = _vocabulary([b.languages for b in buyers], [p.languages for p in providers])
    spoken = (
        _membership([b.languages for b in buyers], languages)
        @ _membership([p.languages for p in providers], languages).T
    )
    certs = _vocabulary(
        [b.certifications_asked for b in buyers], [p.certifications for p in providers]
    )
    asked = _membership([b.certifications_asked for b in buyers], certs)
    held = asked @ _membership([p.certifications for p in providers], certs).T
    asked_count = asked.sum(axis=1, keepdims=True)
    # Nothing asked for: nothing missing.
    certified = np.where(asked_count == 0, 1.0, held / np.maximum(asked_count, 1))
    interest = np.zeros((len(buyers), len(providers)), dtype=np.float32)
    buyer_index = {b.id: i for i, b in enumerate(buyers)}
    provider_index = {p.id: i for i, p in enumerate(providers)}
    for signal in edition.interests:
        if signal.source in buyer_index and signal.target in provider_index:
            interest[buyer_index[signal.source], provider_index[signal.target]] += 1
        elif signal.source in provider_index and signal.target in buyer_index:
            interest[buyer_index[signal.target], provider_index[signal.source]] += 1
    interest = np.where(interest >= 2, 1.0, np.where(interest > 0, ONE_SIDED_INTEREST, 0.0))
    return {
        LANGUAGE: (spoken > 0).astype(np.float32),
        CERTIFICATIONS: certified.astype(np.float32),
        INTEREST: interest.astype(np.float32),
    }


def _demand_components(
    demands: Sequence[Demand], edition: Edition, text: FloatMatrix, meaning: FloatMatrix
) -> dict[str, FloatMatrix]:
    """Components of each demand x provider pair."""
    providers = edition.providers
    fields = _vocabulary([frozenset({d.field}) for d in demands], [p.fields for p in providers])
    offered = _membership([p.fields for p in providers], fields)
    field = offered[:, [fields[d.field] for d in demands]].T
    kinds = _vocabulary([frozenset({d.kind}) for d in demands], [p.kinds for p in providers])
    offers = _membership([p.kinds for p in providers], kinds)
    kind = offers[:, [kinds[d.kind] for d in demands]].T
    kind_known = np.array([bool(p.kinds) for p in providers])[None, :]
    kind = np.where(kind_known, kind, UNKNOWN)
    values = np.array([d.value_usd or np.nan for d in demands], dtype=np.float64)[:, None]
    capacities = np.array([p.capacity_usd or np.nan for p in providers], dtype=np.float64)[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.minimum(capacities / values, 1.0)
    size = np.where(np.isnan(ratio), UNKNOWN, ratio)
    return {
        FIELD: field.astype(np.float32),
        KIND: kind.astype(np.float32),
        SIZE: size.astype(np.float32),
        TEXT: text,
        MEANING: meaning,
    }


@dataclass(frozen=True, slots=True)
class DemandComponents:
    """Every component of every demand x provider pair (rows: demands, buyer by buyer)."""

    buyers: tuple[Buyer, ...]
    components: dict[str, FloatMatrix]
    has_meaning: npt.NDArray[np.bool_]
    # With the embedding methods: False where the glossary knows no concept of the demand or
    # of the provider; ``text`` is then unknown rather than 0 and its weight goes to the rest.
    has_text: npt.NDArray[np.bool_]
    owner: npt.NDArray[np.intp]  # the buyer of each row
    first_rows: npt.NDArray[np.intp]  # each buyer's first row
    similarity: TextSimilarity


def demand_components(
    *,
    edition: Edition,
    method: str = DEFAULT_METHOD,
    embedder: Embedder | None = None,
    vectors: TextVectors | None = None,
    idf: ConceptIdf | None = None,
) -> DemandComponents:
    """The components before weighting (what ``score_pairs`` sums, and weights are fitted on).

    ``idf``: the glossary's concept weights to use (an edition's, when ``edition`` holds
    only part of it); by default those of ``edition``.
    """
    buyers = tuple(_with_demand(b) for b in edition.buyers)
    scored = replace(edition, buyers=buyers)
    similarity = text_similarity(
        buyers=buyers,
        providers=edition.providers,
        method=method,
        embedder=embedder,
        vectors=vectors,
        idf=idf,
    )
    demands = [d for b in buyers for d in b.demands]
    shape = (len(demands), len(edition.providers))
    if similarity.meaning is not None:
        has_meaning = ~np.isnan(similarity.meaning.matrix)
        meaning = np.nan_to_num(similarity.meaning.matrix, nan=0.0).astype(np.float32)
    else:
        has_meaning = np.zeros(shape, dtype=bool)
        meaning = np.zeros(shape, dtype=np.float32)
    if method in MEANING_METHODS:
        has_text = np.outer(
            np.array([bool(c) for c in similarity.demand_concepts], dtype=bool),
            np.array([bool(c) for c in similarity.provider_concepts], dtype=bool),
        ).reshape(shape)
    else:
        has_text = np.ones(shape, dtype=bool)
    counts = [len(b.demands) for b in buyers]
    owner = np.repeat(np.arange(len(buyers)), counts)
    per_demand = _demand_components(demands, scored, similarity.matrix, meaning)
    per_pair = _pair_components(scored)
    return DemandComponents(
        buyers=buyers,
        components=per_demand | {name: matrix[owner] for name, matrix in per_pair.items()},
        has_meaning=has_meaning,
        has_text=has_text,
        owner=owner,
        first_rows=np.cumsum([0, *counts[:-1]]).astype(np.intp),
        similarity=similarity,
    )


def weighted_totals(parts: DemandComponents, weights: Weights) -> FloatMatrix:
    """Each demand x provider total: the weighted sum of the components it has.

    A pair without ``meaning`` (texts still being analysed) or without ``text`` (the
    glossary knows no concept of one side, embedding methods only) is scored on the other
    components, their weights scaled up to sum 1: a component nobody can read is unknown,
    not a mismatch.
    """
    total = np.zeros(parts.has_meaning.shape, dtype=np.float32)
    for has_text in (True, False):
        for has_meaning in (True, False):
            missing = [name for name, has in ((TEXT, has_text), (MEANING, has_meaning)) if not has]
            cells = (parts.has_text == has_text) & (parts.has_meaning == has_meaning)
            if not cells.any():
                continue
            values = weights.without(*missing).as_dict()
            total = np.where(
                cells, sum(values[name] * parts.components[name] for name in COMPONENTS), total
            )
    return total


def _truncation_notices(edition: Edition) -> tuple[Notice, ...]:
    texts = [(b.id, d.text) for b in edition.buyers for d in b.demands]
    texts += [(p.id, t) for p in edition.providers for t in (p.passages or (p.text,))]
    return tuple(
        Notice(
            m.TEXT_TRUNCATED,
            {"who": who, "length": len(text.strip()), "limit": MAX_TEXT_CHARACTERS},
        )
        for who, text in texts
        if len(text.strip()) > MAX_TEXT_CHARACTERS
    )


def score_pairs(
    *,
    edition: Edition,
    weights: Weights | None = None,
    method: str = DEFAULT_METHOD,
    embedder: Embedder | None = None,
    vectors: TextVectors | None = None,
) -> ScoreTable:
    """Score every buyer-provider pair; each component is in [0, 1], the total too.

    With the embedding methods, ``vectors`` holds stored vectors and ``embedder`` encodes
    the texts missing from them. A pair whose texts have no vector yet is scored on the
    other components, their weights scaled up to sum 1 (``Weights.without_meaning``), and a
    notice says how many texts are still being analysed.
    """
    weights = weights or default_weights(method)
    parts = demand_components(edition=edition, method=method, embedder=embedder, vectors=vectors)
    reduced = best_demands(parts, weights)
    similarity = parts.similarity
    notices = _truncation_notices(edition)
    pending = similarity.meaning.pending if similarity.meaning is not None else 0
    texts = similarity.meaning.texts if similarity.meaning is not None else 0
    if pending:
        notices += (Notice(m.TEXTS_PENDING, {"pending": pending, "total": texts}),)
    return ScoreTable(
        edition=edition,
        total=reduced.total,
        components=reduced.components,
        best_demand=reduced.best_demand,
        demand_concepts=reduced.demand_concepts,
        provider_concepts=similarity.provider_concepts,
        weights=weights,
        notices=notices,
        pending_texts=pending,
        meaning_texts=texts,
        method=method,
        idf=similarity.idf,
    )


@dataclass(frozen=True, slots=True)
class PairScores:
    """Buyer x provider scores, each at the buyer's best demand (what a ScoreTable holds)."""

    total: FloatMatrix
    components: dict[str, FloatMatrix]
    best_demand: npt.NDArray[np.int32]
    demand_concepts: tuple[tuple[frozenset[str], ...], ...]


def best_demands(parts: DemandComponents, weights: Weights) -> PairScores:
    """Each buyer x provider pair scored at the buyer's best demand for that provider."""
    buyers, both = parts.buyers, parts.components
    similarity = parts.similarity
    n_buyers, n_providers = len(buyers), both[FIELD].shape[1]
    per_demand = {name: both[name] for name in (FIELD, KIND, SIZE, TEXT, MEANING)}
    per_pair = {name: both[name][parts.first_rows] for name in (LANGUAGE, CERTIFICATIONS, INTEREST)}
    demand_total = weighted_totals(parts, weights)
    best = np.zeros((n_buyers, n_providers), dtype=np.int32)
    components = {name: np.zeros((n_buyers, n_providers), dtype=np.float32) for name in COMPONENTS}
    total = np.zeros((n_buyers, n_providers), dtype=np.float32)
    start = 0
    columns = np.arange(n_providers)
    for row, buyer in enumerate(buyers):
        stop = start + len(buyer.demands)
        choice = np.argmax(demand_total[start:stop], axis=0)
        best[row] = choice
        total[row] = demand_total[start + choice, columns]
        for name, matrix in per_demand.items():
            components[name][row] = matrix[start + choice, columns]
        start = stop
    for name, matrix in per_pair.items():
        components[name] = matrix
    concepts_by_buyer: list[tuple[frozenset[str], ...]] = []
    start = 0
    for buyer in buyers:
        concepts_by_buyer.append(similarity.demand_concepts[start : start + len(buyer.demands)])
        start += len(buyer.demands)
    return PairScores(
        total=np.clip(total, 0, 1).astype(np.float32),
        components=components,
        best_demand=best,
        demand_concepts=tuple(concepts_by_buyer),
    )
