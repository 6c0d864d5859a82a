"""Runs the matching engine on an edition and keeps its recommendations and suggestions.

Converting the stored edition into the engine's plain data happens here, in one pass over
prefetched rows; the engine itself knows nothing of Django.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Prefetch

from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import Edition
from fairmatch.conference.money import Rates, to_usd
from fairmatch.core.domain.audit import record_action
from fairmatch.enterprises.models import Capability, Demand, Participation
from fairmatch.matching import engine
from fairmatch.matching.domain.directory import LISTED_STATES
from fairmatch.matching.domain.embeddings import Owner, stored_vectors
from fairmatch.matching.domain.requests import policy_for
from fairmatch.matching.engine.meaning import prepared
from fairmatch.matching.engine.recommend import ranked
from fairmatch.matching.models import (
    MeetingRequest,
    Recommendation,
    RequestState,
    Suggestion,
    SuggestionRun,
    Wish,
    WishLevel,
)

TOP_RECOMMENDATIONS = 10
# Pairs scoring below this are not worth a meeting: suggestions never include them, even
# to lift a provider to its minimum.
SUGGESTION_MIN_SCORE = 0.3


@dataclass(frozen=True)
class EngineInput:
    edition: engine.Edition
    participations: dict[str, Participation]
    # The descriptions the engine compares by meaning (their vectors are stored).
    texts: list[Owner] = field(default_factory=list)


def _usd(amount: Decimal | None, currency: str, rates: Rates) -> float | None:
    """The engine's plain float of US dollars; None for no amount or a currency without a rate."""
    usd = None if amount is None else to_usd(amount, currency, rates)
    return None if usd is None else float(usd)


def engine_input(edition: Edition) -> EngineInput:
    """The edition's listed negotiators as the engine's buyers and providers."""
    policy = policy_for(edition)
    rates = exchange_rates(edition)
    participations = list(
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
        .order_by("pk")
    )
    buyers, providers = [], []
    texts: list[Owner] = []
    for participation in participations:
        enterprise = participation.enterprise
        common = {
            "id": str(participation.pk),
            "country": str(enterprise.country.code),
            "languages": frozenset(enterprise.languages),
            "fields": frozenset(f.code for f in enterprise.fields.all()),
            "slots": policy.meetings_per_participant,
        }
        if enterprise.is_buyer:
            texts += [Owner("demand", d.pk, d.description) for d in participation.demands.all()]
            buyers.append(
                engine.Buyer(
                    **common,
                    demands=tuple(
                        engine.Demand(
                            field=d.field.code,
                            kind=d.cooperation_kind.code,
                            value_usd=_usd(d.value, d.currency, rates),
                            text=d.description,
                            language=d.description_language,
                        )
                        for d in participation.demands.all()
                    ),
                    quota=policy.buyer_request_quota,
                )
            )
        if enterprise.is_provider:
            capabilities = list(participation.capabilities.all())
            texts += [Owner("capability", c.pk, c.description) for c in capabilities]
            texts.append(Owner("enterprise", enterprise.pk, enterprise.description))
            capacities = [
                value
                for c in capabilities
                if (value := _usd(c.capacity, c.currency, rates)) is not None
            ]
            provider_fields = {"fields": common["fields"] | {c.field.code for c in capabilities}}
            providers.append(
                engine.Provider(
                    **(common | provider_fields),
                    capacity_usd=max(capacities, default=None),
                    certifications=frozenset(enterprise.certifications),
                    text="\n".join(
                        [c.description for c in capabilities] + [enterprise.description]
                    ).strip(),
                    language=(
                        capabilities[0].description_language
                        if capabilities
                        else enterprise.description_language
                    ),
                    kinds=frozenset(
                        c.cooperation_kind.code for c in capabilities if c.cooperation_kind
                    ),
                    quota=policy.provider_request_quota,
                    passages=tuple(
                        text
                        for text in [c.description for c in capabilities] + [enterprise.description]
                        if text.strip()
                    ),
                )
            )
    return EngineInput(
        edition=engine.Edition(
            buyers=tuple(buyers), providers=tuple(providers), interests=_interests(edition)
        ),
        participations={str(p.pk): p for p in participations},
        texts=texts,
    )


def score_edition(data: EngineInput) -> engine.ScoreTable:
    """Every pair's score, reading the stored vectors (texts without one yet fall back)."""
    return engine.score_pairs(edition=data.edition, vectors=stored_vectors(texts=data.texts))


@dataclass(frozen=True)
class AnalysisProgress:
    """How many of the edition's descriptions have their vector (the rest are pending)."""

    pending: int
    total: int


def analysis_progress(*, edition: Edition) -> AnalysisProgress:
    """Descriptions of the listed negotiators still waiting for their vector."""
    texts = {(o.field, o.pk): o for o in engine_input(edition).texts if o.text.strip()}
    if not texts:
        return AnalysisProgress(pending=0, total=0)
    vectors = stored_vectors(texts=texts.values())
    done = sum(1 for owner in texts.values() if prepared(owner.text) in vectors.vectors)
    return AnalysisProgress(pending=len(texts) - done, total=len(texts))


