"""The directory's search across languages: the services a query names, closeness in meaning
by the matching's model (stored vectors), names with typos, pages sorted by relevance."""

import pytest

from fairmatch.enterprises.models import Participation
from fairmatch.matching.domain.directory import query_vector
from fairmatch.matching.domain.embeddings import compute_embeddings
from fairmatch.matching.engine.embedders import load_embedder
from tests.factories import CapabilityFactory, FieldFactory
from tests.matching.helpers import buyer, edition_with_policy, member, provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = edition_with_policy()
    animation = FieldFactory(code="animation", name_en="Cartoon and animation", name_zh="动漫")
    pharma = FieldFactory(code="pharma_rd", name_en="Pharmaceutical R&D", name_zh="医药研发")
    software = FieldFactory()
    described = [
        (
            "大连动漫科技有限公司",
            "Dalian Animation Technology",
            animation,
            "承接三维动画渲染与合成外包",
        ),
        (
            "杭州光影数码有限公司",
            "Hangzhou Lightshadow Digital",
            animation,
            "影视级渲染农场，按帧计费",
        ),
        (
            "沈阳软件测试中心",
            "Shenyang Software QA Centre",
            software,
            "提供软件测试、自动化测试与质量保证",
        ),
        (
            "北京医药研发中心",
            "Beijing Pharma R&D Centre",
            pharma,
            "临床前药物研发与临床试验数据管理",
        ),
    ]
    for original, english, field, text in described:
        participation = provider(edition, name_original=original, name_en=english)
        CapabilityFactory(participation=participation, field=field, description=text)
    compute_embeddings(participations=Participation.objects.filter(edition=edition))
    return edition


def _found(client, edition, text, **more):
    response = client.get(f"/e/{edition.slug}/directory/", {"q": text, **more})
    return [row.enterprise.name_en for row in response.context["rows"]], response


def test_rendering_finds_the_chinese_providers_that_describe_it(client, edition):
    client.force_login(member(buyer(edition)))
    names, response = _found(client, edition, "rendering")
    assert sorted(names) == ["Dalian Animation Technology", "Hangzhou Lightshadow Digital"]
    assert "most relevant first" in response.content.decode()


def test_software_testing_finds_those_writing_it_in_chinese(client, edition):
    client.force_login(member(buyer(edition)))
    names, _response = _found(client, edition, "software testing")
    assert names == ["Shenyang Software QA Centre"]


def test_typos_are_tolerated_in_services_and_names(client, edition):
    client.force_login(member(buyer(edition)))
    assert sorted(_found(client, edition, "renderng")[0]) == [
        "Dalian Animation Technology",
        "Hangzhou Lightshadow Digital",
    ]
    assert _found(client, edition, "Dalain Animaton")[0][0] == "Dalian Animation Technology"


def test_the_query_is_embedded_once_by_the_model_loaded_once(client, edition):
    client.force_login(member(buyer(edition)))
    query_vector.cache_clear()
    _found(client, edition, "clinical trials")
    _found(client, edition, "clinical trials")
    assert (query_vector.cache_info().misses, query_vector.cache_info().hits) == (1, 1)
    assert load_embedder() is load_embedder()


def test_results_are_paginated_and_keep_the_query(client, edition):
    for number in range(30):
        participation = provider(edition, name_en=f"Render Studio {number}")
        CapabilityFactory(participation=participation, description="动画渲染外包")
    client.force_login(member(buyer(edition)))
    names, response = _found(client, edition, "rendering")
    assert (len(names), response.context["total"]) == (25, 32)
    assert 'href="?q=rendering&amp;page=2"' in response.content.decode()
    second, _response = _found(client, edition, "rendering", page=2)
    assert len(second) == 7
    assert not set(names) & set(second)
