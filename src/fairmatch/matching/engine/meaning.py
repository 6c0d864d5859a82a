"""The ``meaning`` component: how close two descriptions are by a multilingual embedding model.

Vectors come from storage (computed once per text when it was saved) or from an embedder
the caller passes; a text without a vector leaves its pairs without the component (they
are scored on the others). Before comparing, part of its language's mean vector is taken
off each vector: multilingual models place texts of one language near each other whatever
they say, which favours same-language pairs (docs/matching.md has the figures).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Protocol

import numpy as np
import numpy.typing as npt

from fairmatch.matching.engine.embedders import EmbeddingModel

FloatMatrix = npt.NDArray[np.float32]
# The forms allow 5,000 characters; longer texts (plain JSON input) are cut, with a notice.
MAX_TEXT_CHARACTERS = 5000


class Embedder(Protocol):
    """A loaded model: ``encode`` turns texts into L2-normalised vectors (one row each)."""

    model: EmbeddingModel

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.floating]: ...


@dataclass(frozen=True, slots=True)
class TextVectors:
    """Vectors already computed with ``model``, keyed by the (prepared) text."""

    model: EmbeddingModel
    vectors: Mapping[str, npt.NDArray[np.floating]] = field(default_factory=dict)


def prepared(text: str) -> str:
    """The text as it is embedded: trimmed, and cut to ``MAX_TEXT_CHARACTERS``."""
    return text.strip()[:MAX_TEXT_CHARACTERS]


def primary_language(code: str, text: str = "") -> str:
    """ "zh-hans" -> "zh"; without a code, Chinese, Japanese and Korean are told by script."""
    if code:
        return code.split("-")[0].split("_")[0].lower()
    scripts = {unicodedata.name(char, "").split(" ")[0] for char in text[:200]}
    if "HANGUL" in scripts:
        return "ko"
    if "HIRAGANA" in scripts or "KATAKANA" in scripts:
        return "ja"
    if "CJK" in scripts:
        return "zh"
    return ""


@cache
def language_means(model_key: str) -> dict[str, FloatMatrix]:
    """Mean vector of each language's descriptions (shipped; see ``language_means.npz``)."""
    try:
        source = resources.files("fairmatch.matching.engine").joinpath(
            f"language_means_{model_key}.npz"
        )
        with resources.as_file(source) as path, np.load(path) as stored:
            return {name: np.asarray(stored[name], dtype=np.float32) for name in stored.files}
    except FileNotFoundError:
        return {}


def _neutral(
    vectors: FloatMatrix, languages: Sequence[str], *, model: EmbeddingModel
) -> FloatMatrix:
    """Vectors with ``model.centering`` of their language's mean taken off, renormalised."""
    means = language_means(model.key)
    if not means or model.centering == 0:
        return vectors
    shifted = vectors.copy()
    for row, language in enumerate(languages):
        if language in means:
            shifted[row] -= model.centering * means[language]
    norms = np.linalg.norm(shifted, axis=1, keepdims=True)
    # Division by the norms keeps the vectors' float32 (astype copies nothing then).
    result: FloatMatrix = (shifted / np.where(norms == 0, 1, norms)).astype(np.float32, copy=False)
    return result


@dataclass(frozen=True, slots=True)
class Meaning:
    """``matrix[d, p]`` in [0, 1], NaN where the demand or every passage lacks a vector."""

    matrix: FloatMatrix
    pending: int  # non-empty texts without a vector
    texts: int  # non-empty texts in all


def meaning_similarity(
    *,
    demands: Sequence[tuple[str, str]],
    passages: Sequence[Sequence[tuple[str, str]]],
    model: EmbeddingModel,
    stored: Mapping[str, npt.NDArray[np.floating]],
    embedder: Embedder | None = None,
) -> Meaning:
    """Closeness of each demand to each provider: its best passage (a capability, the profile).

    ``demands`` are (text, language) pairs; ``passages[p]`` the provider's (text, language)
    pairs. Texts missing from ``stored`` are encoded by ``embedder`` when one is given.
    """
    wanted = {prepared(t) for t, _ in demands} | {prepared(t) for ps in passages for t, _ in ps}
    wanted.discard("")
    vectors: dict[str, FloatMatrix] = {
        text: np.asarray(stored[text], dtype=np.float32) for text in wanted if text in stored
    }
    missing = sorted(wanted - set(vectors))
    if missing and embedder is not None:
        encoded = np.asarray(embedder.encode(missing), dtype=np.float32)
        vectors.update(zip(missing, encoded, strict=True))
        missing = []
    n_demands, n_providers = len(demands), len(passages)
    matrix = np.full((n_demands, n_providers), np.nan, dtype=np.float32)
    left = [(row, prepared(t), lang) for row, (t, lang) in enumerate(demands)]
    left = [item for item in left if item[1] in vectors]
    right = [
        (column, prepared(t), lang)
        for column, items in enumerate(passages)
        for t, lang in items
        if prepared(t) in vectors
    ]
    if left and right:
        a = _neutral(
            np.stack([vectors[t] for _, t, _ in left]),
            [primary_language(lang, t) for _, t, lang in left],
            model=model,
        )
        b = _neutral(
            np.stack([vectors[t] for _, t, _ in right]),
            [primary_language(lang, t) for _, t, lang in right],
            model=model,
        )
        spread = max(model.high - model.low, 1e-6)
        close = np.clip((a @ b.T - model.low) / spread, 0, 1).astype(np.float32)
        # Best passage per provider: passages of one provider are contiguous columns.
        columns = np.array([column for column, _, _ in right])
        starts = np.flatnonzero(np.r_[True, columns[1:] != columns[:-1]])
        best = np.maximum.reduceat(close, starts, axis=1)
        rows = np.array([row for row, _, _ in left])
        matrix[np.ix_(rows, columns[starts])] = best
    return Meaning(matrix=matrix, pending=len(missing), texts=len(wanted))