def _interests(edition: Edition) -> tuple[engine.Interest, ...]:
    requests = MeetingRequest.objects.filter(
        edition=edition, state__in=[RequestState.PENDING, RequestState.ACCEPTED]
    ).values_list("requester_id", "recipient_id")
    wishes = Wish.objects.filter(edition=edition).exclude(level=WishLevel.NO_THANKS)
    pairs = set(requests) | set(wishes.values_list("wisher_id", "target_id"))
    return tuple(engine.Interest(source=str(a), target=str(b)) for a, b in sorted(pairs))


def _match_json(match: engine.Match) -> tuple[dict[str, float], list[dict[str, Any]]]:
    components = {name: round(float(value), 4) for name, value in match.components.items()}
    return components, [reason.to_json() for reason in match.reasons]


def _rows(
    edition: Edition, lists: engine.Recommendations, holders: set[str] | None = None
) -> list[Recommendation]:
    """The stored form of the lists (of ``holders`` only, when given); the first row of a
    pair wins, as the unique constraint keeps it."""
    rows = []
    seen: set[tuple[str, str]] = set()
    for own_side, matches_by_id in (("buyer", lists.for_buyers), ("provider", lists.for_providers)):
        for participant_id, matches in matches_by_id.items():
            if holders is not None and participant_id not in holders:
                continue
            for rank, match in enumerate(matches, start=1):
                counterpart = match.provider if own_side == "buyer" else match.buyer
                if counterpart == participant_id or (participant_id, counterpart) in seen:
                    continue  # an enterprise that both buys and provides never meets itself
                seen.add((participant_id, counterpart))
                components, reasons = _match_json(match)
                rows.append(
                    Recommendation(
                        edition=edition,
                        participation_id=int(participant_id),
                        counterpart_id=int(counterpart),
                        rank=rank,
                        score=round(float(match.score), 4),
                        components=components,
                        reasons=reasons,
                    )
                )
    return rows


@transaction.atomic
def refresh_recommendations(*, edition: Edition, top: int = TOP_RECOMMENDATIONS) -> int:
    """Recompute every participant's top counterparts; returns how many were stored.

    The full recompute: every score, with the glossary's IDF of the edition as it is now.
    ``rerank_participation`` updates the lists after one participant's change in between.
    """
    data = engine_input(edition)
    table = score_edition(data)
    lists = engine.recommend(table=table, top=top)
    rows = _rows(edition, lists)
    Recommendation.objects.filter(edition=edition).delete()
    Recommendation.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


@dataclass(frozen=True)
class Reranked:
    """What ``rerank_participation`` did: whose lists it rebuilt and how many rows it wrote."""

    lists: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0


def _stored_lists(edition: Edition) -> dict[str, list[tuple[str, float]]]:
    """Each participant's stored list: (counterpart, score), best first."""
    found: dict[str, list[tuple[str, float]]] = {}
    rows = Recommendation.objects.filter(edition=edition).order_by("participation", "rank")
    for holder, counterpart, score in rows.values_list(
        "participation_id", "counterpart_id", "score"
    ):
        found.setdefault(str(holder), []).append((str(counterpart), score))
    return found


def _reaches(
    score: float, stored: list[tuple[str, float]], changed: str, top: int, own: str
) -> bool:
    """Whether a counterpart's stored list can change: the changed participant was in it,
    it is short, or the new score reaches its last one (ties rebuilt to be sure)."""
    if any(who == changed for who, _ in stored):
        return True
    others = [s for who, s in stored if who != own]
    if len(others) < top - 1:  # a list may lack its holder itself (never its own match)
        return True
    return round(score, 4) >= min(others, default=0.0)


def _lists_of(
    data: EngineInput, holders: set[str], vectors: engine.TextVectors, idf: Any, top: int
) -> engine.Recommendations:
    """Fresh top-``top`` lists of these participants, both ways where they are on both sides."""
    edition = data.edition
    rows = [i for i, b in enumerate(edition.buyers) if b.id in holders]
    columns = [j for j, p in enumerate(edition.providers) if p.id in holders]
    for_buyers: dict[str, tuple[engine.Match, ...]] = {}
    for_providers: dict[str, tuple[engine.Match, ...]] = {}
    if rows:
        part = engine.score_part(edition=edition, buyers=rows, idf=idf, vectors=vectors)
        for k, picks in enumerate(ranked(part.total, top=top)):
            for_buyers[part.edition.buyers[k].id] = tuple(
                part.match(buyer=k, provider=int(p)) for p in picks
            )
    if columns:
        part = engine.score_part(edition=edition, providers=columns, idf=idf, vectors=vectors)
        for k, picks in enumerate(ranked(part.total.T, top=top)):
            for_providers[part.edition.providers[k].id] = tuple(
                part.match(buyer=int(b), provider=k) for b in picks
            )
    return engine.Recommendations(for_buyers=for_buyers, for_providers=for_providers)


