"""The applicant's pages: start an application, edit the draft, submit, follow its state."""

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fairmatch.conference.models import Edition
from fairmatch.core.views import enterprise_member_required
from fairmatch.enterprises.domain import workflow
from fairmatch.enterprises.domain.applications import (
    ApplicationError,
    application_changed,
    completeness_problems,
    start_application,
)
from fairmatch.enterprises.interfaces.forms import (
    CapabilityFormSet,
    DelegateFormSet,
    DemandFormSet,
    RolesForm,
)
from fairmatch.enterprises.models import Participation, State


def _own_participation(request: HttpRequest, **lookup: Any) -> Participation | None:
    """The user's enterprise's participation, never another enterprise's."""
    return (
        Participation.objects.select_related("enterprise", "edition")
        .filter(enterprise_id=request.user.enterprise_id, **lookup)
        .first()
    )


@enterprise_member_required
def my_applications(request: HttpRequest) -> HttpResponse:
    participations = Participation.objects.filter(
        enterprise_id=request.user.enterprise_id
    ).select_related("edition")
    open_editions = Edition.objects.filter(status=Edition.Status.OPEN).exclude(
        participations__enterprise_id=request.user.enterprise_id
    )
    return render(
        request,
        "enterprises/my_applications.html",
        {"participations": participations, "open_editions": open_editions},
    )


@enterprise_member_required
@require_http_methods(["GET", "POST"])
def application(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(
        Edition.objects.exclude(status=Edition.Status.DRAFT), slug=edition
    )
    participation = _own_participation(request, edition=edition_obj)
    if participation is None:
        return _start(request, edition_obj)
    if participation.is_editable_by_applicant:
        return _edit(request, participation)
    return _follow(request, participation)


@enterprise_member_required
def participation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    participation = _own_participation(request, pk=pk)
    if participation is None:
        raise Http404
    return redirect("enterprises:application", participation.edition.slug)


def _start(request: HttpRequest, edition: Edition) -> HttpResponse:
    form = RolesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            start_application(
                enterprise=request.user.enterprise,
                edition=edition,
                is_negotiator=form.cleaned_data["is_negotiator"],
                is_exhibitor=form.cleaned_data["is_exhibitor"],
            )
        except ApplicationError as error:
            messages.error(request, str(error))
        return redirect("enterprises:application", edition.slug)
    return render(request, "enterprises/apply_start.html", {"edition": edition, "form": form})


def _formsets(request: HttpRequest, participation: Participation) -> dict[str, Any]:
    data = request.POST if request.method == "POST" else None
    enterprise = participation.enterprise
    edition = participation.edition
    formsets: dict[str, Any] = {
        "delegates": DelegateFormSet(data, instance=participation, prefix="delegates")
    }
    if participation.is_negotiator and enterprise.is_buyer:
        formsets["demands"] = DemandFormSet(
            data, instance=participation, prefix="demands", edition=edition
        )
    if participation.is_negotiator and enterprise.is_provider:
        formsets["capabilities"] = CapabilityFormSet(
            data, instance=participation, prefix="capabilities", edition=edition
        )
    return formsets


def _edit(request: HttpRequest, participation: Participation) -> HttpResponse:
    roles = RolesForm(request.POST or None, instance=participation, prefix="roles")
    formsets = _formsets(request, participation)
    if request.method == "POST":
        valid = roles.is_valid() & all([formset.is_valid() for formset in formsets.values()])
        if valid:
            with transaction.atomic():
                roles.save()
                for formset in formsets.values():
                    formset.save()
            application_changed(participation=participation)
            if request.POST.get("action") == "submit":
                try:
                    workflow.submit(participation=participation, user=request.user)
                except workflow.TransitionError as error:
                    messages.error(request, str(error))
                else:
                    messages.success(request, _("Your application has been submitted."))
            else:
                messages.success(request, _("Your draft has been saved."))
            return redirect("enterprises:application", participation.edition.slug)
        messages.error(request, _("Some entries need correcting; see the marked fields."))
    return render(
        request,
        "enterprises/apply_edit.html",
        {
            "participation": participation,
            "edition": participation.edition,
            "roles_form": roles,
            "formsets": formsets,
            **_rule_context(participation),
        },
    )


def _rule_context(participation: Participation) -> dict[str, Any]:
    return {
        "rule_results": participation.rule_results.select_related("rule"),
        "problems": completeness_problems(participation=participation),
        "history": participation.state_changes.select_related("actor"),
    }


def _follow(request: HttpRequest, participation: Participation) -> HttpResponse:
    choices = {
        State.CONFIRMED: workflow.confirm,
        State.WITHDRAWN: workflow.withdraw,
    }
    allowed = [
        target
        for target in workflow.allowed_targets(
            state=participation.state, actor_role=workflow.Actor.APPLICANT
        )
        if target in choices
    ]
    if request.method == "POST":
        target = request.POST.get("target", "")
        if target not in allowed:
            messages.error(request, _("This change is not possible now."))
        else:
            try:
                choices[State(target)](
                    participation=participation,
                    user=request.user,
                    note=request.POST.get("note", "")[:1000],
                )
            except workflow.TransitionError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Thank you, your answer has been recorded."))
        return redirect("enterprises:application", participation.edition.slug)
    return render(
        request,
        "enterprises/apply_follow.html",
        {
            "participation": participation,
            "edition": participation.edition,
            "allowed": allowed,
            "delegates": participation.delegates.select_related("rank"),
            "demands": participation.demands.select_related("field", "cooperation_kind"),
            "capabilities": participation.capabilities.select_related("field", "cooperation_kind"),
            **_rule_context(participation),
        },
    )
