"""The REST API, version 1 (django-ninja): editions, figures and participations here; the
matchmaking, schedule and on-site routers in ``api_matching``, the exhibition's in
``api_exhibition``, the intentions in ``api_outcomes``. Handlers stay thin: find
the principal and the object, ask ``domain.access``, call one domain function, render."""

from django.http import HttpRequest
from ninja import Query
from ninja.openapi.docs import Swagger

from fairmatch.api.domain.access import (
    may_read_participation,
    visible_editions,
)
from fairmatch.api.interfaces import problems
from fairmatch.api.interfaces.auth import SessionPrincipal, TokenAuth
from fairmatch.api.interfaces.paging import PageQuery, page
from fairmatch.api.interfaces.problems import ApiProblem
from fairmatch.api.interfaces.render import edition_out, field_codes, participation_out
from fairmatch.api.interfaces.schemas import (
    STATES,
    EditionOut,
    EditionPage,
    FiguresOut,
    ParticipationOut,
    ParticipationPage,
    Problem,
    RuleResultOut,
    TransitionIn,
)
from fairmatch.api.views import api_exhibition, api_matching, api_outcomes
from fairmatch.api.views.common import (
    FairmatchAPI,
    edition_for,
    organiser_edition,
    principal,
    require_write,
)
from fairmatch.conference.models import Edition
from fairmatch.enterprises.domain import review, workflow
from fairmatch.enterprises.models import Participation, RuleResult
from fairmatch.reports.figures import edition_figures

api = FairmatchAPI(
    title="Fairmatch API",
    version="1",
    description=(
        "Token-authenticated API of Fairmatch. Send `Authorization: Bearer <token>` "
        "(tokens are created on the account page). Errors are application/problem+json."
    ),
    urls_namespace="api",
    auth=[TokenAuth(), SessionPrincipal()],
    docs=Swagger(settings={"persistAuthorization": False}),
)
problems.install(api)

ERRORS = {400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem}


class ParticipationFilters(PageQuery):
    state: STATES | None = None
    role: str | None = None
    country: str | None = None
    field: str | None = None


@api.get("/editions", response={200: EditionPage, **ERRORS}, tags=["editions"], summary="Editions")
def list_editions(request: HttpRequest, paging: Query[PageQuery]) -> dict:
    editions = Edition.objects.all()
    only = visible_editions(principal(request))
    if only is not None:
        editions = editions.filter(pk__in=only)
    return page(editions, cursor=paging.cursor, limit=paging.limit, render=edition_out)


@api.get(
    "/editions/{edition}",
    response={200: EditionOut, **ERRORS},
    tags=["editions"],
    summary="One edition",
)
def get_edition(request: HttpRequest, edition: str) -> dict:
    return edition_out(edition_for(request, edition))


@api.get(
    "/editions/{edition}/figures",
    response={200: FiguresOut, **ERRORS},
    tags=["editions"],
    summary="The edition's figures (organisers)",
)
def get_figures(request: HttpRequest, edition: str) -> dict:
    return edition_figures(organiser_edition(request, edition)).to_json()


def _participations(edition: Edition):  # type: ignore[no-untyped-def]
    """The edition's participations with what a row shows, and nothing more (no JSON of
    reviewed facts, no descriptions). The enterprises' fields are read per page."""
    return (
        Participation.objects.filter(edition=edition)
        .select_related("enterprise")
        .only(
            "id",
            "edition_id",
            "state",
            "is_negotiator",
            "is_exhibitor",
            "rule_outcome",
            "submitted_at",
            "updated_at",
            "enterprise__id",
            "enterprise__name_original",
            "enterprise__name_en",
            "enterprise__country",
            "enterprise__kind",
        )
    )


@api.get(
    "/editions/{edition}/participations",
    response={200: ParticipationPage, **ERRORS},
    tags=["participations"],
    summary="Participations (organisers: all; members: their enterprise's)",
)
def list_participations(request: HttpRequest, edition: str, filters: Query[ParticipationFilters]):  # type: ignore[no-untyped-def]
    edition_obj = edition_for(request, edition)
    who = principal(request)
    rows = _participations(edition_obj)
    if not who.user.is_organiser or not who.reaches(edition_obj):
        if who.user.enterprise_id is None:
            raise ApiProblem(403, "Only organisers and enterprise members may list these.")
        rows = rows.filter(enterprise_id=who.user.enterprise_id)
    if filters.state:
        rows = rows.filter(state=filters.state)
    if filters.role:
        if filters.role not in review.ROLES:
            raise ApiProblem(422, "Unknown role.", field="query.role")
        rows = rows.filter(review.role_condition(filters.role))
    if filters.country:
        rows = rows.filter(enterprise__country=filters.country.upper())
    if filters.field:
        rows = rows.filter(
            pk__in=Participation.objects.filter(review.field_condition(filters.field)).values("pk")
        )
    codes: dict[int, list[str]] = {}
    return page(
        rows,
        cursor=filters.cursor,
        limit=filters.limit,
        before_render=lambda found: codes.update(field_codes({row.enterprise_id for row in found})),
        render=lambda row: participation_out(
            row, edition=edition_obj, fields=codes[row.enterprise_id]
        ),
    )


def _participation(request: HttpRequest, edition: str, pk: int) -> Participation:
    edition_obj = edition_for(request, edition)
    found = _participations(edition_obj).filter(pk=pk).first()
    if found is not None:
        found.edition = edition_obj
    if found is None or not may_read_participation(principal(request), found):
        raise ApiProblem(404, "No such participation.", field="path.pk")
    return found


@api.get(
    "/editions/{edition}/participations/{pk}",
    response={200: ParticipationOut, **ERRORS},
    tags=["participations"],
    summary="One participation",
)
def get_participation(request: HttpRequest, edition: str, pk: int) -> dict:
    found = _participation(request, edition, pk)
    codes = field_codes({found.enterprise_id})[found.enterprise_id]
    return participation_out(found, edition=found.edition, fields=codes)


@api.get(
    "/editions/{edition}/participations/{pk}/rule-results",
    response={200: list[RuleResultOut], **ERRORS},
    tags=["participations"],
    summary="Rule results with their evidence (organisers)",
)
def list_rule_results(request: HttpRequest, edition: str, pk: int) -> list[dict]:
    organiser_edition(request, edition)
    found = _participation(request, edition, pk)
    results = RuleResult.objects.filter(participation=found).select_related("rule")
    return [
        {
            "rule": result.rule.kind,
            "outcome": result.outcome,
            "reason": result.reason if isinstance(result.reason, dict) else {"text": result.reason},
            "evidence": result.evidence if isinstance(result.evidence, dict) else {},
            "evaluated_at": result.evaluated_at,
        }
        for result in results.order_by("pk")
    ]


@api.post(
    "/editions/{edition}/participations/{pk}/transitions",
    response={200: ParticipationOut, 409: Problem, **ERRORS},
    tags=["participations"],
    summary="Move a participation (the workflow's transitions, audited as on the site)",
)
def transition_participation(
    request: HttpRequest, edition: str, pk: int, body: TransitionIn
) -> dict:
    who = require_write(request)
    found = _participation(request, edition, pk)
    try:
        review.decide(participation=found, target=body.target, user=who.user, note=body.note)
    except workflow.TransitionError as error:
        raise ApiProblem(409, str(error), field="body.target") from error
    found = _participation(request, edition, pk)
    codes = field_codes({found.enterprise_id})[found.enterprise_id]
    return participation_out(found, edition=found.edition, fields=codes)


api.add_router("", api_matching.router)
api.add_router("", api_exhibition.router)
api.add_router("", api_outcomes.router)
