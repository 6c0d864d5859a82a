"""Small hand-made floors whose best allocation is known."""

import pytest

from fairmatch.exhibition.engine import (
    Allocation,
    BoothSpec,
    ExhibitorSpec,
    HallSpec,
    Problem,
    Rect,
    Status,
    Weights,
    ZoneSpec,
    allocate,
    violations,
)

HALL = HallSpec("H", Rect(0, 0, 40, 20), ((0.0, 10.0),))


def row(count: int, *, width: float = 3, y: float = 8, zone: str | None = None, start: int = 0):
    """``count`` booths side by side from x = 10, keyed B0, B1, ..."""
    return tuple(
        BoothSpec(f"B{start + i}", "H", Rect(10 + width * i, y, width, 3), zone=zone)
        for i in range(count)
    )


def exhibitor(key: str, **wishes) -> ExhibitorSpec:
    wishes.setdefault("min_area", 9)
    wishes.setdefault("max_area", 9)
    return ExhibitorSpec(key, wishes.pop("country", "CN"), **wishes)


DEFAULT_WEIGHTS = Weights()


def solve(booths, exhibitors, zones=(), weights=DEFAULT_WEIGHTS, **options) -> Allocation:
    problem = Problem((HALL,), tuple(zones), tuple(booths), tuple(exhibitors), weights)
    allocation = allocate(problem, time_limit=options.pop("time_limit", 10), **options)
    assert violations(problem, allocation) == []
    return allocation


def wish(allocation: Allocation, key: str, name: str) -> bool:
    (result,) = [w for w in allocation.wishes[key] if w.wish == name]
    return result.satisfied


def test_wanted_neighbours_are_placed_side_by_side():
    only_wanted = Weights(field_neighbours=0, sponsor_footfall=0)
    booths = row(2) + row(2, start=2, y=14)  # two pairs far apart
    allocation = solve(
        booths,
        [exhibitor("a", wanted=("b",)), exhibitor("b"), exhibitor("c"), exhibitor("d")],
        weights=only_wanted,
    )
    assert allocation.status is Status.OPTIMAL
    together = {allocation.assignments["a"], allocation.assignments["b"]}
    assert together in ({"B0", "B1"}, {"B2", "B3"})
    assert allocation.objective == allocation.bound == only_wanted.wanted_neighbour
    assert wish(allocation, "a", "wanted_neighbour")
    assert allocation.wishes["a"][0].message.render() == "b is beside it, as wished"


def test_competitors_are_kept_apart():
    allocation = solve(
        row(3),
        [exhibitor("a", avoided=("b",)), exhibitor("b")],
        weights=Weights(field_neighbours=0, sponsor_footfall=0),
    )
    assert {allocation.assignments["a"], allocation.assignments["b"]} == {"B0", "B2"}
    assert wish(allocation, "a", "avoided_neighbour")
    assert allocation.objective == 0


def test_same_country_exhibitors_fill_their_pavilion_side_by_side():
    pavilion = ZoneSpec("DE", "H", "country", country="DE")
    booths = row(2, zone="DE") + row(3, start=2, y=14)
    allocation = solve(
        booths,
        [
            exhibitor("de1", country="DE"),
            exhibitor("de2", country="DE"),
            exhibitor("cn1"),
            exhibitor("cn2"),
        ],
        zones=[pavilion],
        weights=Weights(field_neighbours=0, sponsor_footfall=0),
    )
    assert {allocation.assignments["de1"], allocation.assignments["de2"]} == {"B0", "B1"}
    weights = Weights()
    assert allocation.objective == 2 * (weights.country_pavilion + weights.country_neighbours)
    assert allocation.status is Status.OPTIMAL
    assert wish(allocation, "de1", "country_neighbours")


