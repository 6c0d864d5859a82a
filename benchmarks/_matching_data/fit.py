"""Fitting the embedding methods' weights on the benchmark's training edition.

Training data: the development wording of an edition generated with ``TRAINING_SEED`` (the
tables are measured on seed 1, and on the held-out wording, which fitting never sees).

1. Language means: the mean vector of each language's texts in the training edition,
   shipped as ``language_means_<model>.npz`` beside the engine.
2. For each share of the language mean taken off (0, 0.25, ..., 1): the cosines' 50th and
   99th percentiles become ``low`` and ``high``, and the component weights are fitted by
   pairwise logistic regression: for each planted pair, the partner against 30 other
   providers (20 of the same field) and the buyer's demand against 30 other demands, the
   difference of their component vectors labelled 1 (and its negation 0), no intercept.
   Negative coefficients become 0; the rest are scaled to sum 1 - 0.07 (interest keeps its
   hand-set weight: the generator shows no interest).
3. Among the shares whose cross-lingual recall@10 is at least 95 % of the same-language
   one on both sides of the training edition, the one with the best mean recall@10
   (buyers' and providers' side) wins; if none is, the best balanced.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression

from benchmarks._matching_data.evaluation import partner_ranks, quality
from benchmarks._matching_data.generator import GeneratedEdition, PlantedPair
from fairmatch.matching.engine.embedders import EmbeddingModel
from fairmatch.matching.engine.meaning import TextVectors, language_means, primary_language
from fairmatch.matching.engine.model import COMPONENTS, INTEREST, MEANING, Weights
from fairmatch.matching.engine.scoring import (
    DemandComponents,
    demand_components,
    weighted_totals,
)

TRAINING_SEED = 101
INTEREST_WEIGHT = 0.07
CENTERING_GRID = (0.0, 0.25, 0.5, 0.75, 1.0)
BALANCED = 0.95
FITTED = tuple(name for name in COMPONENTS if name != INTEREST)
MEANS_FOLDER = Path(__file__).resolve().parents[2] / "src/fairmatch/matching/engine"


@dataclass(frozen=True, slots=True)
class Fit:
    model: EmbeddingModel
    weights: dict[str, Weights]  # by method: "combined", "embedding"
    recall: dict[str, float]  # training recall@10 by method (mean of both sides)
    balance: float  # cross-lingual / same-language recall@10, the smaller side

    @property
    def key(self) -> tuple[bool, float]:
        """Balanced fits (cross-lingual at least 95 % of same-language) first, then recall."""
        return (self.balance >= BALANCED, self.recall["combined"])


def scores(parts: DemandComponents, weights: Weights) -> npt.NDArray[np.float32]:
    """Buyer x provider totals, as ``score_pairs`` sums them (best demand per buyer)."""
    per_demand = weighted_totals(parts, weights)
    totals: npt.NDArray[np.float32] = np.maximum.reduceat(per_demand, parts.first_rows, axis=0)
    return totals


def mean_recall(totals: npt.NDArray[np.float32], planted: Sequence[PlantedPair]) -> float:
    ranks = partner_ranks(totals, planted)
    return (quality(ranks["buyers"], k=10).recall + quality(ranks["providers"], k=10).recall) / 2


def balance(totals: npt.NDArray[np.float32], planted: Sequence[PlantedPair]) -> float:
    """The smaller, over both sides, of cross-lingual recall@10 / same-language recall@10."""
    ranks = partner_ranks(totals, planted)
    ratios = []
    for side in ("buyers", "providers"):
        cross = [r for r, p in zip(ranks[side], planted, strict=True) if p.cross_lingual]
        same = [r for r, p in zip(ranks[side], planted, strict=True) if not p.cross_lingual]
        ratios.append(quality(cross, k=10).recall / max(quality(same, k=10).recall, 1e-9))
    return min(ratios)


def fit_weights(
    parts: DemandComponents, planted: Sequence[PlantedPair], *, use: Sequence[str], seed: int = 0
) -> Weights:
    """Pairwise logistic regression of the components ``use`` (the others get 0)."""
    rng = random.Random(seed)
    field = parts.components["field"]
    differences = []
    for pair in planted:
        row = int(parts.first_rows[pair.buyer]) + pair.demand
        positive = np.array([parts.components[name][row, pair.provider] for name in use])
        same_field = [int(c) for c in np.flatnonzero(field[row] == 1) if c != pair.provider]
        others = rng.sample(range(field.shape[1]), 10)
        for column in rng.sample(same_field, min(20, len(same_field))) + others:
            negative = np.array([parts.components[name][row, column] for name in use])
            differences.append(positive - negative)
        same_rows = [int(r) for r in np.flatnonzero(field[:, pair.provider] == 1) if r != row]
        for other in rng.sample(same_rows, min(20, len(same_rows))) + rng.sample(
            range(field.shape[0]), 10
        ):
            negative = np.array([parts.components[name][other, pair.provider] for name in use])
            differences.append(positive - negative)
    x = np.array(differences)
    model = LogisticRegression(fit_intercept=False, C=1.0, max_iter=1000)
    model.fit(np.vstack([x, -x]), np.r_[np.ones(len(x)), np.zeros(len(x))])
    coefficients = np.clip(model.coef_[0], 0, None)
    share = (1 - INTEREST_WEIGHT) * coefficients / max(coefficients.sum(), 1e-9)
    values = dict.fromkeys(FITTED, 0.0) | {
        name: round(float(v), 3) for name, v in zip(use, share, strict=True)
    }
    return Weights(**values, interest=INTEREST_WEIGHT)


TEXT_SHARES = (0.3, 0.4, 0.5, 0.6)
MEANING_SPLITS = tuple(round(0.1 * step, 1) for step in range(11))


def grid_weights(
    parts: DemandComponents, planted: Sequence[PlantedPair], *, meaning_only: bool = False
) -> Weights:
    """The share of the text components and its split between ``text`` (the glossary) and
    ``meaning``, best on training recall; the structured components keep the proportions of
    the hand-set weights, interest its weight."""
    hand_set = Weights()
    structured = ("field", "kind", "size", "language", "certifications")
    base = sum(getattr(hand_set, name) for name in structured)
    best: tuple[float, Weights] | None = None
    for share in TEXT_SHARES:
        for split in (1.0,) if meaning_only else MEANING_SPLITS:
            rest = 1 - INTEREST_WEIGHT - share
            values = {name: round(getattr(hand_set, name) / base * rest, 3) for name in structured}
            weights = Weights(
                **values,
                text=round(share * (1 - split), 3),
                meaning=round(share * split, 3),
                interest=INTEREST_WEIGHT,
            )
            recall = mean_recall(scores(parts, weights), planted)
            if best is None or recall > best[0]:
                best = (recall, weights)
    assert best is not None
    return best[1]


def write_language_means(
    model: EmbeddingModel, generated: GeneratedEdition, vectors: Mapping[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Mean vector per language of the training edition's texts, written beside the engine."""
    edition = generated.edition
    texts = [(d.text, d.language) for b in edition.buyers for d in b.demands]
    texts += [(p.text, p.language) for p in edition.providers]
    grouped: dict[str, list[np.ndarray]] = {}
    for text, language in texts:
        grouped.setdefault(primary_language(language, text), []).append(vectors[text.strip()])
    means = {
        language: np.mean(rows, axis=0).astype(np.float32) for language, rows in grouped.items()
    }
    np.savez(MEANS_FOLDER / f"language_means_{model.key}.npz", **means)
    language_means.cache_clear()
    return means


