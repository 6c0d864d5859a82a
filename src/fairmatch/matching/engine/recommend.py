"""Reciprocal recommendations: the top counterparts of every participant, each way."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from fairmatch.matching.engine.model import Recommendations
from fairmatch.matching.engine.scoring import ScoreTable


def ranked(scores: npt.NDArray[np.float32], *, top: int) -> npt.NDArray[np.intp]:
    """Column indices of each row's ``top`` best scores, best first; ties keep input order."""
    top = min(top, scores.shape[1])
    if top <= 0:
        return np.zeros((scores.shape[0], 0), dtype=np.intp)
    # Rounding first makes near-equal scores (float noise) ties, so the order is stable.
    keys = -np.round(scores.astype(np.float64), 6)
    if top < scores.shape[1] // 4:
        # Only sort the candidates: partition off the top block, then order it.
        cutoff = np.partition(keys, top - 1, axis=1)[:, top - 1 : top]
        result = np.empty((scores.shape[0], top), dtype=np.intp)
        for row in range(scores.shape[0]):
            candidates = np.flatnonzero(keys[row] <= cutoff[row, 0])
            order = np.argsort(keys[row, candidates], kind="stable")
            result[row] = candidates[order][:top]
        return result
    return np.argsort(keys, axis=1, kind="stable")[:, :top]


def recommend(*, table: ScoreTable, top: int = 10, explain: bool = True) -> Recommendations:
    """For each buyer its ``top`` providers, for each provider its ``top`` buyers."""
    edition = table.edition
    for_buyers = {
        buyer.id: tuple(
            table.match(buyer=row, provider=int(column), explain=explain) for column in columns
        )
        for row, (buyer, columns) in enumerate(
            zip(edition.buyers, ranked(table.total, top=top), strict=True)
        )
    }
    for_providers = {
        provider.id: tuple(
            table.match(buyer=int(row), provider=column, explain=explain) for row in rows
        )
        for column, (provider, rows) in enumerate(
            zip(edition.providers, ranked(table.total.T, top=top), strict=True)
        )
    }
    return Recommendations(for_buyers=for_buyers, for_providers=for_providers)
