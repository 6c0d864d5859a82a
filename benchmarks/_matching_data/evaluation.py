"""Quality of a ranking against planted partners: recall@k and NDCG@k, each way.

Each planted pair is one query with one relevant answer: from the buyer's side, where does
the partner rank among all providers; from the provider's side, where does the buyer rank
among all buyers. Ties are broken by input order, as the recommendations do. Recall@k is
the share of pairs ranked within k; NDCG@k averages 1/log2(rank + 1) over pairs (0 beyond
k), which for a single relevant answer is the normalised DCG.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from fairmatch.matching.engine.model import Edition


class Pair(Protocol):
    @property
    def buyer(self) -> int: ...
    @property
    def provider(self) -> int: ...


PairT = TypeVar("PairT", bound=Pair)


@dataclass(frozen=True, slots=True)
class Quality:
    pairs: int
    recall: float
    ndcg: float


def rank_of(row: npt.NDArray[np.float32], column: int) -> int:
    """1-based rank of ``row[column]`` when the row is sorted best first, ties by position."""
    keys = np.round(row.astype(np.float64), 6)
    value = keys[column]
    return 1 + int((keys > value).sum()) + int((keys[:column] == value).sum())


def quality(ranks: Sequence[int], *, k: int) -> Quality:
    """Recall@k and NDCG@k of pairs whose partner ranks are ``ranks``."""
    if not ranks:
        return Quality(pairs=0, recall=math.nan, ndcg=math.nan)
    hits = [rank for rank in ranks if rank <= k]
    return Quality(
        pairs=len(ranks),
        recall=len(hits) / len(ranks),
        ndcg=sum(1 / math.log2(rank + 1) for rank in hits) / len(ranks),
    )


def partner_ranks(scores: npt.NDArray[np.float32], planted: Sequence[Pair]) -> dict[str, list[int]]:
    """The partner's rank of every planted pair, from each side ("buyers", "providers")."""
    return {
        "buyers": [rank_of(scores[pair.buyer], pair.provider) for pair in planted],
        "providers": [rank_of(scores[:, pair.provider], pair.buyer) for pair in planted],
    }


def grouped(
    ranks: Sequence[int], planted: Sequence[PairT], key: Callable[[PairT], str], *, k: int
) -> dict[str, Quality]:
    """Quality of the pairs grouped by ``key`` (plus "all")."""
    groups: dict[str, list[int]] = {"all": list(ranks)}
    for rank, pair in zip(ranks, planted, strict=True):
        groups.setdefault(key(pair), []).append(rank)
    return {name: quality(values, k=k) for name, values in groups.items()}


def field_only_scores(edition: Edition) -> npt.NDArray[np.float32]:
    """The baseline: 1 where the buyer has a demand in one of the provider's fields."""
    scores = np.zeros((len(edition.buyers), len(edition.providers)), dtype=np.float32)
    for row, buyer in enumerate(edition.buyers):
        fields = {demand.field for demand in buyer.demands} or set(buyer.fields)
        for column, provider in enumerate(edition.providers):
            if fields & provider.fields:
                scores[row, column] = 1
    return scores
