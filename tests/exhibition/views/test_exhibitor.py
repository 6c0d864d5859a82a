"""The exhibitor's own page: its application, its published booth only, its staff, its visitors."""

from decimal import Decimal

import pytest

from fairmatch.enterprises.models import State
from fairmatch.exhibition.models import (
    BoothAssignment,
    BoothStaff,
    PlanRelease,
    PlanReleaseEntry,
    PlanReleaseHall,
    PublishedState,
)
from fairmatch.matching.models import MeetingRequest
from tests.exhibition.helpers import exhibition_part, hall_with_booths
from tests.factories import EnterpriseFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibitor(client):
    participation = ParticipationFactory(
        is_negotiator=False,
        is_exhibitor=True,
        state=State.QUALIFIED,
        enterprise__name_original="大连动漫有限公司",
        enterprise__name_en="Dalian Animation Ltd",
        enterprise__country="CN",
    )
    exhibition_part(participation, products="Animation <script>alert(1)</script>")
    client.force_login(UserFactory(enterprise=participation.enterprise))
    return participation


def mine(participation) -> str:
    return f"/e/{participation.edition.slug}/exhibition/mine/"


def test_before_publication_the_booth_is_not_allocated(client, exhibitor):
    hall = hall_with_booths(exhibitor.edition, ("3", "3"))
    # A working assignment is the organiser's until published: not shown.
    BoothAssignment.objects.create(
        booth=hall.booths.get(), application=exhibitor.exhibitor_application
    )
    response = client.get(mine(exhibitor))
    body = response.content.decode()
    assert response.context["booth"] is None
    assert "Your booth is not allocated yet" in body
    assert "H101" not in body
    assert "&lt;script&gt;" in body and "<script>alert" not in body


def test_the_latest_release_gives_hall_booth_and_size(client, exhibitor):
    release = PlanRelease.objects.create(edition=exhibitor.edition, number=1)
    PlanReleaseEntry.objects.create(
        release=release,
        hall=PlanReleaseHall.objects.create(
            release=release,
            code="H1",
            name_en="Hall 1",
            name_zh="一号馆",
            width=Decimal(30),
            depth=Decimal(20),
        ),
        participation=exhibitor,
        state=PublishedState.TAKEN,
        hall_code="H1",
        booth_code="A07",
        geometry=[0, 0, 6, 3],
    )
    body = client.get(mine(exhibitor)).content.decode()
    assert '<p class="headline" id="my-booth-place">Hall 1, booth A07</p>' in body
    assert "6 m × 3 m" in body
    plan = f"/e/{exhibitor.edition.slug}/exhibition/plan/#booth-H1-A07"
    assert f'<a id="my-booth-on-plan" href="{plan}">See your booth on the floor plan</a>' in body
    client.cookies["django_language"] = "zh-hans"
    zh = client.get(mine(exhibitor), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<p class="headline" id="my-booth-place">一号馆 A07 展位</p>' in zh


def test_staff_are_added_edited_and_removed(client, exhibitor):
    client.post(
        f"{mine(exhibitor)}staff/", {"new-full_name": "Wang Fang", "new-email": "wf@example.cn"}
    )
    person = BoothStaff.objects.get()
    assert (person.full_name, person.application.participation) == ("Wang Fang", exhibitor)
    client.post(
        f"{mine(exhibitor)}staff/{person.pk}/",
        {"full_name": "Wang Fang", "email": "wf@example.cn", "title": "Sales"},
    )
    person.refresh_from_db()
    assert person.title == "Sales"
    client.post(f"{mine(exhibitor)}staff/{person.pk}/remove/")
    assert BoothStaff.objects.count() == 0


def test_a_bad_staff_entry_is_named_and_nothing_is_saved(client, exhibitor):
    response = client.post(
        f"{mine(exhibitor)}staff/", {"new-full_name": "Wang Fang", "new-email": "nope"}, follow=True
    )
    assert [str(m) for m in response.context["messages"]] == [
        "E-mail: Enter a valid email address."
    ]
    assert BoothStaff.objects.count() == 0


def test_another_exhibitors_staff_is_not_found(client, exhibitor):
    other = ParticipationFactory(edition=exhibitor.edition, is_exhibitor=True)
    theirs = BoothStaff.objects.create(
        application=exhibition_part(other), full_name="Not Yours", email="x@example.com"
    )
    assert client.get(f"{mine(exhibitor)}staff/{theirs.pk}/").status_code == 404
    assert client.post(f"{mine(exhibitor)}staff/{theirs.pk}/remove/").status_code == 404
    assert BoothStaff.objects.filter(pk=theirs.pk).exists()
    assert "Not Yours" not in client.get(mine(exhibitor)).content.decode()


def test_a_withdrawn_exhibitor_cannot_change_its_staff(client, exhibitor):
    exhibitor.state = State.WITHDRAWN
    exhibitor.save()
    client.post(f"{mine(exhibitor)}staff/", {"new-full_name": "Late", "new-email": "l@example.cn"})
    assert BoothStaff.objects.count() == 0
    assert 'id="add-staff"' not in client.get(mine(exhibitor)).content.decode()


def test_visitors_requests_are_listed_with_a_link_to_answer_them(client, exhibitor):
    visitor = ParticipationFactory(
        edition=exhibitor.edition,
        state=State.QUALIFIED,
        enterprise=EnterpriseFactory(name_original="Visiting Buyer Inc"),
    )
    MeetingRequest.objects.create(edition=exhibitor.edition, requester=visitor, recipient=exhibitor)
    body = client.get(mine(exhibitor)).content.decode()
    assert "Visiting Buyer Inc" in body
    assert f'href="/e/{exhibitor.edition.slug}/meetings/#received"' in body


def test_the_navigation_links_an_admitted_exhibitor_to_its_page(client, exhibitor):
    body = client.get("/my/applications/").content.decode()
    assert f'href="{mine(exhibitor)}"' in body


def test_the_page_renders_in_chinese(client, exhibitor):
    client.cookies["django_language"] = "zh-hans"
    body = client.get(mine(exhibitor)).content.decode()
    assert "我的展览" in body and "您的展位尚未分配" in body


def test_the_page_costs_the_same_queries_for_many_staff_and_requests(
    client, exhibitor, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            BoothStaff.objects.create(
                application=exhibitor.exhibitor_application, full_name="S", email="s@example.cn"
            )
            visitor = ParticipationFactory(edition=exhibitor.edition, state=State.QUALIFIED)
            MeetingRequest.objects.create(
                edition=exhibitor.edition, requester=visitor, recipient=exhibitor
            )

    add(1)
    with django_assert_max_num_queries(40) as few:
        client.get(mine(exhibitor))
    add(12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(mine(exhibitor))


def test_one_booth_size_asked_is_shown_once(client, exhibitor):
    application = exhibitor.exhibitor_application
    application.max_area = application.min_area
    application.save()
    body = client.get(mine(exhibitor)).content.decode()
    assert "<dd>9 m² · shell scheme</dd>" in body
