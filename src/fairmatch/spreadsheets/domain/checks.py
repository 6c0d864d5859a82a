"""The preview: every row of a file checked, with its errors and warnings at the cell.

Nothing is written here. ``check_file`` returns the rows as clean values ready for
``commit`` and the issues; a file with any error cannot be imported.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import numpy as np
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext_noop
from rapidfuzz import fuzz, process, utils

from fairmatch.conference.models import Edition
from fairmatch.enterprises.domain.applications import DUPLICATE_NAME_SIMILARITY
from fairmatch.enterprises.models import Enterprise
from fairmatch.enterprises.models.application import MAX_CONTRACT_VALUE
from fairmatch.spreadsheets.domain.columns import COLUMNS, match_header
from fairmatch.spreadsheets.domain.lookups import NO, YES, Lookups, choice_values, normal
from fairmatch.spreadsheets.domain.reading import Sheet
from fairmatch.spreadsheets.models import ImportKind

ERROR, WARNING = "error", "warning"
PROGRESS_EVERY = 500
LIST_SEPARATORS = re.compile(r"[;,，；、|]")
CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Issue:
    row: int  # the line in the file (the header is line 1); 0 for the file as a whole
    column: str  # a column key, or "" for the whole row
    level: str
    text: str  # a msgid, shown in the reader's language with ``params``
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "level": self.level,
            "text": self.text,
            "params": self.params,
        }


@dataclass
class Checked:
    kind: str
    header: list[str]
    positions: dict[str, int]
    lines: list[int] = field(default_factory=list)  # file line of each clean row
    clean: list[dict[str, Any]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(issue.level == ERROR for issue in self.issues)


class RowProblem(Exception):
    def __init__(self, text: str, **params: Any) -> None:
        super().__init__(text)
        self.text, self.params = text, params


def _yes_no(value: str) -> bool:
    value = normal(value)
    if value in YES:
        return True
    if value in NO:
        return False
    raise RowProblem(gettext_noop("Write yes or no, not “%(value)s”."), value=value)


def _decimal(value: str) -> Decimal:
    cleaned = value.replace(",", "").replace(" ", "").replace("\u00a0", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as error:
        raise RowProblem(gettext_noop("“%(value)s” is not a number."), value=value) from error
    if not number.is_finite() or number <= 0:
        raise RowProblem(gettext_noop("The number must be above zero."))
    if number > MAX_CONTRACT_VALUE:
        raise RowProblem(gettext_noop("The number is too large."))
    return number.quantize(Decimal("0.01")) if number.as_tuple().exponent < -2 else number  # type: ignore[operator]


def _text(value: str, limit: int) -> str:
    if len(value) > limit:
        raise RowProblem(gettext_noop("At most %(limit)s characters."), limit=limit)
    return value


def _language(value: str, description: str) -> str:
    if value:
        return _text(value.lower(), 10)
    return "zh-hans" if CJK.search(description) else "en"


class RowChecker:
    """Checks the rows of one kind; each ``check_KIND`` returns a row's clean values, or None
    when a cell has an error (every cell is checked, each error reported at its cell)."""

    def __init__(self, lookups: Lookups, checked: Checked) -> None:
        self.lookups = lookups
        self.checked = checked
        self.seen_ids: dict[str, int] = {}
        self.kinds = choice_values(Enterprise.Kind)
        self.sizes = choice_values(Enterprise.Size)
        self.url = URLValidator()
        self.line = 0
        self.row: list[str] = []
        self.failed = False

    # Helpers -------------------------------------------------------------------------
    def issue(self, column: str, level: str, text: str, /, **params: Any) -> None:
        self.checked.issues.append(Issue(self.line, column, level, text, params))

    def value(self, key: str) -> str:
        index = self.checked.positions.get(key)
        return self.row[index] if index is not None and index < len(self.row) else ""

    def has(self, key: str) -> bool:
        return key in self.checked.positions

    def cell(self, key: str, parse: Callable[[str], Any]) -> Any:
        """The cell's clean value; a problem is reported at the cell (and the row fails)."""
        try:
            return parse(self.value(key))
        except RowProblem as problem:
            self.failed = True
            self.issue(key, ERROR, problem.text, **problem.params)
            return None

    def start(self, line: int, row: list[str]) -> None:
        self.line, self.row, self.failed = line, row, False

    def external_id(self, value: str) -> str:
        value = _text(value, 100)
        if value in self.seen_ids:
            raise RowProblem(
                gettext_noop("The external id %(id)s is already on line %(line)s."),
                id=value,
                line=self.seen_ids[value],
            )
        self.seen_ids[value] = self.line
        return value

    def enterprise(self, value: str) -> int:
        pk = self.lookups.existing(ImportKind.ENTERPRISES).get(value)
        if pk is None:
            raise RowProblem(
                gettext_noop(
                    "No enterprise of this edition has the external id %(id)s: "
                    "import the enterprises first."
                ),
                id=value,
            )
        return pk

    @staticmethod
    def lookup(table: dict[str, Any]) -> Callable[[str], Any]:
        def parse(value: str) -> Any:
            found = table.get(normal(value))
            if found is None:
                raise RowProblem(gettext_noop("“%(value)s” is not known here."), value=value)
            return found

        return parse

    def currency(self, value: str, *, default: str = "") -> str:
        code = (value or default).strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise RowProblem(gettext_noop("Write a currency as three letters, like EUR."))
        if code not in self.lookups.rates:
            self.issue(
                "currency",
                WARNING,
                gettext_noop(
                    "This edition has no exchange rate for %(currency)s: the minimum "
                    "value rule will ask for review."
                ),
                currency=code,
            )
        return code

    def roles(self, enterprise_pk: int | None) -> set[str]:
        kind = self.lookups.enterprise_kinds.get(enterprise_pk or 0, "")
        return {"buyer", "provider"} if kind == "both" else {kind}

    def description(self, clean: dict[str, Any], *, required: bool) -> None:
        if required or self.has("description"):
            clean["description"] = self.cell("description", lambda v: _text(v, 5000))
        if required or self.has("description_language") or self.value("description"):
            clean["description_language"] = _language(
                self.value("description_language"), self.value("description")
            )

    # Kinds ---------------------------------------------------------------------------
    def check_enterprises(self) -> dict[str, Any]:
        clean: dict[str, Any] = {"external_id": self.cell("external_id", self.external_id)}
        for key in ("name_original", "name_en"):
            clean[key] = self.cell(key, lambda v: _text(v, 200))
        clean["country"] = self.cell("country", self.lookup(self.lookups.countries))
        clean["kind"] = self.cell("kind", self.lookup(self.kinds))
        if self.has("fields"):
            clean["fields"] = self.cell("fields", self._fields)
        if self.has("size"):
            clean["size"] = self.cell("size", lambda v: self.lookup(self.sizes)(v) if v else "")
        if self.has("website"):
            clean["website"] = self.cell("website", self._website)
        self.description(clean, required=False)
        clean["negotiator"] = self.cell("negotiator", lambda v: _yes_no(v or "yes"))
        clean["exhibitor"] = self.cell("exhibitor", lambda v: _yes_no(v or "no"))
        if clean["negotiator"] is False and clean["exhibitor"] is False:
            self.failed = True
            self.issue(
                "negotiator",
                ERROR,
                gettext_noop("Choose at least one role: negotiations or exhibition."),
            )
        return clean

    def _fields(self, value: str) -> list[int]:
        names = [name.strip() for name in LIST_SEPARATORS.split(value)]
        return sorted({self.lookup(self.lookups.fields)(name).pk for name in names if name})

    def _website(self, value: str) -> str:
        if value and "://" not in value:
            value = "https://" + value
        if value:
            try:
                self.url(value)
            except ValidationError as error:
                raise RowProblem(gettext_noop("This is not a web address.")) from error
        return _text(value, 200)

    def check_delegates(self) -> dict[str, Any]:
        clean: dict[str, Any] = {"external_id": self.cell("external_id", self.external_id)}
        clean["enterprise"] = self.cell("enterprise_id", self.enterprise)
        clean["full_name"] = self.cell("full_name", lambda v: _text(v, 200))
        clean["title"] = self.cell("title", lambda v: _text(v, 200))
        rank = self.cell("rank", self.lookup(self.lookups.ranks))
        clean["rank"] = rank.pk if rank else None
        clean["email"] = self.cell("email", _email)
        clean["phone"] = self.cell("phone", lambda v: _text(v, 40))
        clean["is_attending"] = self.cell("attending", lambda v: _yes_no(v or "yes"))
        roles = self.roles(clean["enterprise"])
        levels = [level for role, level in self.lookups.rank_rules if role in roles]
        if rank and clean["is_attending"] and levels and rank.level < max(levels):
            self.issue(
                "rank",
                WARNING,
                gettext_noop(
                    "The rank %(rank)s is below the rank the edition's rules ask for "
                    "(level %(level)s): the application will need review."
                ),
                rank=rank.code,
                level=max(levels),
            )
        return clean

    def check_demands(self) -> dict[str, Any]:
        clean: dict[str, Any] = {"external_id": self.cell("external_id", self.external_id)}
        clean["enterprise"] = self.cell("enterprise_id", self.enterprise)
        if clean["enterprise"] and "buyer" not in self.roles(clean["enterprise"]):
            self.issue("enterprise_id", WARNING, gettext_noop("This enterprise is not a buyer."))
        clean["field"] = _pk(self.cell("field", self.lookup(self.lookups.fields)))
        clean["cooperation_kind"] = _pk(
            self.cell("cooperation_kind", self.lookup(self.lookups.cooperation_kinds))
        )
        clean["value"] = self.cell("value", _decimal)
        clean["currency"] = self.cell("currency", self.currency)
        self.description(clean, required=True)
        return clean

    def check_capabilities(self) -> dict[str, Any]:
        clean: dict[str, Any] = {"external_id": self.cell("external_id", self.external_id)}
        clean["enterprise"] = self.cell("enterprise_id", self.enterprise)
        if clean["enterprise"] and "provider" not in self.roles(clean["enterprise"]):
            self.issue("enterprise_id", WARNING, gettext_noop("This enterprise is not a provider."))
        clean["field"] = _pk(self.cell("field", self.lookup(self.lookups.fields)))
        kinds = self.lookup(self.lookups.cooperation_kinds)
        clean["cooperation_kind"] = _pk(
            self.cell("cooperation_kind", lambda v: kinds(v) if v else None)
        )
        clean["capacity"] = self.cell("capacity", lambda v: _decimal(v) if v else None)
        clean["currency"] = self.cell("currency", lambda v: self.currency(v, default="USD"))
        clean["references"] = self.cell("references", lambda v: _text(v, 2000))
        self.description(clean, required=True)
        return clean

    def check_booths(self) -> dict[str, Any]:
        from fairmatch.spreadsheets.domain.booths import check_booth_row

        return check_booth_row(self)

    def check_rates(self) -> dict[str, Any]:
        return {
            "currency": self.cell("currency", self._rate_currency),
            "units_per_usd": self.cell("units_per_usd", _decimal),
        }

    def _rate_currency(self, value: str) -> str:
        code = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise RowProblem(gettext_noop("Write a currency as three letters, like EUR."))
        if code == "USD":
            raise RowProblem(gettext_noop("US dollars need no exchange rate."))
        if code in self.seen_ids:
            raise RowProblem(
                gettext_noop("%(currency)s is already on line %(line)s."),
                currency=code,
                line=self.seen_ids[code],
            )
        self.seen_ids[code] = self.line
        return code


