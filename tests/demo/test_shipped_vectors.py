"""The demo's description vectors ship with the code and are the default model's own."""

import numpy as np
import pytest

from fairmatch.demo import embeddings as demo_embeddings
from fairmatch.demo.embeddings import ShippedEmbedder, shipped_vectors
from fairmatch.enterprises.models import Enterprise
from fairmatch.matching.domain.embeddings import text_hash
from fairmatch.matching.engine.embedders import DEFAULT_MODEL, MODELS, load_embedder
from fairmatch.matching.engine.meaning import prepared
from fairmatch.matching.models import TextEmbedding


class CountingModel:
    model = MODELS[DEFAULT_MODEL]

    def __init__(self):
        self.asked: list[str] = []

    def encode(self, texts):
        self.asked += texts
        return np.ones((len(texts), self.model.dimension), dtype=np.float32)


def test_known_texts_are_answered_without_the_model_and_others_by_it(monkeypatch):
    model = CountingModel()
    monkeypatch.setattr(demo_embeddings, "load_embedder", lambda name: model)
    known = {text_hash("渲染服务"): np.full(model.model.dimension, 0.5, dtype=np.float32)}
    embedder = ShippedEmbedder(known)
    vectors = embedder.encode(["渲染服务", "software testing"])
    assert model.asked == ["software testing"]
    assert embedder.encoded == 1
    assert vectors[0][0] == pytest.approx(0.5)
    assert vectors[1][0] == pytest.approx(1.0)


def test_vectors_of_another_model_are_not_used(tmp_path):
    path = tmp_path / "vectors.npz"
    np.savez(
        path,
        model=np.array("some-other-model (pkg 1.0)"),
        hashes=np.array([text_hash("x")]),
        vectors=np.zeros((1, 384), dtype=np.float32),
    )
    assert shipped_vectors(path) == {}
    assert shipped_vectors(tmp_path / "missing.npz") == {}


def test_the_demo_encodes_none_of_its_descriptions_itself(demo_conference):
    assert ", 0 encoded by the model)" in demo_conference.output


def test_the_shipped_vectors_are_what_the_model_gives(demo_conference, db):
    """A new model or package version must come with new shipped vectors."""
    texts = {  # descriptions the demo embedded (its participants'), one per script
        script: Enterprise.objects.filter(description__regex=pattern, embedding__isnull=False)
        .values_list("description", flat=True)
        .first()
        for script, pattern in (
            ("han", "[\u4e00-\u9fff]{4}"),
            ("hangul", "[\uac00-\ud7a3]{4}"),
            ("kana", "[\u3040-\u30ff]{3}"),
            ("latin", "^[A-Za-z]"),
        )
    }
    assert all(texts.values()), texts
    shipped = shipped_vectors()
    computed = load_embedder().encode([prepared(text) for text in texts.values()])
    for text, vector in zip(texts.values(), computed, strict=True):
        stored = TextEmbedding.objects.filter(text_hash=text_hash(text)).first()
        assert stored is not None
        assert np.dot(shipped[text_hash(text)], vector) > 0.999
        assert np.dot(np.frombuffer(stored.vector, dtype="<f4"), vector) > 0.999
