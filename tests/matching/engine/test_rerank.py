"""Re-ranking one changed participant equals re-scoring and re-ranking the whole edition."""

import hashlib
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fairmatch.matching.engine import (
    COMPONENTS,
    Buyer,
    Demand,
    Edition,
    Interest,
    Provider,
    recommend,
    score_pairs,
)
from fairmatch.matching.engine.embedders import MODELS
from fairmatch.matching.engine.model import TEXT
from fairmatch.matching.engine.rerank import NotIncremental, edition_idf, rerank, rescore
from fairmatch.matching.engine.scoring import best_demands, demand_components

FIELDS = ("animation", "software", "pharma_rd")
KINDS = ("outsourcing", "investment")
LANGUAGES = ("en", "zh", "ja")
TEXTS = (
    "",
    "3D rendering and compositing for TV series",
    "渲染和后期合成",
    "mobile banking app development",
    "银行手机应用开发与测试",
    "toxicology and pre-clinical studies",
    "臨床試験のモニタリング",
    "offshore Java team for logistics software",
)


class HashEmbedder:
    """A stand-in model: a fixed pseudo-random unit vector per text (same text, same vector)."""

    model = MODELS["e5"]

    def encode(self, texts):
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            vector = np.random.default_rng(seed).normal(size=self.model.dimension)
            rows.append(vector / np.linalg.norm(vector))
        return np.array(rows, dtype=np.float32)


def demands():
    return st.builds(
        Demand,
        field=st.sampled_from(FIELDS),
        kind=st.sampled_from(KINDS),
        value_usd=st.one_of(st.none(), st.sampled_from([1e6, 5e6, 2e7])),
        text=st.sampled_from(TEXTS),
        language=st.sampled_from(LANGUAGES),
    )


def buyers(i):
    return st.builds(
        Buyer,
        id=st.just(f"b{i}"),
        languages=st.frozensets(st.sampled_from(LANGUAGES), max_size=2),
        fields=st.frozensets(st.sampled_from(FIELDS), max_size=2),
        demands=st.lists(demands(), max_size=3).map(tuple),
        certifications_asked=st.frozensets(st.sampled_from(["ISO 9001", "GLP"]), max_size=1),
    )


def providers(i):
    return st.builds(
        Provider,
        id=st.just(f"p{i}"),
        languages=st.frozensets(st.sampled_from(LANGUAGES), max_size=2),
        fields=st.frozensets(st.sampled_from(FIELDS), min_size=1, max_size=2),
        capacity_usd=st.one_of(st.none(), st.sampled_from([2e6, 1e7])),
        certifications=st.frozensets(st.sampled_from(["ISO 9001", "GLP"]), max_size=2),
        text=st.sampled_from(TEXTS),
        language=st.sampled_from(LANGUAGES),
        kinds=st.frozensets(st.sampled_from(KINDS), max_size=2),
        passages=st.lists(st.sampled_from(TEXTS[1:]), max_size=2).map(tuple),
    )


@st.composite
def changes(draw):
    """A small edition and the same edition with one participant edited."""
    n_buyers = draw(st.integers(1, 6))
    n_providers = draw(st.integers(1, 8))
    all_buyers = [draw(buyers(i)) for i in range(n_buyers)]
    all_providers = [draw(providers(j)) for j in range(n_providers)]
    pairs = [(b.id, p.id) for b in all_buyers for p in all_providers]
    picked = draw(st.lists(st.sampled_from(pairs), max_size=4)) if pairs else []
    interests = tuple(
        Interest(source=a, target=b) if draw(st.booleans()) else Interest(source=b, target=a)
        for a, b in picked
    )
    before = Edition(tuple(all_buyers), tuple(all_providers), interests)
    if draw(st.booleans()):
        row = draw(st.integers(0, n_buyers - 1))
        edited = replace(draw(buyers(row)), id=all_buyers[row].id)
        after = replace(before, buyers=(*all_buyers[:row], edited, *all_buyers[row + 1 :]))
    else:
        column = draw(st.integers(0, n_providers - 1))
        edited = replace(draw(providers(column)), id=all_providers[column].id)
        after = replace(
            before, providers=(*all_providers[:column], edited, *all_providers[column + 1 :])
        )
    return before, after, edited.id, draw(st.sampled_from(["combined", "glossary", "services"]))


def _full_with_idf(edition, table):
    """Every pair of ``edition`` scored with ``table``'s IDF (the statistics kept fixed)."""
    parts = demand_components(
        edition=edition, method=table.method, embedder=HashEmbedder(), idf=table.idf
    )
    return best_demands(parts, table.weights)


