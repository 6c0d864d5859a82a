"""Pair scores and rankings on small hand-made editions whose expected order is known."""

from fairmatch.matching.engine import (
    Buyer,
    Demand,
    Edition,
    Interest,
    Provider,
    default_weights,
    recommend,
    score_pairs,
)


def buyer(id, *, field, kind="outsourcing", value=5_000_000, text="", languages=("en",), **extra):
    return Buyer(
        id=id,
        languages=frozenset(languages),
        fields=frozenset({field}),
        demands=(Demand(field=field, kind=kind, value_usd=value, text=text),),
        **extra,
    )


def provider(id, *, field, text="", capacity=10_000_000, languages=("zh",), **extra):
    return Provider(
        id=id,
        languages=frozenset(languages),
        fields=frozenset({field}),
        capacity_usd=capacity,
        text=text,
        kinds=frozenset({"outsourcing"}),
        **extra,
    )


def ranking_for_buyer(edition, buyer_id, **options):
    lists = recommend(table=score_pairs(edition=edition, **options), top=10)
    return [match.provider for match in lists.for_buyers[buyer_id]]


def test_japanese_demand_ranks_the_chinese_provider_of_the_same_service_first():
    edition = Edition(
        buyers=(
            buyer(
                "jp",
                field="animation",
                languages=("ja",),
                text="劇場作品の3DCGモデリング・リギング・レンダリング（3年間）。",
            ),
        ),
        providers=(
            provider("cn-2d", field="animation", text="二维动画中期制作与数字上色"),
            provider("cn-app", field="software", text="移动应用开发与运维"),
            provider("cn-3d", field="animation", text="三维角色建模、绑定与渲染服务"),
        ),
    )
    assert ranking_for_buyer(edition, "jp") == ["cn-3d", "cn-2d", "cn-app"]


def test_english_demand_prefers_the_chinese_provider_over_an_english_one_of_another_service():
    edition = Edition(
        buyers=(
            buyer(
                "us",
                field="pharma_rd",
                text="Phase II clinical trial monitoring and data management in oncology.",
            ),
        ),
        providers=(
            provider(
                "en-tox",
                field="pharma_rd",
                languages=("zh", "en"),
                text="GLP toxicology and pharmacokinetic studies for global sponsors.",
            ),
            provider("cn-chem", field="pharma_rd", text="药物化学与定制合成，按FTE计费"),
            provider("cn-clinical", field="pharma_rd", text="肿瘤领域临床试验运营、监查与数据管理"),
        ),
    )
    assert ranking_for_buyer(edition, "us") == ["cn-clinical", "en-tox", "cn-chem"]


def test_korean_demand_finds_the_chinese_mobile_banking_provider():
    edition = Edition(
        buyers=(
            buyer(
                "kr",
                field="software",
                languages=("ko",),
                text="모바일 뱅킹 앱(iOS, Android) 유지보수 및 기능 개선, 3년 관리형 서비스.",
            ),
        ),
        providers=(
            provider("cn-erp", field="software", text="SAP与Oracle ERP实施及云迁移"),
            provider(
                "cn-bank-app",
                field="software",
                text="为银行客户提供iOS/Android移动应用开发与长期运维",
            ),
            provider("cn-test", field="software", text="自动化测试与性能测试服务"),
        ),
    )
    assert ranking_for_buyer(edition, "kr")[0] == "cn-bank-app"


def test_without_text_capacity_then_language_then_input_order_decide():
    edition = Edition(
        buyers=(buyer("b", field="software", value=9_000_000, languages=("en", "ja")),),
        providers=(
            provider("small", field="software", capacity=3_000_000),
            provider("large-ja", field="software", capacity=20_000_000, languages=("zh", "ja")),
            provider("large", field="software", capacity=20_000_000),
            provider("other-field", field="pharma_rd", capacity=50_000_000),
            provider("large-too", field="software", capacity=12_000_000),
        ),
    )
    assert ranking_for_buyer(edition, "b") == [
        "large-ja",
        "large",
        "large-too",
        "small",
        "other-field",
    ]


