"""The exhibition part: its checks (each names its field), saving, staff, booth, sponsor tier."""

from decimal import Decimal

import pytest

from fairmatch.core.models import AuditEntry
from fairmatch.enterprises.domain.applications import ApplicationError, completeness_problems
from fairmatch.enterprises.models import State
from fairmatch.exhibition.domain.applications import (
    ExhibitionPart,
    ExhibitionPartError,
    add_staff,
    booth_sizes,
    lookup_enterprises,
    problems_of,
    published_booth,
    remove_staff,
    save_part,
    set_sponsor_tier,
    staff_editable,
)
from fairmatch.exhibition.models import (
    BoothStaff,
    ExhibitorApplication,
    NeighbourWish,
    PlanRelease,
    PlanReleaseEntry,
)
from tests.exhibition.helpers import exhibition_part, hall_with_booths, zone_in
from tests.factories import (
    DelegateFactory,
    EditionFactory,
    EnterpriseFactory,
    FieldFactory,
    OrganiserFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibitor():
    return ParticipationFactory(
        is_negotiator=False,
        is_exhibitor=True,
        enterprise__name_original="大连动漫有限公司",
        enterprise__name_en="Dalian Animation Ltd",
        enterprise__country="CN",
    )


def part(**values) -> ExhibitionPart:
    defaults = {
        "min_area": Decimal("9"),
        "max_area": Decimal("18"),
        "booth_kind": "shell",
        "products": "Animation",
        "products_language": "en",
    }
    return ExhibitionPart(**(defaults | values))


def test_a_reversed_size_range_is_named_on_the_largest_booth(exhibitor):
    errors = problems_of(
        participation=exhibitor, part=part(min_area=Decimal("18"), max_area=Decimal("9"))
    )
    assert {name: [str(m) for m in messages] for name, messages in errors.items()} == {
        "max_area": ["The largest booth (9 m²) is smaller than the smallest (18 m²)."]
    }


def test_a_size_no_booth_offers_names_the_sizes_that_exist(exhibitor):
    hall_with_booths(exhibitor.edition, ("3", "3"), ("6", "3"), ("3", "3"))
    assert booth_sizes(edition=exhibitor.edition) == [Decimal("9"), Decimal("18")]
    errors = problems_of(
        participation=exhibitor, part=part(min_area=Decimal("10"), max_area=Decimal("16.5"))
    )
    assert [str(m) for m in errors["min_area"]] == [
        "No booth of this edition measures 10–16.5 m²; booths measure 9, 18 m²."
    ]
    assert problems_of(participation=exhibitor, part=part(min_area=Decimal("12"))) == {}


def test_without_booths_any_size_range_is_accepted(exhibitor):
    assert problems_of(participation=exhibitor, part=part(max_area=Decimal("400"))) == {}


def test_wanting_and_avoiding_the_same_enterprise_is_refused_on_avoided(exhibitor):
    partner = ParticipationFactory(edition=exhibitor.edition).enterprise
    errors = problems_of(participation=exhibitor, part=part(wanted=[partner], avoided=[partner]))
    assert [str(m) for m in errors["avoided"]] == [
        f"You both want and avoid {partner.name_en} as a neighbour; choose one."
    ]
    assert set(errors) == {"avoided"}


def test_itself_as_a_neighbour_is_refused(exhibitor):
    errors = problems_of(participation=exhibitor, part=part(wanted=[exhibitor.enterprise]))
    assert [str(m) for m in errors["wanted"]] == [
        "Your own enterprise cannot be its own neighbour."
    ]


def test_a_zone_outside_the_preferred_hall_is_refused(exhibitor):
    first = hall_with_booths(exhibitor.edition, ("3", "3"), code="h1")
    second = hall_with_booths(exhibitor.edition, ("3", "3"), code="h2")
    errors = problems_of(
        participation=exhibitor, part=part(preferred_hall=first, preferred_zone=zone_in(second))
    )
    assert [str(m) for m in errors["preferred_zone"]] == [
        "This zone is in another hall than the preferred hall (Hall H1)."
    ]


def test_names_are_found_in_either_language_and_unknown_or_vague_ones_explained(exhibitor):
    edition = exhibitor.edition
    tokyo = ParticipationFactory(
        edition=edition,
        enterprise__name_original="東京アニメ株式会社",
        enterprise__name_en="Tokyo Anime Co",
    ).enterprise
    ParticipationFactory(edition=edition, enterprise__name_en="Acme Alpha")
    ParticipationFactory(edition=edition, enterprise__name_en="Acme Beta")
    EnterpriseFactory(name_original="Not Applying Ltd")  # not in this edition
    found = lookup_enterprises(edition=edition, text="東京アニメ株式会社\ntokyo anime co\n")
    assert found.found == [tokyo] and found.problems == []
    assert lookup_enterprises(edition=edition, text="Tokyo").found == [tokyo]
    vague = lookup_enterprises(edition=edition, text="Acme\nNot Applying Ltd")
    assert vague.found == []
    assert vague.problems == [
        "“Acme” names several enterprises (Acme Alpha; Acme Beta); write the full name.",
        "No enterprise of this edition is named “Not Applying Ltd”.",
    ]


def test_saving_a_draft_part_stores_it_with_its_wishes_and_judges_it_again(exhibitor):
    partner = ParticipationFactory(edition=exhibitor.edition).enterprise
    rival = ParticipationFactory(edition=exhibitor.edition).enterprise
    software = FieldFactory()
    application = save_part(
        participation=exhibitor,
        part=part(fields=[software], wanted=[partner], avoided=[rival], meetings_at_booth=True),
    )
    assert list(application.fields.all()) == [software]
    assert sorted(
        (wish.kind, wish.enterprise_id) for wish in NeighbourWish.objects.all()
    ) == sorted([("wanted", partner.pk), ("avoided", rival.pk)])
    save_part(participation=exhibitor, part=part(wanted=[rival]))  # replaces the wishes
    assert [(w.kind, w.enterprise_id) for w in NeighbourWish.objects.all()] == [
        ("wanted", rival.pk)
    ]


def test_a_bad_part_saves_nothing(exhibitor):
    with pytest.raises(ExhibitionPartError) as raised:
        save_part(participation=exhibitor, part=part(wanted=[exhibitor.enterprise]))
    assert list(raised.value.errors) == ["wanted"]
    assert ExhibitorApplication.objects.count() == 0


def test_a_submitted_application_keeps_its_part(exhibitor):
    exhibition_part(exhibitor)
    exhibitor.state = State.SUBMITTED
    exhibitor.save()
    with pytest.raises(ApplicationError):
        save_part(participation=exhibitor, part=part(min_area=Decimal("12")))
    assert ExhibitorApplication.objects.get().min_area == Decimal("9")


def test_submission_needs_the_exhibition_part(exhibitor):
    DelegateFactory(participation=exhibitor)
    assert [str(p) for p in completeness_problems(participation=exhibitor)] == [
        "Fill in the exhibition part (your booth and what you show)."
    ]
    exhibition_part(exhibitor)
    assert completeness_problems(participation=exhibitor) == []


def test_staff_changes_until_the_participation_ends(exhibitor):
    exhibition_part(exhibitor)
    person = add_staff(
        participation=exhibitor, values={"full_name": "Li Wei", "email": "li@example.cn"}
    )
    assert staff_editable(exhibitor)
    exhibitor.state = State.WITHDRAWN
    assert not staff_editable(exhibitor)
    with pytest.raises(ApplicationError):
        remove_staff(participation=exhibitor, staff=person)
    assert BoothStaff.objects.count() == 1


def test_staff_of_another_exhibitor_cannot_be_removed(exhibitor):
    exhibition_part(exhibitor)
    other = ParticipationFactory(edition=exhibitor.edition, is_exhibitor=True)
    theirs = BoothStaff.objects.create(
        application=exhibition_part(other), full_name="Not Yours", email="x@example.com"
    )
    with pytest.raises(ApplicationError):
        remove_staff(participation=exhibitor, staff=theirs)
    assert BoothStaff.objects.filter(pk=theirs.pk).exists()


def test_only_the_latest_published_release_gives_the_booth(exhibitor):
    edition = exhibitor.edition
    assert published_booth(participation=exhibitor) is None
    first = PlanRelease.objects.create(edition=edition, number=1)
    PlanReleaseEntry.objects.create(
        release=first,
        participation=exhibitor,
        hall_code="H1",
        booth_code="A01",
        geometry=[0, 0, 3, 3],
    )
    PlanRelease.objects.create(edition=edition, number=2)  # no booth for it any more
    assert published_booth(participation=exhibitor) is None
    third = PlanRelease.objects.create(edition=edition, number=3)
    entry = PlanReleaseEntry.objects.create(
        release=third,
        participation=exhibitor,
        hall_code="H2",
        booth_code="B07",
        geometry=[3, 0, 6, 3],
    )
    other_edition = EditionFactory()
    PlanRelease.objects.create(edition=other_edition, number=9)
    assert published_booth(participation=exhibitor) == entry


def test_the_sponsor_tier_is_audited(exhibitor):
    application = exhibition_part(exhibitor)
    organiser = OrganiserFactory()
    set_sponsor_tier(application=application, tier="gold", user=organiser)
    set_sponsor_tier(application=application, tier="gold", user=organiser)  # no change
    application.refresh_from_db()
    assert application.sponsor_tier == "gold"
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.data) == (
        "exhibition.sponsor_tier",
        organiser,
        {"before": "", "after": "gold"},
    )
    with pytest.raises(ApplicationError):
        set_sponsor_tier(application=application, tier="platinum", user=organiser)