def fit(
    model: EmbeddingModel, generated: GeneratedEdition, vectors: Mapping[str, np.ndarray]
) -> Fit:
    """Language means, calibration, centering share and weights of ``model`` (above)."""
    write_language_means(model, generated, vectors)
    best: Fit | None = None
    for centering in CENTERING_GRID:
        trial = replace(model, centering=centering, low=0.0, high=1.0)
        parts = demand_components(
            edition=generated.edition, method="combined", vectors=TextVectors(trial, vectors)
        )
        cosines = parts.components[MEANING]  # with low 0, high 1: the clipped cosine
        low, high = (round(float(v), 3) for v in np.percentile(cosines, [50, 99]))
        calibrated = replace(trial, low=low, high=high)
        parts = demand_components(
            edition=generated.edition, method="combined", vectors=TextVectors(calibrated, vectors)
        )
        weights = {
            "combined": grid_weights(parts, generated.planted),
            "embedding": grid_weights(parts, generated.planted, meaning_only=True),
            "combined, logistic regression": fit_weights(parts, generated.planted, use=FITTED),
        }
        recall = {
            method: mean_recall(scores(parts, w), generated.planted)
            for method, w in weights.items()
        }
        ratio = balance(scores(parts, weights["combined"]), generated.planted)
        print(
            f"  centering {centering}: low {low}, high {high}, recall {recall}, "
            f"balance {ratio:.3f}, {weights}"
        )
        trial_fit = Fit(model=calibrated, weights=weights, recall=recall, balance=ratio)
        if best is None or trial_fit.key > best.key:
            best = trial_fit
    assert best is not None
    return best
