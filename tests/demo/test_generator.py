"""The built demo: figures in the reference ranges, rules agreeing with states, real history.

The demo is built once per run (``demo_conference`` in tests/conftest.py); each test reads
it inside its own rolled-back transaction.
"""

from collections import Counter

import pytest
from django.urls import reverse

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.demo.exhibition import CONFIRMATION_NOTE, CONFIRMED_AFTER_ADMISSION
from fairmatch.demo.generator import (
    DEMO_PASSWORD,
    LOGIN_EMAILS,
    ORGANISER_EMAIL,
    DemoError,
    wipe_database,
)
from fairmatch.demo.planner import build_plan
from fairmatch.enterprises.models import Demand, Enterprise, Participation, RuleResult, StateChange
from fairmatch.matching.models import MatchingPolicy, MeetingRequest, RequestState, SuggestionRun
from fairmatch.reports.figures import Segment, edition_figures
from fairmatch.scheduling.models import Meeting, Release
from tests.conftest import DEMO_FIXTURE


def test_the_demo_tests_run_together_after_all_others(request):
    """So the demo is built once per run and no other test sees its rows."""
    uses = [DEMO_FIXTURE in item.fixturenames for item in request.session.items]
    assert uses == sorted(uses)


@pytest.fixture
def current(demo_conference, db):
    return Edition.objects.get(slug="soc-2027")


def test_foreign_figures_are_those_of_the_reference_event(current):
    figures = edition_figures(current, segment=Segment.FOREIGN)
    assert 50 <= figures.qualified <= 65
    assert 15 <= figures.waiting_confirmation <= 25
    assert figures.rejected >= 3
    assert figures.countries_qualified >= 10
    assert 75 <= figures.applicants <= 90
    assert figures.growth_vs_previous_pct is not None
    assert figures.previous_confirmation_rate is not None
    rate = figures.previous_confirmation_rate
    expected = figures.qualified + figures.waiting_confirmation * rate
    assert figures.expected_attendance == round(expected)  # people, not fractions of them
    assert (
        f"= {expected:.1f}, about {round(expected)} people" in figures.expected_attendance_formula
    )


def test_previous_edition_is_finished_with_about_62_foreign_buyers(current):
    previous = current.previous
    figures = edition_figures(previous, segment=Segment.FOREIGN)
    assert (previous.slug, previous.status) == ("soc-2026", "finished")
    assert figures.applicants == 62
    assert figures.by_state["qualified"] + figures.by_state["waiting_confirmation"] == 0


def test_rejected_applications_fail_the_contract_or_the_rank_rule(current):
    rejected = Participation.objects.filter(state="rejected")
    assert rejected.count() >= 4
    for participation in rejected:
        failed = set(
            participation.rule_results.filter(outcome="fail").values_list("rule__kind", flat=True)
        )
        assert failed in ({"min_contract_value"}, {"min_delegate_rank"})
    failed_kinds = set(
        RuleResult.objects.filter(participation__in=rejected, outcome="fail").values_list(
            "rule__kind", flat=True
        )
    )
    assert failed_kinds == {"min_contract_value", "min_delegate_rank"}


def test_admitted_applications_pass_every_rule(current):
    admitted = Participation.objects.filter(
        state__in=["qualified", "waiting_confirmation", "confirmed", "withdrawn"]
    )
    assert set(admitted.values_list("rule_outcome", flat=True)) == {"pass"}


def test_the_review_queue_is_not_empty(current):
    assert current.participations.filter(state="submitted").count() >= 2
    assert current.participations.filter(state="draft").exists()


def test_history_records_who_moved_each_application_and_why(current):
    organiser = User.objects.get(email=ORGANISER_EMAIL)
    decisions = StateChange.objects.filter(to_state__in=["qualified", "rejected"])
    assert set(decisions.values_list("actor", flat=True)) == {organiser.pk}
    assert not decisions.filter(note="").exists()
    submissions = StateChange.objects.filter(to_state="submitted").select_related("participation")
    for change in submissions[:50]:
        assert change.from_state == "draft"
        assert change.actor.enterprise_id == change.participation.enterprise_id
    assert StateChange.objects.filter(at__year=2026).count() == StateChange.objects.count()


