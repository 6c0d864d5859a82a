"""The exhibition's API: the published plan's booths and the exhibitors (published only)."""

from tests.exhibition.published import booth, exhibitor, hall


def test_booths_are_the_published_plans(api_world, published_plan):
    answer = api_world.client("buyer").get("/api/v1/editions/soc-2027/booths")
    assert answer.status_code == 200
    data = answer.json()
    assert data["release"] == 1
    assert [
        (b["hall"], b["booth"], b["area"], b["exhibitor"] is not None) for b in data["items"]
    ] == [
        ("H1", "A1", 9.0, True),
        ("H1", "A2", 9.0, False),
    ]
    assert data["next"] is None
    assert "ETag" in answer


def test_booths_before_any_release_are_none(api_world):
    hall_obj = hall(api_world.edition)
    booth(hall_obj, "A1")  # a working booth, not published
    data = api_world.client("organiser").get("/api/v1/editions/soc-2027/booths").json()
    assert data == {"release": None, "items": [], "next": None}


def test_exhibitors_list_only_the_published_ones_with_their_booths(api_world, published_plan):
    exhibitor(api_world.edition, name_original="Not On The Plan", country="US")
    data = api_world.client("provider").get("/api/v1/editions/soc-2027/exhibitors").json()
    assert [
        (e["enterprise"]["name_en"], e["hall"], e["booth"], e["meetings_at_booth"])
        for e in data["items"]
    ] == [("Hangzhou Lightshadow Digital", "H1", "A1", True)]


def test_exhibitors_search_in_english_finds_chinese_products(api_world, published_plan):
    client = api_world.client("buyer")
    found = client.get("/api/v1/editions/soc-2027/exhibitors", {"q": "rendering"}).json()
    assert [e["enterprise"]["name_en"] for e in found["items"]] == ["Hangzhou Lightshadow Digital"]
    none = client.get("/api/v1/editions/soc-2027/exhibitors", {"country": "de"}).json()
    assert none["items"] == []


def test_another_editions_token_does_not_reach_them(api_world, published_plan):
    answer = api_world.client("other_organiser").get("/api/v1/editions/soc-2027/exhibitors")
    assert answer.status_code == 404


def test_anonymous_callers_are_refused(client, api_world):
    assert client.get("/api/v1/editions/soc-2027/booths").status_code == 401
