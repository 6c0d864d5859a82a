"""Seeded exhibition floors for the booth allocation benchmark.

Each hall holds blocks of two back-to-back rows of 3 m deep booths (9 to 24 m², shell
scheme), with 6 m x 6 m space-only booths at some block ends; 3 m aisles run between the
blocks' rows and 4 m cross aisles between blocks, entrances in the north and west walls.
The blocks nearest the north entrance are the sponsor area, some blocks are country
pavilions for the foreign exhibitors (10 to 25 % of them, from a few countries), the rest
field pavilions. Exhibitors ask for an area range around the booths on offer (booths are
about 8 % more than exhibitors), and some name a preferred zone or hall, a partner or a
competitor, a sponsor tier or a locked booth.
"""

from __future__ import annotations

import random
from collections import defaultdict

from fairmatch.exhibition.engine import (
    BoothSpec,
    ExhibitorSpec,
    HallSpec,
    Problem,
    Rect,
    ZoneSpec,
)

HOME = "CN"
FOREIGN = ("DE", "JP", "KR", "US", "FR", "IT", "TH", "VN", "MY", "BR")
FIELDS = (
    "machinery",
    "electronics",
    "textiles",
    "chemicals",
    "food",
    "medical",
    "automotive",
    "software",
    "logistics",
    "energy",
)
ROW_DEPTH = 3.0
AISLE = 3.0
CROSS_AISLE = 4.0
BLOCK_LENGTH = 30.0
BLOCKS_PER_ROW = 3
BOOTHS_PER_HALL = 600
SHELL_WIDTHS = (3.0, 3.0, 3.0, 4.0, 4.0, 6.0, 6.0, 8.0)
SPACE_SHARE = 0.5
BOOTH_SURPLUS = 1.08


