"""API routes of matchmaking (directory, recommendations, meeting requests), the schedule
(published schedule, one's agenda) and the event day (check-ins)."""

from django.db.models import Q
from django.http import HttpRequest
from ninja import Query, Router, Status

from fairmatch.api.domain.access import (
    agenda_participation_of,
    is_organiser_of,
    listed_participation_of,
    may_see_directory_of,
)
from fairmatch.api.interfaces.paging import PageQuery, page
from fairmatch.api.interfaces.problems import ApiProblem
from fairmatch.api.interfaces.render import enterprise_out, meeting_request_out
from fairmatch.api.interfaces.schemas import (
    AgendaOut,
    AnswerIn,
    CheckInPage,
    DirectoryPage,
    MeetingRequestIn,
    MeetingRequestOut,
    MeetingRequestPage,
    Problem,
    RecommendationOut,
    SchedulePage,
)
from fairmatch.api.views.common import edition_for, organiser_edition, principal, require_write
from fairmatch.enterprises.models import Demand
from fairmatch.matching.domain import requests as meeting_requests
from fairmatch.matching.domain.directory import LISTED_STATES, listed_participations
from fairmatch.matching.models import MeetingRequest, Recommendation
from fairmatch.onsite.models import CheckIn
from fairmatch.scheduling.domain.agendas import agenda_for, table_label
from fairmatch.scheduling.domain.releases import latest_release
from fairmatch.scheduling.models import ReleaseEntry

router = Router()
ERRORS = {400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem}


class DirectoryQuery(PageQuery):
    country: str | None = None
    field: str | None = None


class RequestQuery(PageQuery):
    state: str | None = None


@router.get(
    "/editions/{edition}/directory",
    response={200: DirectoryPage, **ERRORS},
    tags=["matchmaking"],
    summary="The directory, as the caller may see it",
)
def list_directory(request: HttpRequest, edition: str, query: Query[DirectoryQuery]) -> dict:
    edition_obj = edition_for(request, edition)
    who = principal(request)
    if not may_see_directory_of(who, edition_obj):
        raise ApiProblem(403, "Only organisers and listed participants see the directory.")
    rows = listed_participations(edition_obj).prefetch_related("enterprise__fields")
    viewer = listed_participation_of(who, edition_obj)
    if viewer is not None:
        rows = rows.exclude(pk=viewer.pk)
    if query.country:
        rows = rows.filter(enterprise__country=query.country.upper())
    if query.field:
        rows = rows.filter(enterprise__fields__code=query.field).distinct()
    return page(
        rows,
        cursor=query.cursor,
        limit=query.limit,
        render=lambda row: {
            "participation": row.pk,
            "enterprise": enterprise_out(row.enterprise),
            "roles": list(row.roles),
        },
    )


def _viewer(request: HttpRequest, edition: str):  # type: ignore[no-untyped-def]
    edition_obj = edition_for(request, edition)
    viewer = listed_participation_of(principal(request), edition_obj)
    if viewer is None:
        raise ApiProblem(403, "Only qualified or confirmed participants of the edition.")
    return edition_obj, viewer


@router.get(
    "/editions/{edition}/recommendations",
    response={200: list[RecommendationOut], **ERRORS},
    tags=["matchmaking"],
    summary="The caller's recommended counterparts",
)
def list_recommendations(request: HttpRequest, edition: str) -> list[dict]:
    _edition, viewer = _viewer(request, edition)
    rows = (
        Recommendation.objects.filter(participation=viewer, counterpart__state__in=LISTED_STATES)
        .select_related("counterpart__enterprise")
        .order_by("rank", "pk")
    )
    return [
        {
            "counterpart": row.counterpart_id,
            "name_en": row.counterpart.enterprise.name_en,
            "rank": row.rank,
            "score": row.score,
            "components": {key: float(value) for key, value in (row.components or {}).items()},
        }
        for row in rows
    ]


@router.get(
    "/editions/{edition}/meeting-requests",
    response={200: MeetingRequestPage, **ERRORS},
    tags=["matchmaking"],
    summary="Meeting requests (participants: sent and received; organisers: all)",
)
def list_meeting_requests(request: HttpRequest, edition: str, query: Query[RequestQuery]) -> dict:
    edition_obj = edition_for(request, edition)
    who = principal(request)
    rows = MeetingRequest.objects.filter(edition=edition_obj)
    if not is_organiser_of(who, edition_obj):
        viewer = listed_participation_of(who, edition_obj)
        if viewer is None:
            raise ApiProblem(403, "Only organisers and listed participants.")
        rows = rows.filter(Q(requester=viewer) | Q(recipient=viewer))
    if query.state:
        rows = rows.filter(state=query.state)
    return page(rows, cursor=query.cursor, limit=query.limit, render=meeting_request_out)


