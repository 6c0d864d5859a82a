"""Matching engine: explainable cross-lingual pair scores, reciprocal recommendations and fair
suggestions for a whole edition. Pure: no Django; typed dataclasses in, typed results out.

Typical use::

    table = score_pairs(edition=edition)            # every buyer x provider pair
    lists = recommend(table=table, top=10)          # top counterparts each way, with reasons
    plan = suggest(table=table, minimum_per_provider=3)  # fair b-matching for everyone
    after = rerank(table, lists=lists, edition=edited, changed="p7")  # one participant changed
"""

from fairmatch.matching.engine.assignment import Assignment, AssignmentError, assign, suggest
from fairmatch.matching.engine.meaning import Embedder, TextVectors
from fairmatch.matching.engine.messages import Notice, Reason
from fairmatch.matching.engine.model import (
    COMPONENTS,
    Buyer,
    Demand,
    Distribution,
    Edition,
    Interest,
    Match,
    Provider,
    Recommendations,
    Suggestions,
    Weights,
    default_weights,
)
from fairmatch.matching.engine.parsing import InputError, edition_from_json
from fairmatch.matching.engine.recommend import recommend
from fairmatch.matching.engine.rerank import (
    NotIncremental,
    Reranked,
    edition_idf,
    positions,
    rerank,
    rescore,
    score_part,
)
from fairmatch.matching.engine.scoring import ScoreTable, score_pairs
from fairmatch.matching.engine.text import DEFAULT_METHOD, METHODS, texts_to_embed

__all__ = [
    "COMPONENTS",
    "DEFAULT_METHOD",
    "METHODS",
    "Assignment",
    "AssignmentError",
    "Buyer",
    "Demand",
    "Distribution",
    "Edition",
    "Embedder",
    "InputError",
    "Interest",
    "Match",
    "NotIncremental",
    "Notice",
    "Provider",
    "Reason",
    "Recommendations",
    "Reranked",
    "ScoreTable",
    "Suggestions",
    "TextVectors",
    "Weights",
    "assign",
    "default_weights",
    "edition_from_json",
    "edition_idf",
    "positions",
    "recommend",
    "rerank",
    "rescore",
    "score_pairs",
    "score_part",
    "suggest",
    "texts_to_embed",
]
