"""The default text model across languages, and bad text: always a score, never a failure."""

import numpy as np
import pytest

from fairmatch.matching.engine import (
    Buyer,
    Demand,
    Edition,
    Provider,
    TextVectors,
    Weights,
    recommend,
    score_pairs,
)
from fairmatch.matching.engine.embedders import MODELS, load_embedder
from fairmatch.matching.engine.meaning import MAX_TEXT_CHARACTERS, primary_language


def buyer(id, text, *, field="software", language="en"):
    return Buyer(
        id=id,
        languages=frozenset({language, "en"}),
        fields=frozenset({field}),
        demands=(
            Demand(field=field, kind="outsourcing", value_usd=5e6, text=text, language=language),
        ),
    )


def provider(id, text, *, field="software", language="zh", passages=()):
    return Provider(
        id=id,
        languages=frozenset({"zh", "en"}),
        fields=frozenset({field}),
        capacity_usd=1e7,
        text=text,
        language=language,
        kinds=frozenset({"outsourcing"}),
        passages=passages,
    )


def ranking(edition, buyer_id, **options):
    table = score_pairs(edition=edition, embedder=load_embedder(), **options)
    return [m.provider for m in recommend(table=table, top=10).for_buyers[buyer_id]]


@pytest.mark.parametrize(
    ("language", "demand"),
    [
        ("ko", "은행 고객을 위한 스마트폰 앱을 만들어 줄 개발사를 찾습니다"),
        ("ja", "銀行のお客様向けスマホアプリを作ってくれる開発会社を探しています"),
        ("de", "Wir suchen einen Entwickler für die Smartphone-App unserer Bankkunden"),
        ("es", "Buscamos quien desarrolle la app de móvil para los clientes de nuestro banco"),
    ],
)
def test_a_demand_ranks_the_matching_chinese_capability_above_a_same_field_mismatch(
    language, demand
):
    edition = Edition(
        buyers=(buyer("b", demand, language=language),),
        providers=(
            provider("cn-payroll", "为制造企业提供工资核算与人事管理软件的实施"),
            provider("cn-bank-app", "为银行客户开发手机应用程序（iOS和安卓）"),
            provider("cn-test", "游戏服务器压力测试与运维"),
        ),
    )
    assert ranking(edition, "b", method="embedding")[0] == "cn-bank-app"
    assert ranking(edition, "b")[0] == "cn-bank-app"


def test_a_provider_is_as_close_as_its_closest_passage():
    edition = Edition(
        buyers=(buyer("b", "clinical trial monitoring in oncology", field="pharma_rd"),),
        providers=(
            provider(
                "two",
                "公司成立于2001年。\n肿瘤临床试验监查服务",
                field="pharma_rd",
                passages=("公司成立于2001年，总部位于苏州。", "肿瘤临床试验监查服务"),
            ),
            provider("one", "化合物合成服务", field="pharma_rd"),
        ),
    )
    table = score_pairs(edition=edition, embedder=load_embedder(), method="embedding")
    assert table.components["meaning"][0, 0] > table.components["meaning"][0, 1]


BAD_TEXTS = {
    "empty": "",
    "one word": "animation",
    "uncovered language": "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏂᏴᏫ ᏗᎦᏃᏣᎶᏗ",
    "amharic": "ለልጆች ተከታታይ ፊልም የሶስት አቅጣጫ አኒሜሽን ስራ እንፈልጋለን",
    "invented language": "qaStaHvIS wa' ram vIghro'mey ghoStaH jIyajbe'qu' Qapla' tlhIngan",
    "mixed scripts": "3D渲染 rendering レンダリング 렌더링 Рендеринг",
    "emoji": "🎬🎨✨ 3D 🐉🚀 animation!!! 👍",
    "20,000 characters": "三维动画渲染。" * 2858,
}


@pytest.mark.parametrize("name", BAD_TEXTS)
def test_bad_text_gets_a_score_and_reasons_never_a_failure(name):
    text = BAD_TEXTS[name]
    edition = Edition(
        buyers=(buyer("b", text, field="animation"),),
        providers=(provider("p", text, field="animation"), provider("q", "", field="animation")),
    )
    table = score_pairs(edition=edition, embedder=load_embedder())
    lists = recommend(table=table, top=2)
    assert [m.provider for m in lists.for_buyers["b"]] in (["p", "q"], ["q", "p"])
    assert all(0 <= m.score <= 1 for m in lists.for_buyers["b"])
    assert all(m.reasons for m in lists.for_buyers["b"])
    if name == "20,000 characters":
        assert [n.render() for n in table.notices] == [
            f"the description of {who} has 20006 characters; only the first "
            f"{MAX_TEXT_CHARACTERS} are compared"
            for who in ("b", "p")
        ]
    else:
        assert table.notices == ()


