"""Text similarity between buyers' demands and providers' capabilities, across languages.

Methods (chosen by ``fairmatch bench matching``; see docs/matching.md for the figures):

- ``tfidf``: TF-IDF over character n-grams. Works within one language (Chinese and English
  alike, no word segmentation needed) but cannot bridge languages.
- ``glossary``: the concepts of :mod:`fairmatch.matching.engine.glossary` each text mentions,
  IDF-weighted, compared by cosine. Bridges en/zh/ja/ko where it knows the words.
- ``hybrid``: the glossary wherever it knows a concept of both texts, character n-grams
  where it knows none of one (the default before embeddings).
- ``services``: only structured service codes picked on forms (``Demand.services``).
- ``embedding``: a multilingual sentence-embedding model alone (the ``meaning`` component).
- ``combined`` (default): the embedding model's ``meaning`` beside the glossary's ``text``,
  with weights fitted on the benchmark's training edition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer

from fairmatch.matching.engine.embedders import load_embedder
from fairmatch.matching.engine.glossary import CONCEPTS, extract_concepts
from fairmatch.matching.engine.meaning import (
    Embedder,
    Meaning,
    TextVectors,
    meaning_similarity,
    prepared,
)
from fairmatch.matching.engine.model import Buyer, Provider

FloatMatrix = npt.NDArray[np.float32]
METHODS = ("tfidf", "glossary", "hybrid", "services", "embedding", "combined")
DEFAULT_METHOD = "combined"
# Methods whose score has the embedding model's ``meaning`` component.
MEANING_METHODS = ("embedding", "combined")
# Methods whose only edition-wide statistic is the glossary's IDF: they can re-score one
# participant against the rest with the edition's IDF kept fixed.
INCREMENTAL_METHODS = ("glossary", "services", *MEANING_METHODS)


@dataclass(frozen=True, slots=True)
class TextSimilarity:
    """Similarities of every demand (rows, in buyer then demand order) to every provider.

    ``demand_concepts`` and ``provider_concepts`` are kept to explain a score.
    """

    matrix: FloatMatrix
    demand_concepts: tuple[frozenset[str], ...]
    provider_concepts: tuple[frozenset[str], ...]
    meaning: Meaning | None = None
    # The edition-wide IDF the glossary's cosine was weighted with (concept methods only).
    idf: ConceptIdf | None = None


@dataclass(frozen=True, slots=True)
class ConceptIdf:
    """Inverse document frequencies of concepts over a whole edition's texts.

    An edition-wide statistic: re-ranking one changed participant keeps it fixed (a full
    refresh recomputes it); a concept it has not seen weighs as one no text mentions.
    """

    codes: dict[str, int]
    idf: npt.NDArray[np.float64]
    documents: int

    def weight(self, code: str) -> float:
        index = self.codes.get(code)
        if index is None:
            return float(np.log(1 + self.documents) + 1)
        return float(self.idf[index])


def concept_idf(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> ConceptIdf:
    """Smoothed IDF (as scikit-learn computes it) of every concept over both sides' texts."""
    vocabulary = sorted({c.code for c in CONCEPTS} | set().union(*left, *right))
    codes = {code: index for index, code in enumerate(vocabulary)}
    counts = np.zeros(len(codes))
    for concepts in (*left, *right):
        for code in concepts:
            counts[codes[code]] += 1
    documents = len(left) + len(right)
    # A concept everyone mentions counts little.
    idf = np.log((1 + documents) / (1 + counts)) + 1
    return ConceptIdf(codes=codes, idf=idf, documents=documents)


def demand_concepts(buyers: Sequence[Buyer]) -> tuple[frozenset[str], ...]:
    """Concepts of every demand: glossary terms of its text plus its structured services."""
    return tuple(
        _concepts(prepared(demand.text), (demand.field,)) | demand.services
        for buyer in buyers
        for demand in buyer.demands
    )


def provider_concepts(providers: Sequence[Provider]) -> tuple[frozenset[str], ...]:
    """Concepts of every provider: glossary terms of its text plus its structured services."""
    return tuple(
        _concepts(prepared(provider.text), tuple(sorted(provider.fields))) | provider.services
        for provider in providers
    )


@lru_cache(maxsize=65536)
def _concepts(text: str, fields: tuple[str, ...]) -> frozenset[str]:
    # Cached: re-ranking after one changed description re-reads only that one.
    return extract_concepts(text, fields=fields)


def _concept_matrix(
    concept_sets: Sequence[frozenset[str]], codes: dict[str, int], idf: ConceptIdf
) -> FloatMatrix:
    matrix = np.zeros((len(concept_sets), max(len(codes), 1)), dtype=np.float32)
    for row, concepts in enumerate(concept_sets):
        for code in concepts:
            matrix[row, codes[code]] = idf.weight(code)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalised: FloatMatrix = (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)
    return normalised


