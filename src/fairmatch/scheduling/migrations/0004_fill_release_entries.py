"""Fill the frozen columns of the releases published before them.

Releases older than their entries get entries from their snapshot first; then every
entry copies what its agenda showed from the rows as they are now (the best record left).
"""

import datetime

from django.db import migrations

DEMAND_SHOWN = 120  # characters of the demand's description an agenda shows
BATCH = 500


def _interpreter(first, second):
    first_languages, second_languages = set(first.languages), set(second.languages)
    if not first_languages or not second_languages or first_languages & second_languages:
        return ""
    buyer = first if first.kind in ("buyer", "both") else second
    return buyer.languages[0] if buyer.languages else ""


def fill(apps, schema_editor):
    Release = apps.get_model("scheduling", "Release")
    ReleaseEntry = apps.get_model("scheduling", "ReleaseEntry")
    Meeting = apps.get_model("scheduling", "Meeting")
    NegotiationTable = apps.get_model("scheduling", "NegotiationTable")
    for release in Release.objects.order_by("pk").iterator():
        known = set(ReleaseEntry.objects.filter(release=release).values_list("meeting_id", flat=True))
        missing = {
            int(key): entry
            for key, entry in (release.snapshot or {}).items()
            if int(key) not in known
        }
        existing = set(Meeting.objects.filter(pk__in=missing).values_list("pk", flat=True))
        ReleaseEntry.objects.bulk_create(
            ReleaseEntry(
                release=release,
                meeting_id=pk,
                first_id=entry["participants"][0],
                second_id=entry["participants"][1],
                starts_at=datetime.datetime.fromisoformat(entry["starts"]),
                ends_at=datetime.datetime.fromisoformat(entry["ends"]),
                table_number=entry["table"],
            )
            for pk, entry in missing.items()
            if pk in existing
        )
        zones = dict(
            NegotiationTable.objects.filter(edition_id=release.edition_id).values_list(
                "number", "zone"
            )
        )
        entries = list(
            ReleaseEntry.objects.filter(release=release).select_related(
                "first__enterprise",
                "second__enterprise",
                "meeting__request__demand__field",
            )
        )
        for entry in entries:
            first, second = entry.first.enterprise, entry.second.enterprise
            demand = entry.meeting.request.demand
            entry.table_zone = zones.get(entry.table_number, "") or ""
            entry.first_name_original, entry.first_name_en = first.name_original, first.name_en
            entry.second_name_original, entry.second_name_en = second.name_original, second.name_en
            entry.demand_field_en = demand.field.name_en if demand else ""
            entry.demand_field_zh = demand.field.name_zh if demand else ""
            entry.demand_description = demand.description[:DEMAND_SHOWN] if demand else ""
            entry.interpreter_language = _interpreter(first, second)
        ReleaseEntry.objects.bulk_update(
            entries,
            [
                "table_zone",
                "first_name_original",
                "first_name_en",
                "second_name_original",
                "second_name_en",
                "demand_field_en",
                "demand_field_zh",
                "demand_description",
                "interpreter_language",
            ],
            batch_size=BATCH,
        )


class Migration(migrations.Migration):

    dependencies = [
        ('scheduling', '0003_release_entry_frozen_columns'),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
