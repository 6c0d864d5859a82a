"""Stored embeddings: computed once per text, recomputed after an edit, read when ranking."""

import importlib.metadata
from dataclasses import replace

import numpy as np
import pytest
from django.db import transaction

from fairmatch.enterprises.domain.applications import application_changed, profile_changed
from fairmatch.matching.domain.embeddings import (
    compute_edition_embeddings,
    compute_embeddings,
    owners,
    stored_vectors,
    text_hash,
)
from fairmatch.matching.domain.recommendations import (
    analysis_progress,
    engine_input,
    refresh_recommendations,
)
from fairmatch.matching.engine.embedders import MODELS, _package_version
from fairmatch.matching.models import Recommendation, TextEmbedding
from tests.factories import CapabilityFactory, OrganiserFactory
from tests.matching.helpers import buyer, edition_with_policy, provider

pytestmark = pytest.mark.django_db


class CountingEmbedder:
    """A stand-in model for plumbing tests: a vector per text, counting what it encoded."""

    def __init__(self, model=MODELS["e5"]):
        self.model = model
        self.encoded = []

    def encode(self, texts):
        self.encoded.extend(texts)
        return np.array([[len(text), 1.0, 0.0] for text in texts], dtype=np.float32)


@pytest.fixture
def edition():
    return edition_with_policy(meetings_per_participant=2)


def test_a_stored_vector_is_reused_and_recomputed_after_an_edit(edition):
    participation = buyer(edition)
    demand = participation.demands.get()
    demand.description = "3D animation for a children's series"
    demand.save()
    participation.enterprise.description = ""
    participation.enterprise.save()
    model = CountingEmbedder()
    assert compute_embeddings(participations=[participation], embedder=model) == 1
    assert model.encoded == ["3D animation for a children's series"]
    row = TextEmbedding.objects.get(demand=demand)
    assert (row.text_hash, row.dimension) == (text_hash(demand.description), 3)
    assert row.model == MODELS["e5"].label
    assert np.frombuffer(bytes(row.vector), dtype="<f4").tolist() == [36.0, 1.0, 0.0]

    assert compute_embeddings(participations=[participation], embedder=model) == 0
    assert model.encoded == ["3D animation for a children's series"]

    demand.description = "  2D animation for a feature film "
    demand.save()
    assert compute_embeddings(participations=[participation], embedder=model) == 1
    assert model.encoded[-1] == "2D animation for a feature film"
    assert TextEmbedding.objects.get(demand=demand).text_hash == text_hash(
        "2D animation for a feature film"
    )
    assert TextEmbedding.objects.count() == 1

    newer = replace(MODELS["e5"], name="multilingual-e5-small-q4-next")
    assert compute_embeddings(participations=[participation], embedder=CountingEmbedder(newer)) == 1
    assert TextEmbedding.objects.get(demand=demand).model == newer.label

    demand.description = "   "
    demand.save()
    assert compute_embeddings(participations=[participation], embedder=model) == 0
    assert not TextEmbedding.objects.exists()


def test_ranking_reads_only_vectors_that_match_the_text_and_model(edition):
    participation = buyer(edition)
    model = CountingEmbedder()
    compute_embeddings(participations=[participation], embedder=model)
    found = owners(participations=[participation])
    texts = [o.text.strip() for o in found if o.text.strip()]
    assert sorted(stored_vectors(texts=found).vectors) == sorted(texts)
    demand = participation.demands.get()
    demand.description = "something else entirely"
    demand.save()
    vectors = stored_vectors(texts=owners(participations=[participation])).vectors
    assert "something else entirely" not in vectors


def test_ranking_works_while_texts_are_being_analysed_and_the_organiser_is_told(client, edition):
    buyers = [buyer(edition) for _ in range(2)]
    providers = [provider(edition) for _ in range(3)]
    for participation in providers:
        CapabilityFactory(participation=participation)
    total = sum(1 for o in engine_input(edition).texts if o.text.strip())
    assert analysis_progress(edition=edition).pending == total
    assert refresh_recommendations(edition=edition) == 2 * 3 + 3 * 2
    assert Recommendation.objects.filter(participation=buyers[0]).count() == 3
    client.force_login(OrganiserFactory())
    page = client.get(f"/organiser/{edition.slug}/matching/").content.decode()
    assert f"{total} of {total} texts are still being analysed" in page

    assert compute_edition_embeddings(edition=edition) == total  # the real default model
    assert analysis_progress(edition=edition).pending == 0
    assert refresh_recommendations(edition=edition) == 12
    page = client.get(f"/organiser/{edition.slug}/matching/").content.decode()
    assert "still being analysed" not in page


def test_saving_an_application_or_a_profile_computes_its_vectors_in_the_background(
    edition, django_capture_on_commit_callbacks
):
    participation = provider(edition, description="一家位于大连的软件外包企业")
    CapabilityFactory(participation=participation, description="银行手机应用开发")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        application_changed(participation=participation)
    assert TextEmbedding.objects.filter(capability__participation=participation).count() == 1
    assert TextEmbedding.objects.filter(enterprise=participation.enterprise).count() == 1
    enterprise = participation.enterprise
    enterprise.description = "一家位于成都的软件企业"
    enterprise.save()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        profile_changed(enterprise=enterprise)
    assert TextEmbedding.objects.get(enterprise=enterprise).text_hash == text_hash(
        "一家位于成都的软件企业"
    )


def test_a_new_version_of_the_models_package_makes_stored_vectors_stale(
    edition, monkeypatch, request
):
    participation = buyer(edition)
    demand = participation.demands.get()
    demand.description = "3D animation for a children's series"
    demand.save()
    participation.enterprise.description = ""
    participation.enterprise.save()
    model = CountingEmbedder()
    assert compute_embeddings(participations=[participation], embedder=model) == 1
    found = owners(participations=[participation])
    assert list(stored_vectors(texts=found).vectors) == [demand.description]

    installed = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata,
        "version",
        lambda package: "99.0" if package == MODELS["e5"].package else installed(package),
    )
    # The version is read once per process (cached): forget it now and after the test.
    _package_version.cache_clear()
    request.addfinalizer(_package_version.cache_clear)
    assert MODELS["e5"].label.endswith(f"({MODELS['e5'].package} 99.0)")
    assert stored_vectors(texts=found).vectors == {}  # ranking no longer reads it
    assert analysis_progress(edition=edition).pending >= 1
    assert compute_embeddings(participations=[participation], embedder=model) == 1
    assert model.encoded == [demand.description] * 2
    assert TextEmbedding.objects.get(demand=demand).model == MODELS["e5"].label
    assert list(stored_vectors(texts=found).vectors) == [demand.description]
