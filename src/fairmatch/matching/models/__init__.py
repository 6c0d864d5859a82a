from fairmatch.matching.models.embeddings import TextEmbedding
from fairmatch.matching.models.policy import MatchingPolicy, MeetingMode
from fairmatch.matching.models.recommendations import Recommendation, Suggestion, SuggestionRun
from fairmatch.matching.models.requests import MeetingRequest, RequestState, Wish, WishLevel

__all__ = [
    "MatchingPolicy",
    "MeetingMode",
    "MeetingRequest",
    "Recommendation",
    "RequestState",
    "Suggestion",
    "SuggestionRun",
    "TextEmbedding",
    "Wish",
    "WishLevel",
]