def _pk(obj: Any) -> int | None:
    return obj.pk if obj is not None else None


def _email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError as error:
        raise RowProblem(gettext_noop("This is not an e-mail address.")) from error
    return value


def check_file(
    sheet: Sheet,
    *,
    edition: Edition,
    kind: str,
    progress: Callable[[int], None] | None = None,
) -> Checked:
    """Check every row of the file for ``kind``; nothing is written."""
    match = match_header(kind, sheet.header)
    checked = Checked(kind=kind, header=sheet.header, positions=match.positions)
    for column in match.missing:
        checked.issues.append(
            Issue(
                1,
                column.key,
                ERROR,
                gettext_noop("The column “%(column)s” is missing."),
                {"column": column.label},
            )
        )
    for index, text, closest in match.unknown:
        checked.issues.append(
            Issue(
                1,
                f"#{index}",
                WARNING,
                gettext_noop(
                    "The column “%(column)s” is not known and is ignored "
                    "(the closest known column: “%(closest)s”)."
                ),
                {"column": text, "closest": closest},
            )
        )
    for index, text in match.repeated:
        checked.issues.append(
            Issue(
                1,
                f"#{index}",
                ERROR,
                gettext_noop("The column “%(column)s” is given twice."),
                {"column": text},
            )
        )
    if match.missing or match.repeated:
        return checked
    checker = RowChecker(Lookups.load(edition, kind), checked)
    row_check = getattr(checker, f"check_{kind}")
    required = [c.key for c in COLUMNS[kind] if c.required]
    formulas: dict[int, list[int]] = {}
    for row_index, column_index in sheet.formulas:
        formulas.setdefault(row_index, []).append(column_index)
    key_at = {index: key for key, index in match.positions.items()}
    for index, row in enumerate(sheet.rows):
        checker.start(index + 2, row)
        for column_index in sorted(formulas.get(index, [])):
            checker.failed = True
            checker.issue(
                key_at.get(column_index, f"#{column_index}"),
                ERROR,
                gettext_noop("This cell holds a formula: type its value instead."),
            )
        for key in required:
            if not checker.value(key) and (index, match.positions[key]) not in sheet.formulas:
                checker.failed = True
                checker.issue(key, ERROR, gettext_noop("This cell is empty."))
        if not checker.failed:
            clean = row_check()
            if not checker.failed:
                checked.lines.append(checker.line)
                checked.clean.append(clean)
        if progress is not None and (index + 1) % PROGRESS_EVERY == 0:
            progress(index + 1)
    if kind == ImportKind.ENTERPRISES:
        _probable_duplicates(checked, checker.lookups)
    if kind == ImportKind.BOOTHS:
        from fairmatch.spreadsheets.domain.booths import check_booth_plan

        check_booth_plan(checked, edition)
    return checked


