"""A participant's intentions: record one after a held meeting, confirm or dispute the other
party's, download the signed document. An enterprise only ever sees its own."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages
from fairmatch.enterprises.models import Participation
from fairmatch.outcomes.domain import intentions as domain
from fairmatch.outcomes.interfaces.forms import DisputeForm, RecordForm
from fairmatch.outcomes.models import Intention, IntentionState


def _own_participation(request: HttpRequest, edition: Edition) -> Participation:
    participation = domain.party_participation(user=request.user, edition=edition)
    if participation is None:
        raise PermissionDenied
    return participation


def _meeting_choices(participation: Participation) -> list[tuple[int, str]]:
    choices = []
    for meeting in domain.held_meetings_of(participation):
        other = meeting.second if meeting.first_id == participation.pk else meeting.first
        when = meeting.slot.starts_at.strftime("%Y-%m-%d %H:%M") if meeting.slot else ""
        choices.append((meeting.pk, f"{other.enterprise.display_name} · {when}"))
    return choices


@login_required
def mine(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    return render(
        request,
        "outcomes/mine.html",
        {
            "edition": edition_obj,
            "participation": participation,
            "intentions": list(domain.intentions_of(participation)),
            "form": RecordForm(meetings=_meeting_choices(participation)),
            "dispute_form": DisputeForm(),
            "waiting": IntentionState.RECORDED,
        },
    )


@login_required
@require_POST
def record(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    form = RecordForm(request.POST, request.FILES, meetings=_meeting_choices(participation))
    if not form.is_valid():
        meeting_id = request.POST.get("meeting", "")
        if "meeting" in form.errors and meeting_id.isdigit():
            # Say why a meeting of one's own is not offered, rather than "invalid choice".
            own = edition_obj.meetings.filter(
                Q(first=participation) | Q(second=participation), pk=meeting_id
            ).first()
            if own is not None and not domain.meeting_was_held(own):
                messages.error(
                    request,
                    _(
                        "This meeting has not taken place; an intention can only follow a "
                        "held meeting."
                    ),
                )
                return redirect("outcomes:mine", edition_obj.slug)
        form_errors_to_messages(request, form)
        return redirect("outcomes:mine", edition_obj.slug)
    meeting = get_object_or_404(edition_obj.meetings, pk=form.cleaned_data["meeting"])
    try:
        domain.record_intention(
            meeting=meeting,
            participation=participation,
            user=request.user,
            terms=form.terms(),
            document=form.cleaned_data.get("document"),
        )
    except domain.IntentionError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Intention recorded; it counts once the other party confirms it.")
        )
    return redirect("outcomes:mine", edition_obj.slug)


@login_required
@require_POST
def answer(request: HttpRequest, edition: str, pk: int, action: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    intention = get_object_or_404(domain.intentions_of(participation), pk=pk)
    try:
        if action == "confirm":
            domain.confirm_intention(
                intention=intention, participation=participation, user=request.user
            )
            messages.success(request, _("Intention confirmed; it now counts."))
        elif action == "dispute":
            form = DisputeForm(request.POST)
            if not form.is_valid():
                form_errors_to_messages(request, form)
                return redirect("outcomes:mine", edition_obj.slug)
            domain.dispute_intention(
                intention=intention,
                participation=participation,
                user=request.user,
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("Intention disputed; it will not count."))
        else:
            raise Http404
    except domain.IntentionError as error:
        messages.error(request, str(error))
    return redirect("outcomes:mine", edition_obj.slug)


@login_required
def document(request: HttpRequest, edition: str, pk: int) -> FileResponse:
    """The signed document, for the two parties and the organisers only."""
    intention = get_object_or_404(Intention, edition__slug=edition, pk=pk)
    user = request.user
    parties = {intention.recorder.enterprise_id, intention.counterpart.enterprise_id}
    if not (user.is_organiser or (user.enterprise_id and user.enterprise_id in parties)):
        raise Http404
    if not intention.document:
        raise Http404
    name = intention.document.name.rsplit("/", 1)[-1]
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        intention.document.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response
