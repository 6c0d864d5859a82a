"""The organiser's review queue, participation page, decisions and bulk actions."""

import pytest
from django.core import mail

from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.domain.qualification import refresh_edition
from fairmatch.enterprises.models import ConfirmationRequest, State, StateChange
from tests.factories import (
    CapabilityFactory,
    DelegateFactory,
    DemandFactory,
    EditionFactory,
    FieldFactory,
    OrganiserFactory,
    ParticipationFactory,
    QualificationRuleFactory,
    UserFactory,
    reference_ladder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = EditionFactory(slug="dalian-2027")
    QualificationRuleFactory(edition=edition)
    return edition


@pytest.fixture
def organiser(client):
    user = OrganiserFactory(full_name="Olga Organiser")
    client.force_login(user)
    return user


def buyer(edition, name, *, value="9000000", country="US", state=State.SUBMITTED, **extra):
    participation = ParticipationFactory(
        edition=edition,
        enterprise__name_original=name,
        enterprise__country=country,
        state=state,
        **extra,
    )
    DemandFactory(participation=participation, value=value)
    return participation


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def names_in(response) -> list[str]:
    return [p.enterprise.name_original for p in response.context["page"].object_list]


def queue_url(edition) -> str:
    return f"/organiser/{edition.slug}/applications/"


# Permissions


@pytest.mark.parametrize("suffix", ["", "1/", "bulk/", "1/decide/", "1/request-confirmation/"])
def test_anonymous_is_sent_to_login(client, edition, suffix):
    response = client.post(queue_url(edition) + suffix)
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={queue_url(edition)}{suffix}"


@pytest.mark.parametrize("suffix", ["", "1/"])
def test_enterprise_user_is_refused(client, edition, suffix):
    participation = buyer(edition, "Own Co")
    client.force_login(UserFactory(enterprise=participation.enterprise))
    assert client.get(queue_url(edition) + suffix).status_code == 403
    response = client.post(
        f"{queue_url(edition)}{participation.pk}/decide/", {"target": "qualified"}
    )
    assert response.status_code == 403
    participation.refresh_from_db()
    assert participation.state == State.SUBMITTED


def test_unknown_edition_is_not_found(client, organiser):
    assert client.get("/organiser/no-such-edition/applications/").status_code == 404


def test_participation_of_another_edition_is_not_found(client, organiser, edition):
    elsewhere = buyer(EditionFactory(), "Elsewhere Co")
    assert client.get(f"{queue_url(edition)}{elsewhere.pk}/").status_code == 404
    response = client.post(f"{queue_url(edition)}{elsewhere.pk}/decide/", {"target": "qualified"})
    assert response.status_code == 404


# Queue and filters


@pytest.fixture
def mixed(edition):
    FieldFactory(code="pharma", name_en="Pharmaceutical R&D", name_zh="医药研发")
    rich = buyer(edition, "Rich Buyer", country="JP")
    poor = buyer(edition, "Poor Buyer", value="1000000", country="US")
    waiting = buyer(edition, "Waiting Buyer", country="DE", state=State.WAITING_CONFIRMATION)
    draft = buyer(edition, "Draft Buyer", state=State.DRAFT)
    provider = CapabilityFactory(
        participation__edition=edition,
        participation__enterprise__name_original="China Soft",
        participation__state=State.SUBMITTED,
        field__code="pharma",
    ).participation
    exhibitor = buyer(edition, "Booth Co", is_exhibitor=True, country="JP")
    refresh_edition(edition)
    return {
        "rich": rich,
        "poor": poor,
        "waiting": waiting,
        "draft": draft,
        "provider": provider,
        "exhibitor": exhibitor,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Booth Co", "China Soft", "Poor Buyer", "Rich Buyer", "Waiting Buyer"]),
        ("state=draft", ["Draft Buyer"]),
        ("search=buyer", ["Poor Buyer", "Rich Buyer", "Waiting Buyer"]),
        ("search=+china+&role=provider", ["China Soft"]),
        ("sort=country", ["China Soft", "Waiting Buyer", "Booth Co", "Rich Buyer", "Poor Buyer"]),
        ("sort=state&country=JP", ["Booth Co", "Rich Buyer"]),
        ("state=submitted", ["Booth Co", "China Soft", "Poor Buyer", "Rich Buyer"]),
        ("country=JP", ["Booth Co", "Rich Buyer"]),
        ("field=pharma", ["China Soft"]),
        ("role=provider", ["China Soft"]),
        ("role=exhibitor", ["Booth Co"]),
        ("role=buyer&state=submitted", ["Booth Co", "Poor Buyer", "Rich Buyer"]),
        ("outcome=fail", ["Poor Buyer"]),
        ("outcome=pass&country=JP", ["Booth Co", "Rich Buyer"]),
    ],
)
def test_queue_filters(client, organiser, edition, mixed, query, expected):
    response = client.get(f"{queue_url(edition)}?{query}")
    assert response.status_code == 200
    assert names_in(response) == expected


