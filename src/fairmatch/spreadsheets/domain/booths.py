"""The booth list of the exhibition's floor plan, imported like any other sheet.

Each row is checked at its cells here (numbers, booth type, yes/no); the list as a whole
is then checked against the plan by the exhibition's own rules (``check_booth_rows``:
unknown halls and zones, a booth twice, booths outside their hall or overlapping), each
problem reported at its line and column. The commit writes the list through
``import_booths``, all or nothing.
"""

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_noop

from fairmatch.conference.models import Edition
from fairmatch.exhibition.domain.booth_list import BoothRow, check_booth_rows, import_booths
from fairmatch.exhibition.models import BoothKind
from fairmatch.spreadsheets.domain.lookups import NO, YES, choice_values, normal

if TYPE_CHECKING:
    from fairmatch.spreadsheets.domain.checks import Checked, RowChecker

LARGEST = Decimal("10000")  # metres; a hall is never a kilometre long


def _length(value: str, *, smallest: Decimal) -> Decimal:
    from fairmatch.spreadsheets.domain.checks import RowProblem

    cleaned = value.replace(",", ".").replace(" ", "").replace("\u00a0", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as error:
        raise RowProblem(gettext_noop("“%(value)s” is not a number."), value=value) from error
    if not number.is_finite() or number < smallest or number > LARGEST:
        raise RowProblem(
            gettext_noop("Write a length in metres from %(smallest)s to %(largest)s."),
            smallest=str(smallest),
            largest=str(LARGEST),
        )
    return number.quantize(Decimal("0.01"))


def _blocked(value: str) -> bool:
    from fairmatch.spreadsheets.domain.checks import RowProblem

    value = normal(value)
    if not value or value in NO:
        return False
    if value in YES:
        return True
    raise RowProblem(gettext_noop("Write yes or no, not “%(value)s”."), value=value)


def _kind(value: str) -> str:
    from fairmatch.spreadsheets.domain.checks import RowProblem

    if not value:
        return BoothKind.SHELL
    kinds = choice_values(BoothKind)
    found = kinds.get(normal(value))
    if found is None:
        raise RowProblem(
            gettext_noop("Unknown booth type “%(value)s” (shell or space)."), value=value
        )
    return found


def check_booth_row(checker: "RowChecker") -> dict[str, Any]:
    """One row's clean values (each cell checked; a problem is reported at its cell)."""
    from fairmatch.spreadsheets.domain.checks import _text

    return {
        "line": checker.line,
        "hall": checker.cell("hall", lambda v: _text(v, 20)),
        "code": checker.cell("booth", lambda v: _text(v, 20)),
        "x": checker.cell("x", lambda v: _length(v, smallest=Decimal(0))),
        "y": checker.cell("y", lambda v: _length(v, smallest=Decimal(0))),
        "width": checker.cell("width", lambda v: _length(v, smallest=Decimal("0.5"))),
        "depth": checker.cell("depth", lambda v: _length(v, smallest=Decimal("0.5"))),
        "kind": checker.cell("type", _kind),
        "price_band": checker.cell("price_band", lambda v: _text(v, 20)),
        "zone": checker.cell("zone", lambda v: _text(v, 200)),
        "is_blocked": checker.cell("blocked", _blocked),
    }


def _rows(checked: "Checked") -> list[BoothRow]:
    return [BoothRow(**clean) for clean in checked.clean]


def check_booth_plan(checked: "Checked", edition: Edition) -> None:
    """The list against the plan: every problem at its line and column, as an error."""
    from fairmatch.spreadsheets.domain.checks import ERROR, Issue

    for problem in check_booth_rows(edition=edition, rows=_rows(checked)):
        checked.issues.append(
            Issue(problem.line, problem.column, ERROR, problem.text, problem.params)
        )


def write_booths(checked: "Checked", edition: Edition, actor: Any) -> dict[str, int]:
    """Write the list (checked again under the halls' locks), all or nothing."""
    return import_booths(edition=edition, rows=_rows(checked), user=actor)
