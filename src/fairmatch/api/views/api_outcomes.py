"""API routes of the outcomes: the intentions to cooperate, as the site shows them (the
organiser: all of the edition's; an enterprise: those it is a party to), and the other
party's answers (confirm, dispute) through the same domain functions as the site."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router

from fairmatch.api.domain.access import intention_party_of, is_organiser_of
from fairmatch.api.interfaces.paging import PageQuery, page
from fairmatch.api.interfaces.problems import ApiProblem
from fairmatch.api.interfaces.schemas import (
    INTENTION_STATES,
    ConfirmIn,
    DisputeIn,
    IntentionOut,
    IntentionPage,
    Problem,
)
from fairmatch.api.views.common import edition_for, principal, require_write
from fairmatch.conference.domain.rates import exchange_rates
from fairmatch.conference.models import Edition
from fairmatch.conference.money import to_usd
from fairmatch.enterprises.models import Participation
from fairmatch.outcomes.domain import intentions as domain
from fairmatch.outcomes.models import Intention, IntentionState

router = Router()
ERRORS = {400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem}


class IntentionQuery(PageQuery):
    state: INTENTION_STATES | None = None
    kind: str | None = None
    counts: bool | None = None


def _party_out(participation: Participation) -> dict[str, Any]:
    enterprise = participation.enterprise
    return {
        "participation": participation.pk,
        "name_original": enterprise.name_original,
        "name_en": enterprise.name_en,
        "country": str(enterprise.country),
    }


def intention_out(intention: Intention, rates: dict[str, Any]) -> dict[str, Any]:
    usd = to_usd(intention.amount, intention.currency, rates)
    return {
        "id": intention.pk,
        "recorder": _party_out(intention.recorder),
        "counterpart": _party_out(intention.counterpart),
        "source": intention.source,
        "form": intention.form,
        "kind": intention.kind.code,
        "field": intention.field.code,
        "amount": f"{intention.amount:.2f}",
        "currency": intention.currency,
        "amount_usd": None if usd is None else f"{usd:.2f}",
        "state": intention.state,
        "counts": intention.counts,
        "expected_start": intention.expected_start,
        "recorded_at": intention.recorded_at,
        "answered_at": intention.answered_at,
        "dispute_reason": intention.dispute_reason,
    }


def _party(request: HttpRequest, edition: str) -> tuple[Edition, Participation]:
    edition_obj = edition_for(request, edition)
    party = intention_party_of(principal(request), edition_obj)
    if party is None:
        raise ApiProblem(403, "Only the edition's participants answer intentions.")
    return edition_obj, party


@router.get(
    "/editions/{edition}/intentions",
    response={200: IntentionPage, **ERRORS},
    tags=["outcomes"],
    summary="Intentions (organisers: all of the edition; participants: their own)",
)
def list_intentions(request: HttpRequest, edition: str, query: Query[IntentionQuery]) -> dict:
    edition_obj = edition_for(request, edition)
    who = principal(request)
    if is_organiser_of(who, edition_obj):
        rows = Intention.objects.filter(edition=edition_obj).select_related(
            "recorder__enterprise", "counterpart__enterprise", "kind", "field"
        )
    else:
        party = intention_party_of(who, edition_obj)
        if party is None:
            raise ApiProblem(403, "Only organisers and the edition's participants.")
        rows = domain.intentions_of(party)
    if query.state:
        rows = rows.filter(state=query.state)
    if query.kind:
        rows = rows.filter(kind__code=query.kind)
    if query.counts is True:
        rows = rows.filter(state=IntentionState.CONFIRMED)
    elif query.counts is False:
        rows = rows.exclude(state=IntentionState.CONFIRMED)
    rates = exchange_rates(edition_obj)
    return page(
        rows, cursor=query.cursor, limit=query.limit, render=lambda row: intention_out(row, rates)
    )


def _answer(request: HttpRequest, edition: str, pk: int, action: str, reason: str) -> dict:
    who = require_write(request)
    edition_obj, party = _party(request, edition)
    found = domain.intentions_of(party).filter(pk=pk).first()
    if found is None:
        raise ApiProblem(404, "No such intention of your enterprise.", field="path.pk")
    if action == "dispute" and not reason.strip():
        raise ApiProblem(422, "Say what is wrong with the intention.", field="body.reason")
    try:
        if action == "confirm":
            domain.confirm_intention(intention=found, participation=party, user=who.user)
        else:
            domain.dispute_intention(
                intention=found, participation=party, user=who.user, reason=reason
            )
    except domain.IntentionError as error:
        raise ApiProblem(409, str(error)) from error
    return intention_out(found, exchange_rates(edition_obj))


@router.post(
    "/editions/{edition}/intentions/{pk}/confirm",
    response={200: IntentionOut, 409: Problem, **ERRORS},
    tags=["outcomes"],
    summary="Confirm an intention the other party recorded: from then on it counts",
)
def confirm_intention(request: HttpRequest, edition: str, pk: int, body: ConfirmIn) -> dict:
    return _answer(request, edition, pk, "confirm", "")


@router.post(
    "/editions/{edition}/intentions/{pk}/dispute",
    response={200: IntentionOut, 409: Problem, **ERRORS},
    tags=["outcomes"],
    summary="Dispute an intention the other party recorded, saying why: it never counts",
)
def dispute_intention(request: HttpRequest, edition: str, pk: int, body: DisputeIn) -> dict:
    return _answer(request, edition, pk, "dispute", body.reason)