def test_mutual_interest_counts_more_than_one_sided_interest():
    edition = Edition(
        buyers=(buyer("b", field="software"),),
        providers=(
            provider("p1", field="software"),
            provider("p2", field="software"),
            provider("p3", field="software"),
        ),
        interests=(
            Interest(source="b", target="p3"),
            Interest(source="p3", target="b"),
            Interest(source="p2", target="b"),
        ),
    )
    assert ranking_for_buyer(edition, "b") == ["p3", "p2", "p1"]


def test_providers_rank_buyers_by_the_best_of_their_demands():
    multi = Buyer(
        id="multi",
        languages=frozenset({"en"}),
        fields=frozenset({"software", "pharma_rd"}),
        demands=(
            Demand(field="software", kind="outsourcing", value_usd=2e6, text="ERP rollout"),
            Demand(
                field="pharma_rd", kind="outsourcing", value_usd=2e6, text="GLP toxicology studies"
            ),
        ),
    )
    edition = Edition(
        buyers=(buyer("soft", field="software", text="mobile app maintenance"), multi),
        providers=(provider("tox", field="pharma_rd", text="GLP毒理学研究"),),
    )
    lists = recommend(table=score_pairs(edition=edition), top=2)
    assert [m.buyer for m in lists.for_providers["tox"]] == ["multi", "soft"]
    assert lists.for_providers["tox"][0].demand == 1


def test_components_and_reasons_explain_the_score():
    edition = Edition(
        buyers=(
            buyer(
                "jp",
                field="software",
                value=9_000_000,
                languages=("ja", "en"),
                text="小売EC向けのスマートフォンアプリ開発",
                certifications_asked=frozenset({"ISO 9001", "CMMI 5"}),
            ),
        ),
        providers=(
            provider(
                "cn",
                field="software",
                capacity=20_000_000,
                languages=("zh", "ja"),
                text="电商移动应用开发",
                certifications=frozenset({"ISO 9001"}),
            ),
        ),
    )
    table = score_pairs(edition=edition)
    match = recommend(table=table, top=1).for_buyers["jp"][0]
    assert match.components["field"] == 1.0
    assert match.components["kind"] == 1.0
    assert match.components["size"] == 1.0
    assert match.components["language"] == 1.0
    assert match.components["certifications"] == 0.5
    assert match.components["interest"] == 0.0
    assert [reason.render() for reason in match.reasons] == [
        "same field: software",
        "offers outsourcing",
        "capacity USD 20 M covers the USD 9 M contract",
        "both speak ja",
        "holds the certifications asked for: ISO 9001",
        "lacks CMMI 5",
        "both describe retail and e-commerce, mobile apps",
    ]
    assert match.reasons[-1].params == {
        "concepts": "retail and e-commerce, mobile apps",
        "concept_codes": "mk.retail,sw.mobile",
    }
    weights = default_weights("combined").as_dict()
    assert match.components["meaning"] > 0
    expected = sum(weights[name] * value for name, value in match.components.items())
    assert abs(match.score - expected) < 1e-3


def test_buyer_without_demands_is_scored_on_its_fields():
    edition = Edition(
        buyers=(Buyer(id="b", fields=frozenset({"pharma_rd"})),),
        providers=(provider("soft", field="software"), provider("pharma", field="pharma_rd")),
    )
    assert ranking_for_buyer(edition, "b") == ["pharma", "soft"]


def test_texts_the_glossary_does_not_know_are_compared_by_character_ngrams():
    edition = Edition(
        buyers=(buyer("b", field="tourism", text="hotel booking engine for tour operators"),),
        providers=(
            provider("restaurants", field="tourism", text="restaurant table ordering kiosks"),
            provider("hotels", field="tourism", text="booking engines for hotels and tours"),
        ),
    )
    assert ranking_for_buyer(edition, "b", method="hybrid") == ["hotels", "restaurants"]


def test_a_buyer_without_demands_has_no_demand_index():
    edition = Edition(buyers=(Buyer(id="b"),), providers=(provider("p", field="software"),))
    (match,) = recommend(table=score_pairs(edition=edition), top=1).for_buyers["b"]
    assert match.demand is None
    assert match.reasons == ()
