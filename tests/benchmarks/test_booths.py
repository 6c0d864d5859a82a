"""The booth allocation benchmark prints one valid row per floor."""

import io

from benchmarks import booths as bench


def test_one_row_per_floor_each_valid():
    out = io.StringIO()
    options = {"sizes": [40], "time_limit": 2.0, "workers": 1, "seed": 0}
    assert bench.run(options, out) == 0
    header, row = out.getvalue().splitlines()
    assert header.split()[:4] == ["exhibitors", "booths", "halls", "placed"]
    cells = row.split()
    assert cells[0] == "40"
    assert cells[3] == cells[4]  # everyone placeable is placed
    assert cells[-2] == "yes"
