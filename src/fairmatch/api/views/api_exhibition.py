"""API routes of the exhibition: the published floor plan's booths and the exhibitors, as
the public exhibitor directory lists them (published facts only: any caller that reaches
the edition may read them)."""

from django.http import HttpRequest
from ninja import Query, Router

from fairmatch.api.interfaces.paging import PageQuery, page
from fairmatch.api.interfaces.render import enterprise_out
from fairmatch.api.interfaces.schemas import BoothPage, ExhibitorPage, Problem
from fairmatch.api.views.common import edition_for
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.domain.directory import (
    ExhibitorFilters,
    latest_release,
    search_exhibitors,
)
from fairmatch.exhibition.models import PlanReleaseEntry

router = Router()
ERRORS = {400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem}


class BoothQuery(PageQuery):
    hall: str | None = None


class ExhibitorQuery(PageQuery):
    q: str | None = None
    field: str | None = None
    service: str | None = None
    country: str | None = None
    hall: str | None = None


@router.get(
    "/editions/{edition}/booths",
    response={200: BoothPage, **ERRORS},
    tags=["exhibition"],
    summary="The booths of the latest published floor plan (free, taken and blocked)",
)
def list_booths(request: HttpRequest, edition: str, query: Query[BoothQuery]) -> dict:
    release = latest_release(edition_for(request, edition))
    entries = PlanReleaseEntry.objects.filter(release=release)
    if query.hall:
        entries = entries.filter(hall_code=query.hall)

    def render(entry: PlanReleaseEntry) -> dict:
        x, y, width, depth = (float(value) for value in entry.geometry)
        return {
            "id": entry.pk,
            "hall": entry.hall_code,
            "booth": entry.booth_code,
            "x": x,
            "y": y,
            "width": width,
            "depth": depth,
            "area": round(width * depth, 2),
            "state": entry.state,
            "zone": entry.zone_name,
            "exhibitor": entry.participation_id,
        }

    found = page(entries, cursor=query.cursor, limit=query.limit, render=render)
    return {"release": release.number if release else None, **found}


@router.get(
    "/editions/{edition}/exhibitors",
    response={200: ExhibitorPage, **ERRORS},
    tags=["exhibition"],
    summary="The exhibitors, as the public exhibitor directory lists them",
)
def list_exhibitors(request: HttpRequest, edition: str, query: Query[ExhibitorQuery]) -> dict:
    edition_obj = edition_for(request, edition)
    filters = ExhibitorFilters(
        text=query.q or "",
        field=query.field or "",
        service=query.service or "",
        country=(query.country or "").upper(),
        hall=query.hall or "",
    )
    release, rows = search_exhibitors(edition=edition_obj, filters=filters)
    by_id = {row.participation.pk: row for row in rows}

    def render(participation: Participation) -> dict:
        row = by_id[participation.pk]
        application = row.application
        return {
            "participation": participation.pk,
            "enterprise": enterprise_out(row.enterprise),
            "products": application.products if application else "",
            "fields": sorted(row.field_codes),
            "meetings_at_booth": bool(application and application.meetings_at_booth),
            "hall": row.hall_code or None,
            "booth": row.booth_code or None,
        }

    found = page(
        Participation.objects.filter(pk__in=list(by_id)),
        cursor=query.cursor,
        limit=query.limit,
        render=render,
    )
    return {"release": release.number if release else None, **found}
