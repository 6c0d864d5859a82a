"""The organiser's matchmaking page: policy, figures, arranged meetings, wishes."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.matching.domain import organiser as matchmaking
from fairmatch.matching.domain.recommendations import analysis_progress
from fairmatch.matching.domain.requests import RequestError, arrange_meeting
from fairmatch.matching.domain.tasks import recommendations_task, suggestions_task
from fairmatch.matching.interfaces.forms import ArrangeForm, PolicyForm, SuggestionsForm
from fairmatch.matching.models import Recommendation, SuggestionRun


@organiser_required
@require_http_methods(["GET", "POST"])
def overview(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    policy = matchmaking.policy_for(edition_obj)
    form = PolicyForm(request.POST or None, instance=policy, prefix="policy")
    if request.method == "POST":
        if form.is_valid():
            changed = [name for name in form.changed_data if name != "pairs"]
            changes = {name: form.cleaned_data[name] for name in changed}
            if "pairs" in form.changed_data:
                changes["allowed_pairs"] = form.cleaned_data["allowed_pairs"]
            matchmaking.update_policy(policy=policy, changes=changes, actor=request.user)
            messages.success(request, _("The matchmaking settings have been saved."))
            return redirect("matching_admin:overview", edition_obj.slug)
        messages.error(request, _("Some entries need correcting; see the marked fields."))
    return render(
        request,
        "matching/organiser.html",
        {
            "edition": edition_obj,
            "form": form,
            "figures": matchmaking.matching_figures(edition_obj),
            "arrange_form": ArrangeForm(edition=edition_obj),
            "suggestions_form": SuggestionsForm(),
            "latest_run": SuggestionRun.objects.filter(edition=edition_obj).first(),
            "recommendations": Recommendation.objects.filter(edition=edition_obj).count(),
            "analysis": analysis_progress(edition=edition_obj),
        },
    )


@organiser_required
@require_POST
def arrange(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    form = ArrangeForm(request.POST, edition=edition_obj)
    if form.is_valid():
        try:
            arrange_meeting(
                first=form.cleaned_data["first"],
                second=form.cleaned_data["second"],
                organiser=request.user,
                note=form.cleaned_data["note"],
            )
        except RequestError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The meeting has been arranged."))
    else:
        form_errors_to_messages(request, form)
    return redirect("matching_admin:overview", edition_obj.slug)


@organiser_required
@require_POST
def wishes(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    outcome = matchmaking.meetings_from_wishes(edition=edition_obj, organiser=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d meeting arranged from wishes.",
            "%(count)d meetings arranged from wishes.",
            outcome.arranged,
        )
        % {"count": outcome.arranged},
    )
    for reason in outcome.skipped[:20]:
        messages.warning(request, reason)
    return redirect("matching_admin:overview", edition_obj.slug)


@organiser_required
@require_POST
def suggestions(request: HttpRequest, edition: str) -> HttpResponse:
    """Queue the whole-edition computation; the page shows the run once it is done."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    form = SuggestionsForm(request.POST)
    if form.is_valid():
        suggestions_task.enqueue(
            edition_obj.pk, form.cleaned_data["minimum_per_provider"], request.user.pk
        )
        messages.success(
            request, _("Suggestions are being computed; reload this page in a moment.")
        )
    else:
        form_errors_to_messages(request, form)
    return redirect("matching_admin:overview", edition_obj.slug)


@organiser_required
@require_POST
def recommendations(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    recommendations_task.enqueue(edition_obj.pk)
    messages.success(
        request, _("Recommendations are being computed; reload this page in a moment.")
    )
    return redirect("matching_admin:overview", edition_obj.slug)
