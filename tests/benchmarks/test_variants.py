import io
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import schedule as bench
from benchmarks._generated_fairs import generate_fair
from benchmarks._variants import FAMILIES, FAMILY_NAMES, family_named, make_variant
from fairmatch.scheduling.engine import validate
from tests.scheduling.engine.instances import SMALL_DZN


def _original():
    # A fair without half-day participants' forbidden slots would do as well; this one has
    # them, so the forbidden family must add to what is there.
    return generate_fair(participants=60, seed=4)


@pytest.mark.parametrize("family", FAMILIES, ids=FAMILY_NAMES)
def test_a_variant_is_reproducible_by_seed_and_differs_between_seeds(family):
    original = _original()
    variant = make_variant(original, family, seed=7)
    assert variant == make_variant(original, family, seed=7)
    assert variant != make_variant(original, family, seed=8)
    assert variant.name == f"{original.name}-{family.name}"
    validate(variant)


def test_forbidden_variants_add_the_density_of_participant_slot_pairs():
    original = _original()
    pairs = len(original.participants) * len(original.slots)
    before = sum(len(p.forbidden_slots) for p in original.participants)
    for name, density in (("forb03", 0.003), ("forb07", 0.007)):
        variant = make_variant(original, family_named(name), seed=1)
        after = sum(len(p.forbidden_slots) for p in variant.participants)
        # Drawn pairs that were already forbidden add nothing.
        assert 0 < after - before <= max(1, round(density * pairs))


def test_fixed_variants_fix_the_share_of_meetings_without_clashes():
    original = _original()
    for name, share in (("fix20", 0.2), ("fix40", 0.4)):
        variant = make_variant(original, family_named(name), seed=2)
        fixed = {
            m: info.fixed_slot
            for m, info in enumerate(variant.meetings)
            if info.fixed_slot is not None
        }
        assert len(fixed) == round(share * len(original.meetings))
        seats = Counter(
            (p, slot) for m, slot in fixed.items() for p in variant.meetings[m].participants
        )
        assert max(seats.values()) == 1
        per_slot = Counter(fixed.values())
        assert all(per_slot[s] <= len(variant.open_tables(s)) for s in per_slot)
        for m, slot in fixed.items():
            assert all(
                slot not in variant.participants[p].forbidden_slots
                for p in variant.meetings[m].participants
            )


def test_precedence_variants_order_meetings_of_one_participant_without_cycles():
    original = _original()
    for name, count in (("prec15", 15), ("prec25", 25)):
        variant = make_variant(original, family_named(name), seed=3)
        pairs = [(before, m) for m, info in enumerate(variant.meetings) for before in info.after]
        assert len(pairs) == count
        for before, after in pairs:
            assert before < after
            shared = set(variant.meetings[before].participants) & set(
                variant.meetings[after].participants
            )
            assert shared


def test_the_variants_table_has_a_row_per_variant_and_a_summary_per_family(tmp_path: Path):
    (tmp_path / "small.original.dzn").write_text(SMALL_DZN, encoding="utf-8")
    out = io.StringIO()
    options = {
        "dir": str(tmp_path),
        "time_limit": 5.0,
        "seed": 0,
        "scale": False,
        "variants": True,
        "families": ["fix20", "prec15"],
        "instances": [],
    }
    assert bench.run(options, out) == 0
    lines = out.getvalue().splitlines()
    rows = [line.split() for line in lines if line.startswith("small-")]
    assert [row[0] for row in rows] == ["small-fix20", "small-prec15"]
    assert all(row[-2] == "yes" for row in rows)
    assert [line.split(":")[0] for line in lines[-2:]] == ["fix20", "prec15"]
