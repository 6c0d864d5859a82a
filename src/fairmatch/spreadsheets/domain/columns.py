"""The columns of each kind of import, their headers in English and Chinese, and matching
a file's header to them (either language, or the column's key; case and spaces ignored)."""

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop, override
from rapidfuzz import fuzz, process

from fairmatch.spreadsheets.models import ImportKind


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # a msgid: gettext(label) in the reader's language
    required: bool = False
    example: str = ""


ENTERPRISE_ID = Column("enterprise_id", gettext_noop("Enterprise external id"), True, "ACME-001")
COLUMNS: dict[str, tuple[Column, ...]] = {
    ImportKind.ENTERPRISES: (
        Column("external_id", gettext_noop("External id"), True, "ACME-001"),
        Column("name_original", gettext_noop("Name in the original language"), True, "Acme GmbH"),
        Column("name_en", gettext_noop("Name in English"), True, "Acme GmbH"),
        Column("country", gettext_noop("Country"), True, "DE"),
        Column("kind", gettext_noop("Kind (buyer, provider, both)"), True, "buyer"),
        Column("fields", gettext_noop("Fields (codes, separated by ;)"), False, "software"),
        Column("size", gettext_noop("Size"), False, "medium"),
        Column("website", gettext_noop("Website"), False, "https://acme.example"),
        Column("description", gettext_noop("Description"), False, "Car parts maker"),
        Column("description_language", gettext_noop("Language of the description"), False, "en"),
        Column("negotiator", gettext_noop("Takes part in the negotiations (yes/no)"), False, "yes"),
        Column("exhibitor", gettext_noop("Takes a booth (yes/no)"), False, "no"),
    ),
    ImportKind.DELEGATES: (
        Column("external_id", gettext_noop("External id"), True, "ACME-001-D1"),
        ENTERPRISE_ID,
        Column("full_name", gettext_noop("Full name"), True, "Anna Becker"),
        Column("title", gettext_noop("Job title"), True, "Head of purchasing"),
        Column("rank", gettext_noop("Rank"), True, "director"),
        Column("email", gettext_noop("E-mail"), True, "anna.becker@acme.example"),
        Column("phone", gettext_noop("Phone"), False, "+49 30 1234567"),
        Column("attending", gettext_noop("Attends the negotiations (yes/no)"), False, "yes"),
    ),
    ImportKind.DEMANDS: (
        Column("external_id", gettext_noop("External id"), True, "ACME-001-N1"),
        ENTERPRISE_ID,
        Column("field", gettext_noop("Field"), True, "software"),
        Column("cooperation_kind", gettext_noop("Cooperation kind"), True, "outsourcing"),
        Column("value", gettext_noop("Contract value"), True, "12000000"),
        Column("currency", gettext_noop("Currency"), True, "EUR"),
        Column("description", gettext_noop("Description"), True, "ERP roll-out"),
        Column("description_language", gettext_noop("Language of the description"), False, "en"),
    ),
    ImportKind.CAPABILITIES: (
        Column("external_id", gettext_noop("External id"), True, "DL-007-C1"),
        ENTERPRISE_ID,
        Column("field", gettext_noop("Field"), True, "software"),
        Column("cooperation_kind", gettext_noop("Cooperation kind"), False, "outsourcing"),
        Column("capacity", gettext_noop("Largest contract it can take"), False, "5000000"),
        Column("currency", gettext_noop("Currency"), False, "USD"),
        Column("references", gettext_noop("References"), False, ""),
        Column("description", gettext_noop("Description"), True, "Java and SAP teams"),
        Column(
            "description_language", gettext_noop("Language of the description"), False, "zh-hans"
        ),
    ),
    ImportKind.RATES: (
        Column("currency", gettext_noop("Currency"), True, "EUR"),
        Column("units_per_usd", gettext_noop("Units per US dollar"), True, "0.92"),
    ),
    ImportKind.BOOTHS: (
        Column("hall", gettext_noop("Hall"), True, "H1"),
        Column("booth", gettext_noop("Booth"), True, "A01"),
        Column("x", gettext_noop("x (m)"), True, "0"),
        Column("y", gettext_noop("y (m)"), True, "0"),
        Column("width", gettext_noop("Width (m)"), True, "3"),
        Column("depth", gettext_noop("Depth (m)"), True, "3"),
        Column("type", gettext_noop("Booth type (shell, space)"), False, "shell"),
        Column("price_band", gettext_noop("Price band"), False, "A"),
        Column("zone", gettext_noop("Zone"), False, ""),
        Column("blocked", gettext_noop("Blocked (yes/no)"), False, "no"),
    ),
}
LANGUAGES = ("en", "zh-hans")


def header_labels(kind: str, language: str) -> list[str]:
    """The template's header row in one language."""
    with override(language):
        return [gettext(column.label) for column in COLUMNS[kind]]


def _normal(text: str) -> str:
    return "".join(text.split()).casefold()


def _names(column: Column) -> set[str]:
    names = {_normal(column.key)}
    for language in LANGUAGES:
        with override(language):
            names.add(_normal(gettext(column.label)))
    return names


@dataclass(frozen=True)
class HeaderMatch:
    positions: dict[str, int]  # column key -> index in the file
    missing: list[Column]
    unknown: list[tuple[int, str, str]]  # index, header as written, closest known label
    repeated: list[tuple[int, str]]


def match_header(kind: str, header: list[str]) -> HeaderMatch:
    """Which of the file's columns is which; what is missing, unknown or given twice."""
    lookup = {}
    for column in COLUMNS[kind]:
        for name in _names(column):
            lookup[name] = column
    positions: dict[str, int] = {}
    unknown = []
    repeated = []
    for index, text in enumerate(header):
        if not text:
            continue
        column = lookup.get(_normal(text))
        if column is None:
            best = process.extractOne(_normal(text), list(lookup), scorer=fuzz.ratio)
            unknown.append((index, text, lookup[best[0]].label if best else ""))
        elif column.key in positions:
            repeated.append((index, text))
        else:
            positions[column.key] = index
    missing = [c for c in COLUMNS[kind] if c.required and c.key not in positions]
    return HeaderMatch(positions=positions, missing=missing, unknown=unknown, repeated=repeated)