def test_queue_says_how_many_drafts_it_leaves_out_as_the_figures_do(
    client, organiser, edition, mixed
):
    from fairmatch.reports.figures import edition_figures

    response = client.get(queue_url(edition))
    assert response.context["page"].paginator.count == edition_figures(edition).applicants
    assert "1 draft not yet submitted is not listed" in response.content.decode()
    assert (
        "not yet submitted" not in client.get(f"{queue_url(edition)}?state=draft").content.decode()
    )


def test_queue_finds_an_enterprise_by_its_original_name(client, organiser, edition):
    participation = ParticipationFactory(
        edition=edition,
        enterprise__name_original="大连软件有限公司",
        enterprise__name_en="Dalian Software Co",
        state=State.SUBMITTED,
    )
    ParticipationFactory(edition=edition, enterprise__name_original="Other", state=State.SUBMITTED)
    for term in ("大连软件", "dalian soft"):
        response = client.get(queue_url(edition), {"search": term})
        assert [p.pk for p in response.context["page"].object_list] == [participation.pk], term


def test_queue_shows_the_outcome_and_the_reason_of_a_failed_rule(client, organiser, edition, mixed):
    page = client.get(f"{queue_url(edition)}?outcome=fail").content.decode()
    assert "Contracts on offer are worth USD 1,000,000; at least USD 8 M is required." in page
    assert '<span class="badge outcome-fail">fails</span>' in page


def test_queue_ignores_an_invalid_filter_and_says_so(client, organiser, edition, mixed):
    response = client.get(f"{queue_url(edition)}?state=lost&country=JP")
    assert names_in(response) == ["Booth Co", "Rich Buyer"]
    assert response.context["filter_form"].errors["state"] == [
        "Select a valid choice. lost is not one of the available choices."
    ]


def test_queue_is_paginated(client, organiser, edition):
    for number in range(55):
        ParticipationFactory(
            edition=edition, enterprise__name_original=f"Firm {number:02d}", state=State.SUBMITTED
        )
    first = client.get(queue_url(edition))
    second = client.get(f"{queue_url(edition)}?page=2")
    assert len(first.context["page"].object_list) == 50
    assert names_in(second) == ["Firm 50", "Firm 51", "Firm 52", "Firm 53", "Firm 54"]


@pytest.mark.parametrize("rows", [3, 30])
def test_queue_queries_do_not_grow_with_rows(
    client, organiser, edition, rows, django_assert_max_num_queries
):
    for number in range(rows):
        participation = buyer(edition, f"Firm {number}", value="1000000")
        participation.enterprise.fields.add(FieldFactory())
    refresh_edition(edition)
    # 10, the count of drafts left out, and the edition's zone (read once a minute).
    with django_assert_max_num_queries(12):
        response = client.get(f"{queue_url(edition)}?role=buyer")
    assert len(response.context["page"].object_list) == rows


# Participation page and decisions


def test_detail_shows_application_rules_and_history(client, organiser, edition):
    ladder = reference_ladder()
    participation = buyer(edition, "Rich Buyer")
    DelegateFactory(
        participation=participation, full_name="Ann Lee", rank=ladder["director"], title="CTO"
    )
    StateChange.objects.create(
        participation=participation, from_state="draft", to_state="submitted", note="complete"
    )
    refresh_edition(edition)
    page = client.get(f"{queue_url(edition)}{participation.pk}/").content.decode()
    assert "Ann Lee" in page
    assert "<td>Director</td>" in page
    assert "USD 9,000,000" in page
    assert "Contracts on offer reach USD 8 M." in page
    assert "largest demand USD 9 M = USD 9 M &gt;= USD 8 M" in page
    assert "<td>draft → submitted</td>" in page
    assert 'name="target" value="qualified"' in page
    assert 'name="target" value="confirmed"' not in page


def test_detail_renders_in_chinese(client, organiser, edition):
    participation = buyer(edition, "Rich Buyer")
    refresh_edition(edition)
    response = client.get(
        f"{queue_url(edition)}{participation.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert response.status_code == 200
    assert '<html lang="zh-hans">' in response.content.decode()


def test_decision_moves_the_participation_and_keeps_the_note(client, organiser, edition):
    participation = buyer(edition, "Rich Buyer")
    response = client.post(
        f"{queue_url(edition)}{participation.pk}/decide/",
        {"target": "qualified", "note": "strong buyer"},
        follow=True,
    )
    participation.refresh_from_db()
    assert participation.state == State.QUALIFIED
    assert messages_of(response) == ["Rich Buyer is now qualified."]
    change = participation.state_changes.get()
    assert (change.from_state, change.to_state, change.actor, change.note) == (
        "submitted",
        "qualified",
        organiser,
        "strong buyer",
    )
    audit = AuditEntry.objects.get()
    assert (audit.action, audit.actor, audit.note) == (
        "participation.qualified",
        organiser,
        "strong buyer",
    )


def test_a_second_decision_gets_a_clear_message_and_changes_nothing(client, organiser, edition):
    participation = buyer(edition, "Rich Buyer")
    url = f"{queue_url(edition)}{participation.pk}/decide/"
    client.post(url, {"target": "qualified"})
    response = client.post(url, {"target": "rejected", "note": "late"})
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "An application that is qualified cannot become rejected."
    ]
    participation.refresh_from_db()
    assert participation.state == State.QUALIFIED
    assert participation.state_changes.count() == 1
    assert AuditEntry.objects.count() == 1


