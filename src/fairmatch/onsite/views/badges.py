"""The organiser's badge printing: every badge of the edition as a background job."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.onsite.interfaces.forms import PrintForm
from fairmatch.onsite.interfaces.printing import PrintError, printable_badges, start_printing
from fairmatch.onsite.models import BadgePrint, PrintStatus


@organiser_required
def badges(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    return render(
        request,
        "onsite/badges.html",
        {
            "edition": edition_obj,
            "form": PrintForm(),
            "jobs": BadgePrint.objects.filter(edition=edition_obj)[:10],
            "badge_count": printable_badges(edition_obj).count(),
        },
    )


@organiser_required
@require_POST
def start(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    form = PrintForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("onsite_admin:badges", edition=edition_obj.slug)
    try:
        job = start_printing(
            edition=edition_obj, layout=form.cleaned_data["layout"], user=request.user
        )
    except PrintError as error:
        messages.error(request, str(error))
        return redirect("onsite_admin:badges", edition=edition_obj.slug)
    return redirect("onsite_admin:print_job", edition=edition_obj.slug, pk=job.pk)


@organiser_required
def print_job(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """The job's progress (polled by the page while it runs)."""
    job = get_object_or_404(BadgePrint, edition__slug=edition, pk=pk)
    template = "onsite/_print_status.html" if request.htmx else "onsite/print_job.html"
    return render(request, template, {"edition": job.edition, "job": job})


@organiser_required
def print_pdf(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    job = get_object_or_404(BadgePrint, edition__slug=edition, pk=pk)
    if job.status != PrintStatus.FINISHED or not job.pdf:
        raise Http404
    return FileResponse(
        job.pdf.open("rb"),
        content_type="application/pdf",
        filename=f"badges-{job.edition.slug}-{job.pk}.pdf",
    )