def _probable_duplicates(checked: Checked, lookups: Lookups) -> None:
    """Warn about a new enterprise whose name is very close to one registered in its country,
    or to another new one of the file (rapidfuzz, the sign-up's threshold)."""
    known = lookups.existing(ImportKind.ENTERPRISES)
    new = [
        (line, clean)
        for line, clean in zip(checked.lines, checked.clean, strict=True)
        if clean["external_id"] not in known
    ]
    if not new:
        return
    by_country: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for line, clean in new:
        by_country.setdefault(clean["country"], []).append((line, clean))
    existing: dict[str, list[tuple[int, str, str]]] = {}
    for pk, country, original, english in Enterprise.objects.filter(
        country__in=list(by_country)
    ).values_list("pk", "country", "name_original", "name_en"):
        existing.setdefault(country, []).append((pk, original, english))
    for country, rows in by_country.items():
        names = [utils.default_process(c["name_en"]) for _l, c in rows]
        registered = existing.get(country, [])
        if registered:
            choices = [utils.default_process(r[2]) for r in registered]
            for start in range(0, len(rows), 500):
                scores = process.cdist(
                    names[start : start + 500],
                    choices,
                    scorer=fuzz.token_set_ratio,
                    score_cutoff=DUPLICATE_NAME_SIMILARITY,
                    dtype=np.uint8,
                    workers=1,
                )
                for offset, row_scores in enumerate(scores):
                    best = int(row_scores.argmax())
                    if row_scores[best]:
                        line, _clean = rows[start + offset]
                        checked.issues.append(
                            Issue(
                                line,
                                "name_en",
                                WARNING,
                                gettext_noop(
                                    "Probably the same enterprise as “%(name)s”, already "
                                    "registered in this country: it will be added as another one."
                                ),
                                {"name": registered[best][2]},
                            )
                        )
        first_line: dict[str, int] = {}
        for (line, _clean), name in zip(rows, names, strict=True):
            if name in first_line:
                checked.issues.append(
                    Issue(
                        line,
                        "name_en",
                        WARNING,
                        gettext_noop("The same name and country as line %(line)s."),
                        {"line": first_line[name]},
                    )
                )
            else:
                first_line[name] = line