def test_an_overlong_note_is_refused_at_the_field(client, organiser, edition):
    participation = buyer(edition, "Rich Buyer")
    response = client.post(
        f"{queue_url(edition)}{participation.pk}/decide/",
        {"target": "qualified", "note": "x" * 2001},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["note"] == [
        "Ensure this value has at most 2000 characters (it has 2001)."
    ]
    participation.refresh_from_db()
    assert participation.state == State.SUBMITTED


# Bulk actions


def test_bulk_decision_reports_changed_and_refused(client, organiser, edition):
    first = buyer(edition, "First Co")
    second = buyer(edition, "Second Co")
    draft = buyer(edition, "Draft Co", state=State.DRAFT)
    response = client.post(
        f"{queue_url(edition)}bulk/",
        {
            "participations": [first.pk, second.pk, draft.pk],
            "action": "waiting_confirmation",
            "note": "room is full",
            "next": "state=submitted",
        },
        follow=True,
    )
    assert response.redirect_chain == [(f"{queue_url(edition)}?state=submitted", 302)]
    assert messages_of(response) == [
        "2 applications changed.",
        "Draft Co was not changed: An application that is draft cannot become "
        "waiting for confirmation.",
    ]
    states = {p.enterprise.name_original: p.state for p in (first, second, draft)}
    for participation in (first, second, draft):
        participation.refresh_from_db()
    assert [first.state, second.state, draft.state] == [
        State.WAITING_CONFIRMATION,
        State.WAITING_CONFIRMATION,
        State.DRAFT,
    ]
    assert states == {"First Co": "submitted", "Second Co": "submitted", "Draft Co": "draft"}
    assert list(StateChange.objects.values_list("note", flat=True)) == ["room is full"] * 2


def test_bulk_without_selection_says_so(client, organiser, edition):
    response = client.post(f"{queue_url(edition)}bulk/", {"action": "qualified"}, follow=True)
    assert messages_of(response) == ["Select at least one application."]


def test_bulk_cannot_reach_another_edition(client, organiser, edition):
    elsewhere = buyer(EditionFactory(), "Elsewhere Co")
    response = client.post(
        f"{queue_url(edition)}bulk/",
        {"participations": [elsewhere.pk], "action": "qualified"},
        follow=True,
    )
    assert messages_of(response) == [
        f"Select a valid choice. {elsewhere.pk} is not one of the available choices."
    ]
    elsewhere.refresh_from_db()
    assert elsewhere.state == State.SUBMITTED


def test_bulk_confirmation_request_goes_to_those_waiting(client, organiser, edition):
    waiting = buyer(edition, "Waiting Co", state=State.WAITING_CONFIRMATION)
    UserFactory(enterprise=waiting.enterprise, email="boss@waiting.example", language="en")
    qualified = buyer(edition, "Qualified Co", state=State.QUALIFIED)
    response = client.post(
        f"{queue_url(edition)}bulk/",
        {"participations": [waiting.pk, qualified.pk], "action": "request_confirmation"},
        follow=True,
    )
    assert messages_of(response) == [
        "1 confirmation request sent.",
        "Qualified Co was not changed: Only applications waiting for confirmation can be "
        "asked to confirm; this one is qualified.",
    ]
    request = ConfirmationRequest.objects.get()
    assert (request.participation, request.sent_by) == (waiting, organiser)
    assert [message.to for message in mail.outbox] == [["boss@waiting.example"]]
    assert AuditEntry.objects.get().action == "participation.confirmation_requested"


def test_single_confirmation_request_from_the_detail_page(client, organiser, edition):
    waiting = buyer(edition, "Waiting Co", state=State.WAITING_CONFIRMATION)
    response = client.post(f"{queue_url(edition)}{waiting.pk}/request-confirmation/", follow=True)
    assert messages_of(response) == ["The confirmation request has been sent."]
    assert ConfirmationRequest.objects.filter(participation=waiting).count() == 1


@pytest.mark.parametrize("rows", [1, 8])
def test_detail_queries_do_not_grow_with_delegates_demands_or_history(
    client, organiser, edition, rows, django_assert_max_num_queries
):
    participation = buyer(edition, "Rich Buyer")
    for number in range(rows):
        DelegateFactory(participation=participation)
        DemandFactory(participation=participation, value=str(1000000 + number))
        CapabilityFactory(participation=participation)
        StateChange.objects.create(
            participation=participation, from_state="draft", to_state="submitted", actor=organiser
        )
    refresh_edition(edition)
    with django_assert_max_num_queries(22):
        response = client.get(f"{queue_url(edition)}{participation.pk}/")
    assert response.status_code == 200
