"""Reasons as delegates read them: names instead of ids, their own side's wording, points to
check apart, and counterparts they turned down proposed no more."""

from decimal import Decimal

import pytest

from fairmatch.matching.domain.recommendations import refresh_recommendations
from fairmatch.matching.engine import messages as m
from fairmatch.matching.interfaces.reasons import BUYER, PROVIDER, ReasonRenderer
from fairmatch.matching.models import (
    MeetingRequest,
    Recommendation,
    RequestState,
    Suggestion,
    SuggestionRun,
    Wish,
    WishLevel,
)
from tests.factories import CapabilityFactory, CooperationKindFactory
from tests.matching.helpers import buyer, edition_with_policy, member, provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return edition_with_policy(meetings_per_participant=2)


def _reason(template, **params):
    return {"component": "x", "template": template, "params": params, "text": template % params}


def test_interest_names_the_enterprise_and_the_reader_is_you():
    renderer = ReasonRenderer(names={"532": "Kyoto Animation Partners"}, reader="77")
    assert renderer.render(_reason(m.ONE_SIDED_INTEREST, who="532")) == (
        "Kyoto Animation Partners has already shown interest in you"
    )
    assert renderer.render(_reason(m.ONE_SIDED_INTEREST, who="77")) == (
        "you have already shown interest"
    )


def test_an_id_without_a_name_is_never_shown():
    rendered = ReasonRenderer().render(_reason(m.ONE_SIDED_INTEREST, who="532"))
    assert rendered == "interest already shown by one side"


def test_capacity_below_the_contract_is_a_point_to_check_worded_for_each_side():
    reasons = [
        _reason(m.SHARED_LANGUAGES, languages="en"),
        _reason(m.CAPACITY_SHORT, capacity="USD 8 M", value="USD 11 M"),
    ]
    renderer = ReasonRenderer()
    for_buyer = renderer.split(reasons, side=BUYER)
    for_provider = renderer.split(reasons, side=PROVIDER)
    assert for_buyer.reasons == ["both speak English"]
    assert for_buyer.points_to_check == ["their capacity USD 8 M is below your USD 11 M contract"]
    assert for_provider.points_to_check == [
        "your capacity USD 8 M is below their USD 11 M contract"
    ]


def test_a_provider_is_not_told_it_offers_what_the_buyer_seeks():
    CooperationKindFactory()
    reason = _reason(m.KIND_OFFERED, kind="outsourcing")
    renderer = ReasonRenderer()
    assert renderer.render(reason, side=PROVIDER) == (
        "seeks Outsourcing purchase, a cooperation you take on"
    )
    assert renderer.render(reason, side=BUYER) == (
        "takes on the cooperation you seek: Outsourcing purchase"
    )


def _pair(edition):
    japanese = buyer(edition, name_original="京都アニメ商事", name_en="Kyoto Anime Trading")
    japanese.demands.update(value=Decimal("11000000"))
    chinese = provider(edition, name_original="大连渲染科技", name_en="Dalian Render Tech")
    CapabilityFactory(participation=chinese, capacity=Decimal("8000000"))
    return japanese, chinese


def test_the_inbox_names_who_asked_and_lists_the_capacity_as_a_point_to_check(client, edition):
    japanese, chinese = _pair(edition)
    MeetingRequest.objects.create(edition=edition, requester=japanese, recipient=chinese)
    refresh_recommendations(edition=edition)
    client.force_login(member(chinese))
    page = client.get(f"/e/{edition.slug}/meetings/").content.decode()
    recommended = page[page.index('id="recommended"') :]
    assert "Kyoto Anime Trading has already shown interest in you" in recommended
    assert "Points to check" in recommended
    assert "your capacity USD 8 M is below their USD 11 M contract" in recommended
    assert f"shown by {japanese.pk}" not in page
    client.force_login(member(japanese))
    page = client.get(f"/e/{edition.slug}/meetings/").content.decode()
    assert "you have already shown interest" in page
    assert "has already shown interest in you" not in page


def test_a_declined_counterpart_leaves_the_recommendations_and_suggestions(client, edition):
    japanese, chinese = _pair(edition)
    other = provider(edition, name_en="Shenyang Testing")
    CapabilityFactory(participation=other)
    refresh_recommendations(edition=edition)
    run = SuggestionRun.objects.create(
        edition=edition,
        minimum_per_provider=1,
        objective=1,
        before_objective=1,
        providers_below_minimum=0,
        distributions={},
        status="optimal",
        seconds=0.1,
    )
    Suggestion.objects.create(run=run, buyer=japanese, provider=chinese, score=0.8, components={})
    Suggestion.objects.create(run=run, buyer=japanese, provider=other, score=0.7, components={})
    assert Recommendation.objects.filter(participation=japanese, counterpart=chinese).exists()
    MeetingRequest.objects.create(
        edition=edition, requester=chinese, recipient=japanese, state=RequestState.DECLINED
    )
    Wish.objects.create(edition=edition, wisher=japanese, target=other, level=WishLevel.NO_THANKS)
    client.force_login(member(japanese))
    response = client.get(f"/e/{edition.slug}/meetings/")
    assert [item.counterpart_id for item, _ in response.context["recommended"]] == []
    assert list(response.context["suggested"]) == []
    client.force_login(member(chinese))
    response = client.get(f"/e/{edition.slug}/meetings/")
    # The one who asked is not the one who declined: its list keeps the buyer.
    assert [s.buyer_id for s in response.context["suggested"]] == [japanese.pk]


def test_reasons_and_points_to_check_read_in_chinese():
    from django.utils import translation

    reasons = [
        _reason(m.ONE_SIDED_INTEREST, who="532"),
        _reason(m.CAPACITY_SHORT, capacity="USD 8 M", value="USD 11 M"),
    ]
    renderer = ReasonRenderer(names={"532": "京都动画商事"}, reader="77")
    with translation.override("zh-hans"):
        rendered = renderer.split(reasons, side=PROVIDER)
    assert rendered.reasons == ["京都动画商事 已向您表示洽谈意向"]
    assert rendered.points_to_check == ["您的承接能力 USD 8 M，低于对方 USD 11 M 的合同"]
