"""The exhibition part of an application: what an exhibitor asks for, its neighbours and staff.

The participation keeps the workflow, the rule results and the audit; saving the part
re-evaluates the rules like any other part of the application
(``enterprises.domain.applications.application_changed``).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from fairmatch.conference.models import Edition, Field
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.domain.applications import ApplicationError, application_changed
from fairmatch.enterprises.models import Enterprise, Participation, State
from fairmatch.exhibition.models import (
    Booth,
    BoothStaff,
    ExhibitorApplication,
    Hall,
    NeighbourWish,
    PlanRelease,
    PlanReleaseEntry,
    SponsorTier,
    Zone,
)

# An exhibitor may change its booth staff until the edition is over, unless it left.
STAFF_CLOSED_STATES = (State.WITHDRAWN, State.REJECTED)


class ExhibitionPartError(ApplicationError):
    """The exhibition part cannot be saved; ``errors`` name the field of each problem."""

    def __init__(self, errors: dict[str, list[Promise | str]]) -> None:
        self.errors = errors
        super().__init__(" ".join(str(m) for messages in errors.values() for m in messages))


@dataclass(frozen=True)
class ExhibitionPart:
    """What the applicant writes in the exhibition part (neighbours as enterprises)."""

    min_area: Decimal
    max_area: Decimal
    booth_kind: str
    products: str
    products_language: str
    preferred_hall: Hall | None = None
    preferred_zone: Zone | None = None
    fields: Sequence[Field] = ()
    wanted: Sequence[Enterprise] = ()
    avoided: Sequence[Enterprise] = ()
    meetings_at_booth: bool = False


@dataclass(frozen=True)
class NameLookup:
    """Enterprises found for typed names, and the problems with the names not found."""

    found: list[Enterprise] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# --- reading -----------------------------------------------------------------------------


def exhibitor_participation(*, enterprise_id: Any, edition: Edition) -> Participation | None:
    """The enterprise's participation in the edition if it takes a booth, else None."""
    if not enterprise_id:
        return None
    return (
        Participation.objects.select_related("enterprise", "edition")
        .filter(enterprise_id=enterprise_id, edition=edition, is_exhibitor=True)
        .first()
    )


def application_of(participation: Participation) -> ExhibitorApplication | None:
    """The participation's exhibition part with what its pages show, None if not written."""
    return (
        ExhibitorApplication.objects.filter(participation=participation)
        .select_related("preferred_hall", "preferred_zone")
        .prefetch_related("fields", "neighbour_wishes__enterprise", "staff")
        .first()
    )


def halls_of(edition: Edition) -> QuerySet[Hall]:
    return Hall.objects.filter(edition=edition)


def zones_of(edition: Edition) -> QuerySet[Zone]:
    return Zone.objects.filter(hall__edition=edition).select_related("hall")


def booth_sizes(*, edition: Edition) -> list[Decimal]:
    """The floor areas (m²) the edition's bookable booths offer, smallest first."""
    sizes = {
        (width * depth).normalize()
        for width, depth in Booth.objects.filter(
            hall__edition=edition, is_blocked=False
        ).values_list("width", "depth")
    }
    return sorted(sizes)


def area_text(area: Decimal) -> str:
    """An area in m² without trailing zeros (12, 7.5)."""
    return f"{area.normalize():f}"


