"""The demo's description vectors, shipped with the code.

The demo's texts follow from its seed, so the vectors the default model gives them do too;
computing them takes most of a demo build on two cores. ``vectors.npz`` holds them, keyed
by the hash a stored vector is checked against, with the model's label: a text the file
lacks, or any text once the model or its package version changes, is encoded by the model
as usual. ``fairmatch demo --compute-vectors --save-vectors [--seed N]`` adds a build's
vectors to the file (the default seed's and the test suite's are shipped).
"""

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from fairmatch.matching.domain.embeddings import text_hash
from fairmatch.matching.engine.embedders import DEFAULT_MODEL, MODELS, load_embedder
from fairmatch.matching.models import TextEmbedding

SHIPPED = Path(__file__).resolve().parent / "data" / "vectors.npz"


def shipped_vectors(path: Path = SHIPPED) -> dict[str, npt.NDArray[np.float32]]:
    """The shipped vectors by text hash; none when the file is missing or of another model."""
    if not path.is_file():
        return {}
    with np.load(path) as data:
        if str(data["model"]) != MODELS[DEFAULT_MODEL].label:
            return {}
        return dict(zip((str(h) for h in data["hashes"]), data["vectors"], strict=True))


class ShippedEmbedder:
    """The default model, answering from the shipped vectors where it can.

    The model itself is loaded only if a text is missing from them."""

    def __init__(self, known: dict[str, npt.NDArray[np.float32]]) -> None:
        self.model = MODELS[DEFAULT_MODEL]
        self.known = known
        self.encoded = 0  # texts the model had to encode

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        result = np.zeros((len(texts), self.model.dimension), dtype=np.float32)
        missing = []
        for row, text in enumerate(texts):
            vector = self.known.get(text_hash(text))
            if vector is None:
                missing.append(row)
            else:
                result[row] = vector
        if missing:
            computed: Any = load_embedder(DEFAULT_MODEL).encode([texts[row] for row in missing])
            result[missing] = computed
            self.encoded += len(missing)
        return result


def save_vectors(path: Path = SHIPPED) -> int:
    """Add every stored vector of the default model (the demo's, after a build) to the
    shipped ones; returns how many the file holds. Builds from several seeds add up."""
    label = MODELS[DEFAULT_MODEL].label
    rows = TextEmbedding.objects.filter(model=label).order_by("text_hash")
    by_hash = shipped_vectors(path)
    by_hash.update({row.text_hash: np.frombuffer(row.vector, dtype="<f4") for row in rows})
    hashes = sorted(by_hash)
    vectors = np.stack([by_hash[h] for h in hashes]).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, model=np.array(label), hashes=np.array(hashes), vectors=vectors)
    return len(hashes)
