"""The endpoints answer with the site's objects, through the site's domain functions."""

from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.models import State
from fairmatch.matching.models import RequestState

BASE = "/api/v1/editions/soc-2027"


def test_the_organiser_lists_the_editions_participations_filtered(api_world):
    client = api_world.client("organiser")
    everyone = client.get(f"{BASE}/participations")
    assert everyone.status_code == 200
    assert [row["id"] for row in everyone.json()["items"]] == sorted(
        [api_world.buyer.pk, api_world.provider.pk]
    )
    germans = client.get(f"{BASE}/participations", {"country": "de", "role": "buyer"})
    assert [row["enterprise"]["name_en"] for row in germans.json()["items"]] == ["Hamburg Logistik"]


def test_cursor_pages_cover_every_row_once(api_world):
    client = api_world.client("organiser")
    first = client.get(f"{BASE}/participations", {"limit": 1}).json()
    second = client.get(f"{BASE}/participations", {"limit": 1, "cursor": first["next"]}).json()
    assert [first["items"][0]["id"], second["items"][0]["id"]] == sorted(
        [api_world.buyer.pk, api_world.provider.pk]
    )
    assert second["next"] is None


def test_a_member_sees_only_its_enterprises_participations(api_world):
    answer = api_world.client("buyer").get(f"{BASE}/participations").json()
    assert [row["id"] for row in answer["items"]] == [api_world.buyer.pk]


def test_the_organiser_decides_through_the_workflow_and_it_is_audited(api_world):
    client = api_world.client("organiser")
    answer = client.post(
        f"{BASE}/participations/{api_world.buyer.pk}/transitions",
        {"target": "confirmed", "note": "By telephone"},
    )
    assert answer.status_code == 200
    assert answer.json()["state"] == "confirmed"
    api_world.buyer.refresh_from_db()
    assert api_world.buyer.state == State.CONFIRMED
    audit = AuditEntry.objects.get(action="participation.confirmed")
    assert (audit.object_id, audit.note) == (str(api_world.buyer.pk), "By telephone")


def test_a_move_the_workflow_refuses_is_a_conflict_naming_the_field(api_world):
    answer = api_world.client("organiser").post(
        f"{BASE}/participations/{api_world.buyer.pk}/transitions", {"target": "rejected"}
    )
    assert answer.status_code == 409
    assert answer["Content-Type"] == "application/problem+json"
    assert answer.json()["errors"][0]["field"] == "body.target"


def test_the_recipient_accepts_a_request_through_the_domain(api_world):
    answer = api_world.client("provider").post(
        f"{BASE}/meeting-requests/{api_world.request.pk}/accept", {}
    )
    assert answer.status_code == 200
    assert answer.json()["state"] == RequestState.ACCEPTED
    api_world.request.refresh_from_db()
    assert api_world.request.state == RequestState.ACCEPTED


def test_the_requester_cannot_answer_its_own_request(api_world):
    answer = api_world.client("buyer").post(
        f"{BASE}/meeting-requests/{api_world.request.pk}/accept", {}
    )
    assert answer.status_code == 404


def test_declining_needs_a_reason(api_world):
    answer = api_world.client("provider").post(
        f"{BASE}/meeting-requests/{api_world.request.pk}/decline", {"reason": " "}
    )
    assert answer.status_code == 409
    answer = api_world.client("provider").post(
        f"{BASE}/meeting-requests/{api_world.request.pk}/decline", {"reason": "Not our field"}
    )
    assert answer.json()["state"] == RequestState.DECLINED


def test_a_second_request_between_the_same_pair_is_refused(api_world):
    answer = api_world.client("buyer").post(
        f"{BASE}/meeting-requests", {"recipient": api_world.provider.pk, "priority": 1}
    )
    assert answer.status_code == 409
    assert answer.json()["detail"] == "There is already a request between your enterprises."


def test_the_directory_shows_the_others_listed(api_world):
    answer = api_world.client("buyer").get(f"{BASE}/directory").json()
    assert [row["participation"] for row in answer["items"]] == [api_world.provider.pk]


def test_the_agenda_is_empty_before_a_release(api_world):
    answer = api_world.client("buyer").get(f"{BASE}/agenda")
    assert answer.json() == {"release": None, "items": []}


def test_figures_are_the_reports_figures(api_world):
    from fairmatch.reports.figures import edition_figures

    answer = api_world.client("organiser").get(f"{BASE}/figures")
    assert answer.json()["qualified"] == edition_figures(api_world.edition).qualified == 2


def test_an_unchanged_read_answers_not_modified(api_world):
    client = api_world.client("organiser")
    first = client.get(f"{BASE}/participations")
    again = client.get(f"{BASE}/participations", headers={"If-None-Match": first["ETag"]})
    assert (again.status_code, again.content) == (304, b"")
    api_world.buyer.state = State.CONFIRMED
    api_world.buyer.save()
    changed = client.get(f"{BASE}/participations", headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200


def test_a_member_confirms_its_own_admission_but_cannot_admit_itself(api_world):
    client = api_world.client("buyer")
    url = f"{BASE}/participations/{api_world.buyer.pk}/transitions"
    refused = client.post(url, {"target": "rejected"})
    assert refused.status_code == 409
    assert refused.json()["detail"] == "An application that is qualified cannot become rejected."
    answer = client.post(url, {"target": "confirmed"})
    assert (answer.status_code, answer.json()["state"]) == (200, "confirmed")
    # The applicant's own moves are recorded as state changes, not audited.
    assert AuditEntry.objects.filter(action__startswith="participation.").count() == 0