def test_same_field_exhibitors_are_grouped():
    allocation = solve(
        row(4),
        [
            exhibitor("m1", fields=("machinery",)),
            exhibitor("t1", fields=("textiles",)),
            exhibitor("m2", fields=("machinery",)),
            exhibitor("t2", fields=("textiles",)),
        ],
        weights=Weights(sponsor_footfall=0),
    )
    booth = allocation.assignments
    assert abs(int(booth["m1"][1]) - int(booth["m2"][1])) == 1
    assert abs(int(booth["t1"][1]) - int(booth["t2"][1])) == 1
    assert allocation.objective == 4 * Weights().field_neighbours


def test_area_range_and_booth_type_are_hard():
    booths = (
        BoothSpec("S9", "H", Rect(0, 0, 3, 3)),
        BoothSpec("S18", "H", Rect(10, 0, 6, 3)),
        BoothSpec("P36", "H", Rect(20, 0, 6, 6), kind="space"),
    )
    allocation = solve(
        booths,
        [
            exhibitor("small", min_area=8, max_area=12),
            exhibitor("medium", min_area=15, max_area=20),
            exhibitor("space", min_area=9, max_area=40, kind="space"),
        ],
    )
    assert allocation.assignments == {"medium": "S18", "small": "S9", "space": "P36"}


def test_an_exhibitor_left_out_is_told_why():
    allocation = solve(
        row(2),
        [
            exhibitor("a"),
            exhibitor("b"),
            exhibitor("c"),
            exhibitor("huge", min_area=30, max_area=40),
        ],
    )
    assert allocation.placed == allocation.placeable == 2
    reasons = {key: message.render() for key, message in allocation.unassigned.items()}
    assert reasons["huge"] == "no booth of 30–40 m² in the halls"
    (left_out,) = set(reasons) - {"huge"}
    assert reasons[left_out] == (
        "no free booth of 9 m²: the 2 booths of that size went to other exhibitors"
    )
    assert [c.id for c in allocation.conflicts] == ["no_booth_for_size"]
    assert allocation.unassigned["huge"].params == {"size": "30–40 m²"}


def test_locked_booths_are_kept_and_double_locks_reported():
    booths = row(3)
    allocation = solve(
        booths,
        [
            exhibitor("a", locked_booth="B1", avoided=("b",)),
            exhibitor("b", locked_booth="B2"),
            exhibitor("c", locked_booth="B1"),
        ],
    )
    assert allocation.assignments["a"] == "B1"
    assert allocation.assignments["b"] == "B2"  # kept though a avoids b
    assert allocation.assignments["c"] == "B0"
    assert [m.render() for m in allocation.conflicts] == [
        "a and c are both locked to booth B1; c is placed anew"
    ]
    assert not wish(allocation, "a", "avoided_neighbour")


def test_locks_outside_the_rules_are_kept_but_reported():
    booths = (BoothSpec("X", "H", Rect(0, 0, 6, 3), blocked=True),)
    allocation = solve(booths, [exhibitor("a", locked_booth="X", kind="space")])
    assert allocation.assignments == {"a": "X"}
    assert [m.id for m in allocation.conflicts] == [
        "locked_booth_blocked",
        "locked_booth_wrong_size",
        "locked_booth_wrong_kind",
    ]


def test_blocked_booths_stay_empty():
    booths = (*row(2), BoothSpec("X", "H", Rect(0, 0, 3, 3), blocked=True))
    allocation = solve(booths, [exhibitor("a"), exhibitor("b"), exhibitor("c")])
    assert "X" not in allocation.assignments.values()
    assert allocation.placed == 2


def test_contradicting_wishes_are_conflicts():
    allocation = solve(
        row(3),
        [
            exhibitor("a", wanted=("b", "ghost"), avoided=("b",)),
            exhibitor("b", wanted=("c",)),
            exhibitor("c", avoided=("b",)),
        ],
    )
    assert sorted(m.id for m in allocation.conflicts) == [
        "unknown_neighbour",
        "wanted_and_avoided",
        "wish_contradicted",
    ]


