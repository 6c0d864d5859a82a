"""Releases published before the frozen columns get them filled from the rows as they are;
a release older than its entries gets them from its snapshot first."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from fairmatch.enterprises.models import Enterprise
from fairmatch.matching.models import MeetingRequest
from fairmatch.scheduling.models import Meeting, NegotiationTable, ReleaseEntry
from tests.scheduling.helpers import accepted_meetings, grid_edition, place_in_turn

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("scheduling", "0002_release_entries")]
AFTER = [("scheduling", "0005_remove_release_snapshot")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_releases_are_frozen_from_their_snapshot_and_the_rows_as_they_are():
    edition = grid_edition(slots=2, tables=1)
    (host,) = accepted_meetings(edition, 2)
    first, second = place_in_turn(list(Meeting.objects.order_by("pk")))
    MeetingRequest.objects.filter(pk=first.request_id).update(demand=host.demands.get())
    Enterprise.objects.filter(pk=host.enterprise_id).update(languages=["ja"])
    Enterprise.objects.filter(pk=second.first.enterprise_id).update(languages=["en", "ja"])
    Enterprise.objects.filter(pk=first.first.enterprise_id).update(
        name_original="甲公司", name_en="Jia Ltd", languages=["zh"]
    )
    old_apps = migrate(BEFORE)
    Release = old_apps.get_model("scheduling", "Release")
    OldEntry = old_apps.get_model("scheduling", "ReleaseEntry")

    def placement(meeting):
        return {
            "slot": meeting.slot_id,
            "starts": meeting.slot.starts_at.isoformat(),
            "ends": meeting.slot.ends_at.isoformat(),
            "table": 1,
            "participants": [meeting.first_id, meeting.second_id],
        }

    release = Release.objects.create(
        edition_id=edition.pk,
        number=1,
        name="old",
        snapshot={str(first.pk): placement(first), str(second.pk): placement(second)},
    )
    # The second meeting already had its entry; the first only its snapshot.
    OldEntry.objects.create(
        release=release,
        meeting_id=second.pk,
        first_id=second.first_id,
        second_id=second.second_id,
        starts_at=second.slot.starts_at,
        ends_at=second.slot.ends_at,
        table_number=1,
    )
    try:
        migrate(AFTER)
    finally:
        # Leave the database as the other tests expect it: every migration applied (a test
        # that runs later, a browser test for one, reads the newest columns).
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    entries = {entry.meeting_id: entry for entry in ReleaseEntry.objects.all()}
    assert sorted(entries) == [first.pk, second.pk]
    frozen = entries[first.pk]
    demand = host.demands.get()
    assert (frozen.starts_at, frozen.ends_at) == (first.slot.starts_at, first.slot.ends_at)
    assert frozen.starts_at.tzinfo is not None
    assert frozen.starts_at.astimezone(datetime.UTC).hour == 1  # 09:00 in Shanghai
    assert (frozen.table_number, frozen.table_zone) == (1, NegotiationTable.objects.get().zone)
    assert (frozen.first_name_original, frozen.first_name_en) == ("甲公司", "Jia Ltd")
    assert frozen.second_name_en == host.enterprise.name_en
    assert (frozen.demand_field_en, frozen.demand_description) == (
        demand.field.name_en,
        demand.description[:120],
    )
    assert frozen.interpreter_language == "ja"  # no shared language: the buyer's
    assert (entries[second.pk].interpreter_language, entries[second.pk].demand_field_en) == ("", "")
    assert entries[second.pk].second_name_en == host.enterprise.name_en
