"""Matching: time, memory and quality of recommendations and fair suggestions.

Runs the engine on a generated edition with planted true partners (recall@K and NDCG@K
each way, split cross-lingual / same-language, beside a field-only baseline) and, when the
database holds one, on the demo edition (time, suggestions, glossary coverage).
"""

from __future__ import annotations

import math
import resource
import time
import tracemalloc
from argparse import ArgumentParser
from collections.abc import Callable
from typing import Any, TextIO

from fairmatch.matching.engine import METHODS, Edition, recommend, score_pairs, suggest
from fairmatch.matching.engine.embedders import MODELS, EmbedderUnavailable, load_embedder
from fairmatch.matching.engine.evaluation import Quality, evaluate, field_only_scores
from fairmatch.matching.engine.glossary import extract_concepts
from fairmatch.matching.engine.synthetic import generate, with_service_codes
from fairmatch.matching.engine.text import Embedder

DEFAULT_METHODS = "tfidf,glossary,hybrid,services"
# Pairs below this score are not worth a meeting: the suggestions never include them.
SUGGESTION_MIN_SCORE = 0.3


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--buyer-share", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=10, help="K of recall@K and NDCG@K")
    parser.add_argument("--minimum", type=int, default=3, help="suggestions per provider")
    parser.add_argument(
        "--methods", default=DEFAULT_METHODS, help=f"comma-separated, of {', '.join(METHODS)}"
    )
    parser.add_argument(
        "--embedder", choices=sorted(MODELS), help="also measure this embedding model"
    )
    parser.add_argument("--edition", help="demo edition slug (default: the latest)")
    parser.add_argument("--no-demo", action="store_true", help="skip the demo edition row")