def test_gold_sponsor_gets_the_busiest_booth():
    booths = row(5)  # the end booths are open on three sides; B0 is nearest the entrance
    allocation = solve(
        booths,
        [exhibitor("gold", sponsor_tier=3), exhibitor("x"), exhibitor("y")],
        weights=Weights(field_neighbours=0),
    )
    assert allocation.assignments["gold"] == "B0"
    assert wish(allocation, "gold", "sponsor_footfall")


def test_preferred_hall_and_zone():
    second = HallSpec("H2", Rect(0, 0, 20, 20))
    zone = ZoneSpec("Z", "H2", "field", field="food")
    booths = (
        BoothSpec("A", "H", Rect(0, 0, 3, 3)),
        BoothSpec("B", "H2", Rect(0, 0, 3, 3)),
        BoothSpec("C", "H2", Rect(10, 10, 3, 3), zone="Z"),
    )
    problem = Problem(
        (HALL, second),
        (zone,),
        booths,
        (exhibitor("a", preferred_hall="H2"), exhibitor("b", preferred_zone="Z")),
    )
    allocation = allocate(problem, time_limit=5)
    assert allocation.assignments == {"a": "B", "b": "C"}
    assert allocation.status is Status.OPTIMAL


def test_progress_is_reported_and_a_stop_is_honoured():
    seen = []
    booths = row(6)
    people = [exhibitor(f"e{i}", fields=("x" if i % 2 else "y",)) for i in range(6)]
    allocation = solve(booths, people, progress=seen.append, should_stop=lambda: True)
    assert seen[0].phase == "start"
    assert seen[0].placed == 6
    assert allocation.placed == 6  # the start, kept when stopped at once


@pytest.mark.parametrize("weights", [Weights(), Weights.from_mapping({"field_neighbours": 0})])
def test_an_empty_floor(weights):
    allocation = solve((), [exhibitor("a")], weights=weights)
    assert allocation.assignments == {}
    assert allocation.unassigned["a"].id == "no_booth_of_size"


def test_a_stop_asked_before_the_search_skips_it_and_is_said_once():
    people = [exhibitor(f"e{i}", fields=("x" if i % 2 else "y",)) for i in range(6)]
    allocation = allocate(
        Problem((HALL,), (), row(6), tuple(people)), time_limit=30, should_stop=lambda: True
    )
    assert allocation.placed == 6
    assert allocation.seconds < 5
    assert [m.id for m in allocation.messages] == ["stopped"]
    assert allocation.objective <= allocation.bound


def test_the_whole_model_chooses_who_gets_a_scarce_size():
    """Two exhibitors fit the one 12 m² booth; the start takes the sponsor (booth-alone
    reward 20), but the one wanting the neighbour beside it earns 40 there: the whole
    model must be free to choose it, and must not call the start's choice optimal."""
    booths = [
        BoothSpec(f"B{i}", hall="H", rect=Rect(2.0 + 3 * i, 2, 3.0, 3), kind="shell")
        for i in range(4)
    ]
    booths.append(BoothSpec("B4", hall="H", rect=Rect(14.0, 2, 4.0, 3), kind="shell"))
    problem = Problem(
        halls=(HallSpec("H", Rect(0, 0, 60, 30), entrances=((30.0, 0.0),)),),
        zones=(),
        booths=tuple(booths),
        exhibitors=(
            ExhibitorSpec("E0", country="CN", fields=(), min_area=9, max_area=9),
            ExhibitorSpec("E1", country="CN", fields=(), min_area=12, max_area=12, wanted=("E0",)),
            ExhibitorSpec("E2", country="CN", fields=(), min_area=12, max_area=12, sponsor_tier=1),
        ),
        across_aisle=3.0,
    )
    allocation = allocate(problem, time_limit=10, workers=1)
    assert allocation.assignments == {"E0": "B3", "E1": "B4"}
    assert allocation.objective == allocation.bound == 40
