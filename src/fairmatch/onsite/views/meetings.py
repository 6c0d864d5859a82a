"""Marking meetings held or missed: staff at the tables, and each participant for its own."""

import datetime
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.enterprises.models import Participation
from fairmatch.onsite.domain.attendance import AttendanceError, mark_meeting
from fairmatch.onsite.interfaces.forms import AbsentByForm, ParticipantMarkForm, StaffMarkForm
from fairmatch.onsite.models import MeetingAttendance
from fairmatch.scheduling.models import Meeting, MeetingState

SHOWN = 200  # meetings per page of the staff's list


def _meetings(edition: Edition) -> list[Meeting]:
    return list(
        Meeting.objects.filter(edition=edition)
        .filter(Q(slot__isnull=False) | Q(attendance__isnull=False))
        .exclude(state=MeetingState.CANCELLED)
        .select_related(
            "slot", "table", "first__enterprise", "second__enterprise", "attendance__slot"
        )
        .order_by("slot__starts_at", "table__number", "pk")
    )


@organiser_required
def meetings(request: HttpRequest, edition: str) -> HttpResponse:
    """The meetings that have started, latest slots first, to mark; the absentees action."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    now = timezone.now()
    started = [
        m
        for m in _meetings(edition_obj)
        if (m.slot or getattr(getattr(m, "attendance", None), "slot", None))
        and (m.slot or m.attendance.slot).starts_at <= now
    ]
    started.reverse()
    today = timezone.localtime(now, zoneinfo.ZoneInfo(edition_obj.timezone)).date()
    day = min(max(today, edition_obj.start_date), edition_obj.end_date)
    counts = MeetingAttendance.objects.filter(meeting__edition=edition_obj)
    return render(
        request,
        "onsite/meetings.html",
        {
            "edition": edition_obj,
            "meetings": started[:SHOWN],
            "more": max(0, len(started) - SHOWN),
            "form": StaffMarkForm(),
            "absent_form": AbsentByForm(initial={"day": day, "deadline": datetime.time(10, 0)}),
            "held": counts.filter(outcome="held").count(),
            "missed": counts.filter(outcome="missed").count(),
            "waiting": Meeting.objects.filter(
                edition=edition_obj, state=MeetingState.SCHEDULED, slot__isnull=True
            ).count(),
        },
    )


@organiser_required
@require_POST
def staff_mark(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, edition__slug=edition, pk=pk)
    form = StaffMarkForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("onsite_admin:meetings", edition=edition)
    try:
        mark_meeting(
            meeting=meeting,
            outcome=form.cleaned_data["outcome"],
            absent=form.cleaned_data["absent"],
            place_again=form.cleaned_data["place_again"],
            user=request.user,
        )
    except AttendanceError as error:
        messages.error(request, str(error))
    return redirect("onsite_admin:meetings", edition=edition)


def _own_participation(request: HttpRequest, edition: Edition) -> Participation:
    if not request.user.enterprise_id:
        raise PermissionDenied
    participation = Participation.objects.filter(
        edition=edition, enterprise_id=request.user.enterprise_id
    ).first()
    if participation is None:
        raise PermissionDenied
    return participation


@login_required
def my_day(request: HttpRequest, edition: str) -> HttpResponse:
    """The participant's meetings, to mark each held or missed once it has started."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    now = timezone.now()
    mine = [m for m in _meetings(edition_obj) if participation.pk in (m.first_id, m.second_id)]
    rows = []
    for meeting in mine:
        attendance = getattr(meeting, "attendance", None)
        slot = meeting.slot or (attendance.slot if attendance else None)
        side_says = ""
        if attendance is not None:
            side_says = (
                attendance.first_says
                if meeting.first_id == participation.pk
                else attendance.second_says
            )
        counterpart = meeting.second if meeting.first_id == participation.pk else meeting.first
        rows.append(
            {
                "meeting": meeting,
                "slot": slot,
                "counterpart": counterpart,
                "attendance": attendance,
                "says": side_says,
                "can_mark": slot is not None and slot.starts_at <= now and not side_says,
            }
        )
    return render(
        request,
        "onsite/my_day.html",
        {"edition": edition_obj, "rows": rows, "participation": participation},
    )


@login_required
@require_POST
def participant_mark(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    meeting = get_object_or_404(
        Meeting.objects.filter(Q(first=participation) | Q(second=participation)),
        edition=edition_obj,
        pk=pk,
    )
    form = ParticipantMarkForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("onsite:my_day", edition=edition)
    try:
        mark_meeting(
            meeting=meeting,
            outcome=form.cleaned_data["outcome"],
            participation=participation,
            user=request.user,
        )
    except AttendanceError as error:
        messages.error(request, str(error))
    return redirect("onsite:my_day", edition=edition)
