"""Matching engine: explainable cross-lingual pair scores, reciprocal recommendations and fair
suggestions for a whole edition. Pure: no Django; typed dataclasses in, typed results out.

Typical use::

    table = score_pairs(edition=edition)            # every buyer x provider pair
    lists = recommend(table=table, top=10)          # top counterparts each way, with reasons
    plan = suggest(table=table, minimum_per_provider=3)  # fair b-matching for everyone
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
    "Notice",
    "Provider",
    "Reason",
    "Recommendations",
    "ScoreTable",
    "Suggestions",
    "TextVectors",
    "Weights",
    "assign",
    "default_weights",
    "edition_from_json",
    "recommend",
    "score_pairs",
    "suggest",
    "texts_to_embed",
]
