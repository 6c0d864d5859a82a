"""Manual edits of the working plan: assign, move, swap, unassign, lock and unlock a booth.

Each edit takes the floor plan's lock (``locks.lock_floor_plan``), reads the booths and the
exhibitor again, checks the edit and only then writes. It is refused, with every conflict
named, when a booth is not the version the organiser's page showed (``Booth.version``, which
grows on every change of the booth or of who holds it), is blocked, is taken, is outside
the exhibitor's size range, when the exhibitor is not a confirmed one of the booth's edition,
or when a locked assignment would change. Every edit is audited.
"""

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import State
from fairmatch.exhibition.domain.locks import lock_booths, lock_floor_plan
from fairmatch.exhibition.models import Booth, BoothAssignment, ExhibitorApplication


class AssignmentError(Exception):
    """The edit was refused; ``conflicts`` names each reason, in the reader's language."""

    def __init__(self, conflicts: list[str]) -> None:
        super().__init__(" ".join(conflicts))
        self.conflicts = conflicts


def booth_label(booth: Booth) -> str:
    return f"{booth.hall.code}-{booth.code}"


def _name(application: ExhibitorApplication) -> str:
    return application.participation.enterprise.display_name


def _area(value: Decimal) -> str:
    value = value.quantize(Decimal("0.01"))
    return number_format(value.to_integral() if value == value.to_integral() else value)


def _locked_booths(*booths: Booth) -> list[Booth]:
    """The booths, locked (after the plan's lock) and read again with their halls."""
    lock_booths(booth.pk for booth in booths)
    fresh = Booth.objects.select_related("hall").in_bulk([booth.pk for booth in booths])
    return [fresh[booth.pk] for booth in booths]


def _fresh_application(application: ExhibitorApplication) -> ExhibitorApplication:
    return ExhibitorApplication.objects.select_related("participation__enterprise").get(
        pk=application.pk
    )


def _holder(booth: Booth) -> BoothAssignment | None:
    return (
        BoothAssignment.objects.select_related("application__participation__enterprise")
        .filter(booth=booth)
        .first()
    )


def stale(booth: Booth, version: int) -> list[str]:
    if booth.version == version:
        return []
    return [
        _("Booth %(booth)s changed since your page was loaded; reload it and try again.")
        % {"booth": booth_label(booth)}
    ]


def fits(application: ExhibitorApplication, booth: Booth) -> list[str]:
    """Why the exhibitor cannot have the booth, whoever holds it (blocked, size, edition)."""
    conflicts = []
    if booth.hall.edition_id != application.participation.edition_id:
        return [_("This booth belongs to another edition.")]
    if booth.is_blocked:
        conflicts.append(
            _("Booth %(booth)s is blocked and is never allocated.") % {"booth": booth_label(booth)}
        )
    if not application.min_area <= booth.area <= application.max_area:
        template = (
            _("Booth %(booth)s has %(area)s m²; %(exhibitor)s asked for %(min)s to %(max)s m².")
            if application.min_area != application.max_area
            else _("Booth %(booth)s has %(area)s m²; %(exhibitor)s asked for %(min)s m².")
        )
        conflicts.append(
            template
            % {
                "booth": booth_label(booth),
                "area": _area(booth.area),
                "exhibitor": _name(application),
                "min": _area(application.min_area),
                "max": _area(application.max_area),
            }
        )
    return conflicts


def _confirmed(application: ExhibitorApplication) -> list[str]:
    participation = application.participation
    if participation.is_exhibitor and participation.state == State.CONFIRMED:
        return []
    return [_("%(exhibitor)s is not a confirmed exhibitor.") % {"exhibitor": _name(application)}]


def _unlocked(assignment: BoothAssignment | None) -> list[str]:
    if assignment is None or not assignment.locked:
        return []
    return [
        _("The booth of %(exhibitor)s is locked; unlock it first.")
        % {"exhibitor": _name(assignment.application)}
    ]


def assign_conflicts(
    *,
    application: ExhibitorApplication,
    booth: Booth,
    version: int,
    source_version: int | None = None,
) -> list[str]:
    """Everything that refuses giving the booth to the exhibitor now (nothing is written).

    ``version`` is the booth's version the page showed; for an exhibitor that already has a
    booth (a move), ``source_version`` is that booth's.
    """
    conflicts = stale(booth, version) + _confirmed(application) + fits(application, booth)
    holder = _holder(booth)
    if holder is not None and holder.application_id == application.pk:
        return [
            _("%(exhibitor)s already has booth %(booth)s.")
            % {"exhibitor": _name(application), "booth": booth_label(booth)}
        ]
    if holder is not None:
        conflicts.append(
            _("Booth %(booth)s is already taken by %(exhibitor)s.")
            % {"booth": booth_label(booth), "exhibitor": _name(holder.application)}
        )
    current = (
        BoothAssignment.objects.select_related("booth__hall", "application__participation")
        .filter(application=application)
        .first()
    )
    if current is not None:
        conflicts += _unlocked(current)
        if source_version is None or current.booth.version != source_version:
            conflicts.append(
                _("%(exhibitor)s moved to booth %(booth)s since your page was loaded; reload it.")
                % {"exhibitor": _name(application), "booth": booth_label(current.booth)}
            )
    return conflicts


