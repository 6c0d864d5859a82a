"""The participants' pages: directory, a counterpart's page with the request form, inbox."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fairmatch.conference.models import Edition
from fairmatch.matching.domain import requests as meeting_requests
from fairmatch.matching.domain.directory import (
    contacts_visible,
    listed_participations,
    may_see_directory,
    search_directory,
    viewer_participation,
)
from fairmatch.matching.domain.suggested import recommendations_for, suggestions_for
from fairmatch.matching.interfaces.forms import (
    AnswerForm,
    DirectoryFilterForm,
    MeetingRequestForm,
    WishForm,
)
from fairmatch.matching.interfaces.reasons import render_recommendations
from fairmatch.matching.models import (
    MeetingMode,
    MeetingRequest,
    RequestState,
    Wish,
)

DIRECTORY_PAGE_SIZE = 25


def _edition_for_directory(request: HttpRequest, slug: str) -> Edition:
    """The edition, if the user may see its directory; anonymous users go to log in."""
    edition = get_object_or_404(Edition, slug=slug)
    if not may_see_directory(user=request.user, edition=edition):
        raise PermissionDenied
    return edition


@login_required
def directory(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = _edition_for_directory(request, edition)
    form = DirectoryFilterForm(request.GET or None)
    viewer = viewer_participation(user=request.user, edition=edition_obj)
    rows = search_directory(edition=edition_obj, filters=form.filters())
    if viewer is not None:
        rows = [row for row in rows if row.pk != viewer.pk]
    page = Paginator(rows, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "matching/directory.html",
        {
            "edition": edition_obj,
            "form": form,
            "rows": page.object_list,
            "page": page,
            "query": query.urlencode(),
            "total": len(rows),
            "by_relevance": bool(form.filters().text.strip()),
            # Filters other than the text: their box stays open.
            "filtered": any(
                value for name, value in request.GET.items() if name not in ("q", "page")
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def counterpart(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = _edition_for_directory(request, edition)
    other = listed_participations(edition_obj).filter(pk=pk).first()
    if other is None:
        raise Http404
    viewer = viewer_participation(user=request.user, edition=edition_obj)
    policy = meeting_requests.policy_for(edition_obj)
    form = None
    wish_form = None
    if viewer is not None and viewer.pk != other.pk:
        if policy.mode == MeetingMode.WISHES:
            current = Wish.objects.filter(wisher=viewer, target=other).first()
            wish_form = WishForm(
                request.POST or None, initial={"level": current.level if current else None}
            )
        else:
            form = MeetingRequestForm(
                request.POST or None,
                viewer=viewer,
                other=other,
                booth_possible=meeting_requests.meets_at_booth(viewer, other),
            )
    if request.method == "POST" and viewer is not None:
        try:
            if wish_form is not None and wish_form.is_valid():
                meeting_requests.set_wish(
                    wisher=viewer, target=other, level=wish_form.cleaned_data["level"]
                )
                messages.success(request, _("Your wish has been saved."))
                return redirect("matching:counterpart", edition_obj.slug, other.pk)
            if form is not None and form.is_valid():
                sent = meeting_requests.send_request(
                    requester=viewer,
                    recipient=other,
                    user=request.user,
                    demand=form.cleaned_data["demand"],
                    message=form.cleaned_data["message"],
                    priority=form.cleaned_data["priority"],
                    at_booth=form.cleaned_data.get("at_booth", False),
                )
                if sent.state == RequestState.ACCEPTED:
                    messages.success(
                        request, _("You both asked for this meeting: it is now accepted.")
                    )
                else:
                    messages.success(request, _("Your meeting request has been sent."))
                return redirect("matching:inbox", edition_obj.slug)
        except meeting_requests.RequestError as error:
            messages.error(request, str(error))
    between = []
    if viewer is not None:
        between = MeetingRequest.objects.filter(
            Q(requester=viewer, recipient=other) | Q(requester=other, recipient=viewer)
        ).order_by("-created_at")
    show_contacts = contacts_visible(viewer=viewer, other=other, user=request.user)
    return render(
        request,
        "matching/counterpart.html",
        {
            "edition": edition_obj,
            "other": other,
            "viewer": viewer,
            "form": form,
            "wish_form": wish_form,
            "between": between,
            "show_contacts": show_contacts,
            "delegates": other.delegates.select_related("rank") if show_contacts else [],
        },
    )


@login_required
def inbox(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    viewer = viewer_participation(user=request.user, edition=edition_obj)
    if viewer is None:
        raise PermissionDenied
    related = ("requester__enterprise", "recipient__enterprise", "demand__field")
    received = MeetingRequest.objects.filter(recipient=viewer).select_related(*related)
    sent = MeetingRequest.objects.filter(requester=viewer).select_related(*related)
    policy = meeting_requests.policy_for(edition_obj)
    recommended = render_recommendations(
        reader=viewer, recommendations=recommendations_for(viewer=viewer)
    )
    suggested = suggestions_for(viewer=viewer)
    return render(
        request,
        "matching/inbox.html",
        {
            "edition": edition_obj,
            "viewer": viewer,
            "policy": policy,
            "received": received,
            "sent": sent,
            "used": meeting_requests.requests_used(viewer),
            "quota": policy.quota_for(viewer.roles[0]) if viewer.roles else 0,
            "accepted": meeting_requests.accepted_meetings(viewer),
            "answer_form": AnswerForm(),
            "recommended": recommended,
            "suggested": suggested,
        },
    )


ANSWERS = {
    "accept": meeting_requests.accept_request,
    "decline": meeting_requests.decline_request,
    "cancel": meeting_requests.cancel_request,
}


@login_required
@require_POST
def answer(request: HttpRequest, edition: str, pk: int, action: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    viewer = viewer_participation(user=request.user, edition=edition_obj)
    if viewer is None or action not in ANSWERS:
        raise Http404
    # Only the recipient answers; either side may cancel. Anything else is not found.
    own = (
        Q(recipient=viewer)
        if action in ("accept", "decline")
        else (Q(recipient=viewer) | Q(requester=viewer))
    )
    meeting_request = get_object_or_404(MeetingRequest.objects.filter(own), pk=pk)
    form = AnswerForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        ANSWERS[action](request=meeting_request, user=request.user, reason=reason)
    except meeting_requests.RequestError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            {
                "accept": _("The meeting is accepted."),
                "decline": _("The request is declined."),
                "cancel": _("The request is cancelled."),
            }[action],
        )
    return redirect("matching:inbox", edition_obj.slug)