def generate_floor(*, exhibitors: int, seed: int = 0) -> Problem:
    """A problem with ``exhibitors`` exhibitors on a floor of about 8 % more booths."""
    rng = random.Random(seed)
    target = round(exhibitors * BOOTH_SURPLUS)
    hall_count = max(1, round(target / BOOTHS_PER_HALL))
    halls: list[HallSpec] = []
    booths: list[BoothSpec] = []
    blocks: dict[str, list[list[int]]] = {}
    for h in range(hall_count):
        key = f"H{h + 1}"
        share = target // hall_count + (1 if h < target % hall_count else 0)
        hall, hall_blocks = _hall(rng, key, share, booths)
        halls.append(hall)
        blocks[key] = hall_blocks

    foreign_share = rng.uniform(0.10, 0.25)
    countries = rng.sample(FOREIGN, k=min(len(FOREIGN), 3 + exhibitors // 300))
    country_weights = [rng.paretovariate(1.2) for _ in countries]
    people: list[tuple[str, tuple[str, ...]]] = []
    for _ in range(exhibitors):
        country = (
            rng.choices(countries, country_weights)[0] if rng.random() < foreign_share else HOME
        )
        first = rng.choice(FIELDS)
        fields = (first,) if rng.random() < 0.7 else (first, rng.choice(FIELDS))
        people.append((country, tuple(dict.fromkeys(fields))))

    zones, booths = _zones(rng, halls, blocks, booths, people)
    specs = _exhibitors(rng, people, booths, zones, halls)
    return Problem(
        halls=tuple(halls),
        zones=tuple(zones),
        booths=tuple(booths),
        exhibitors=tuple(specs),
        across_aisle=AISLE,
    )


def _hall(
    rng: random.Random, key: str, count: int, booths: list[BoothSpec]
) -> tuple[HallSpec, list[list[int]]]:
    """A hall of about ``count`` booths, appended to ``booths``; its blocks' booth indices."""
    hall_blocks: list[list[int]] = []
    width = CROSS_AISLE + BLOCKS_PER_ROW * (BLOCK_LENGTH + CROSS_AISLE)
    y = CROSS_AISLE + 2.0  # a wider aisle along the north wall's entrance
    made = 0
    while made < count:
        for column in range(BLOCKS_PER_ROW):
            if made >= count:
                break
            x0 = CROSS_AISLE + column * (BLOCK_LENGTH + CROSS_AISLE)
            block = _block(rng, key, x0, y, booths, count - made)
            made += len(block)
            hall_blocks.append(block)
        y += 2 * ROW_DEPTH + AISLE
    depth = y + CROSS_AISLE - AISLE
    hall = HallSpec(key, Rect(0, 0, width, depth), ((width / 2, 0.0), (0.0, depth / 2)))
    return hall, hall_blocks


def _block(
    rng: random.Random, hall: str, x0: float, y0: float, booths: list[BoothSpec], room: int
) -> list[int]:
    made: list[int] = []

    def add(rect: Rect, kind: str) -> None:
        booths.append(BoothSpec(f"{hall}-{len(booths) + 1}", hall, rect, kind))  # type: ignore[arg-type]
        made.append(len(booths) - 1)

    start, end = x0, x0 + BLOCK_LENGTH
    if rng.random() < SPACE_SHARE:
        add(Rect(start, y0, 6.0, 2 * ROW_DEPTH), "space")
        start += 6.0
    if rng.random() < SPACE_SHARE:
        end -= 6.0
        add(Rect(end, y0, 6.0, 2 * ROW_DEPTH), "space")
    for row in range(2):
        x = start
        while x < end - 1e-6 and len(made) < room:
            width = rng.choice(SHELL_WIDTHS)
            if x + width > end:
                width = end - x
                if width < 3.0:
                    break
            add(Rect(x, y0 + row * ROW_DEPTH, width, ROW_DEPTH), "shell")
            x += width
    return made


def _zones(
    rng: random.Random,
    halls: list[HallSpec],
    blocks: dict[str, list[list[int]]],
    booths: list[BoothSpec],
    people: list[tuple[str, tuple[str, ...]]],
) -> tuple[list[ZoneSpec], list[BoothSpec]]:
    zones: list[ZoneSpec] = []
    zone_of: dict[int, str] = {}
    free_blocks = [(hall.key, i) for hall in halls for i in range(len(blocks[hall.key]))]
    # Sponsor area: the first block of each hall (beside the north entrance).
    for hall in halls:
        key = f"{hall.key}-sponsor"
        zones.append(ZoneSpec(key, hall.key, "sponsor"))
        zone_of.update({b: key for b in blocks[hall.key][BLOCKS_PER_ROW // 2]})
        free_blocks.remove((hall.key, BLOCKS_PER_ROW // 2))
    per_country: dict[str, int] = defaultdict(int)
    for country, _ in people:
        per_country[country] += 1
    for country, count in sorted(per_country.items()):
        if country == HOME or count < 6:
            continue
        hall_key, index = rng.choice(free_blocks)
        key = f"{hall_key}-{country}"
        zones.append(ZoneSpec(key, hall_key, "country", country=country))
        room = 0
        # Consecutive blocks of that hall until the pavilion holds its exhibitors.
        while room < count and (hall_key, index) in free_blocks:
            free_blocks.remove((hall_key, index))
            zone_of.update({b: key for b in blocks[hall_key][index]})
            room += len(blocks[hall_key][index])
            index += 1
    rng.shuffle(free_blocks)
    for n, (hall_key, index) in enumerate(sorted(free_blocks)):
        field = FIELDS[(n * 7 + rng.randrange(2)) % len(FIELDS)]
        key = f"{hall_key}-{field}"
        if not any(zone.key == key for zone in zones):
            zones.append(ZoneSpec(key, hall_key, "field", field=field))
        zone_of.update({b: key for b in blocks[hall_key][index]})
    placed = [
        BoothSpec(
            booth.key,
            booth.hall,
            booth.rect,
            booth.kind,
            zone_of.get(i),
            blocked=rng.random() < 0.01,
        )
        for i, booth in enumerate(booths)
    ]
    return zones, placed


def _exhibitors(
    rng: random.Random,
    people: list[tuple[str, tuple[str, ...]]],
    booths: list[BoothSpec],
    zones: list[ZoneSpec],
    halls: list[HallSpec],
) -> list[ExhibitorSpec]:
    areas = sorted({round(b.area, 2) for b in booths})
    field_zones: dict[str, list[ZoneSpec]] = defaultdict(list)
    country_zone: dict[str, ZoneSpec] = {}
    for zone in zones:
        if zone.kind == "field" and zone.field:
            field_zones[zone.field].append(zone)
        if zone.kind == "country" and zone.country:
            country_zone[zone.country] = zone
    pool = [b for b in booths if not b.blocked]
    rng.shuffle(pool)
    keys = [f"E{i + 1:05d}" for i in range(len(people))]
    by_field: dict[str, list[int]] = defaultdict(list)
    for i, (_, fields) in enumerate(people):
        by_field[fields[0]].append(i)
    locked_booths = iter(pool[len(people) :] + pool)
    taken_locks: set[str] = set()
    specs: list[ExhibitorSpec] = []
    for i, (country, fields) in enumerate(people):
        booth = pool[i % len(pool)]
        area = round(booth.area, 2)
        low = high = area
        roll = rng.random()
        position = areas.index(area)
        if roll < 0.3 and position + 1 < len(areas):
            high = areas[position + 1]
        elif roll < 0.5 and position > 0:
            low = areas[position - 1]
        kind = "space" if booth.kind == "space" else rng.choice((None, "shell"))
        if kind == "space":
            low = high = area
        preferred_zone = None
        if country in country_zone and rng.random() < 0.6:
            preferred_zone = country_zone[country].key
        elif field_zones.get(fields[0]) and rng.random() < 0.4:
            preferred_zone = rng.choice(field_zones[fields[0]]).key
        preferred_hall = rng.choice(halls).key if rng.random() < 0.15 else None
        peers = by_field[fields[0]]
        wanted = (keys[rng.choice(peers)],) if rng.random() < 0.05 else ()
        avoided = (keys[rng.choice(peers)],) if rng.random() < 0.05 else ()
        wanted = tuple(k for k in wanted if k != keys[i])
        avoided = tuple(k for k in avoided if k != keys[i] and k not in wanted)
        tier = rng.choice((1, 1, 2, 3)) if rng.random() < 0.04 else 0
        locked = None
        if rng.random() < 0.01:
            candidate = next(locked_booths)
            if candidate.key not in taken_locks:
                taken_locks.add(candidate.key)
                locked = candidate.key
                low, high = round(candidate.area, 2), round(candidate.area, 2)
                kind = candidate.kind
        specs.append(
            ExhibitorSpec(
                key=keys[i],
                country=country,
                fields=fields,
                min_area=low,
                max_area=high,
                kind=kind,
                preferred_hall=preferred_hall,
                preferred_zone=preferred_zone,
                wanted=wanted,
                avoided=avoided,
                sponsor_tier=tier,
                locked_booth=locked,
            )
        )
    return specs
