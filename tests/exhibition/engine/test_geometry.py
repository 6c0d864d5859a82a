from fairmatch.exhibition.engine.geometry import (
    Rect,
    adjacent,
    inside,
    open_side_count,
    overlaps,
    shared_edge,
)

HALL = Rect(0, 0, 30, 20)


def test_touching_booths_share_a_wall_but_do_not_overlap():
    a, b = Rect(2, 2, 3, 3), Rect(5, 3, 3, 3)
    assert not overlaps(a, b)
    assert shared_edge(a, b) == 2
    assert adjacent(a, b)


def test_booths_meeting_at_a_corner_point_are_not_neighbours():
    assert not adjacent(Rect(0, 0, 3, 3), Rect(3, 3, 3, 3))


def test_overlap_and_containment():
    assert overlaps(Rect(0, 0, 3, 3), Rect(2.5, 2.5, 3, 3))
    assert inside(Rect(27, 17, 3, 3), HALL)
    assert not inside(Rect(28, 17, 3, 3), HALL)


def test_open_sides_follow_walls_and_neighbours():
    row = [Rect(x, 0, 3, 3) for x in (3, 6, 9)]
    # Against the north wall with booths west and east: one open side (a row booth).
    assert open_side_count(row[1], row, HALL) == 1
    # The end of the row: corner.
    assert open_side_count(row[2], row, HALL) == 2
    # Alone against the wall: peninsula; alone in the middle of the hall: island.
    assert open_side_count(Rect(12, 0, 3, 3), [], HALL) == 3
    assert open_side_count(Rect(12, 10, 3, 3), [], HALL) == 4
