"""Releases published before halls and states were frozen get them from the plan as it is:
their halls (names, outline), each stored booth's state and zone."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from fairmatch.exhibition.models import PlanReleaseEntry, PlanReleaseHall
from tests.factories import EditionFactory, ParticipationFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("exhibition", "0001_initial")]
AFTER = [("exhibition", "0003_plan_release_backfill")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_releases_get_their_halls_states_and_zones():
    edition = EditionFactory()
    participation = ParticipationFactory(edition=edition, is_exhibitor=True)
    old_apps = migrate(BEFORE)
    Hall = old_apps.get_model("exhibition", "Hall")
    Zone = old_apps.get_model("exhibition", "Zone")
    Booth = old_apps.get_model("exhibition", "Booth")
    Release = old_apps.get_model("exhibition", "PlanRelease")
    Entry = old_apps.get_model("exhibition", "PlanReleaseEntry")
    try:
        hall = Hall.objects.create(
            edition_id=edition.pk,
            code="H1",
            name_en="Hall 1",
            name_zh="一号馆",
            width=Decimal(30),
            depth=Decimal(20),
            entrances=[[0, 10]],
        )
        zone = Zone.objects.create(hall=hall, kind="other", name_en="Pavilion", name_zh="展区")
        taken = Booth.objects.create(
            hall=hall, code="A1", x=0, y=0, width=Decimal(3), depth=Decimal(3), zone=zone
        )
        blocked = Booth.objects.create(
            hall=hall, code="A2", x=3, y=0, width=Decimal(3), depth=Decimal(3), is_blocked=True
        )
        release = Release.objects.create(edition_id=edition.pk, number=1)
        for booth, holder in ((taken, participation.pk), (blocked, None)):
            Entry.objects.create(
                release=release,
                booth=booth,
                participation_id=holder,
                hall_code="H1",
                booth_code=booth.code,
                geometry=[float(booth.x), 0.0, 3.0, 3.0],
            )
        # A hall gone since: its outline is the extent of its booths.
        Entry.objects.create(
            release=release, hall_code="H9", booth_code="Z1", geometry=[4.0, 5.0, 3.0, 2.0]
        )
        migrate(AFTER)
    finally:
        # Leave the database as the other tests expect it: every migration applied.
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert list(
        PlanReleaseHall.objects.values_list(
            "code", "name_en", "name_zh", "width", "depth", "entrances"
        )
    ) == [
        ("H1", "Hall 1", "一号馆", Decimal(30), Decimal(20), [[0, 10]]),
        ("H9", "H9", "", Decimal(7), Decimal(7), []),
    ]
    assert list(
        PlanReleaseEntry.objects.order_by("hall_code", "booth_code").values_list(
            "hall__code", "booth_code", "state", "participation_id", "zone_en", "zone_zh"
        )
    ) == [
        ("H1", "A1", "taken", participation.pk, "Pavilion", "展区"),
        ("H1", "A2", "blocked", None, "", ""),
        ("H9", "Z1", "free", None, "", ""),
    ]