def lookup_enterprises(*, edition: Edition, text: str) -> NameLookup:
    """Enterprises of the edition named in ``text`` (one name per line, original or English).

    A name matches exactly (case aside) or, failing that, as the only enterprise whose
    original or English name contains it; withdrawn and rejected applicants are not offered.
    """
    candidates = Enterprise.objects.filter(
        participations__edition=edition,
    ).exclude(participations__state__in=STAFF_CLOSED_STATES)
    lookup = NameLookup()
    for raw in text.replace("；", "\n").replace(";", "\n").splitlines():
        name = raw.strip()
        if not name:
            continue
        exact = list(candidates.filter(Q(name_original__iexact=name) | Q(name_en__iexact=name)))
        matches = exact or list(
            candidates.filter(Q(name_original__icontains=name) | Q(name_en__icontains=name))[:4]
        )
        if len(matches) == 1:
            if matches[0] not in lookup.found:
                lookup.found.append(matches[0])
        elif not matches:
            lookup.problems.append(
                str(_("No enterprise of this edition is named “%(name)s”.") % {"name": name})
            )
        else:
            lookup.problems.append(
                str(
                    _("“%(name)s” names several enterprises (%(names)s); write the full name.")
                    % {"name": name, "names": "; ".join(e.display_name for e in matches[:3])}
                )
            )
    return lookup


def problems_of(*, participation: Participation, part: ExhibitionPart) -> dict[str, list[Any]]:
    """What is wrong with the part, by the name of the field it concerns (empty when fine)."""
    errors: dict[str, list[Any]] = {}

    def add(name: str, message: Any) -> None:
        errors.setdefault(name, []).append(message)

    edition = participation.edition
    if part.min_area > part.max_area:
        add(
            "max_area",
            _("The largest booth (%(max)s m²) is smaller than the smallest (%(min)s m²).")
            % {"max": area_text(part.max_area), "min": area_text(part.min_area)},
        )
    else:
        sizes = booth_sizes(edition=edition)
        if sizes and not any(part.min_area <= size <= part.max_area for size in sizes):
            add(
                "min_area",
                _(
                    "No booth of this edition measures %(min)s–%(max)s m²; "
                    "booths measure %(sizes)s m²."
                )
                % {
                    "min": area_text(part.min_area),
                    "max": area_text(part.max_area),
                    "sizes": ", ".join(area_text(size) for size in sizes),
                },
            )
    if part.preferred_hall is not None and part.preferred_hall.edition_id != edition.pk:
        add("preferred_hall", _("Choose one of this edition's halls."))
    if part.preferred_zone is not None:
        if part.preferred_zone.hall.edition_id != edition.pk:
            add("preferred_zone", _("Choose one of this edition's zones."))
        elif (
            part.preferred_hall is not None
            and part.preferred_zone.hall_id != part.preferred_hall.pk
        ):
            add(
                "preferred_zone",
                _("This zone is in another hall than the preferred hall (%(hall)s).")
                % {"hall": part.preferred_hall.name},
            )
    own = participation.enterprise_id
    for name, chosen in (("wanted", part.wanted), ("avoided", part.avoided)):
        if any(enterprise.pk == own for enterprise in chosen):
            add(name, _("Your own enterprise cannot be its own neighbour."))
    both = {e.pk for e in part.wanted} & {e.pk for e in part.avoided}
    for enterprise in part.avoided:
        if enterprise.pk in both:
            add(
                "avoided",
                _("You both want and avoid %(name)s as a neighbour; choose one.")
                % {"name": enterprise.display_name},
            )
    return errors


def exhibition_problems(participation: Participation) -> list[Promise]:
    """What the exhibition part still lacks before submission (a completeness check)."""
    if not participation.is_exhibitor:
        return []
    if not ExhibitorApplication.objects.filter(participation=participation).exists():
        return [_("Fill in the exhibition part (your booth and what you show).")]
    return []


def published_booth(*, participation: Participation) -> PlanReleaseEntry | None:
    """The participation's booth in the edition's latest published floor plan, if any.

    Only a published release counts: the working plan is the organiser's until published.
    """
    release = PlanRelease.objects.filter(edition_id=participation.edition_id).first()
    if release is None:
        return None
    return release.entries.filter(participation=participation).select_related("hall").first()


def staff_editable(participation: Participation) -> bool:
    """Booth staff may change until the edition is over, unless the participation ended."""
    return (
        participation.state not in STAFF_CLOSED_STATES
        and participation.edition.status != Edition.Status.FINISHED
    )


