"""Saving one participant re-ranks it incrementally: the stored lists end as a full refresh's."""

import pytest
from django.db import transaction

from fairmatch.enterprises.domain.applications import application_changed
from fairmatch.enterprises.models import State
from fairmatch.matching.domain.embeddings import compute_edition_embeddings
from fairmatch.matching.domain.recommendations import (
    refresh_recommendations,
    rerank_participation,
)
from fairmatch.matching.models import Recommendation
from tests.factories import CapabilityFactory, FieldFactory
from tests.matching.engine.test_rerank import HashEmbedder
from tests.matching.helpers import buyer, edition_with_policy, provider

pytestmark = pytest.mark.django_db

TEXTS = (
    "3D rendering and compositing for TV series",
    "渲染和后期合成",
    "mobile banking app development",
    "银行手机应用开发与测试",
    "toxicology and pre-clinical studies",
)


@pytest.fixture
def fair(monkeypatch):
    """An edition of 4 buyers and 6 providers, embedded with a stand-in model and ranked."""
    monkeypatch.setattr("fairmatch.matching.domain.embeddings.load_embedder", HashEmbedder)
    edition = edition_with_policy(meetings_per_participant=2)
    animation = FieldFactory(code="animation")
    software = FieldFactory(code="software")
    buyers = []
    for i in range(4):
        participation = buyer(edition, languages=["en"])
        participation.demands.update(
            field=animation if i % 2 else software,
            description=TEXTS[i % len(TEXTS)],
            description_language="en",
        )
        buyers.append(participation)
    providers = []
    for j in range(6):
        participation = provider(edition, languages=["zh", "en"])
        CapabilityFactory(
            participation=participation,
            field=software if j % 2 else animation,
            description=TEXTS[(j + 1) % len(TEXTS)],
            description_language="zh-hans",
        )
        providers.append(participation)
    compute_edition_embeddings(edition=edition, embedder=HashEmbedder())
    refresh_recommendations(edition=edition, top=3)
    return edition, buyers, providers


def _stored(edition):
    return sorted(
        Recommendation.objects.filter(edition=edition).values_list(
            "participation_id", "counterpart_id", "rank", "score", "components", "reasons"
        )
    )


def test_a_changed_buyer_is_re_ranked_as_a_full_refresh_would(fair):
    edition, buyers, providers = fair
    before = _stored(edition)
    changed = buyers[0]
    changed.enterprise.languages = ["zh"]
    changed.enterprise.save()
    changed.demands.update(field=providers[1].capabilities.get().field)
    result = rerank_participation(participation=changed, top=3)
    assert result.lists >= 1
    incremental = _stored(edition)
    assert incremental != before
    refresh_recommendations(edition=edition, top=3)
    # The change leaves the glossary's IDF as it was: every stored row is the refresh's.
    assert incremental == _stored(edition)


def test_a_changed_description_rebuilds_its_list_as_a_full_refresh_would(fair):
    edition, _buyers, providers = fair
    changed = providers[2]
    capability = changed.capabilities.get()
    capability.description = "mobile banking app development for retail banks"
    capability.save()
    compute_edition_embeddings(edition=edition, embedder=HashEmbedder())
    rerank_participation(participation=changed, top=3)
    mine = Recommendation.objects.filter(participation=changed)
    incremental = sorted(mine.values_list("counterpart_id", "rank", "score", "components"))
    refresh_recommendations(edition=edition, top=3)
    assert incremental == sorted(mine.values_list("counterpart_id", "rank", "score", "components"))


def test_only_changed_rows_are_written(fair):
    edition, buyers, _providers = fair
    ids = set(Recommendation.objects.filter(edition=edition).values_list("pk", flat=True))
    result = rerank_participation(participation=buyers[1], top=3)
    assert (result.created, result.updated, result.deleted) == (0, 0, 0)
    assert set(Recommendation.objects.filter(edition=edition).values_list("pk", flat=True)) == ids


def test_a_withdrawn_participant_leaves_every_list(fair):
    _edition, _buyers, providers = fair
    gone = providers[0]
    gone.state = State.WITHDRAWN
    gone.save()
    rerank_participation(participation=gone, top=3)
    assert not Recommendation.objects.filter(counterpart=gone).exists()
    assert not Recommendation.objects.filter(participation=gone).exists()


def test_saving_an_application_re_ranks_it_in_the_background(
    fair, django_capture_on_commit_callbacks
):
    edition, buyers, _providers = fair
    refresh_recommendations(edition=edition)  # the product's list length
    changed = buyers[2]
    changed.demands.update(description="渲染和后期合成，三维动画")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        application_changed(participation=changed)
    incremental = _stored(edition)
    refresh_recommendations(edition=edition)
    mine = [row for row in incremental if row[0] == changed.pk]
    assert mine == [row for row in _stored(edition) if row[0] == changed.pk]


def test_an_edition_never_ranked_is_left_to_the_organisers_refresh(fair):
    edition, buyers, _providers = fair
    Recommendation.objects.filter(edition=edition).delete()
    assert rerank_participation(participation=buyers[0]).lists == 0
    assert not Recommendation.objects.filter(edition=edition).exists()
