"""Ranking a directory for a typed query: words, services across languages, typos, names."""

import numpy as np

from fairmatch.matching.engine.search import Document, query_concepts, rank


def _docs():
    return [
        Document(
            1,
            ("大连渲染科技有限公司", "Dalian Render Tech"),
            ("承接三维动画渲染外包",),
            frozenset({"animation"}),
        ),
        Document(
            2,
            ("沈阳软件测试中心", "Shenyang QA Centre"),
            ("提供软件测试与质量保证服务",),
            frozenset({"software"}),
        ),
        Document(
            3,
            ("Northgate LLC", "Northgate LLC"),
            ("Mobile banking maintenance",),
            frozenset({"software"}),
        ),
    ]


def test_a_service_named_in_english_finds_its_chinese_description():
    assert [hit.id for hit in rank(query="rendering", documents=_docs())] == [1]
    assert [hit.id for hit in rank(query="software testing", documents=_docs())] == [2]


def test_typos_in_a_service_or_a_name_are_forgiven():
    assert query_concepts("renderng") == frozenset({"anim.render"})
    assert [hit.id for hit in rank(query="renderng", documents=_docs())] == [1]
    assert [hit.id for hit in rank(query="Northgat", documents=_docs())] == [3]


def test_the_words_themselves_rank_first_and_meaning_orders_ties():
    close = np.array([1.0, 0.0], np.float32)
    docs = [
        *_docs(),
        Document(4, ("A",), ("rendering farm",), frozenset({"animation"}), (close,)),
    ]
    hits = rank(query="rendering", documents=docs)
    assert [(hit.id, hit.signals) for hit in hits] == [(1, ("service",)), (4, ("text",))]


def test_among_equally_strong_hits_the_closer_in_meaning_comes_first():
    near = np.array([1.0, 0.0], np.float32)
    far = np.array([0.0, 1.0], np.float32)
    docs = [
        Document(1, ("A",), ("rendering farm",), frozenset(), (far,)),
        Document(2, ("B",), ("rendering studio",), frozenset(), (near,)),
        Document(3, ("C",), ("other",), frozenset(), (far,)),
    ]
    hits = rank(query="rendering", documents=docs, query_vector=near)
    assert [hit.id for hit in hits] == [2, 1]


def test_closeness_in_meaning_alone_finds_only_outliers():
    near = np.array([1.0, 0.0], np.float32)
    far = np.array([0.0, 1.0], np.float32)
    docs = [Document(i, (f"Firm {i}",), ("…",), frozenset(), (far,)) for i in range(1, 30)]
    docs.append(Document(99, ("Other",), ("…",), frozenset(), (near,)))
    hits = rank(query="zzzz qqqq", documents=docs, query_vector=near)
    assert [(hit.id, hit.signals) for hit in hits] == [(99, ("meaning",))]


def test_an_empty_query_finds_nothing():
    assert rank(query="  ", documents=_docs()) == []