def _lists(recommendations):
    return {
        side: {
            who: [(m.buyer, m.provider, m.score, m.components, m.reasons) for m in matches]
            for who, matches in by_id.items()
        }
        for side, by_id in (
            ("buyers", recommendations.for_buyers),
            ("providers", recommendations.for_providers),
        )
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes(), st.integers(1, 4))
def test_rerank_equals_a_full_rescore_with_the_editions_statistics(change, top):
    before, after, changed, method = change
    embedder = HashEmbedder()
    table = score_pairs(edition=before, method=method, embedder=embedder)
    statistics = edition_idf(before, method)
    assert statistics.codes == table.idf.codes
    np.testing.assert_array_equal(statistics.idf, table.idf.idf)
    lists = recommend(table=table, top=top)
    result = rerank(table, lists=lists, edition=after, changed=changed, top=top, embedder=embedder)
    full = _full_with_idf(after, table)
    np.testing.assert_allclose(result.table.total, full.total, atol=1e-6)
    for name in COMPONENTS:
        np.testing.assert_allclose(result.table.components[name], full.components[name], atol=1e-6)
    # The lists kept and rebuilt are exactly those of ranking the re-scored table.
    assert _lists(result.recommendations) == _lists(recommend(table=result.table, top=top))
    assert changed in result.buyers + result.providers


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes())
def test_components_without_edition_statistics_equal_a_full_score_pairs(change):
    before, after, changed, method = change
    embedder = HashEmbedder()
    table = score_pairs(edition=before, method=method, embedder=embedder)
    incremental = rescore(table, edition=after, changed=changed, embedder=embedder)
    full = score_pairs(edition=after, method=method, embedder=embedder)
    for name in COMPONENTS:
        if name != TEXT:
            np.testing.assert_allclose(
                incremental.components[name], full.components[name], atol=1e-6
            )
    if full.idf.codes == table.idf.codes and np.allclose(full.idf.idf, table.idf.idf):
        np.testing.assert_allclose(incremental.total, full.total, atol=1e-6)
    else:
        # The glossary's IDF moved with the change; the re-ranking keeps the old one until
        # a full refresh. On editions of a dozen texts that moves a score by up to a few
        # hundredths; the text component stays a cosine in [0, 1].
        assert np.abs(incremental.total - full.total).max() <= 0.15
        assert (incremental.components[TEXT] <= 1 + 1e-6).all()


def test_the_changed_buyer_enters_a_providers_list_and_leaves_anothers():
    render = "3D rendering and compositing for TV series"
    bank = "mobile banking app development"
    studios = [
        Buyer(
            id=f"b{i}",
            languages=frozenset({"en"}),
            demands=(Demand("animation", "outsourcing", 1e6, text=render),),
        )
        for i in range(4)
    ]
    mover = Buyer(
        id="mover",
        languages=frozenset({"en"}),
        demands=(Demand("software", "outsourcing", 1e6, text=bank),),
    )
    edition = Edition(
        buyers=(*studios, mover),
        providers=(
            Provider(id="studio", fields=frozenset({"animation"}), text=render),
            Provider(id="bank", fields=frozenset({"software"}), text=bank),
        ),
    )
    table = score_pairs(edition=edition, method="glossary")
    lists = recommend(table=table, top=2)
    assert "mover" in [m.buyer for m in lists.for_providers["bank"]]
    moved = replace(
        edition.buyers[4], demands=(Demand("animation", "outsourcing", 1e6, text=render),)
    )
    after = replace(edition, buyers=(*edition.buyers[:4], moved))
    result = rerank(table, lists=lists, edition=after, changed="mover", top=2)
    assert result.buyers == ("mover",)
    assert set(result.providers) == {"studio", "bank"}
    assert _lists(result.recommendations) == _lists(
        recommend(table=score_pairs(edition=after, method="glossary"), top=2)
    )


def test_someone_joining_or_an_ngram_method_needs_a_full_rescore():
    edition = Edition(
        buyers=(Buyer(id="b", demands=(Demand("software", "outsourcing", None),)),),
        providers=(Provider(id="p", fields=frozenset({"software"})),),
    )
    table = score_pairs(edition=edition, method="glossary")
    joined = replace(edition, providers=(*edition.providers, Provider(id="q")))
    with pytest.raises(NotIncremental):
        rescore(table, edition=joined, changed="q")
    with pytest.raises(NotIncremental):
        rescore(score_pairs(edition=edition, method="tfidf"), edition=edition, changed="b")