# --- writing -----------------------------------------------------------------------------


def save_part(*, participation: Participation, part: ExhibitionPart) -> ExhibitorApplication:
    """Write the exhibition part of a draft application (replacing the neighbour wishes).

    Side effects, in order: the part and its wishes are stored; the rules are evaluated
    anew (``application_changed``). Nothing is stored when the part has a problem
    (``ExhibitionPartError``) or the application is no longer a draft.
    """
    if not participation.is_exhibitor:
        raise ApplicationError(_("This application does not take a booth."))
    if not participation.is_editable_by_applicant:
        raise ApplicationError(_("The application can only be changed while it is a draft."))
    errors = problems_of(participation=participation, part=part)
    if errors:
        raise ExhibitionPartError(errors)
    with transaction.atomic():
        locked = Participation.objects.select_for_update().get(pk=participation.pk)
        if not locked.is_editable_by_applicant:
            raise ApplicationError(_("The application can only be changed while it is a draft."))
        application, _created = ExhibitorApplication.objects.update_or_create(
            participation=participation,
            defaults={
                "min_area": part.min_area,
                "max_area": part.max_area,
                "booth_kind": part.booth_kind,
                "preferred_hall": part.preferred_hall,
                "preferred_zone": part.preferred_zone,
                "products": part.products,
                "products_language": part.products_language,
                "meetings_at_booth": part.meetings_at_booth,
            },
        )
        application.fields.set(part.fields)
        application.neighbour_wishes.all().delete()
        NeighbourWish.objects.bulk_create(
            [
                NeighbourWish(application=application, enterprise=e, kind=NeighbourWish.Kind.WANTED)
                for e in part.wanted
            ]
            + [
                NeighbourWish(
                    application=application, enterprise=e, kind=NeighbourWish.Kind.AVOIDED
                )
                for e in part.avoided
            ]
        )
    application_changed(participation=participation)
    return application


def _check_staff_editable(participation: Participation) -> ExhibitorApplication:
    if not staff_editable(participation):
        raise ApplicationError(_("The booth staff can no longer be changed."))
    application = ExhibitorApplication.objects.filter(participation=participation).first()
    if application is None:
        raise ApplicationError(_("Fill in the exhibition part (your booth and what you show)."))
    return application


def add_staff(*, participation: Participation, values: dict[str, Any]) -> BoothStaff:
    """Name one more person at the booth."""
    application = _check_staff_editable(participation)
    return BoothStaff.objects.create(application=application, **values)


def update_staff(
    *, participation: Participation, staff: BoothStaff, values: dict[str, Any]
) -> None:
    """Change a person at the booth (only the participation's own staff)."""
    application = _check_staff_editable(participation)
    if staff.application_id != application.pk:
        raise ApplicationError(_("This person is not on your booth staff."))
    for name, value in values.items():
        setattr(staff, name, value)
    staff.save()


def remove_staff(*, participation: Participation, staff: BoothStaff) -> None:
    """Take a person off the booth staff (only the participation's own staff)."""
    application = _check_staff_editable(participation)
    if staff.application_id != application.pk:
        raise ApplicationError(_("This person is not on your booth staff."))
    staff.delete()


def set_sponsor_tier(*, application: ExhibitorApplication, tier: str, user: Any) -> None:
    """The organiser sets the exhibitor's sponsor tier. Side effects: one audit entry."""
    if tier not in SponsorTier.values:
        raise ApplicationError(_("Unknown sponsor tier."))
    before = application.sponsor_tier
    if before == tier:
        return
    with transaction.atomic():
        ExhibitorApplication.objects.filter(pk=application.pk).update(sponsor_tier=tier)
        application.sponsor_tier = tier
        record_action(
            actor=user,
            action="exhibition.sponsor_tier",
            target=application,
            data={"before": before, "after": tier},
        )