def concept_similarity(
    left: Sequence[frozenset[str]],
    right: Sequence[frozenset[str]],
    idf: ConceptIdf | None = None,
) -> FloatMatrix:
    """Cosine of IDF-weighted concept sets, ``len(left) x len(right)``.

    The IDF is that of ``left`` and ``right`` together unless given (an edition's, kept
    fixed while re-ranking part of it).
    """
    idf = idf if idf is not None else concept_idf(left, right)
    unseen = sorted(set().union(*left, *right) - set(idf.codes))
    codes = idf.codes | {code: len(idf.codes) + i for i, code in enumerate(unseen)}
    product = _concept_matrix(left, codes, idf) @ _concept_matrix(right, codes, idf).T
    return product.astype(np.float32)


def ngram_similarity(left: Sequence[str], right: Sequence[str]) -> FloatMatrix:
    """Cosine of TF-IDF vectors over character 1-3-grams, ``len(left) x len(right)``."""
    if not any(left) or not any(right):
        return np.zeros((len(left), len(right)), dtype=np.float32)
    vectorizer = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True, dtype=np.float32
    )
    vectors = vectorizer.fit_transform([*left, *right])
    product = vectors[: len(left)] @ vectors[len(left) :].T
    dense: FloatMatrix = np.asarray(product.toarray(), dtype=np.float32)
    return dense


def text_similarity(
    *,
    buyers: Sequence[Buyer],
    providers: Sequence[Provider],
    method: str = DEFAULT_METHOD,
    embedder: Embedder | None = None,
    vectors: TextVectors | None = None,
    idf: ConceptIdf | None = None,
) -> TextSimilarity:
    """Similarity of each demand to each provider's capability text, in [0, 1].

    For the embedding methods, ``vectors`` are the stored ones and ``embedder`` encodes the
    rest (with neither, the default model encodes every text); texts left without a vector
    leave their pairs without the ``meaning`` component. ``idf`` fixes the glossary's
    concept weights (an edition's, when scoring part of it; not with ``tfidf``/``hybrid``,
    whose n-gram statistics are refitted on the texts given).
    """
    if method not in METHODS:
        raise ValueError(f"method: must be one of {', '.join(METHODS)}, not {method!r}")
    if idf is not None and method not in INCREMENTAL_METHODS:
        raise ValueError(f"method {method!r} cannot score part of an edition")
    demands = [demand for buyer in buyers for demand in buyer.demands]
    left_texts = [prepared(demand.text) for demand in demands]
    right_texts = [prepared(provider.text) for provider in providers]
    left_concepts = demand_concepts(buyers)
    right_concepts = provider_concepts(providers)
    meaning = None
    if method == "services":
        left_concepts = tuple(demand.services for demand in demands)
        right_concepts = tuple(provider.services for provider in providers)
    if method in INCREMENTAL_METHODS:
        idf = idf if idf is not None else concept_idf(left_concepts, right_concepts)
    if method == "tfidf":
        matrix = ngram_similarity(left_texts, right_texts)
    elif method in INCREMENTAL_METHODS:
        matrix = concept_similarity(left_concepts, right_concepts, idf)
    else:
        known = np.outer(
            np.array([bool(c) for c in left_concepts]), np.array([bool(c) for c in right_concepts])
        )
        matrix = np.where(
            known,
            concept_similarity(left_concepts, right_concepts),
            ngram_similarity(left_texts, right_texts),
        )
    if method in MEANING_METHODS:
        if vectors is None and embedder is None:
            embedder = load_embedder()  # the default model, shipped in a core dependency
        model = vectors.model if vectors is not None else embedder.model  # type: ignore[union-attr]
        meaning = meaning_similarity(
            demands=[(demand.text, demand.language) for demand in demands],
            passages=[passages(provider) for provider in providers],
            model=model,
            stored=vectors.vectors if vectors is not None else {},
            embedder=embedder,
        )
    return TextSimilarity(
        matrix=np.clip(matrix, 0, 1).astype(np.float32),
        demand_concepts=left_concepts,
        provider_concepts=right_concepts,
        meaning=meaning,
        idf=idf,
    )


def passages(provider: Provider) -> list[tuple[str, str]]:
    """The provider's descriptions compared one by one: its passages, else its text."""
    texts = provider.passages or (provider.text,)
    return [(text, provider.language) for text in texts if prepared(text)]


def texts_to_embed(buyers: Sequence[Buyer], providers: Sequence[Provider]) -> list[str]:
    """Every distinct non-empty (prepared) text the embedding methods compare."""
    found = {prepared(d.text) for b in buyers for d in b.demands}
    found |= {prepared(text) for p in providers for text, _ in passages(p)}
    found.discard("")
    return sorted(found)