def _bump(*booths: Booth) -> None:
    Booth.objects.filter(pk__in=[booth.pk for booth in booths]).update(version=F("version") + 1)


@transaction.atomic
def assign(
    *,
    application: ExhibitorApplication,
    booth: Booth,
    version: int,
    user: Any,
    source_version: int | None = None,
) -> BoothAssignment:
    """Give the booth to the exhibitor; one that has a booth moves (its old one is freed)."""
    lock_floor_plan(booth.hall.edition_id)
    held = BoothAssignment.objects.select_related("booth").filter(application=application).first()
    [booth, *_source] = _locked_booths(booth, *([held.booth] if held else []))
    application = _fresh_application(application)
    conflicts = assign_conflicts(
        application=application, booth=booth, version=version, source_version=source_version
    )
    if conflicts:
        raise AssignmentError(conflicts)
    moved_from = (
        BoothAssignment.objects.select_related("booth").filter(application=application).first()
    )
    if moved_from is not None:
        _bump(moved_from.booth)
        moved_from.booth = booth
        moved_from.run = None
        moved_from.save(update_fields=["booth", "run", "updated_at"])
        assignment = moved_from
    else:
        assignment = BoothAssignment.objects.create(booth=booth, application=application)
    _bump(booth)
    record_action(
        actor=user,
        action="exhibition.move" if moved_from else "exhibition.assign",
        target=assignment,
        data={"booth": booth_label(booth), "application": application.pk},
    )
    return assignment


@transaction.atomic
def swap(
    *, first: Booth, first_version: int, second: Booth, second_version: int, user: Any
) -> None:
    """Exchange the exhibitors of two booths (each must fit the other's booth)."""
    lock_floor_plan(first.hall.edition_id)
    first, second = _locked_booths(first, second)
    conflicts = stale(first, first_version) + stale(second, second_version)
    if first.pk == second.pk:
        conflicts.append(_("Choose two different booths to swap."))
    holders = [_holder(first), _holder(second)]
    for booth, holder in zip((first, second), holders, strict=True):
        if holder is None:
            conflicts.append(
                _("Booth %(booth)s has no exhibitor to swap.") % {"booth": booth_label(booth)}
            )
        conflicts += _unlocked(holder)
    a, b = holders
    if a is not None and b is not None and not conflicts:
        conflicts += fits(a.application, second) + fits(b.application, first)
    if conflicts:
        raise AssignmentError(conflicts)
    assert a is not None and b is not None
    # Free one booth first so the one-exhibitor-per-booth rule holds at every write.
    a.delete()
    b.booth, b.run = first, None
    b.save(update_fields=["booth", "run", "updated_at"])
    BoothAssignment.objects.create(booth=second, application=a.application)
    _bump(first, second)
    record_action(
        actor=user,
        action="exhibition.swap",
        target=first,
        data={"booths": [booth_label(first), booth_label(second)]},
    )


@transaction.atomic
def unassign(*, booth: Booth, version: int, user: Any) -> None:
    """Free the booth; its exhibitor has none until it is given another."""
    lock_floor_plan(booth.hall.edition_id)
    [booth] = _locked_booths(booth)
    holder = _holder(booth)
    conflicts = stale(booth, version) + _unlocked(holder)
    if holder is None:
        conflicts.append(_("Booth %(booth)s is free already.") % {"booth": booth_label(booth)})
    if conflicts:
        raise AssignmentError(conflicts)
    assert holder is not None
    holder.delete()
    _bump(booth)
    record_action(
        actor=user,
        action="exhibition.unassign",
        target=booth,
        data={"booth": booth_label(booth), "application": holder.application_id},
    )


@transaction.atomic
def set_locked(*, booth: Booth, version: int, locked: bool, user: Any) -> None:
    """Lock (runs keep it) or unlock the booth's assignment."""
    lock_floor_plan(booth.hall.edition_id)
    [booth] = _locked_booths(booth)
    holder = _holder(booth)
    conflicts = stale(booth, version)
    if holder is None:
        conflicts.append(
            _("Booth %(booth)s is free: only an assigned booth can be locked.")
            % {"booth": booth_label(booth)}
        )
    if conflicts:
        raise AssignmentError(conflicts)
    assert holder is not None
    holder.locked = locked
    holder.save(update_fields=["locked", "updated_at"])
    _bump(booth)
    record_action(
        actor=user,
        action="exhibition.lock" if locked else "exhibition.unlock",
        target=holder,
        data={"booth": booth_label(booth)},
    )
