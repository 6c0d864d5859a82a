"""Text similarity between buyers' demands and providers' capabilities, across languages.

Methods (chosen by ``fairmatch bench matching``; see docs/matching.md for the figures):

- ``tfidf``: TF-IDF over character n-grams. Works within one language (Chinese and English
  alike, no word segmentation needed) but cannot bridge languages.
- ``glossary``: the concepts of :mod:`fairmatch.matching.engine.glossary` each text mentions,
  IDF-weighted, compared by cosine. Bridges en/zh/ja/ko.
- ``hybrid`` (default): the glossary wherever it knows a concept of both texts, character
  n-grams where it knows none of one (a field or a wording the glossary lacks). Mixing the
  two everywhere measured worse: n-grams then favour same-language pairs.
- ``services``: only structured service codes picked on forms (``Demand.services``).
- ``embedding``: a multilingual sentence-embedding model shipped inside a PyPI package
  (optional extra ``fairmatch[embeddings]``), mixed with the glossary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer

from fairmatch.matching.engine.glossary import CONCEPTS, extract_concepts
from fairmatch.matching.engine.model import Buyer, Provider

FloatMatrix = npt.NDArray[np.float32]
METHODS = ("tfidf", "glossary", "hybrid", "services", "embedding")
DEFAULT_METHOD = "hybrid"


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised vectors (one row per text)."""

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.floating]: ...


@dataclass(frozen=True, slots=True)
class TextSimilarity:
    """Similarities of every demand (rows, in buyer then demand order) to every provider.

    ``demand_concepts`` and ``provider_concepts`` are kept to explain a score.
    """

    matrix: FloatMatrix
    demand_concepts: tuple[frozenset[str], ...]
    provider_concepts: tuple[frozenset[str], ...]


def demand_concepts(buyers: Sequence[Buyer]) -> tuple[frozenset[str], ...]:
    """Concepts of every demand: glossary terms of its text plus its structured services."""
    return tuple(
        extract_concepts(demand.text, fields=(demand.field,)) | demand.services
        for buyer in buyers
        for demand in buyer.demands
    )


def provider_concepts(providers: Sequence[Provider]) -> tuple[frozenset[str], ...]:
    """Concepts of every provider: glossary terms of its text plus its structured services."""
    return tuple(
        extract_concepts(provider.text, fields=provider.fields) | provider.services
        for provider in providers
    )


def _concept_matrix(
    concept_sets: Sequence[frozenset[str]], codes: dict[str, int], idf: npt.NDArray[np.float64]
) -> FloatMatrix:
    matrix = np.zeros((len(concept_sets), len(codes)), dtype=np.float32)
    for row, concepts in enumerate(concept_sets):
        for code in concepts:
            if code in codes:
                matrix[row, codes[code]] = idf[codes[code]]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalised: FloatMatrix = (matrix / np.where(norms == 0, 1, norms)).astype(np.float32)
    return normalised


def concept_similarity(
    left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]
) -> FloatMatrix:
    """Cosine of IDF-weighted concept sets, ``len(left) x len(right)``."""
    vocabulary = sorted({c.code for c in CONCEPTS} | set().union(*left, *right))
    codes = {code: index for index, code in enumerate(vocabulary)}
    counts = np.zeros(len(codes))
    for concepts in (*left, *right):
        for code in concepts:
            counts[codes[code]] += 1
    documents = len(left) + len(right)
    # Smoothed IDF as scikit-learn computes it: a concept everyone mentions counts little.
    idf = np.log((1 + documents) / (1 + counts)) + 1
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


def embedding_similarity(
    left: Sequence[str], right: Sequence[str], *, embedder: Embedder
) -> FloatMatrix:
    """Cosine of sentence embeddings, rescaled so the typical unrelated pair is near 0.

    Embedding models crowd all cosines in a narrow band (0.75-0.9 for some); the rescaling
    maps the median pair to 0 and the 99th percentile to 1 so the component is comparable.
    """
    vectors_left = np.asarray(embedder.encode(list(left)), dtype=np.float32)
    vectors_right = np.asarray(embedder.encode(list(right)), dtype=np.float32)
    raw = vectors_left @ vectors_right.T
    median, top = np.percentile(raw, [50, 99])
    spread = max(float(top - median), 1e-6)
    rescaled: FloatMatrix = np.clip((raw - median) / spread, 0, 1).astype(np.float32)
    return rescaled


def text_similarity(
    *,
    buyers: Sequence[Buyer],
    providers: Sequence[Provider],
    method: str = DEFAULT_METHOD,
    embedder: Embedder | None = None,
) -> TextSimilarity:
    """Similarity of each demand to each provider's capability text, in [0, 1]."""
    if method not in METHODS:
        raise ValueError(f"method: must be one of {', '.join(METHODS)}, not {method!r}")
    demands = [demand for buyer in buyers for demand in buyer.demands]
    left_texts = [demand.text for demand in demands]
    right_texts = [provider.text for provider in providers]
    left_concepts = demand_concepts(buyers)
    right_concepts = provider_concepts(providers)
    if method == "tfidf":
        matrix = ngram_similarity(left_texts, right_texts)
    elif method == "glossary":
        matrix = concept_similarity(left_concepts, right_concepts)
    elif method == "services":
        left_concepts = tuple(demand.services for demand in demands)
        right_concepts = tuple(provider.services for provider in providers)
        matrix = concept_similarity(left_concepts, right_concepts)
    elif method == "embedding":
        if embedder is None:
            raise ValueError(
                "method: 'embedding' needs an embedder (pip install fairmatch[embeddings])"
            )
        meaning = embedding_similarity(left_texts, right_texts, embedder=embedder)
        matrix = 0.5 * meaning + 0.5 * concept_similarity(left_concepts, right_concepts)
    else:
        known = np.outer(
            np.array([bool(c) for c in left_concepts]), np.array([bool(c) for c in right_concepts])
        )
        matrix = np.where(
            known,
            concept_similarity(left_concepts, right_concepts),
            ngram_similarity(left_texts, right_texts),
        )
    return TextSimilarity(
        matrix=np.clip(matrix, 0, 1).astype(np.float32),
        demand_concepts=left_concepts,
        provider_concepts=right_concepts,
    )
