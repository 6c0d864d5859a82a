"""The organiser's import page: upload, preview at the cell, commit; templates to fill in."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.interfaces.tables import CONTENT_TYPES
from fairmatch.core.views import organiser_required
from fairmatch.spreadsheets.domain.jobs import ImportRefused, create_import, start_commit
from fairmatch.spreadsheets.interfaces.forms import UploadForm
from fairmatch.spreadsheets.interfaces.preview import preview_table
from fairmatch.spreadsheets.interfaces.templates import template_file
from fairmatch.spreadsheets.interfaces.uploads import (
    LimitedUploadHandler,
    announced_too_large,
    max_upload_bytes,
)
from fairmatch.spreadsheets.models import ImportJob, ImportKind

TEMPLATE_LANGUAGES = {"en": "English", "zh-hans": "中文"}


def _page(
    request: HttpRequest, edition: Edition, form: UploadForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "spreadsheets/import.html",
        {
            "edition": edition,
            "form": form,
            "jobs": ImportJob.objects.filter(edition=edition).select_related("created_by")[:10],
            "kinds": ImportKind.choices,
            "template_languages": TEMPLATE_LANGUAGES,
            "max_mb": max_upload_bytes() // (1024 * 1024),
        },
        status=status,
    )


@organiser_required
def import_page(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    return _page(request, edition_obj, UploadForm())


def _too_large(request: HttpRequest, edition: Edition) -> HttpResponse:
    messages.error(
        request,
        _("The file is larger than %(mb)s MB: split it, or save it as XLSX, which is smaller.")
        % {"mb": max_upload_bytes() // (1024 * 1024)},
    )
    form = UploadForm()
    response = _page(request, edition, form, status=413)
    response["Connection"] = "close"
    return response


@csrf_exempt  # the CSRF check runs in ``_upload``, once the upload handler is in place
def upload(request: HttpRequest, edition: str) -> HttpResponse:
    """Refuse an upload announced too large before reading its body; stop one that grows
    past the limit while it is read (Django reads the body on the first access to POST)."""
    handler = LimitedUploadHandler(request)
    if request.method == "POST":
        if announced_too_large(request):
            if getattr(request.user, "is_organiser", False):
                return _too_large(request, get_object_or_404(Edition, slug=edition))
            return HttpResponse(status=413, headers={"Connection": "close"})
        request.upload_handlers.insert(0, handler)
    return _upload(request, edition, handler)


@csrf_protect
@organiser_required
@require_POST
def _upload(request: HttpRequest, edition: str, handler: LimitedUploadHandler) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    form = UploadForm(request.POST, request.FILES)
    if handler.stopped:
        return _too_large(request, edition_obj)
    if not form.is_valid():
        return _page(request, edition_obj, form, status=400)
    uploaded = form.cleaned_data["file"]
    job = create_import(
        edition=edition_obj,
        kind=form.cleaned_data["kind"],
        filename=uploaded.name,
        content=uploaded.read(),
        user=request.user,
    )
    return redirect("spreadsheets:job", edition=edition_obj.slug, pk=job.pk)


@organiser_required
def job(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """The preview (or the progress while it runs; polled by the page)."""
    found = get_object_or_404(
        ImportJob.objects.select_related("edition"), edition__slug=edition, pk=pk
    )
    context = {"edition": found.edition, "job": found, "preview": preview_table(found)}
    template = "spreadsheets/_job_status.html" if request.htmx else "spreadsheets/job.html"
    return render(request, template, context)


@organiser_required
@require_POST
def commit(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    found = get_object_or_404(
        ImportJob.objects.select_related("edition"), edition__slug=edition, pk=pk
    )
    try:
        found = start_commit(job=found, user=request.user)
    except ImportRefused as error:
        messages.error(request, str(error))
    # The job's page says what was imported (or why not).
    return redirect("spreadsheets:job", edition=found.edition.slug, pk=found.pk)


@organiser_required
def template(request: HttpRequest, edition: str, kind: str, fmt: str) -> HttpResponse:
    get_object_or_404(Edition, slug=edition)
    language = request.GET.get("lang") or get_language()
    if kind not in ImportKind.values or fmt not in CONTENT_TYPES:
        raise Http404
    if language not in TEMPLATE_LANGUAGES:
        language = "en"
    response = HttpResponse(template_file(kind, fmt, language), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="fairmatch-{kind}-{language}.{fmt}"'
    return response
