"""Matching: quality per language, speed and memory of recommendations, fair suggestions.

A generated edition with planted true partners (benchmarks/_matching_data): buyers write
English, Japanese, Korean, German, French or Spanish, providers Chinese or English. Its
demands come in two wordings: development (the weights were fitted on another seed of it)
and held-out (never looked at while choosing the model or fitting). For each wording and
method: recall@K / NDCG@K of the planted partner per buyer language, per provider language,
cross-lingual and same-language, from both sides. Then the timings of the default method:
embedding every description from scratch, ranking from stored vectors, re-ranking after one
changed profile; peak memory; fair suggestions; and the demo edition when the database
holds one.
"""

from __future__ import annotations

import math
import os
import resource
import time
import tracemalloc
from argparse import ArgumentParser
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TextIO

import numpy as np

from benchmarks._matching_data.evaluation import (
    Quality,
    field_only_scores,
    grouped,
    partner_ranks,
)
from benchmarks._matching_data.generator import GeneratedEdition, generate
from benchmarks._matching_data.wording import BUYER_LANGUAGES, PROVIDER_LANGUAGES
from fairmatch.core.interfaces import arguments
from fairmatch.matching.engine import (
    TextVectors,
    recommend,
    rerank,
    score_pairs,
    suggest,
    texts_to_embed,
)
from fairmatch.matching.engine.embedders import (
    DEFAULT_MODEL,
    MODELS,
    THREADS,
    EmbedderUnavailable,
    load_embedder,
)

# (row label, engine method or None for the field-only baseline)
ROWS = (
    ("field only", None),
    ("n-grams (tfidf)", "tfidf"),
    ("glossary hybrid (previous default)", "hybrid"),
    ("embedding alone", "embedding"),
    ("**combined (default)**", "combined"),
)
SUGGESTION_MIN_SCORE = 0.3


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--participants", type=arguments.positive_int, default=2000)
    parser.add_argument("--buyer-share", type=arguments.fraction, default=0.2)
    parser.add_argument("--seed", type=arguments.seed, default=1)
    parser.add_argument(
        "--top", type=arguments.positive_int, default=10, help="K of recall@K and NDCG@K"
    )
    parser.add_argument(
        "--minimum", type=arguments.non_negative_int, default=3, help="suggestions per provider"
    )
    parser.add_argument(
        "--embedder", choices=sorted(MODELS), default=DEFAULT_MODEL, help="text model"
    )
    parser.add_argument("--edition", help="demo edition slug (default: the latest)")
    parser.add_argument("--no-demo", action="store_true", help="skip the demo edition row")


