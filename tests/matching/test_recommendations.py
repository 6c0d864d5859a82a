"""The engine on stored editions: recommendations with reasons, fair suggestions."""

from collections import Counter
from decimal import Decimal

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.matching.domain.recommendations import engine_input, refresh_recommendations
from fairmatch.matching.models import Recommendation, Suggestion, SuggestionRun
from tests.factories import (
    CapabilityFactory,
    ExchangeRateFactory,
    FieldFactory,
    OrganiserFactory,
)
from tests.matching.helpers import buyer, edition_with_policy, member, provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return edition_with_policy(meetings_per_participant=2)


def test_stored_applications_become_engine_input_in_dollars(edition):
    ExchangeRateFactory(edition=edition, currency="JPY", usd_per_unit=Decimal("0.0066"))
    japanese = buyer(edition, country="JP", languages=["ja"])
    japanese.demands.update(value=Decimal("1400000000"), currency="JPY", description="アニメ制作")
    chinese = provider(edition, languages=["zh", "ja"])
    CapabilityFactory(participation=chinese, capacity=Decimal("20000000"), currency="USD")
    CapabilityFactory(participation=chinese, capacity=Decimal("5000000"), currency="USD")
    data = engine_input(edition)
    (engine_buyer,) = data.edition.buyers
    (engine_provider,) = data.edition.providers
    assert engine_buyer.id == str(japanese.pk)
    assert engine_buyer.demands[0].value_usd == pytest.approx(9_240_000)
    assert engine_buyer.demands[0].text == "アニメ制作"
    assert engine_provider.capacity_usd == pytest.approx(20_000_000)
    assert engine_provider.languages == frozenset({"zh", "ja"})


def test_a_chinese_capability_is_recommended_first_for_a_japanese_demand(client, edition):
    animation = FieldFactory(code="animation", name_en="Cartoon and animation", name_zh="动漫")
    japanese = buyer(edition, country="JP", languages=["ja", "en"])
    japanese.demands.update(
        field=animation,
        description="テレビアニメシリーズの原画・動画・仕上げ工程を外注したい",
        description_language="ja",
    )
    right = provider(edition, name_en="Right Studio", languages=["zh", "ja"])
    CapabilityFactory(
        participation=right,
        field=animation,
        description="承接日本电视动画系列的原画、中间画和上色外包",
        description_language="zh-hans",
    )
    wrong = provider(edition, name_en="Clinical Lab")
    CapabilityFactory(
        participation=wrong,
        field=FieldFactory(code="pharma_rd", name_en="Pharmaceutical R&D"),
        description="临床前药物研发与临床试验数据管理",
    )
    assert refresh_recommendations(edition=edition) == 4
    ranked = list(
        Recommendation.objects.filter(participation=japanese).values_list(
            "counterpart__enterprise__name_en", flat=True
        )
    )
    assert ranked == ["Right Studio", "Clinical Lab"]
    client.force_login(member(japanese))
    page = client.get(f"/e/{edition.slug}/meetings/").content.decode()
    assert "same field: Cartoon and animation" in page


def test_the_organiser_generates_fair_suggestions(client, edition):
    popular = [buyer(edition) for _ in range(2)]
    providers = [provider(edition) for _ in range(4)]
    for participation in providers:
        CapabilityFactory(participation=participation)
    organiser = OrganiserFactory()
    client.force_login(organiser)
    response = client.post(
        f"/organiser/{edition.slug}/matching/suggestions/", {"minimum_per_provider": "1"}
    )
    assert response.status_code == 302
    run = SuggestionRun.objects.get()
    pairs = list(Suggestion.objects.values_list("buyer_id", "provider_id"))
    per_buyer = Counter(b for b, _p in pairs)
    per_provider = Counter(p for _b, p in pairs)
    assert max(per_buyer.values()) <= 2  # the meeting limit
    assert {p.pk for p in providers} == set(per_provider)  # everyone gets at least one
    assert {b.pk for b in popular} == set(per_buyer)
    assert run.providers_below_minimum == 0
    assert set(run.distributions) == {"before", "after"}
    assert AuditEntry.objects.filter(action="matching.suggestions", actor=organiser).exists()
    page = client.get(f"/organiser/{edition.slug}/matching/").content.decode()
    assert "4 suggested meetings" in page


def test_a_negative_minimum_is_refused(client, edition):
    client.force_login(OrganiserFactory())
    response = client.post(
        f"/organiser/{edition.slug}/matching/suggestions/",
        {"minimum_per_provider": "-2"},
        follow=True,
    )
    assert "Ensure this value is greater than or equal to 0." in response.content.decode()
    assert not SuggestionRun.objects.exists()


def test_reasons_name_fields_and_services_in_chinese(edition):
    from django.utils import translation

    from fairmatch.matching.interfaces.reasons import ReasonRenderer

    FieldFactory(code="animation", name_en="Cartoon and animation", name_zh="动漫")
    renderer_input = [
        {
            "component": "field",
            "template": "same field: %(field)s",
            "params": {"field": "animation"},
        },
        {
            "component": "text",
            "template": "both describe %(concepts)s",
            "params": {"concepts": "rendering", "concept_codes": "anim.render"},
        },
    ]
    with translation.override("zh-hans"):
        rendered = ReasonRenderer().render_all(renderer_input)
    assert "动漫" in rendered[0]
    assert "渲染" in rendered[1]
