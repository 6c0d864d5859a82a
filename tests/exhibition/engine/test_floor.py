"""Neighbours, footfall and open sides derived from the plan's geometry."""

from fairmatch.exhibition.engine import (
    BoothSpec,
    HallSpec,
    Rect,
    derive_open_sides,
    footfall,
    footfalls,
    neighbours,
)
from fairmatch.exhibition.engine.geometry import facing_gap

HALL = HallSpec("H", Rect(0, 0, 40, 30), ((20.0, 0.0),))


def booth(key: str, x: float, y: float, width: float = 3, depth: float = 3) -> BoothSpec:
    return BoothSpec(key, "H", Rect(x, y, width, depth))


# Two rows of three booths facing each other across a 3 m aisle, a lone island further off.
NORTH = [booth(f"N{i}", 10 + 3 * i, 5) for i in range(3)]
SOUTH = [booth(f"S{i}", 10 + 3 * i, 11) for i in range(3)]
ISLAND = booth("I", 30, 20)
FLOOR = [*NORTH, *SOUTH, ISLAND]


def test_neighbours_share_a_wall_by_default():
    found = neighbours(FLOOR)
    assert found == {
        "N0": {"N1"},
        "N1": {"N0", "N2"},
        "N2": {"N1"},
        "S0": {"S1"},
        "S1": {"S0", "S2"},
        "S2": {"S1"},
        "I": set(),
    }


def test_booths_facing_across_a_narrow_aisle_are_neighbours_when_asked():
    found = neighbours(FLOOR, across_aisle=3.0)
    assert found["N1"] == {"N0", "N2", "S1"}
    assert found["S0"] == {"S1", "N0"}
    assert neighbours(FLOOR, across_aisle=2.5)["N1"] == {"N0", "N2"}


def test_a_booth_in_between_is_not_seen_through():
    row = [booth("A", 0, 0), booth("B", 3, 0), booth("C", 6, 0)]
    assert neighbours(row, across_aisle=5.0)["A"] == {"B"}
    assert facing_gap(row[0].rect, row[2].rect) == 3.0


def test_booths_in_other_halls_are_never_neighbours():
    other = BoothSpec("X", "H2", Rect(13, 5, 3, 3))
    assert neighbours([NORTH[0], other])["N0"] == set()


def test_open_sides_are_derived_from_walls_and_neighbours():
    corner_row = [booth("W", 0, 5), booth("M", 3, 5), booth("E", 6, 5)]
    sides = derive_open_sides([*corner_row, ISLAND], {"H": HALL})
    # W stands against the west wall: open north, south; M only north and south too.
    assert sides == {"W": "corner", "M": "corner", "E": "peninsula", "I": "island"}


def test_footfall_is_highest_for_open_booths_near_an_entrance():
    flows = footfalls(FLOOR, {"H": HALL})
    assert flows["N1"] < flows["N0"]  # a row booth against an end booth
    assert flows["N1"] > flows["S1"]  # the same shape, nearer the north entrance
    near_island = booth("J", 19, 1)
    assert footfall(near_island, HALL, [*FLOOR, near_island]) > flows["I"]


def test_footfall_formula_on_an_island_at_an_entrance():
    island = booth("K", 18.5, 2)
    # 4 open sides + 0.5 x 4 corners at crossings + 3 x 10 / (10 + 3.5).
    expected = 4 + 2 + 3 * 10 / (10 + 3.5)
    assert abs(footfall(island, HALL, [island]) - expected) < 1e-9