def _timed(work: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


def _load() -> str:
    """The machine's load averages (1, 5, 15 minutes), printed beside timings."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} / {fifteen:.1f} on {os.cpu_count()} cores"


def _cell(quality: Quality | None) -> str:
    if quality is None or math.isnan(quality.recall):
        return "n/a"
    return f"{quality.recall:.3f} / {quality.ndcg:.3f}"


COLUMNS = (
    *(("buyer", language) for language in BUYER_LANGUAGES),
    *(("provider", language) for language in PROVIDER_LANGUAGES),
    ("pair", "cross"),
    ("pair", "same"),
    ("pair", "all"),
)


def _qualities(
    scores: np.ndarray, generated: GeneratedEdition, *, k: int
) -> dict[str, dict[tuple[str, str], Quality]]:
    ranks = partner_ranks(scores, generated.planted)
    result: dict[str, dict[tuple[str, str], Quality]] = {}
    for side, values in ranks.items():
        cells: dict[tuple[str, str], Quality] = {}
        for kind, key in (
            ("buyer", lambda p: p.buyer_language),
            ("provider", lambda p: p.provider_language),
            ("pair", lambda p: "cross" if p.cross_lingual else "same"),
            ("pairs", lambda p: f"{p.buyer_language}→{p.provider_language}"),
        ):
            for name, quality in grouped(values, generated.planted, key, k=k).items():
                if kind == "pair" or name != "all":
                    cells[(kind, name)] = quality
        result[side] = cells
    return result


def _header(out: TextIO) -> None:
    names = [
        f"{'buyer ' if kind == 'buyer' else 'provider ' if kind == 'provider' else ''}{name}"
        for kind, name in COLUMNS
    ]
    out.write("| method | seconds | " + " | ".join(names) + " |\n")
    out.write("|---" * (len(COLUMNS) + 2) + "|\n")


def run(options: dict[str, Any], out: TextIO) -> int:
    """Print the tables; returns the exit code."""
    try:
        embedder = load_embedder(options["embedder"])
    except EmbedderUnavailable as error:
        out.write(f"{error}\n")
        return 2
    top = options["top"]
    editions = {
        wording: generate(
            participants=options["participants"],
            buyer_share=options["buyer_share"],
            seed=options["seed"],
            wording_set=wording,
        )
        for wording in ("development", "held_out")
    }
    development = editions["development"]
    edition = development.edition
    texts = texts_to_embed(edition.buyers, edition.providers)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load_before_embedding = _load()
    encoded, embed_seconds = _timed(lambda: embedder.encode(texts))
    load_after_embedding = _load()
    stored = {
        text: np.asarray(v, dtype="<f4").tobytes() for text, v in zip(texts, encoded, strict=True)
    }
    held_out = editions["held_out"].edition
    new_texts = [t for t in texts_to_embed(held_out.buyers, ()) if t not in stored]
    for text, vector in zip(new_texts, embedder.encode(new_texts), strict=True):
        stored[text] = np.asarray(vector, dtype="<f4").tobytes()
    cross = sum(p.cross_lingual for p in development.planted)
    out.write(
        f"## Generated edition: {len(edition.buyers)} buyers, {len(edition.providers)} providers "
        f"(seed {options['seed']}), {len(development.planted)} planted pairs: {cross} "
        f"cross-lingual, {len(development.planted) - cross} same-language. Text model: "
        f"{embedder.model.label}\n\n"
        f"recall@{top} / NDCG@{top} of the planted partner. Seconds: scores of all pairs (the "
        "embedding rows from stored vectors).\n"
    )
    for wording, generated in editions.items():
        vectors = TextVectors(embedder.model, _decoded(stored))
        results = {}
        for label, method in ROWS:
            if method is None:
                scores, seconds = field_only_scores(generated.edition), math.nan
            else:
                table, seconds = _timed(
                    lambda method=method, generated=generated, vectors=vectors: score_pairs(
                        edition=generated.edition, method=method, vectors=vectors
                    )
                )
                scores = table.total
            results[label] = (seconds, _qualities(scores, generated, k=top))
        for side, title in (("buyers", "buyer → provider"), ("providers", "provider → buyer")):
            out.write(f"\n### {wording.replace('_', '-')} wording, {title}\n\n")
            _header(out)
            for label, (seconds, qualities) in results.items():
                shown = "-" if math.isnan(seconds) else f"{seconds:.1f}"
                cells = " | ".join(_cell(qualities[side].get(column)) for column in COLUMNS)
                out.write(f"| {label} | {shown} | {cells} |\n")
        if wording == "held_out":
            _targets(out, results)
        out.flush()
    _timings(
        out,
        edition,
        stored,
        embedder,
        embed_seconds,
        len(texts),
        rss_before,
        top,
        loads=(load_before_embedding, load_after_embedding),
    )
    table = score_pairs(edition=edition, vectors=TextVectors(embedder.model, _decoded(stored)))
    plan = suggest(
        table=table, minimum_per_provider=options["minimum"], min_score=SUGGESTION_MIN_SCORE
    )
    _write_suggestions(out, plan)
    if options.get("no_demo"):
        out.write("\n## Demo edition: skipped (--no-demo)\n")
    else:
        _demo(options, out)
    return 0


def _decoded(stored: dict[str, bytes]) -> dict[str, np.ndarray]:
    return {text: np.frombuffer(blob, dtype="<f4") for text, blob in stored.items()}


def _targets(out: TextIO, results: dict[str, Any]) -> None:
    """The issue's targets, on the held-out wording, for the default method, from each side.

    English-to-English: pairs of an English-writing buyer and an English-writing provider.
    """
    default = results["**combined (default)**"][1]
    hybrid = results["glossary hybrid (previous default)"][1]
    out.write("\nTargets (held-out wording, default method, recall@10):\n")
    for side, title in (("buyers", "buyer → provider"), ("providers", "provider → buyer")):
        cells = default[side]
        out.write(f"\n{title}:\n\n")
        english = cells[("pairs", "en→en")].recall if ("pairs", "en→en") in cells else 0.0
        for language in BUYER_LANGUAGES:
            if ("buyer", language) not in cells or not english:
                continue
            value = cells[("buyer", language)].recall
            out.write(
                f"- buyers writing {language}: {value:.3f} = {value / english:.0%} of "
                f"English-to-English {english:.3f} "
                f"({'met' if value >= 0.9 * english else 'missed'}: at least 90 %)\n"
            )
        cross, same = cells[("pair", "cross")].recall, cells[("pair", "same")].recall
        out.write(
            f"- cross-lingual {cross:.3f} = {cross / same:.0%} of same-language {same:.3f} "
            f"({'met' if cross >= 0.95 * same else 'missed'}: at least 95 %)\n"
        )
        overall, before = cells[("pair", "all")].recall, hybrid[side][("pair", "all")].recall
        out.write(
            f"- overall {overall:.3f} = {overall / before:.2f} x the glossary hybrid's "
            f"{before:.3f} ({'met' if overall >= 1.5 * before else 'missed'}: at least 1.5 x)\n"
        )


def _timings(
    out: TextIO,
    edition: Any,
    stored: dict[str, bytes],
    embedder: Any,
    embed_seconds: float,
    n_texts: int,
    rss_before: float,
    top: int,
    *,
    loads: tuple[str, str],
) -> None:
    def rank_from_storage() -> Any:
        vectors = TextVectors(embedder.model, _decoded(stored))
        table = score_pairs(edition=edition, vectors=vectors)
        return table, recommend(table=table, top=top)

    load_before_ranking = _load()
    (table, lists), rank_seconds = _timed(rank_from_storage)
    changed = replace(edition.providers[0], text=edition.providers[0].text + " 另可提供英文报告。")
    edited = replace(edition, providers=(changed, *edition.providers[1:]))

    def rerank_one_change() -> Any:
        # What saving a profile does: embed the changed text, then re-score only that
        # participant against the stored vectors and rebuild only the lists it affects.
        new_text = changed.text.strip()
        stored[new_text] = np.asarray(embedder.encode([new_text])[0], dtype="<f4").tobytes()
        vectors = TextVectors(embedder.model, _decoded(stored))
        return rerank(
            table, lists=lists, edition=edited, changed=changed.id, top=top, vectors=vectors
        )

    load_before_reranking = _load()
    reranked, rerank_seconds = _timed(rerank_one_change)
    rebuilt = len(reranked.buyers) + len(reranked.providers)
    tracemalloc.start()
    rank_from_storage()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    participants = len(edition.buyers) + len(edition.providers)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write(
        f"\n## Speed and memory (default method, {participants:,} participants, "
        f"{embedder.model.label}, {THREADS} encoding threads)\n\n"
        "| step | seconds | target |\n|---|---|---|\n"
        f"| embed all {n_texts:,} descriptions from scratch "
        f"({n_texts / embed_seconds:.0f} texts/s) | {embed_seconds:.1f} | < 120 |\n"
        f"| rank everyone from stored vectors (scores + top-{top} lists with reasons) "
        f"| {rank_seconds:.2f} | < 5 |\n"
        "| re-rank after one changed profile (embed it, re-score it, rebuild the lists it "
        f"affects: {rebuilt}) | {rerank_seconds:.2f} | < 1 |\n\n"
        f"Peak traced memory of ranking {peak:.0f} MiB; process peak RSS {rss:.0f} MiB "
        f"({rss_before:.0f} MiB before loading and running the model).\n\n"
        f"Machine: {loads[0]} before embedding, {loads[1]} after it; {load_before_ranking} "
        f"before ranking; {load_before_reranking} before re-ranking; {_load()} at the end "
        "(timings on a busy machine are high).\n"
    )
    out.flush()


def _write_suggestions(out: TextIO, plan: Any) -> None:
    out.write(
        f"\nFair suggestions ({plan.status}, min score {SUGGESTION_MIN_SCORE}): {len(plan.pairs)} "
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
        from fairmatch.conference.models import Edition as EditionModel
        from fairmatch.matching.domain.recommendations import (
            analysis_progress,
            engine_input,
            score_edition,
        )

        editions = EditionModel.objects.order_by("-start_date")
        slug = options.get("edition")
        record = editions.filter(slug=slug).first() if slug else editions.first()
    except Exception as error:  # no database, no tables: skip the row with a note
        out.write(f"\n## Demo edition: skipped (database not available: {error})\n")
        return
    if record is None:
        out.write("\n## Demo edition: skipped (no edition)\n")
        return
    data = engine_input(record)
    if not data.edition.buyers or not data.edition.providers:
        out.write("\n## Demo edition: skipped (no qualified negotiators)\n")
        return
    top = options["top"]
    table, seconds = _timed(lambda: score_edition(data))
    lists, list_seconds = _timed(lambda: recommend(table=table, top=top))
    progress = analysis_progress(edition=record)
    same_field = [m.components["field"] for ms in lists.for_buyers.values() for m in ms]
    out.write(
        f"\n## Demo edition {record.slug}: {len(data.edition.buyers)} buyers, "
        f"{len(data.edition.providers)} providers\n\n"
        f"All recommendations from stored vectors {seconds + list_seconds:.2f} s; texts still "
        f"without a vector: {progress.pending} of {progress.total}; "
        f"{sum(same_field) / max(len(same_field), 1):.0%} of buyers' top-{top} in the demand's "
        "field.\n"
    )
    plan = suggest(
        table=table, minimum_per_provider=options["minimum"], min_score=SUGGESTION_MIN_SCORE
    )
    _write_suggestions(out, plan)