def _timed(work: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def _cell(quality: Quality) -> str:
    if math.isnan(quality.recall):
        return "n/a"
    return f"{quality.recall:.3f} / {quality.ndcg:.3f}"


def _quality_row(name: str, seconds: str, measured: dict[str, dict[str, Quality]]) -> str:
    cells = [
        measured[side][split]
        for side in ("buyers", "providers")
        for split in ("cross", "same", "all")
    ]
    return f"| {name} | {seconds} | " + " | ".join(_cell(q) for q in cells) + " |"


def _peak_memory(work: Callable[[], Any]) -> float:
    """Peak memory (MiB) Python and numpy allocate during ``work`` (tracemalloc)."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def run(options: dict[str, Any], out: TextIO) -> int:
    """Print the tables; returns the exit code."""
    methods = [m.strip() for m in options["methods"].split(",") if m.strip()]
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        out.write(f"unknown method {unknown[0]!r}\n")
        return 2
    embedder: Embedder | None = None
    if options.get("embedder"):
        try:
            embedder = load_embedder(options["embedder"])
        except EmbedderUnavailable as error:
            out.write(f"{error}\n")
            return 2
        if "embedding" not in methods:
            methods.append("embedding")
    elif "embedding" in methods:
        out.write("method embedding needs --embedder\n")
        return 2
    top = options["top"]
    synthetic = generate(
        participants=options["participants"],
        buyer_share=options["buyer_share"],
        seed=options["seed"],
    )
    edition = synthetic.edition
    planted = synthetic.planted
    cross = sum(pair.cross_lingual for pair in planted)
    out.write(
        f"## Generated edition: {len(edition.buyers)} buyers, {len(edition.providers)} providers "
        f"(seed {options['seed']}), {len(planted)} planted pairs: {cross} cross-lingual, "
        f"{len(planted) - cross} same-language\n\n"
        f"recall@{top} / NDCG@{top} of the planted partner; seconds: scores of all pairs + "
        f"top-{top} lists each way with reasons\n\n"
        f"| method | seconds | buyer→provider cross | same | all | provider→buyer cross "
        f"| same | all |\n|---|---|---|---|---|---|---|---|\n"
    )
    out.write(
        _quality_row(
            "field only (baseline)", "-", evaluate(field_only_scores(edition), planted, k=top)
        )
        + "\n"
    )
    timings: dict[str, float] = {}
    for method in methods:
        scored = with_service_codes(synthetic) if method == "services" else edition

        def work(scored: Edition = scored, method: str = method) -> Any:
            table = score_pairs(edition=scored, method=method, embedder=embedder)
            recommend(table=table, top=top)
            return table

        table, seconds = _timed(work)
        timings[method] = seconds
        label = f"{method} (true service codes)" if method == "services" else method
        out.write(
            _quality_row(label, f"{seconds:.1f}", evaluate(table.total, planted, k=top)) + "\n"
        )
    out.flush()
    default = "hybrid" if "hybrid" in methods else methods[0]
    table = score_pairs(edition=edition, method=default, embedder=embedder)
    plan, suggest_seconds = _timed(
        lambda: suggest(
            table=table, minimum_per_provider=options["minimum"], min_score=SUGGESTION_MIN_SCORE
        )
    )
    peak = _peak_memory(
        lambda: recommend(table=score_pairs(edition=edition, method=default), top=top)
    )
    out.write(
        f"\nMethod {default}: all recommendations {timings.get(default, 0):.1f} s; "
        f"fair suggestions {suggest_seconds:.1f} s; peak traced memory {peak:.0f} MiB; "
        f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB\n\n"
    )
    _write_suggestions(out, plan)
    buyer_ids = [buyer.id for buyer in edition.buyers]
    provider_ids = [provider.id for provider in edition.providers]
    planted_ids = {(buyer_ids[p.buyer], provider_ids[p.provider]) for p in planted}
    suggested = {(match.buyer, match.provider) for match in plan.pairs}
    out.write(
        f"\nPlanted pairs among the fair suggestions: {len(planted_ids & suggested)}"
        f"/{len(planted_ids)} ({len(planted_ids & suggested) / len(planted_ids):.0%}).\n"
    )
    _held_out(
        options,
        out,
        methods=[m for m in methods if m in ("tfidf", "glossary", "hybrid", "embedding")],
        embedder=embedder,
    )
    if options.get("no_demo"):
        out.write("\n## Demo edition: skipped (--no-demo)\n")
    else:
        _demo(options, out)
    return 0


def _held_out(
    options: dict[str, Any], out: TextIO, *, methods: list[str], embedder: Embedder | None
) -> None:
    """The same edition with demands worded anew, after the glossary was settled."""
    top = options["top"]
    synthetic = generate(
        participants=options["participants"],
        buyer_share=options["buyer_share"],
        seed=options["seed"],
        phrasings="held_out",
    )
    out.write(
        "\n## Held-out wording: the same edition, demands worded with phrasings written after "
        "the glossary was settled\n\n"
        "| method | seconds | buyer→provider cross | same | all | provider→buyer cross "
        "| same | all |\n|---|---|---|---|---|---|---|---|\n"
    )
    baseline = evaluate(field_only_scores(synthetic.edition), synthetic.planted, k=top)
    out.write(_quality_row("field only (baseline)", "-", baseline) + "\n")
    for method in methods:
        table, seconds = _timed(
            lambda method=method: score_pairs(
                edition=synthetic.edition, method=method, embedder=embedder
            )
        )
        measured = evaluate(table.total, synthetic.planted, k=top)
        out.write(_quality_row(method, f"{seconds:.1f}", measured) + "\n")
    out.flush()


def _write_suggestions(out: TextIO, plan: Any) -> None:
    out.write(
        f"Fair suggestions ({plan.status}, min score {SUGGESTION_MIN_SCORE}): {len(plan.pairs)} "
        f"pairs, total score {plan.objective:.1f} (plain top picks: {plan.before_objective:.1f}, "
        f"ignoring buyers' limits); providers below the minimum of "
        f"{plan.minimum_per_provider}: {plan.providers_below_minimum}\n\n"
        "| suggestions per | min | median | max | with none | at capacity |\n"
        "|---|---|---|---|---|---|\n"
    )
    for moment, distributions in (
        ("plain top picks", plan.before),
        ("fair assignment", plan.after),
    ):
        for side, d in distributions.items():
            out.write(
                f"| {side}, {moment} | {d.minimum} | {d.median:g} | {d.maximum} | "
                f"{d.without_any} | {d.at_capacity} |\n"
            )
    out.flush()


def _demo(options: dict[str, Any], out: TextIO) -> None:
    try:
        loaded = demo_edition(slug=options.get("edition"))
    except Exception as error:  # no database, no tables: skip the row with a note
        out.write(f"\n## Demo edition: skipped (database not available: {error})\n")
        return
    if loaded is None:
        out.write("\n## Demo edition: skipped (no edition with qualified participants)\n")
        return
    slug, edition = loaded
    top = options["top"]
    table, seconds = _timed(lambda: score_pairs(edition=edition))
    lists, list_seconds = _timed(lambda: recommend(table=table, top=top))
    plan = suggest(
        table=table, minimum_per_provider=options["minimum"], min_score=SUGGESTION_MIN_SCORE
    )
    demands = [d for b in edition.buyers for d in b.demands]
    covered_demands = sum(bool(extract_concepts(d.text, fields=(d.field,))) for d in demands)
    covered_providers = sum(
        bool(extract_concepts(p.text, fields=p.fields)) for p in edition.providers
    )
    same_field = [
        match.components["field"] for matches in lists.for_buyers.values() for match in matches
    ]
    out.write(
        f"\n## Demo edition {slug}: {len(edition.buyers)} buyers, {len(edition.providers)} "
        f"providers (qualified or confirmed negotiators)\n\n"
        f"All recommendations {seconds + list_seconds:.2f} s. No planted pairs: quality shown "
        f"by proxies. Glossary concepts found in {covered_demands}/{len(demands)} demand "
        f"texts and {covered_providers}/{len(edition.providers)} provider texts; "
        f"{sum(same_field) / max(len(same_field), 1):.0%} of buyers' top-{top} in the "
        "demand's field.\n\n"
    )
    _write_suggestions(out, plan)


def demo_edition(*, slug: str | None) -> tuple[str, Edition] | None:
    """The demo edition's qualified and confirmed negotiators, read through the ORM."""
    from decimal import Decimal

    from fairmatch.conference.domain.rates import exchange_rates
    from fairmatch.conference.models import Edition as EditionModel
    from fairmatch.conference.money import to_usd
    from fairmatch.enterprises.models import Participation
    from fairmatch.enterprises.models.participation import State
    from fairmatch.matching.engine import Buyer, Demand, Provider

    editions = EditionModel.objects.order_by("-start_date")
    record = editions.filter(slug=slug).first() if slug else editions.first()
    if record is None:
        return None
    rates = exchange_rates(record)

    def usd(amount: Decimal | None, currency: str) -> float | None:
        value = None if amount is None else to_usd(amount, currency, rates)
        return None if value is None else float(value)

    participations = (
        Participation.objects.filter(
            edition=record, is_negotiator=True, state__in=(State.QUALIFIED, State.CONFIRMED)
        )
        .select_related("enterprise")
        .prefetch_related(
            "enterprise__fields",
            "demands__field",
            "demands__cooperation_kind",
            "capabilities__field",
            "capabilities__cooperation_kind",
        )
        .order_by("pk")
    )
    buyers: list[Buyer] = []
    providers: list[Provider] = []
    for participation in participations:
        enterprise = participation.enterprise
        fields = frozenset(field.code for field in enterprise.fields.all())
        languages = frozenset(enterprise.languages or ())
        key = str(participation.pk)
        if enterprise.is_buyer:
            demands = tuple(
                Demand(
                    field=d.field.code,
                    kind=d.cooperation_kind.code,
                    value_usd=usd(d.value, d.currency),
                    text=d.description,
                    language=d.description_language,
                )
                for d in participation.demands.all()
            )
            buyers.append(
                Buyer(
                    id=key,
                    country=str(enterprise.country),
                    languages=languages,
                    fields=fields,
                    demands=demands,
                )
            )
        if enterprise.is_provider:
            capabilities = list(participation.capabilities.all())
            capacities = [usd(c.capacity, c.currency) for c in capabilities]
            providers.append(
                Provider(
                    id=key,
                    country=str(enterprise.country),
                    languages=languages,
                    fields=fields | {c.field.code for c in capabilities},
                    capacity_usd=max((c for c in capacities if c is not None), default=None),
                    certifications=frozenset(enterprise.certifications or ()),
                    text="；".join(c.description for c in capabilities),
                    kinds=frozenset(c.cooperation_kind.code for c in capabilities),
                )
            )
    if not buyers or not providers:
        return None
    return record.slug, Edition(buyers=tuple(buyers), providers=tuple(providers))
