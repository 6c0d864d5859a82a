"""``fairmatch match``: the matching engine on plain data, for scripts and evaluation.

- ``fairmatch match rank INPUT.json [--top K] [--json] [--method M]``: for each buyer its
  top K providers and for each provider its top K buyers, with score, components and
  reasons. ``INPUT.json`` may be ``-`` for standard input; docs/matching.md has the format.
- ``fairmatch match suggest INPUT.json [--minimum N] [--json]``: the fair suggestions for
  everyone at once, with the objective and the distributions before and after.
- ``fairmatch match embed [--edition SLUG]``: compute the missing and stale stored vectors of
  an edition's descriptions (all editions without ``--edition``).

Both ranking commands use the default text model (shipped in a package, CPU only) unless
``--method`` says otherwise; notices (texts cut to 5,000 characters) go to standard error.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from fairmatch.core.interfaces import arguments
from fairmatch.matching.engine import (
    DEFAULT_METHOD,
    METHODS,
    Edition,
    InputError,
    Match,
    ScoreTable,
    edition_from_json,
    recommend,
    score_pairs,
    suggest,
)
from fairmatch.matching.engine.embedders import (
    DEFAULT_MODEL,
    MODELS,
    EmbedderUnavailable,
    load_embedder,
)
from fairmatch.matching.engine.text import MEANING_METHODS


def _read_input(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: cannot read: {error}") from error
    try:
        document = json.loads(text)
        # A lone surrogate ("\\ud800") loads, but could not be printed back.
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    except RecursionError as error:
        raise CommandError(f"{path}: not valid JSON (nested too deeply)") from error
    except UnicodeEncodeError as error:
        raise CommandError(f"{path}: not valid JSON (an unpaired surrogate escape)") from error
    except ValueError as error:  # an integer of more than 4,300 digits
        raise CommandError(f"{path}: not valid JSON (a number is too long)") from error
    return document


def _load(path: str) -> Edition:
    try:
        return edition_from_json(_read_input(path))
    except InputError as error:
        raise CommandError(str(error)) from error


def _match_json(match: Match, *, counterpart: str) -> dict[str, Any]:
    return {
        counterpart: match.provider if counterpart == "provider" else match.buyer,
        "score": match.score,
        "components": match.components,
        "demand": match.demand,
        "reasons": [reason.to_json() for reason in match.reasons],
    }


def _components_line(match: Match) -> str:
    return " ".join(f"{name}={value:.2f}" for name, value in match.components.items())


class Command(BaseCommand):
    help = "Rank counterparts or make fair suggestions from a JSON file of buyers and providers."

    def add_arguments(self, parser: ArgumentParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        rank = subcommands.add_parser("rank", help="top K counterparts each way")
        rank.add_argument("input", help="JSON file of buyers and providers ('-': stdin)")
        rank.add_argument(
            "--top", type=arguments.positive_int, default=10, help="counterparts per participant"
        )
        suggestions = subcommands.add_parser("suggest", help="fair suggestions for everyone")
        suggestions.add_argument("input", help="JSON file of buyers and providers ('-': stdin)")
        suggestions.add_argument(
            "--minimum",
            type=arguments.non_negative_int,
            default=3,
            help="suggestions every provider should get",
        )
        suggestions.add_argument(
            "--min-score",
            type=arguments.fraction,
            default=0.3,
            help="pairs scoring less are never suggested (0 to 1)",
        )
        for sub in (rank, suggestions):
            sub.add_argument("--json", action="store_true", help="print one JSON object")
            sub.add_argument(
                "--method", choices=METHODS, default=DEFAULT_METHOD, help="text similarity"
            )
            sub.add_argument(
                "--embedder",
                choices=sorted(MODELS),
                default=DEFAULT_MODEL,
                help="text model of the embedding methods",
            )
        embed = subcommands.add_parser("embed", help="compute stored vectors of descriptions")
        embed.add_argument("--edition", help="edition slug (default: every edition)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "embed":
            self.embed(options)
            return
        edition = _load(options["input"])
        embedder = None
        if options["method"] in MEANING_METHODS:
            try:
                embedder = load_embedder(options["embedder"])
            except EmbedderUnavailable as error:
                raise CommandError(str(error)) from error
        table = score_pairs(edition=edition, method=options["method"], embedder=embedder)
        for notice in table.notices:
            self.stderr.write(f"notice: {notice.render()}\n")
        if options["subcommand"] == "rank":
            self.rank(table, options)
        else:
            self.suggest(table, options)

    def rank(self, table: ScoreTable, options: dict[str, Any]) -> None:
        lists = recommend(table=table, top=options["top"])
        if options["json"]:
            document = {
                "buyers": {
                    buyer: [_match_json(m, counterpart="provider") for m in matches]
                    for buyer, matches in lists.for_buyers.items()
                },
                "providers": {
                    provider: [_match_json(m, counterpart="buyer") for m in matches]
                    for provider, matches in lists.for_providers.items()
                },
                "notices": [notice.to_json() for notice in table.notices],
            }
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1))
            return
        for title, side, other in (
            ("Providers for each buyer", lists.for_buyers, "provider"),
            ("Buyers for each provider", lists.for_providers, "buyer"),
        ):
            self.stdout.write(f"{title}\n")
            for participant, matches in side.items():
                self.stdout.write(f"{participant}\n")
                for position, match in enumerate(matches, start=1):
                    name = match.provider if other == "provider" else match.buyer
                    reasons = "; ".join(reason.render() for reason in match.reasons)
                    self.stdout.write(
                        f"  {position:>2}. {name}  {match.score:.3f}  {_components_line(match)}\n"
                        f"      {reasons}\n"
                    )

    def embed(self, options: dict[str, Any]) -> None:
        from fairmatch.conference.models import Edition as EditionModel
        from fairmatch.matching.domain.embeddings import compute_edition_embeddings

        editions = EditionModel.objects.order_by("pk")
        if options["edition"]:
            editions = editions.filter(slug=options["edition"])
            if not editions.exists():
                raise CommandError(f"--edition: no edition {options['edition']!r}")
        for record in editions:
            computed = compute_edition_embeddings(edition=record)
            self.stdout.write(f"{record.slug}: {computed} vectors computed\n")

    def suggest(self, table: ScoreTable, options: dict[str, Any]) -> None:
        plan = suggest(
            table=table, minimum_per_provider=options["minimum"], min_score=options["min_score"]
        )
        if options["json"]:
            document = {
                "objective": plan.objective,
                "before_objective": plan.before_objective,
                "status": plan.status,
                "minimum_per_provider": plan.minimum_per_provider,
                "providers_below_minimum": plan.providers_below_minimum,
                "before": {side: asdict(d) for side, d in plan.before.items()},
                "after": {side: asdict(d) for side, d in plan.after.items()},
                "pairs": [
                    {"buyer": m.buyer, "provider": m.provider, "score": m.score} for m in plan.pairs
                ],
            }
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1))
            return
        self.stdout.write(
            f"{len(plan.pairs)} suggestions, total score {plan.objective:.2f} ({plan.status}); "
            f"{plan.providers_below_minimum} providers below the minimum of "
            f"{plan.minimum_per_provider}\n"
        )
        for moment, distributions in (("before", plan.before), ("after", plan.after)):
            for side, d in distributions.items():
                self.stdout.write(
                    f"  {moment:<6} {side:<9} min {d.minimum}  median {d.median:g}  "
                    f"max {d.maximum}  none {d.without_any}  at capacity {d.at_capacity}\n"
                )
        for m in plan.pairs:
            self.stdout.write(f"  {m.buyer} - {m.provider}  {m.score:.3f}\n")
