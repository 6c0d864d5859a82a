"""An exhibitor's leads: scan a visitor's badge at the booth, note, flag, export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages
from fairmatch.enterprises.models import Participation
from fairmatch.onsite.domain.checkin import BadgeRefused, find_badge
from fairmatch.onsite.domain.leads import (
    LeadError,
    capture_lead,
    exhibitor_of,
    leads_of,
    update_lead,
)
from fairmatch.onsite.interfaces.exports import leads_csv, leads_xlsx
from fairmatch.onsite.interfaces.forms import LeadEditForm, LeadForm

EXPORTS = {
    "csv": (leads_csv, "text/csv; charset=utf-8"),
    "xlsx": (
        leads_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


def _exhibitor(request: HttpRequest, edition: Edition) -> Participation:
    exhibitor = exhibitor_of(user=request.user, edition=edition)
    if exhibitor is None:
        raise PermissionDenied
    return exhibitor


@login_required
@require_http_methods(["GET", "POST"])
def leads(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    exhibitor = _exhibitor(request, edition_obj)
    form = LeadForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                badge = find_badge(edition=edition_obj, text=form.cleaned_data["code"])
                lead, created = capture_lead(
                    exhibitor=exhibitor,
                    badge=badge,
                    note=form.cleaned_data["note"],
                    follow_up=form.cleaned_data["follow_up"],
                    user=request.user,
                )
            except (BadgeRefused, LeadError) as error:
                messages.error(request, str(error))
                status = 400
            else:
                if created:
                    messages.success(
                        request, _("%(name)s was added to your leads.") % {"name": lead.badge.name}
                    )
                else:
                    messages.info(
                        request,
                        _("%(name)s is among your leads already; the note was kept.")
                        % {"name": lead.badge.name},
                    )
                return redirect("onsite:leads", edition=edition)
        else:
            form_errors_to_messages(request, form)
            status = 400
    return render(
        request,
        "onsite/leads.html",
        {
            "edition": edition_obj,
            "form": form,
            "leads": leads_of(exhibitor),
            "exhibitor": exhibitor,
        },
        status=status,
    )


@login_required
@require_POST
def edit_lead(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    exhibitor = _exhibitor(request, edition_obj)
    lead = get_object_or_404(leads_of(exhibitor), pk=pk)
    form = LeadEditForm(request.POST)
    if form.is_valid():
        update_lead(
            lead=lead, note=form.cleaned_data["note"], follow_up=form.cleaned_data["follow_up"]
        )
    else:
        form_errors_to_messages(request, form)
    return redirect("onsite:leads", edition=edition)


@login_required
def export_leads(request: HttpRequest, edition: str, fmt: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    exhibitor = _exhibitor(request, edition_obj)
    writer, content_type = EXPORTS[fmt]
    response = HttpResponse(writer(leads_of(exhibitor)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="leads-{edition_obj.slug}.{fmt}"'
    return response
