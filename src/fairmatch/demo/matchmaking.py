"""The demo's matchmaking: recommendations, fair suggestions, and the requests they led to.

Providers ask the buyers the organiser suggested to them; most buyers accept, some
decline with a reason, some have not answered yet, so every page has something to show.
"""

import random
import time
from dataclasses import dataclass

from django.db import transaction
from django.test.utils import override_settings

from fairmatch.accounts.models import User
from fairmatch.conference.models import Edition
from fairmatch.demo.embeddings import ShippedEmbedder
from fairmatch.demo.embeddings import shipped_vectors as shipped
from fairmatch.demo.generator import QUIET_SETTINGS, without_mail
from fairmatch.matching.domain import requests
from fairmatch.matching.domain.embeddings import compute_edition_embeddings
from fairmatch.matching.domain.recommendations import generate_suggestions, refresh_recommendations
from fairmatch.matching.models import RequestState

MINIMUM_SUGGESTIONS_PER_PROVIDER = 3
ACCEPT_SHARE = 0.8
DECLINE_SHARE = 0.08
MESSAGES = (
    "贵方的需求与我们的核心业务高度契合，期待在洽谈会上当面交流。",
    "We have delivered similar projects for clients in your country and would like to meet.",
    "我们拥有相关领域的成熟团队和交付经验，希望与贵方深入洽谈合作。",
)
DECLINE_REASONS = (
    "We already work with a provider for this project.",
    "The scope does not fit our plans this year.",
)


@dataclass(frozen=True)
class MatchmakingResult:
    recommendations: int
    suggestions: int
    accepted: int
    declined: int
    pending: int
    seconds: float
    embedded: int = 0
    embedding_seconds: float = 0.0


def build_matchmaking(
    *, edition: Edition, organiser: User, seed: int, shipped_vectors: bool = True
) -> MatchmakingResult:
    """Embed the descriptions (the default text model, from the shipped vectors where they
    hold the text), compute recommendations and suggestions, then play the requests that
    followed."""
    started = time.perf_counter()
    rng = random.Random(seed)
    embedder = ShippedEmbedder(shipped() if shipped_vectors else {})
    compute_edition_embeddings(edition=edition, embedder=embedder)
    embedded = embedder.encoded
    embedding_seconds = time.perf_counter() - started
    with override_settings(**QUIET_SETTINGS), without_mail(), transaction.atomic():
        stored = refresh_recommendations(edition=edition)
        run = generate_suggestions(
            edition=edition,
            minimum_per_provider=MINIMUM_SUGGESTIONS_PER_PROVIDER,
            actor=organiser,
        )
        counts = {RequestState.ACCEPTED: 0, RequestState.DECLINED: 0, RequestState.PENDING: 0}
        suggestions = run.suggestions.select_related(
            "buyer__enterprise", "buyer__edition", "provider__enterprise", "provider__edition"
        ).order_by("pk")
        for suggestion in suggestions:
            provider_user = suggestion.provider.enterprise.members.first()
            try:
                request = requests.send_request(
                    requester=suggestion.provider,
                    recipient=suggestion.buyer,
                    user=provider_user,
                    demand=suggestion.buyer.demands.first(),
                    message=rng.choice(MESSAGES),
                    priority=rng.choice((1, 2, 2, 3)),
                )
            except requests.RequestError:
                continue
            draw = rng.random()
            if draw < ACCEPT_SHARE:
                requests.accept_request(request=request, user=None)
            elif draw < ACCEPT_SHARE + DECLINE_SHARE:
                requests.decline_request(
                    request=request, user=None, reason=rng.choice(DECLINE_REASONS)
                )
            request.refresh_from_db(fields=["state"])
            counts[RequestState(request.state)] += 1
        stored = refresh_recommendations(edition=edition)  # interest shown now counts
    return MatchmakingResult(
        recommendations=stored,
        suggestions=run.suggestions.count(),
        accepted=counts[RequestState.ACCEPTED],
        declined=counts[RequestState.DECLINED],
        pending=counts[RequestState.PENDING],
        seconds=time.perf_counter() - started,
        embedded=embedded,
        embedding_seconds=embedding_seconds,
    )
