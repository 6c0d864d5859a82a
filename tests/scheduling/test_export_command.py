"""`fairmatch schedule export --json`: the published release as plain data."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import Meeting, NegotiationTable, Slot
from tests.factories import DelegateFactory
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db


def export(*args):
    out = io.StringIO()
    call_command("schedule", "export", *args, stdout=out)
    return out.getvalue()


def test_the_release_with_times_in_the_editions_offset_and_the_unplaced():
    edition = grid_edition(slots=2, tables=1)
    (buyer,) = accepted_meetings(edition, 2)
    DelegateFactory(participation=buyer, full_name="Keiko Yamada", title="Director")
    placed, waiting = Meeting.objects.order_by("pk")
    placed.slot, placed.table = Slot.objects.get(index=1), NegotiationTable.objects.get()
    placed.save()
    waiting.unplaced_reason = "participant 2 has 2 meetings and 1 usable slot"
    waiting.save()
    releases.publish(edition=edition, name="final", user=None)

    document = json.loads(export("--edition", edition.slug, "--json"))
    assert document["release"]["name"] == "final"
    (meeting,) = document["meetings"]
    assert (meeting["id"], meeting["table"], meeting["state"]) == (placed.pk, 1, "scheduled")
    assert (meeting["start"], meeting["end"]) == (
        "2027-06-15T09:30:00+08:00",
        "2027-06-15T09:55:00+08:00",
    )
    sides = {side["enterprise"]["id"]: side for side in meeting["participants"]}
    assert sides[buyer.enterprise.pk]["delegates"] == [
        {"name": "Keiko Yamada", "title": "Director"}
    ]
    assert document["unplaced"] == [
        {
            "id": waiting.pk,
            "participants": document["unplaced"][0]["participants"],
            "reason": "participant 2 has 2 meetings and 1 usable slot",
        }
    ]
    assert len(document["unplaced"][0]["participants"]) == 2


def test_no_release_or_no_edition_is_a_clear_error():
    edition = grid_edition()
    with pytest.raises(CommandError, match="no schedule has been published"):
        export("--edition", edition.slug)
    with pytest.raises(CommandError, match="no edition with the short name 'nope'"):
        export("--edition", "nope")
