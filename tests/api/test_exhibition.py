"""The exhibition's API: the published plan's booths and the exhibitors (published only)."""

from decimal import Decimal

from fairmatch.exhibition.domain import plan, releases
from fairmatch.exhibition.models import BoothAssignment
from tests.exhibition.published import booth, exhibitor, hall
from tests.factories import OrganiserFactory


def test_booths_are_the_published_plans(api_world, published_plan):
    answer = api_world.client("buyer").get("/api/v1/editions/soc-2027/booths")
    assert answer.status_code == 200
    data = answer.json()
    assert data["release"] == 1
    assert [
        (b["hall"], b["booth"], b["area"], b["state"], b["exhibitor"] is not None)
        for b in data["items"]
    ] == [
        ("H1", "A1", 9.0, "taken", True),
        ("H1", "A2", 9.0, "free", False),
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


def test_booths_and_exhibitors_change_only_with_the_next_release(api_world):
    organiser = OrganiserFactory()
    first = hall(api_world.edition)
    a1, a2 = booth(first, "A1"), booth(first, "A2", x=5)
    stand = exhibitor(api_world.edition, name_original="杭州光影数码", name_en="Hangzhou")
    application = stand.exhibitor_application
    assignment = BoothAssignment.objects.create(booth=a1, application=application)
    releases.publish(edition=api_world.edition, user=organiser)
    client = api_world.client("buyer")

    def seen():
        booths = client.get("/api/v1/editions/soc-2027/booths").json()
        exhibitors = client.get("/api/v1/editions/soc-2027/exhibitors").json()
        return (
            booths["release"],
            [(b["booth"], b["x"], b["state"]) for b in booths["items"]],
            [(e["hall"], e["booth"]) for e in exhibitors["items"]],
        )

    before = seen()
    assert before == (1, [("A1", 0.0, "taken"), ("A2", 5.0, "free")], [("H1", "A1")])
    # The working plan changes: a booth added, the exhibitor given it, its old booth moved,
    # another blocked.
    added = plan.add_booth(
        hall=first,
        code="B1",
        x=Decimal(20),
        y=Decimal(0),
        width=Decimal(3),
        depth=Decimal(3),
        user=organiser,
    )
    plan.move_booth(booth_id=a1.pk, version=a1.version, x=Decimal(10), y=Decimal(0), user=organiser)
    assignment.booth = added
    assignment.save()
    a2.refresh_from_db()
    plan.set_blocked(booth_id=a2.pk, version=a2.version, blocked=True, user=organiser)
    assert seen() == before

    releases.publish(edition=api_world.edition, user=organiser)
    assert seen() == (
        2,
        [("A1", 10.0, "free"), ("A2", 5.0, "blocked"), ("B1", 20.0, "taken")],
        [("H1", "B1")],
    )
