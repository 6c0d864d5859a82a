"""Ranks a directory's participants for a typed query, across languages and typos.

Four signals, strongest first:

- the query itself appears in a name or description (any language): 1.0;
- a service the query names (the glossary's concepts, typos forgiven against its terms)
  is described by the participant in any language ("rendering" finds 渲染): 1.0 as well;
- a name is close to the query, typos included (rapidfuzz): 0.5 to 0.95;
- a description is unusually close in meaning to the query (the matching's multilingual
  embedding model; more than ``MEANING_Z`` standard deviations above the edition's mean):
  0.3 to 0.5.

Within one signal, closeness in meaning orders the participants.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process, utils

from fairmatch.matching.engine.glossary import CONCEPTS, extract_concepts, mentioned

FloatVector = npt.NDArray[np.float32]

LITERAL = 1.0
CONCEPT = 1.0  # a service named in another language is found as well as in the query's
NAME_CUTOFF = 80  # rapidfuzz score (0-100) from which a name counts as found
TERM_CUTOFF = 86  # ... from which a query word counts as a glossary term (typos)
MEANING_Z = 2.0  # standard deviations above the mean closeness for a meaning-only match
MEANING_WEIGHT = 0.05  # how much closeness in meaning orders participants within a signal


@dataclass(frozen=True, slots=True)
class Document:
    """One participant as the search sees it."""

    id: int
    names: tuple[str, ...]
    texts: tuple[str, ...]
    fields: frozenset[str] = frozenset()
    # The (language-centred, normalised) vectors of its descriptions.
    vectors: tuple[FloatVector, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    id: int
    score: float
    signals: tuple[str, ...] = field(default_factory=tuple)


_LATIN_TERMS: dict[str, str] = {
    term: concept.code
    for concept in CONCEPTS
    for term in concept.terms
    if term.isascii() and len(term) >= 4
}


def query_concepts(query: str) -> frozenset[str]:
    """The glossary concepts a query names, forgiving typos in Latin-script words."""
    found = set(extract_concepts(query, fields=[c.field for c in CONCEPTS]))
    lowered = query.lower().strip()
    words = [w for w in re.split(r"[^\w-]+", lowered) if len(w) >= 4]
    pairs = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
    for candidate in [lowered, *pairs, *words]:
        match = process.extractOne(
            candidate, list(_LATIN_TERMS), scorer=fuzz.ratio, score_cutoff=TERM_CUTOFF
        )
        if match is not None:
            found.add(_LATIN_TERMS[match[0]])
    return frozenset(found)


def _name_score(query: str, names: Sequence[str]) -> float:
    """0 when no name is close; else 0.5 (just close enough) to 0.95 (the same)."""
    best = max(
        (
            fuzz.partial_ratio(query, name, processor=utils.default_process)
            for name in names
            if name.strip()
        ),
        default=0.0,
    )
    if best < NAME_CUTOFF:
        return 0.0
    return 0.5 + 0.45 * (best - NAME_CUTOFF) / (100 - NAME_CUTOFF)


def rank(
    *,
    query: str,
    documents: Sequence[Document],
    query_vector: FloatVector | None = None,
) -> list[Hit]:
    """The documents the query finds, most relevant first (ties by id)."""
    query = query.strip()
    if not query:
        return []
    lowered = query.casefold()
    concepts = query_concepts(query)
    closeness: Mapping[int, float] = {}
    if query_vector is not None:
        closeness = {
            doc.id: max(float(vector @ query_vector) for vector in doc.vectors)
            for doc in documents
            if doc.vectors
        }
    spread = np.array(list(closeness.values()) or [0.0], dtype=np.float64)
    mean, deviation = float(spread.mean()), float(spread.std()) or 1.0
    hits = []
    for doc in documents:
        z = (closeness[doc.id] - mean) / deviation if doc.id in closeness else 0.0
        signals = []
        score = 0.0
        if any(lowered in text.casefold() for text in (*doc.names, *doc.texts)):
            score, signals = LITERAL, ["text"]
        if (
            score < CONCEPT
            and concepts
            and mentioned("\n".join(doc.texts), codes=concepts, fields=doc.fields)
        ):
            score, signals = CONCEPT, ["service"]
        name = _name_score(query, doc.names)
        if name > score:
            score, signals = name, ["name"]
        if score == 0.0 and z >= MEANING_Z:
            score, signals = min(0.3 + 0.05 * (z - MEANING_Z), 0.5), ["meaning"]
        if score > 0:
            hits.append(Hit(doc.id, round(score + MEANING_WEIGHT * max(z, 0.0), 4), tuple(signals)))
    return sorted(hits, key=lambda hit: (-hit.score, hit.id))
