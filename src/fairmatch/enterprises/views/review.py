"""The organiser's review queue, participation page, decisions and bulk actions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import organiser_required
from fairmatch.enterprises.domain import review
from fairmatch.enterprises.domain.confirmation import (
    ConfirmationError,
    bulk_request_confirmation,
    request_confirmation,
)
from fairmatch.enterprises.domain.workflow import TransitionError
from fairmatch.enterprises.interfaces.review_forms import (
    REQUEST_CONFIRMATION,
    BulkActionForm,
    DecisionForm,
    QueueFilterForm,
    decision_choices,
)
from fairmatch.enterprises.models import Participation

PAGE_SIZE = 50


def _participation(edition: Edition, pk: int) -> Participation:
    try:
        return review.participation_for_review(edition=edition, pk=pk)
    except Participation.DoesNotExist as error:
        raise Http404 from error


@organiser_required
def queue(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    filter_form = QueueFilterForm(request.GET or None, edition=edition_obj)
    rows = review.review_queue(edition=edition_obj, filters=filter_form.filters())
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "enterprises/review/queue.html",
        {
            "edition": edition_obj,
            "filter_form": filter_form,
            "page": page,
            "query": query.urlencode(),
            "bulk_form": BulkActionForm(edition=edition_obj),
            "drafts": 0 if filter_form.filters().state else review.draft_count(edition=edition_obj),
        },
    )


@organiser_required
@require_POST
def bulk(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    form = BulkActionForm(request.POST, edition=edition_obj)
    target = reverse("review:queue", kwargs={"edition": edition_obj.slug})
    next_query = request.POST.get("next", "")
    if next_query and url_has_allowed_host_and_scheme(f"{target}?{next_query}", allowed_hosts=None):
        target = f"{target}?{next_query}"
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(target)
    selected = form.cleaned_data["participations"]
    if form.cleaned_data["action"] == REQUEST_CONFIRMATION:
        outcome = bulk_request_confirmation(participations=selected, user=request.user)
        done = ngettext(
            "%(count)d confirmation request sent.",
            "%(count)d confirmation requests sent.",
            len(outcome.changed),
        )
    else:
        outcome = review.bulk_decide(
            participations=selected,
            target=form.cleaned_data["action"],
            user=request.user,
            note=form.cleaned_data["note"],
        )
        done = ngettext(
            "%(count)d application changed.",
            "%(count)d applications changed.",
            len(outcome.changed),
        )
    messages.success(request, done % {"count": len(outcome.changed)})
    for participation, reason in outcome.refused:
        messages.error(
            request,
            _("%(enterprise)s was not changed: %(reason)s")
            % {"enterprise": participation.enterprise, "reason": reason},
        )
    return redirect(target)


def _detail_page(
    request: HttpRequest, participation: Participation, form: DecisionForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "enterprises/review/detail.html",
        {
            "edition": participation.edition,
            "participation": participation,
            "enterprise": participation.enterprise,
            "decisions": decision_choices(review.organiser_decisions(participation=participation)),
            "form": form,
        },
        status=status,
    )


@organiser_required
def detail(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _participation(edition_obj, pk)
    return _detail_page(request, participation, DecisionForm())


@organiser_required
@require_POST
def decide(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _participation(edition_obj, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            review.decide(
                participation=participation,
                target=form.cleaned_data["target"],
                user=request.user,
                note=form.cleaned_data["note"],
            )
        except TransitionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(enterprise)s is now %(state)s.")
                % {
                    "enterprise": participation.enterprise,
                    "state": participation.get_state_display(),
                },
            )
            return redirect("review:detail", edition=edition_obj.slug, pk=participation.pk)
    return _detail_page(request, _participation(edition_obj, pk), form, status=400)


@organiser_required
@require_POST
def confirmation_request(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _participation(edition_obj, pk)
    try:
        request_confirmation(participation=participation, user=request.user)
    except ConfirmationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The confirmation request has been sent."))
    return redirect("review:detail", edition=edition_obj.slug, pk=participation.pk)