def test_providers_have_chinese_names_descriptions_and_capabilities(current):
    providers = current.participations.filter(enterprise__country="CN", is_negotiator=True)
    assert 280 <= providers.count() <= 320
    sample = providers.select_related("enterprise").first()
    assert sample.enterprise.description_language == "zh-hans"
    assert sample.enterprise.name_original != sample.enterprise.name_en
    assert not providers.exclude(state="draft").filter(capabilities__isnull=True).exists()


def test_demands_are_in_the_reference_currencies(current):
    currencies = set(Demand.objects.values_list("currency", flat=True))
    assert {"USD", "JPY", "EUR", "INR", "KRW", "CAD"} <= currencies


@pytest.mark.parametrize("role", ["organiser", "buyer", "provider", "exhibitor"])
def test_demo_logins_work(current, client, role):
    email = ORGANISER_EMAIL if role == "organiser" else LOGIN_EMAILS[role]
    assert client.login(username=email, password=DEMO_PASSWORD)
    assert client.get("/").status_code == 200


def test_demo_users_have_their_roles_and_languages(current):
    organiser = User.objects.get(email=ORGANISER_EMAIL)
    assert (organiser.is_organiser, organiser.is_staff, organiser.is_superuser) == (
        True,
        True,
        True,
    )
    buyer = User.objects.get(email=LOGIN_EMAILS["buyer"])
    provider = User.objects.get(email=LOGIN_EMAILS["provider"])
    exhibitor = User.objects.get(email=LOGIN_EMAILS["exhibitor"])
    assert (buyer.language, provider.language, exhibitor.language) == ("en", "zh-hans", "zh-hans")
    assert buyer.enterprise.country != "CN"
    # The buyer exhibits too: exhibitors are confirmed before booths are allocated.
    buyer_participation = current.participations.get(enterprise=buyer.enterprise)
    assert buyer_participation.is_exhibitor
    assert buyer_participation.state == "confirmed"
    assert current.participations.get(enterprise=provider.enterprise).state == "qualified"
    assert current.participations.get(enterprise=exhibitor.enterprise).is_exhibitor


def test_the_organiser_sees_the_overview(current, client):
    client.login(username=ORGANISER_EMAIL, password=DEMO_PASSWORD)
    response = client.get(reverse("reports:overview", args=[current.slug]))
    assert response.status_code == 200


def test_matchmaking_leaves_meetings_within_limits_and_recommendations(current):
    policy = MatchingPolicy.objects.get(edition=current)
    accepted = MeetingRequest.objects.filter(edition=current, state=RequestState.ACCEPTED)
    assert accepted.count() >= 500
    per_participant = Counter(
        pk for pair in accepted.values_list("requester_id", "recipient_id") for pk in pair
    )
    assert max(per_participant.values()) <= policy.meetings_per_participant
    assert MeetingRequest.objects.filter(state=RequestState.PENDING).exists()
    assert MeetingRequest.objects.filter(state=RequestState.DECLINED).exclude(answer_reason="")
    run = SuggestionRun.objects.get(edition=current)
    assert run.providers_below_minimum == 0


def test_the_demo_buyer_sees_recommendations_and_meetings(current, client):
    assert client.login(email=LOGIN_EMAILS["buyer"], password=DEMO_PASSWORD)
    page = client.get(reverse("matching:inbox", args=[current.slug]))
    assert page.status_code == 200
    assert len(page.context["recommended"]) == 10
    assert page.context["accepted"] >= 1


def test_the_demo_publishes_a_schedule_placing_every_accepted_meeting(current):
    release = Release.objects.get(edition=current)
    accepted = MeetingRequest.objects.filter(edition=current, state=RequestState.ACCEPTED)
    # The solver works to a time limit; the fitting-in pass after it places the rest.
    assert release.entries.count() >= 0.99 * accepted.count()
    unplaced = Meeting.objects.filter(edition=current, slot__isnull=True, state="scheduled")
    assert all(meeting.unplaced_reason for meeting in unplaced)


