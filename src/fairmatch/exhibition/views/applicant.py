"""The exhibition part of the application: written with the rest of the draft, then submitted."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fairmatch.conference.models import Edition
from fairmatch.core.views import enterprise_member_required
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.domain.applications import ApplicationError, completeness_problems
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.domain.applications import (
    ExhibitionPartError,
    exhibitor_participation,
    save_part,
)
from fairmatch.exhibition.interfaces.forms import BoothStaffFormSet, ExhibitionPartForm
from fairmatch.exhibition.models import ExhibitorApplication


def own_exhibitor(request: HttpRequest, edition: str) -> Participation:
    """The user's enterprise's exhibitor participation in the edition, or refused (403)."""
    edition_obj = get_object_or_404(
        Edition.objects.exclude(status=Edition.Status.DRAFT), slug=edition
    )
    participation = exhibitor_participation(
        enterprise_id=request.user.enterprise_id, edition=edition_obj
    )
    if participation is None:
        raise PermissionDenied
    return participation


@enterprise_member_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, edition: str) -> HttpResponse:
    participation = own_exhibitor(request, edition)
    if not participation.is_editable_by_applicant:
        messages.info(
            request, _("Your application has been submitted; it can no longer be changed.")
        )
        return redirect("exhibition:mine", participation.edition.slug)
    application = ExhibitorApplication.objects.filter(participation=participation).first()
    data = request.POST if request.method == "POST" else None
    form = ExhibitionPartForm(
        data, instance=application or ExhibitorApplication(), participation=participation
    )
    staff = BoothStaffFormSet(data, instance=application or ExhibitorApplication(), prefix="staff")
    if request.method == "POST":
        if form.is_valid() & staff.is_valid():
            saved = _save(request, participation, form, staff)
            if saved:
                return _after_save(request, participation)
        else:
            messages.error(request, _("Some entries need correcting; see the marked fields."))
    return render(
        request,
        "exhibition/apply.html",
        {
            "participation": participation,
            "edition": participation.edition,
            "form": form,
            "staff": staff,
            "rule_results": participation.rule_results.select_related("rule"),
            "problems": completeness_problems(participation=participation),
        },
    )


def _save(request: HttpRequest, participation: Participation, form: Any, staff: Any) -> bool:
    assert form.part is not None  # a valid form has read the whole part
    try:
        with transaction.atomic():
            application = save_part(participation=participation, part=form.part)
            staff.instance = application
            staff.save()
    except ExhibitionPartError as error:
        for name, problems in error.errors.items():
            for problem in problems:
                form.add_error(name if name in form.fields else None, problem)
        return False
    except ApplicationError as error:
        form.add_error(None, str(error))
        return False
    return True


def _after_save(request: HttpRequest, participation: Participation) -> HttpResponse:
    if request.POST.get("action") == "submit":
        try:
            workflow.submit(participation=participation, user=request.user)
        except workflow.TransitionError as error:
            messages.error(request, str(error))
            return redirect("exhibition:apply", participation.edition.slug)
        messages.success(request, _("Your application has been submitted."))
        return redirect("exhibition:mine", participation.edition.slug)
    messages.success(request, _("Your draft has been saved."))
    return redirect("exhibition:apply", participation.edition.slug)
