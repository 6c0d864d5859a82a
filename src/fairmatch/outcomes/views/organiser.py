"""The organiser's intentions page: every intention of the edition, the totals, entries
signed at a ceremony, and the follow-up."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.outcomes.domain import follow_up, intentions
from fairmatch.outcomes.domain.totals import intention_totals
from fairmatch.outcomes.interfaces.forms import CeremonyForm
from fairmatch.outcomes.models import Intention


@organiser_required
def overview(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    rows = (
        Intention.objects.filter(edition=edition_obj)
        .select_related("recorder__enterprise", "counterpart__enterprise", "kind", "field")
        .select_related("follow_up")
    )
    return render(
        request,
        "outcomes/organiser.html",
        {
            "edition": edition_obj,
            "intentions": rows,
            "totals": intention_totals(edition_obj),
            "form": CeremonyForm(edition=edition_obj),
        },
    )


@organiser_required
@require_POST
def ceremony(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    form = CeremonyForm(request.POST, edition=edition_obj)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("outcomes_admin:overview", edition_obj.slug)
    try:
        intentions.enter_at_ceremony(
            edition=edition_obj,
            first=form.cleaned_data["first"],
            second=form.cleaned_data["second"],
            user=request.user,
            terms=form.terms(),
            note=form.cleaned_data["note"],
        )
    except intentions.IntentionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Intention entered; it counts at once."))
    return redirect("outcomes_admin:overview", edition_obj.slug)


@organiser_required
@require_POST
def start_follow_up(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    sent = follow_up.start_follow_up(edition=edition_obj, user=request.user)
    messages.success(
        request, _("%(count)d follow-up questions queued for sending.") % {"count": len(sent)}
    )
    return redirect("outcomes_admin:overview", edition_obj.slug)
