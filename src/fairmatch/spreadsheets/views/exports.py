"""The organiser's export page: every table of the edition as XLSX or CSV."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from fairmatch.conference.models import Edition
from fairmatch.core.domain.audit import record_action
from fairmatch.core.interfaces.tables import CONTENT_TYPES, table_file
from fairmatch.core.views import organiser_required
from fairmatch.spreadsheets.interfaces.exports import EXPORTS


@organiser_required
def export_page(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    return render(
        request,
        "spreadsheets/export.html",
        {"edition": edition_obj, "exports": EXPORTS.values()},
    )


@organiser_required
def download(request: HttpRequest, edition: str, slug: str, fmt: str) -> HttpResponse:
    """One export as a file (audited: who took which data out, when)."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    export = EXPORTS.get(slug)
    if export is None or fmt not in CONTENT_TYPES:
        raise Http404
    header, rows = export.build(edition_obj)
    content = table_file(fmt, header, rows, str(export.title))
    record_action(
        actor=request.user,
        action="export.download",
        target=edition_obj,
        data={"export": slug, "format": fmt},
    )
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{edition_obj.slug}-{slug}.{fmt}"'
    return response
