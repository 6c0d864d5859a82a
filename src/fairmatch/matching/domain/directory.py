"""Read side of the directory: who may see it, and the filtered list of counterparts.

A typed text ranks the participants by relevance (``rank_participations``): the words
themselves, the services they name in any language, names with typos, and closeness in
meaning by the matching's multilingual model, read from the stored vectors of the
descriptions (only the query is embedded, by the model loaded once per process).
"""

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
from django.db.models import Prefetch, Q, QuerySet

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import Edition
from fairmatch.conference.money import Rates, to_usd
from fairmatch.enterprises.models import Capability, Demand, Participation, State
from fairmatch.matching.domain.embeddings import Owner, stored_vectors
from fairmatch.matching.engine import search
from fairmatch.matching.engine.embedders import (
    DEFAULT_MODEL,
    MODELS,
    EmbedderUnavailable,
    load_embedder,
)
from fairmatch.matching.engine.meaning import language_means, prepared, primary_language
from fairmatch.matching.models import MeetingRequest, RequestState

LISTED_STATES = (State.QUALIFIED, State.CONFIRMED)

# Contract size bands in US dollars: (code, lower bound inclusive, upper bound exclusive).
SIZE_BANDS: tuple[tuple[str, Decimal, Decimal | None], ...] = (
    ("under_1m", Decimal(0), Decimal(1_000_000)),
    ("1m_8m", Decimal(1_000_000), Decimal(8_000_000)),
    ("8m_20m", Decimal(8_000_000), Decimal(20_000_000)),
    ("over_20m", Decimal(20_000_000), None),
)


def viewer_participation(*, user: Any, edition: Edition) -> Participation | None:
    """The user's own listed participation in the edition, if any."""
    if not user.is_authenticated or user.enterprise_id is None:
        return None
    return (
        Participation.objects.select_related("enterprise", "edition")
        .filter(enterprise_id=user.enterprise_id, edition=edition, state__in=LISTED_STATES)
        .first()
    )


def may_see_directory(*, user: Any, edition: Edition) -> bool:
    """Organisers, and qualified or confirmed participants of this very edition."""
    if not user.is_authenticated:
        return False
    return bool(user.is_organiser) or viewer_participation(user=user, edition=edition) is not None


@dataclass(frozen=True)
class DirectoryFilters:
    text: str = ""
    field: str = ""
    cooperation_kind: str = ""
    country: str = ""
    size_band: str = ""
    certification: str = ""
    language: str = ""
    role: str = ""


def listed_participations(edition: Edition) -> QuerySet[Participation]:
    return (
        Participation.objects.filter(edition=edition, state__in=LISTED_STATES, is_negotiator=True)
        .select_related("enterprise")
        .prefetch_related(
            "enterprise__fields",
            Prefetch(
                "demands", queryset=Demand.objects.select_related("field", "cooperation_kind")
            ),
            Prefetch(
                "capabilities",
                queryset=Capability.objects.select_related("field", "cooperation_kind"),
            ),
        )
        .order_by("enterprise__name_en")
    )


def largest_demand_usd(participation: Participation, rates: Rates) -> Decimal | None:
    """The largest demand in US dollars, among those in a currency with a rate."""
    values = [
        to_usd(demand.value, demand.currency, rates) for demand in participation.demands.all()
    ]
    return max((value for value in values if value is not None), default=None)


def _in_band(value: Decimal | None, band: str) -> bool:
    for code, low, high in SIZE_BANDS:
        if code == band:
            return value is not None and value >= low and (high is None or value < high)
    return True