def test_without_vectors_pairs_are_scored_on_the_other_components_with_a_notice():
    texts = {
        "bank app": "为银行客户开发手机应用程序",
        "payroll": "工资核算软件实施",
        "demand": "smartphone app for a retail bank",
    }
    edition = Edition(
        buyers=(buyer("b", texts["demand"]),),
        providers=(provider("p1", texts["payroll"]), provider("p2", texts["bank app"])),
    )
    vectors = dict(zip(texts.values(), load_embedder().encode(list(texts.values())), strict=True))
    model = MODELS["e5"]
    complete = score_pairs(edition=edition, vectors=TextVectors(model, vectors))
    assert complete.notices == ()
    assert complete.pending_texts == 0
    del vectors[texts["bank app"]]
    partial = score_pairs(edition=edition, vectors=TextVectors(model, vectors))
    assert [n.render() for n in partial.notices] == [
        "1 of 3 texts are still being analysed; until then their pairs are scored on the other "
        "components"
    ]
    assert partial.components["meaning"][0, 1] == 0
    weights = Weights(**(partial.weights.as_dict()))
    fallback = weights.without_meaning().as_dict()
    expected = sum(fallback[n] * float(partial.components[n][0, 1]) for n in fallback)
    assert partial.total[0, 1] == pytest.approx(expected, abs=1e-5)
    nothing = score_pairs(edition=edition, vectors=TextVectors(model, {}))
    assert nothing.pending_texts == 3
    assert np.all(nothing.components["meaning"] == 0)


def test_without_meaning_the_other_weights_are_scaled_to_sum_one():
    weights = Weights(
        field=0.2,
        kind=0.1,
        size=0.1,
        language=0.1,
        certifications=0.0,
        text=0.2,
        meaning=0.2,
        interest=0.1,
    )
    scaled = weights.without_meaning()
    assert scaled.meaning == 0
    assert scaled.field == pytest.approx(0.25)
    assert sum(scaled.as_dict().values()) == pytest.approx(1)


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("zh-hans", "", "zh"),
        ("en", "", "en"),
        ("", "三维动画", "zh"),
        ("", "アニメーション制作", "ja"),
        ("", "애니메이션", "ko"),
        ("", "animation", ""),
    ],
)
def test_the_language_of_a_text_is_its_code_or_its_script(code, text, expected):
    assert primary_language(code, text) == expected


def test_where_the_glossary_reads_nothing_the_text_component_is_unknown_not_a_mismatch():
    spanish = "Buscamos un socio para programar la aplicación móvil de nuestros clientes bancarios"
    edition = Edition(
        buyers=(
            buyer("es", spanish, language="es"),
            buyer("en", "payroll software rollout for a car maker"),
        ),
        providers=(provider("cn-bank-app", "为银行客户开发手机应用程序"),),
    )
    table = score_pairs(edition=edition, embedder=load_embedder())
    assert table.demand_concepts[0] == (frozenset(),)  # no glossary term in the Spanish text
    assert table.demand_concepts[1] != (frozenset(),)
    for row, missing in ((0, ("text",)), (1, ())):
        weights = table.weights.without(*missing).as_dict()
        expected = sum(weights[n] * float(table.components[n][row, 0]) for n in weights)
        assert table.total[row, 0] == pytest.approx(expected, abs=1e-5)
    assert table.weights.without("text").text == 0
    assert sum(table.weights.without("text").as_dict().values()) == pytest.approx(1)
    lists = recommend(table=table, top=2)
    assert [m.buyer for m in lists.for_providers["cn-bank-app"]] == ["es", "en"]
    assert all(m.reasons for m in lists.for_providers["cn-bank-app"])


def test_the_glossary_methods_keep_scoring_unread_text_as_zero():
    edition = Edition(
        buyers=(buyer("b", "Buscamos un socio para programar la aplicación móvil", language="es"),),
        providers=(provider("p", "为银行客户开发手机应用程序"),),
    )
    table = score_pairs(edition=edition, method="glossary")
    weights = table.weights.as_dict()
    expected = sum(weights[n] * float(table.components[n][0, 0]) for n in weights)
    assert table.total[0, 0] == pytest.approx(expected, abs=1e-5)
