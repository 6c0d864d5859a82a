"""The public exhibitor directory: anyone may read it (only published facts are shown)."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from fairmatch.conference.models import Edition
from fairmatch.exhibition.domain.directory import hall_choices, latest_release, search_exhibitors
from fairmatch.exhibition.interfaces.directory import ExhibitorFilterForm, booth_url, plan_url

PAGE_SIZE = 30


def directory(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    halls = hall_choices(edition_obj, latest_release(edition_obj))
    form = ExhibitorFilterForm(request.GET or None, halls=halls)
    filters = form.filters()
    release, rows = search_exhibitors(edition=edition_obj, filters=filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    plan = plan_url(edition_obj) if release is not None else None
    for row in page.object_list:
        row.booth_url = booth_url(plan, hall_code=row.hall_code, booth_code=row.booth_code)  # type: ignore[attr-defined]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "exhibition/directory.html",
        {
            "edition": edition_obj,
            "form": form,
            "release": release,
            "plan_url": plan,
            "rows": page.object_list,
            "page": page,
            "query": query.urlencode(),
            "total": len(rows),
            "by_relevance": bool(filters.text.strip()),
            "filtered": any(
                value for name, value in request.GET.items() if name not in ("q", "page")
            ),
        },
    )
