"""Read side of the public exhibitor directory: who is listed, filtered and searched.

What the directory lists (as trade-fair sites do):

- once the floor plan is published, the exhibitors of the latest plan release, each with
  the hall (named as frozen) and booth the release froze (never the working plan: a booth
  changed since is not shown until it is published), and only while the participation is
  still qualified or confirmed (a withdrawn exhibitor leaves the list at once);
- before any release, the qualified and confirmed exhibitors, without booths ("booth to
  be announced"), so that visitors can plan ahead.

A typed text is searched as in the matching's directory (``matching.engine.search``):
names in both forms, the products shown and the enterprise's description, in any
language; services named in another language count (a query "rendering" finds 渲染), and
names are forgiven typos.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation, State
from fairmatch.exhibition.models import ExhibitorApplication, PlanRelease, PlanReleaseEntry
from fairmatch.matching.domain.directory import centred_vector, query_vector
from fairmatch.matching.domain.embeddings import Owner, stored_vectors
from fairmatch.matching.engine import search
from fairmatch.matching.engine.glossary import CONCEPTS, extract_concepts
from fairmatch.matching.engine.meaning import prepared, primary_language

LISTED_STATES = (State.QUALIFIED, State.CONFIRMED)
# An exhibitor that names no field: its text may mention any field's services.
EVERY_FIELD = frozenset(c.field for c in CONCEPTS if c.field)


@dataclass(frozen=True)
class ExhibitorFilters:
    text: str = ""
    field: str = ""
    service: str = ""  # a glossary concept code
    country: str = ""
    hall: str = ""  # a hall code


@dataclass
class ListedExhibitor:
    """One line of the directory; ``hall_code`` and ``booth_code`` come from the release."""

    participation: Participation
    application: ExhibitorApplication | None
    hall_code: str = ""
    booth_code: str = ""
    hall_name: str = ""
    services: frozenset[str] = field(default_factory=frozenset)
    relevance: float | None = None

    @property
    def enterprise(self):  # type: ignore[no-untyped-def]
        return self.participation.enterprise

    @property
    def booth_label(self) -> str:
        return f"{self.hall_code}-{self.booth_code}" if self.booth_code else ""

    @property
    def field_codes(self) -> frozenset[str]:
        if self.application is not None:
            codes = {f.code for f in self.application.fields.all()}
            if codes:
                return frozenset(codes)
        return frozenset(f.code for f in self.participation.enterprise.fields.all())


def latest_release(edition: Edition) -> PlanRelease | None:
    """The edition's latest published floor plan, if any."""
    return PlanRelease.objects.filter(edition=edition).order_by("-number").first()


def listed_exhibitors(edition: Edition) -> tuple[PlanRelease | None, list[ListedExhibitor]]:
    """The exhibitors the public sees (see the module's docstring), by English name."""
    release = latest_release(edition)
    participations = (
        Participation.objects.filter(edition=edition, is_exhibitor=True, state__in=LISTED_STATES)
        .select_related("enterprise", "exhibitor_application")
        .prefetch_related(
            "enterprise__fields",
            Prefetch("exhibitor_application__fields"),
        )
    )
    booths: dict[int, PlanReleaseEntry] = {}
    if release is not None:
        entries = PlanReleaseEntry.objects.filter(
            release=release, participation__isnull=False
        ).select_related("hall")
        for entry in entries:
            booths.setdefault(entry.participation_id, entry)  # type: ignore[arg-type]
        participations = participations.filter(pk__in=list(booths))
    rows = []
    for participation in participations:
        application = getattr(participation, "exhibitor_application", None)
        entry = booths.get(participation.pk)
        row = ListedExhibitor(
            participation=participation,
            application=application,
            hall_code=entry.hall_code if entry else "",
            booth_code=entry.booth_code if entry else "",
            hall_name=(entry.hall.name if entry.hall else entry.hall_code) if entry else "",
        )
        row.services = _services(row)
        rows.append(row)
    rows.sort(key=lambda row: (row.enterprise.name_en.casefold(), row.participation.pk))
    return release, rows


def _fields(row: ListedExhibitor) -> list:  # type: ignore[type-arg]
    """The fields the exhibitor shows (its application's, else its enterprise's)."""
    if row.application is not None:
        shown = list(row.application.fields.all())
        if shown:
            return shown
    return list(row.enterprise.fields.all())


def _services(row: ListedExhibitor) -> frozenset[str]:
    """The glossary services the exhibitor's products (and description) name."""
    texts = [row.enterprise.description]
    if row.application is not None:
        texts.append(row.application.products)
    return extract_concepts("\n".join(texts), fields=row.field_codes or EVERY_FIELD)


def service_choices(*, chinese: bool) -> list[tuple[str, str]]:
    """The fields' services as filter choices, in the reader's language."""
    return [(c.code, c.zh if chinese else c.en) for c in CONCEPTS if c.field]


def search_exhibitors(
    *, edition: Edition, filters: ExhibitorFilters
) -> tuple[PlanRelease | None, list[ListedExhibitor]]:
    """The listed exhibitors matching the filters; with a text, most relevant first."""
    release, rows = listed_exhibitors(edition)
    if filters.field:
        rows = [row for row in rows if filters.field in row.field_codes]
    if filters.service:
        rows = [row for row in rows if filters.service in row.services]
    if filters.country:
        rows = [row for row in rows if row.enterprise.country.code == filters.country]
    if filters.hall:
        rows = [row for row in rows if row.hall_code == filters.hall]
    text = filters.text.strip()
    if text:
        rows = _rank(rows=rows, text=text)
    return release, rows


def _rank(*, rows: list[ListedExhibitor], text: str) -> list[ListedExhibitor]:
    """The matching directory's ranking over names, products and descriptions."""
    owners = {
        row.participation.pk: Owner("enterprise", row.enterprise.pk, row.enterprise.description)
        for row in rows
        if row.enterprise.description.strip()
    }
    vectors = stored_vectors(texts=owners.values()).vectors
    documents = []
    for row in rows:
        owner = owners.get(row.participation.pk)
        texts = [row.application.products] if row.application is not None else []
        texts.append(row.enterprise.description)
        # The fields' names in both languages: "animation" or 动漫 finds the field's exhibitors.
        texts += [f"{f.name_en} {f.name_zh}" for f in _fields(row)]
        found = []
        if owner is not None and prepared(owner.text) in vectors:
            language = primary_language(row.enterprise.description_language, owner.text)
            found.append(centred_vector(vectors[prepared(owner.text)], language))
        documents.append(
            search.Document(
                id=row.participation.pk,
                names=(row.enterprise.name_original, row.enterprise.name_en),
                texts=tuple(t for t in texts if t.strip()),
                fields=row.field_codes or EVERY_FIELD,
                vectors=tuple(found),
            )
        )
    by_id = {row.participation.pk: row for row in rows}
    ranked = []
    for hit in search.rank(query=text, documents=documents, query_vector=query_vector(text)):
        row = by_id[hit.id]
        row.relevance = hit.score
        ranked.append(row)
    return ranked


def hall_choices(edition: Edition, release: PlanRelease | None) -> list[tuple[str, str]]:
    """The halls of the published plan that hold exhibitors (code, name in the reader's
    language), as the release froze them."""
    if release is None:
        return []
    return [
        (hall.code, hall.name)
        for hall in release.halls.filter(entries__participation__isnull=False)
        .distinct()
        .order_by("code")
    ]