@router.post(
    "/editions/{edition}/meeting-requests",
    response={201: MeetingRequestOut, 409: Problem, **ERRORS},
    tags=["matchmaking"],
    summary="Send a meeting request",
)
def send_meeting_request(request: HttpRequest, edition: str, body: MeetingRequestIn):  # type: ignore[no-untyped-def]
    who = require_write(request)
    edition_obj, viewer = _viewer(request, edition)
    recipient = listed_participations(edition_obj).filter(pk=body.recipient).first()
    if recipient is None or recipient.pk == viewer.pk:
        raise ApiProblem(404, "No such counterpart in the directory.", field="body.recipient")
    demand = None
    if body.demand is not None:
        demand = Demand.objects.filter(
            pk=body.demand, participation__in=(viewer, recipient)
        ).first()
        if demand is None:
            raise ApiProblem(404, "No such demand of either enterprise.", field="body.demand")
    try:
        sent = meeting_requests.send_request(
            requester=viewer,
            recipient=recipient,
            user=who.user,
            demand=demand,
            message=body.message,
            priority=body.priority,
        )
    except meeting_requests.RequestError as error:
        raise ApiProblem(409, str(error)) from error
    return Status(201, meeting_request_out(sent))


def _answer(request: HttpRequest, edition: str, pk: int, action: str, reason: str) -> dict:
    who = require_write(request)
    _edition, viewer = _viewer(request, edition)
    found = MeetingRequest.objects.filter(recipient=viewer, pk=pk).first()
    if found is None:
        raise ApiProblem(404, "No such request addressed to you.", field="path.pk")
    answer = {
        "accept": meeting_requests.accept_request,
        "decline": meeting_requests.decline_request,
    }[action]
    try:
        answered = answer(request=found, user=who.user, reason=reason)
    except meeting_requests.RequestError as error:
        raise ApiProblem(409, str(error)) from error
    return meeting_request_out(answered)


@router.post(
    "/editions/{edition}/meeting-requests/{pk}/accept",
    response={200: MeetingRequestOut, 409: Problem, **ERRORS},
    tags=["matchmaking"],
    summary="Accept a request addressed to the caller",
)
def accept_meeting_request(request: HttpRequest, edition: str, pk: int, body: AnswerIn) -> dict:
    return _answer(request, edition, pk, "accept", body.reason)


@router.post(
    "/editions/{edition}/meeting-requests/{pk}/decline",
    response={200: MeetingRequestOut, 409: Problem, **ERRORS},
    tags=["matchmaking"],
    summary="Decline a request addressed to the caller (a reason is required)",
)
def decline_meeting_request(request: HttpRequest, edition: str, pk: int, body: AnswerIn) -> dict:
    return _answer(request, edition, pk, "decline", body.reason)


@router.get(
    "/editions/{edition}/schedule",
    response={200: SchedulePage, **ERRORS},
    tags=["schedule"],
    summary="The published schedule (organisers)",
)
def get_schedule(request: HttpRequest, edition: str, query: Query[PageQuery]) -> dict:
    edition_obj = organiser_edition(request, edition)
    release = latest_release(edition_obj)
    entries = (
        ReleaseEntry.objects.filter(release=release) if release else ReleaseEntry.objects.none()
    )
    found = page(
        entries,
        cursor=query.cursor,
        limit=query.limit,
        render=lambda entry: {
            "meeting": entry.meeting_id,
            "starts_at": entry.starts_at,
            "ends_at": entry.ends_at,
            "table_number": entry.table_number,
            "table_zone": entry.table_zone,
            "first": entry.first_id,
            "second": entry.second_id,
        },
    )
    return {"release": release.number if release else None, **found}


@router.get(
    "/editions/{edition}/agenda",
    response={200: AgendaOut, **ERRORS},
    tags=["schedule"],
    summary="The caller's agenda in the published schedule",
)
def get_agenda(request: HttpRequest, edition: str) -> dict:
    edition_obj = edition_for(request, edition)
    participation = agenda_participation_of(principal(request), edition_obj)
    if participation is None:
        raise ApiProblem(403, "Only the edition's participants have an agenda.")
    agenda = agenda_for(participation=participation)
    return {
        "release": agenda.release.number if agenda.release else None,
        "items": [
            {
                "meeting": item.meeting_id,
                "starts_at": item.starts_at,
                "ends_at": item.ends_at,
                "table": table_label(item.table_number, item.table_zone),
                "counterpart_name_original": item.counterpart_name_original,
                "counterpart_name_en": item.counterpart_name_en,
                "demand": item.demand,
                "interpreter": item.interpreter,
            }
            for item in agenda.items
        ],
    }


@router.get(
    "/editions/{edition}/check-ins",
    response={200: CheckInPage, **ERRORS},
    tags=["event day"],
    summary="Check-ins of the edition's delegates (organisers)",
)
def list_check_ins(request: HttpRequest, edition: str, query: Query[PageQuery]) -> dict:
    edition_obj = organiser_edition(request, edition)
    rows = CheckIn.objects.filter(
        badge__edition=edition_obj, badge__delegate__isnull=False
    ).select_related("badge__delegate")
    return page(
        rows,
        cursor=query.cursor,
        limit=query.limit,
        render=lambda row: {
            "id": row.pk,
            "participation": row.badge.delegate.participation_id,
            "delegate": row.badge.delegate.full_name,
            "at": row.at,
            "method": row.method,
        },
    )