def test_the_demo_buyer_reaches_its_agenda_and_calendar(current, client):
    assert client.login(email=LOGIN_EMAILS["buyer"], password=DEMO_PASSWORD)
    page = client.get(reverse("scheduling:agenda", args=[current.slug]))
    assert page.status_code == 200
    assert len(page.context["agenda"].items) >= 1
    feed = page.context["feeds"][0][1]
    assert client.get(reverse("calendar:feed", args=[feed.token])).status_code == 200


def test_the_command_prints_logins_and_figures(demo_conference):
    output = demo_conference.output
    for email in [ORGANISER_EMAIL, *LOGIN_EMAILS.values()]:
        assert email in output
    assert f"password: {DEMO_PASSWORD}" in output
    assert "foreign buyers: 57 enterprises from 12 countries qualified" in output
    assert "expected attendance: 57 qualified + 20 waiting" in output
    # The logins come last, with the state the later steps left (the buyer also exhibits,
    # and the exhibition confirms its attendance).
    logins = output[output.index("Demo logins") :]
    assert "REST API" in logins and "Serving" not in output
    buyer_line = next(line for line in logins.splitlines() if LOGIN_EMAILS["buyer"] in line)
    assert buyer_line.endswith("– confirmed")


def test_the_data_is_the_plan_of_its_seed(current, demo_conference):
    """Same seed, same data: the plan is a pure function of the seed (test_planner.py) and
    the database holds that plan, row for row, with the plan's dates."""
    plan = build_plan(seed=demo_conference.seed)
    names = {e.key: e.name_en for e in plan.enterprises}
    assert list(
        Enterprise.objects.order_by("pk").values_list("name_original", "name_en", "country")
    ) == [(e.name_original, e.name_en, e.country) for e in plan.enterprises]
    submitted = {
        (p.edition, p.enterprise): step.at
        for p in plan.participations
        for step in p.steps
        if step.state == "submitted"
    }
    # Then the exhibition confirms the current edition's admitted exhibitors (booths go to
    # confirmed exhibitors only).
    exhibiting = set(
        Participation.objects.filter(edition=current, is_exhibitor=True).values_list(
            "enterprise__name_en", flat=True
        )
    )

    def final_state(p):
        confirmed = p.edition == current.slug and names[p.enterprise] in exhibiting
        return "confirmed" if confirmed and p.final_state == "qualified" else p.final_state

    assert list(
        Participation.objects.order_by("pk").values_list(
            "enterprise__name_en", "edition__slug", "state", "created_at", "submitted_at"
        )
    ) == [
        (
            names[p.enterprise],
            p.edition,
            final_state(p),
            p.created_at,
            submitted.get((p.edition, p.enterprise)),
        )
        for p in plan.participations
    ]
    assert list(
        Demand.objects.order_by("pk").values_list(
            "participation__enterprise__name_en", "value", "currency", "description"
        )
    ) == [
        (names[p.enterprise], d.value, d.currency, d.description)
        for p in plan.participations
        for d in p.demands
    ]
    changes = StateChange.objects.order_by("pk").values_list(
        "participation__enterprise__name_en", "to_state", "at", "note"
    )
    planned = [
        (names[p.enterprise], step.state, step.at, step.note)
        for p in plan.participations
        for step in p.steps
    ]
    assert list(changes.exclude(note=CONFIRMATION_NOTE)) == planned
    # The exhibition's confirmations: each admitted exhibitor's, a week after its admission.
    admitted = {
        names[p.enterprise]: max(step.at for step in p.steps if step.state == "qualified")
        for p in plan.participations
        if p.edition == current.slug and final_state(p) != p.final_state
    }
    assert sorted(changes.filter(note=CONFIRMATION_NOTE)) == sorted(
        (name, "confirmed", at + CONFIRMED_AFTER_ADMISSION, CONFIRMATION_NOTE)
        for name, at in admitted.items()
    )


def test_the_demo_refuses_to_wipe_other_editions(demo_conference, db):
    Edition.objects.filter(slug="soc-2027").update(slug="real-2028")
    with pytest.raises(DemoError, match="real-2028"):
        wipe_database()