def search_directory(*, edition: Edition, filters: DirectoryFilters) -> list[Participation]:
    """Listed participants matching the filters; text matches names and descriptions in any
    language (Chinese needs no word splitting: a plain substring search)."""
    participations = listed_participations(edition)
    text = filters.text.strip()
    if filters.field:
        participations = participations.filter(
            Q(enterprise__fields__code=filters.field)
            | Q(demands__field__code=filters.field)
            | Q(capabilities__field__code=filters.field)
        ).distinct()
    if filters.cooperation_kind:
        participations = participations.filter(
            Q(demands__cooperation_kind__code=filters.cooperation_kind)
            | Q(capabilities__cooperation_kind__code=filters.cooperation_kind)
        ).distinct()
    if filters.country:
        participations = participations.filter(enterprise__country=filters.country)
    if filters.certification:
        participations = participations.filter(
            enterprise__certifications__icontains=filters.certification
        )
    if filters.language:
        participations = participations.filter(
            enterprise__languages__icontains=f'"{filters.language}"'
        )
    if filters.role == "buyer":
        participations = participations.filter(enterprise__kind__in=["buyer", "both"])
    elif filters.role == "provider":
        participations = participations.filter(enterprise__kind__in=["provider", "both"])
    rows = list(participations)
    rates = exchange_rates(edition)
    for row in rows:
        row.largest_demand_usd = largest_demand_usd(row, rates)  # type: ignore[attr-defined]
    if filters.size_band:
        rows = [row for row in rows if _in_band(row.largest_demand_usd, filters.size_band)]  # type: ignore[attr-defined]
    if text:
        rows = rank_participations(rows=rows, text=text)
    return rows


QUERY_VECTORS = 256  # typed queries whose vector is kept in memory


def centred_vector(vector: Any, language: str) -> Any:
    """The vector with its language's mean partly taken off (as matching compares them)."""
    model = MODELS[DEFAULT_MODEL]
    means = language_means(model.key)
    shifted = np.asarray(vector, dtype=np.float32)
    if model.centering and language in means:
        shifted = shifted - model.centering * means[language]
    norm = float(np.linalg.norm(shifted))
    return shifted / norm if norm else shifted


@functools.lru_cache(maxsize=QUERY_VECTORS)
def query_vector(text: str) -> Any:
    """The typed query's vector, centred like the descriptions' (None without the model).

    A query in Latin script with no other hint counts as English."""
    try:
        embedder = load_embedder()
    except EmbedderUnavailable:
        return None
    vector = embedder.encode([prepared(text)])[0]
    return centred_vector(vector, primary_language("", text) or "en")


def _documents(rows: list[Participation]) -> list[search.Document]:
    texts: dict[int, list[tuple[Owner, str]]] = {}
    for row in rows:
        enterprise = row.enterprise
        found = [
            (
                Owner("enterprise", enterprise.pk, enterprise.description),
                enterprise.description_language,
            )
        ]
        found += [
            (Owner("capability", c.pk, c.description), c.description_language)
            for c in row.capabilities.all()
        ]
        found += [
            (Owner("demand", d.pk, d.description), d.description_language)
            for d in row.demands.all()
        ]
        texts[row.pk] = [(owner, language) for owner, language in found if owner.text.strip()]
    owners = [owner for found in texts.values() for owner, _ in found]
    vectors = stored_vectors(texts=owners).vectors
    documents = []
    for row in rows:
        fields = {f.code for f in row.enterprise.fields.all()}
        fields |= {c.field.code for c in row.capabilities.all()}
        fields |= {d.field.code for d in row.demands.all()}
        documents.append(
            search.Document(
                id=row.pk,
                names=(row.enterprise.name_original, row.enterprise.name_en),
                texts=tuple(owner.text for owner, _ in texts[row.pk]),
                fields=frozenset(fields),
                vectors=tuple(
                    centred_vector(
                        vectors[prepared(owner.text)], primary_language(language, owner.text)
                    )
                    for owner, language in texts[row.pk]
                    if prepared(owner.text) in vectors
                ),
            )
        )
    return documents


def rank_participations(*, rows: list[Participation], text: str) -> list[Participation]:
    """The rows the text finds, most relevant first; each gets its ``relevance``."""
    by_id = {row.pk: row for row in rows}
    hits = search.rank(query=text, documents=_documents(rows), query_vector=query_vector(text))
    ranked = []
    for hit in hits:
        row = by_id[hit.id]
        row.relevance = hit.score  # type: ignore[attr-defined]
        ranked.append(row)
    return ranked


def contacts_visible(*, viewer: Participation | None, other: Participation, user: Any) -> bool:
    """Contact details show once a meeting between the two is accepted (or to organisers)."""
    if getattr(user, "is_organiser", False):
        return True
    if viewer is None:
        return False
    return MeetingRequest.objects.filter(
        Q(requester=viewer, recipient=other) | Q(requester=other, recipient=viewer),
        state=RequestState.ACCEPTED,
    ).exists()