@transaction.atomic
def rerank_participation(
    *, participation: Participation, top: int = TOP_RECOMMENDATIONS
) -> Reranked:
    """Update the stored lists after one participant's application or profile changed.

    Only its own scores are recomputed (every component, ``meaning`` from the stored
    vectors) and only the lists it can affect are rebuilt: its own, and each counterpart's
    that held it or whose last score it now reaches; only rows that change are written.
    The glossary's IDF is the edition's as it is now, so a rebuilt list equals what
    ``refresh_recommendations`` would store; lists not rebuilt keep their scores until the
    next full refresh (the IDF moves little with one participant). An edition never ranked
    is left alone: the organiser's refresh ranks everyone.
    """
    edition = participation.edition
    if not Recommendation.objects.filter(edition=edition).exists():
        return Reranked()
    data = engine_input(edition)
    changed = str(participation.pk)
    stored = _stored_lists(edition)
    vectors = stored_vectors(texts=data.texts)
    idf = engine.edition_idf(data.edition)
    holders = {changed}
    rows, columns = engine.positions(data.edition, changed)
    if not rows and not columns:
        # No longer listed: its own list goes, and every list that held it is rebuilt.
        holders = {who for who, items in stored.items() if any(c == changed for c, _ in items)}
        holders &= set(data.participations)
    else:
        for mine, side in ((rows, "buyers"), (columns, "providers")):
            if not mine:
                continue
            scores = engine.score_part(
                edition=data.edition, idf=idf, vectors=vectors, **{side: mine}
            )
            others = data.edition.providers if side == "buyers" else data.edition.buyers
            totals = scores.total[0] if side == "buyers" else scores.total[:, 0]
            for index, other in enumerate(others):
                if _reaches(float(totals[index]), stored.get(other.id, []), changed, top, other.id):
                    holders.add(other.id)
    lists = _lists_of(data, holders, vectors, idf, top)
    desired = {(str(r.participation_id), str(r.counterpart_id)): r for r in _rows(edition, lists)}
    existing = {
        (str(r.participation_id), str(r.counterpart_id)): r
        for r in Recommendation.objects.filter(
            edition=edition, participation_id__in=[int(h) for h in holders | {changed}]
        )
    }
    gone = [r.pk for key, r in existing.items() if key not in desired]
    new = [r for key, r in desired.items() if key not in existing]
    changed_rows = []
    for key, row in desired.items():
        old = existing.get(key)
        if old is None:
            continue
        fresh = (row.rank, row.score, row.components, row.reasons)
        if (old.rank, old.score, old.components, old.reasons) != fresh:
            old.rank, old.score, old.components, old.reasons = fresh
            changed_rows.append(old)
    Recommendation.objects.filter(pk__in=gone).delete()
    Recommendation.objects.bulk_update(changed_rows, ["rank", "score", "components", "reasons"])
    Recommendation.objects.bulk_create(new)
    return Reranked(
        lists=len(holders), created=len(new), updated=len(changed_rows), deleted=len(gone)
    )


def _distribution_json(distribution: engine.Distribution) -> dict[str, float]:
    return {
        "minimum": distribution.minimum,
        "median": distribution.median,
        "maximum": distribution.maximum,
        "without_any": distribution.without_any,
        "at_capacity": distribution.at_capacity,
    }


@transaction.atomic
def generate_suggestions(
    *, edition: Edition, minimum_per_provider: int, actor: Any
) -> SuggestionRun:
    """Suggested meetings for everyone at once: fair to providers, no buyer swamped."""
    data = engine_input(edition)
    table = score_edition(data)
    result = engine.suggest(
        table=table, minimum_per_provider=minimum_per_provider, min_score=SUGGESTION_MIN_SCORE
    )
    run = SuggestionRun.objects.create(
        edition=edition,
        minimum_per_provider=minimum_per_provider,
        objective=round(float(result.objective), 4),
        before_objective=round(float(result.before_objective), 4),
        providers_below_minimum=result.providers_below_minimum,
        distributions={
            moment: {side: _distribution_json(d) for side, d in by_side.items()}
            for moment, by_side in (("before", result.before), ("after", result.after))
        },
        status=result.status,
        seconds=result.seconds,
    )
    Suggestion.objects.bulk_create(
        Suggestion(
            run=run,
            buyer_id=int(match.buyer),
            provider_id=int(match.provider),
            score=round(float(match.score), 4),
            components=_match_json(match)[0],
        )
        for match in result.pairs
        if match.buyer != match.provider
    )
    record_action(
        actor=actor,
        action="matching.suggestions",
        target=run,
        data={"minimum_per_provider": minimum_per_provider, "pairs": len(result.pairs)},
    )
    return run
