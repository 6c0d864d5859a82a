"""Agendas: the delegate's page, its PDF, its calendar feed; the organiser's print-out."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import override

from fairmatch.conference.models import Edition
from fairmatch.core.views import organiser_required
from fairmatch.enterprises.models import Participation
from fairmatch.scheduling.domain.agendas import Agenda, agenda_for, feed_for, latest_release
from fairmatch.scheduling.domain.grid import set_unavailable_slots
from fairmatch.scheduling.interfaces.ics import agenda_calendar
from fairmatch.scheduling.interfaces.pdf import Section, render_pdf
from fairmatch.scheduling.models import (
    CalendarFeed,
    Meeting,
    MeetingState,
    Slot,
    Unavailability,
)


def _own_participation(request: HttpRequest, edition: Edition) -> Participation:
    participation = (
        Participation.objects.select_related("enterprise", "edition")
        .filter(edition=edition, enterprise_id=request.user.enterprise_id)
        .first()
    )
    if participation is None:
        raise PermissionDenied
    return participation


@login_required
def agenda(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    delegates = list(participation.delegates.filter(is_attending=True))
    feeds = [(delegate, feed_for(delegate)) for delegate in delegates]
    return render(
        request,
        "scheduling/agenda.html",
        {
            "edition": edition_obj,
            "agenda": agenda_for(participation=participation),
            "feeds": feeds,
        },
    )


def _agenda_rows(agenda: Agenda) -> list[list[str]]:
    rows = [[_("Time"), _("Table"), _("Counterpart"), _("About")]]
    for item in agenda.items:
        about = item.demand
        if item.interpreter:
            about += "\n" + _("Interpreter: %(language)s") % {"language": item.interpreter}
        rows.append(
            [
                f"{item.starts_at:%Y-%m-%d %H:%M}–{item.ends_at:%H:%M}",
                str(item.table) if item.table else "",
                f"{item.counterpart.enterprise.name_original}\n{item.counterpart.enterprise.name_en}",
                about,
            ]
        )
    return rows


def _agenda_section(agenda: Agenda) -> Section:
    enterprise = agenda.participation.enterprise
    release = agenda.release
    subtitle = (
        _("Schedule version %(number)d (%(name)s)")
        % {"number": release.number, "name": release.name}
        if release
        else _("The schedule is not published yet.")
    )
    return (
        f"{enterprise.name_original} / {enterprise.name_en}",
        subtitle,
        _agenda_rows(agenda),
        [38, 18, 60, 64],
    )


@login_required
def agenda_pdf(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    content = render_pdf(
        title=edition_obj.name, sections=[_agenda_section(agenda_for(participation=participation))]
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{edition_obj.slug}.pdf"'
    return response


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The secret feed: no login (calendar clients cannot log in); unknown tokens are 404."""
    feed = (
        CalendarFeed.objects.select_related(
            "delegate__participation__enterprise", "delegate__participation__edition"
        )
        .filter(token=token)
        .first()
    )
    if feed is None:
        raise Http404
    participation = feed.delegate.participation
    members = participation.enterprise.members.all()
    language = members[0].language if members else "en"
    with override(language):
        content = agenda_calendar(
            agenda_for(participation=participation),
            title=f"{participation.edition.name} – {participation.enterprise.display_name}",
            texts={
                "summary": _("Negotiation with %(name)s"),
                "table": _("Table %(table)s"),
                "interpreter": _("Interpreter: %(language)s"),
            },
        )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response


@organiser_required
def print_all(request: HttpRequest, edition: str) -> HttpResponse:
    """Every participant's agenda and the table plan of every slot, as one PDF."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    release = latest_release(edition_obj, with_snapshot=True)
    sections: list[Section] = []
    if release is not None:
        people = {pk for entry in release.snapshot.values() for pk in entry["participants"]}
        for participation in (
            Participation.objects.filter(pk__in=people)
            .select_related("enterprise", "edition")
            .order_by("enterprise__name_en")
        ):
            sections.append(
                _agenda_section(agenda_for(participation=participation, release=release))
            )
        meetings = Meeting.objects.filter(
            pk__in=[int(key) for key in release.snapshot], state=MeetingState.SCHEDULED
        ).select_related("first__enterprise", "second__enterprise")
        by_slot: dict[int, list[Meeting]] = {}
        for meeting in meetings:
            by_slot.setdefault(release.snapshot[str(meeting.pk)]["slot"], []).append(meeting)
        for slot in Slot.objects.filter(pk__in=by_slot).order_by("index"):
            rows = [[_("Table"), _("Participants")]]
            for meeting in sorted(
                by_slot[slot.pk], key=lambda m: release.snapshot[str(m.pk)]["table"] or 0
            ):
                rows.append(
                    [
                        str(release.snapshot[str(meeting.pk)]["table"]),
                        f"{meeting.first.enterprise.display_name} – "
                        f"{meeting.second.enterprise.display_name}",
                    ]
                )
            starts = slot.starts_at.astimezone(ZoneInfo(edition_obj.timezone))
            sections.append((_("Table plan"), f"{starts:%Y-%m-%d %H:%M}", rows, [20, 160]))
    content = render_pdf(title=edition_obj.name, sections=sections)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="schedule-{edition_obj.slug}.pdf"'
    return response


@login_required
def availability(request: HttpRequest, edition: str) -> HttpResponse:
    """The participant ticks the slots it cannot attend; the next solver run respects them."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    slots = list(Slot.objects.filter(session__edition=edition_obj).select_related("session"))
    if request.method == "POST":
        chosen = {int(value) for value in request.POST.getlist("slot") if value.isdigit()}
        try:
            added, removed = set_unavailable_slots(participation=participation, slot_ids=chosen)
        except ValueError:
            messages.error(request, _("One of the chosen slots does not exist in this edition."))
        else:
            messages.success(
                request,
                _("Saved: %(added)d slots added, %(removed)d removed.")
                % {"added": added, "removed": removed},
            )
        return redirect("scheduling:availability", edition_obj.slug)
    unavailable = set(
        Unavailability.objects.filter(participation=participation).values_list("slot_id", flat=True)
    )
    return render(
        request,
        "scheduling/availability.html",
        {"edition": edition_obj, "slots": slots, "unavailable": unavailable},
    )
