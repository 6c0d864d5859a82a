"""Releases published before halls and states were frozen: their halls copied from the plan
as it stands now, each stored booth's state and zone set. Their booths stay those stored
(the booths given out); the next release freezes the whole plan."""

from decimal import Decimal

from django.db import migrations


def backfill(apps, schema_editor):
    Hall = apps.get_model("exhibition", "Hall")
    PlanRelease = apps.get_model("exhibition", "PlanRelease")
    PlanReleaseEntry = apps.get_model("exhibition", "PlanReleaseEntry")
    PlanReleaseHall = apps.get_model("exhibition", "PlanReleaseHall")
    for release in PlanRelease.objects.all():
        entries = list(
            PlanReleaseEntry.objects.filter(release=release, hall__isnull=True).select_related(
                "booth__zone"
            )
        )
        if not entries:
            continue
        halls = {h.code: h for h in Hall.objects.filter(edition_id=release.edition_id)}
        frozen = {}
        for code in sorted({entry.hall_code for entry in entries}):
            hall = halls.get(code)
            if hall is None:  # gone since: its outline is the booths' extent
                ends = [
                    (e.geometry[0] + e.geometry[2], e.geometry[1] + e.geometry[3])
                    for e in entries
                    if e.hall_code == code
                ]
                frozen[code] = PlanReleaseHall.objects.create(
                    release=release,
                    code=code,
                    name_en=code,
                    width=Decimal(str(max(x for x, _y in ends))),
                    depth=Decimal(str(max(y for _x, y in ends))),
                )
                continue
            frozen[code] = PlanReleaseHall.objects.create(
                release=release,
                code=code,
                name_en=hall.name_en,
                name_zh=hall.name_zh,
                width=hall.width,
                depth=hall.depth,
                entrances=hall.entrances,
                position=hall.position,
            )
        for entry in entries:
            entry.hall = frozen[entry.hall_code]
            booth = entry.booth
            if entry.participation_id is not None:
                entry.state = "taken"
            else:
                entry.state = "blocked" if booth is not None and booth.is_blocked else "free"
            if booth is not None and booth.zone is not None:
                entry.zone_en, entry.zone_zh = booth.zone.name_en, booth.zone.name_zh
        PlanReleaseEntry.objects.bulk_update(entries, ["hall", "state", "zone_en", "zone_zh"])


class Migration(migrations.Migration):
    dependencies = [("exhibition", "0002_plan_release_complete")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
