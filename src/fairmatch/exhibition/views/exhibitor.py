"""The exhibitor's own pages: its application, its published booth, its staff, its visitors."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fairmatch.core.views import enterprise_member_required, form_errors_to_messages
from fairmatch.enterprises.domain.applications import ApplicationError
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.domain.applications import (
    add_staff,
    application_of,
    published_booth,
    remove_staff,
    staff_editable,
    update_staff,
)
from fairmatch.exhibition.domain.releases import place_label
from fairmatch.exhibition.interfaces.floorplan import booth_key
from fairmatch.exhibition.interfaces.forms import BoothStaffForm
from fairmatch.exhibition.models import BoothStaff
from fairmatch.exhibition.views.applicant import own_exhibitor
from fairmatch.matching.models import MeetingRequest

VISITOR_REQUESTS_SHOWN = 10


def _own_staff(participation: Participation, pk: int) -> BoothStaff:
    """One person of the participation's own booth staff; another's is not found."""
    staff = BoothStaff.objects.filter(pk=pk, application__participation=participation).first()
    if staff is None:
        raise Http404
    return staff


@enterprise_member_required
def mine(request: HttpRequest, edition: str) -> HttpResponse:
    participation = own_exhibitor(request, edition)
    application = application_of(participation)
    requests = (
        MeetingRequest.objects.filter(recipient=participation)
        .select_related("requester__enterprise")
        .order_by("-created_at", "-id")
    )
    booth = published_booth(participation=participation)
    return render(
        request,
        "exhibition/exhibitor.html",
        {
            "participation": participation,
            "edition": participation.edition,
            "application": application,
            "wanted": [w for w in application.neighbour_wishes.all() if w.kind == "wanted"]
            if application
            else [],
            "avoided": [w for w in application.neighbour_wishes.all() if w.kind == "avoided"]
            if application
            else [],
            "booth": booth,
            "place": place_label(booth) if booth else "",
            "booth_key": booth_key(booth.hall_code, booth.booth_code) if booth else "",
            "staff_editable": application is not None and staff_editable(participation),
            "staff_form": BoothStaffForm(prefix="new"),
            "visitor_requests": requests[:VISITOR_REQUESTS_SHOWN],
            "visitor_request_count": requests.count(),
        },
    )


@enterprise_member_required
@require_POST
def staff_add(request: HttpRequest, edition: str) -> HttpResponse:
    participation = own_exhibitor(request, edition)
    form = BoothStaffForm(request.POST, prefix="new")
    if form.is_valid():
        try:
            add_staff(participation=participation, values=form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s was added to your booth staff.")
                % {"name": form.cleaned_data["full_name"]},
            )
    else:
        form_errors_to_messages(request, form)
    return redirect("exhibition:mine", participation.edition.slug)


@enterprise_member_required
@require_http_methods(["GET", "POST"])
def staff_edit(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    participation = own_exhibitor(request, edition)
    staff = _own_staff(participation, pk)
    if not staff_editable(participation):
        messages.error(request, _("The booth staff can no longer be changed."))
        return redirect("exhibition:mine", participation.edition.slug)
    form = BoothStaffForm(request.POST or None, instance=staff)
    if request.method == "POST" and form.is_valid():
        try:
            update_staff(participation=participation, staff=staff, values=form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The booth staff has been updated."))
        return redirect("exhibition:mine", participation.edition.slug)
    return render(
        request,
        "exhibition/exhibitor_staff.html",
        {"participation": participation, "edition": participation.edition, "form": form},
    )


@enterprise_member_required
@require_POST
def staff_remove(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    participation = own_exhibitor(request, edition)
    staff = _own_staff(participation, pk)
    try:
        remove_staff(participation=participation, staff=staff)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(name)s was taken off your booth staff.") % {"name": staff.full_name}
        )
    return redirect("exhibition:mine", participation.edition.slug)
