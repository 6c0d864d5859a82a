"""Agendas: the delegate's page, its PDF, its calendar feed; the organiser's print-out."""

import datetime
import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.http import parse_etags
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_http_methods, require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.templatetags.zones import meeting_day, zone_name
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.enterprises.models import Participation
from fairmatch.scheduling.domain.agendas import (
    AgendaItem,
    agenda_for,
    own_participation,
    print_out,
)
from fairmatch.scheduling.domain.feeds import LiveFeed, feeds_for, live_feed, rotate_feed
from fairmatch.scheduling.domain.grid import set_unavailable_slots
from fairmatch.scheduling.domain.releases import latest_release
from fairmatch.scheduling.domain.unscheduled import accepted_not_scheduled
from fairmatch.scheduling.interfaces.forms import AvailabilityForm, DelegateForm
from fairmatch.scheduling.interfaces.ics import ICS_FORMAT, agenda_calendar
from fairmatch.scheduling.interfaces.pdf import Section, render_pdf
from fairmatch.scheduling.models import CalendarFeed, Release, Slot, Unavailability

# Calendar clients poll; a feed may be kept five minutes, by the reader's own client only.
FEED_MAX_AGE = 300
# A feed's text is kept a day; a new release or name makes a new key, not a stale answer.
FEED_CACHE_SECONDS = 24 * 3600


def _private(response: HttpResponse, *, max_age: int = 0) -> HttpResponse:
    """Only the reader's own client may keep a copy (no shared cache, no proxy)."""
    patch_cache_control(response, private=True, max_age=max_age)
    return response


def _own_participation(request: HttpRequest, edition: Edition) -> Participation:
    participation = own_participation(user=request.user, edition=edition)
    if participation is None:
        raise PermissionDenied
    return participation


@login_required
def agenda(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    delegates = participation.delegates.filter(is_attending=True)
    agenda = agenda_for(participation=participation)
    return render(
        request,
        "scheduling/agenda.html",
        {
            "edition": edition_obj,
            "agenda": agenda,
            "unscheduled": accepted_not_scheduled(participation=participation, agenda=agenda),
            "feeds": feeds_for(delegates),
        },
    )


@login_required
@require_POST
def new_feed_address(request: HttpRequest, edition: str) -> HttpResponse:
    """A member replaces one of its attending delegates' calendar addresses."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    form = DelegateForm(request.POST, delegates=participation.delegates.filter(is_attending=True))
    if not form.is_valid():
        form_errors_to_messages(request, form)
    else:
        delegate = form.cleaned_data["delegate"]
        rotate_feed(delegate=delegate, user=request.user)
        messages.success(
            request,
            _("%(name)s has a new calendar address; the old one no longer works.")
            % {"name": delegate.full_name},
        )
    return redirect("scheduling:agenda", edition_obj.slug)


def _when(starts_at: datetime.datetime, ends_at: datetime.datetime) -> str:
    """The day as the reader writes it, with its weekday, and 24-hour times (edition's zone)."""
    return f"{meeting_day(starts_at)} {starts_at:%H:%M}–{ends_at:%H:%M}"


def _agenda_rows(items: list[AgendaItem]) -> list[list[str]]:
    rows = [[_("Time"), _("Table"), _("Counterpart"), _("About")]]
    for item in items:
        about = item.demand
        if item.interpreter:
            about += "\n" + _("Interpreter: %(language)s") % {"language": item.interpreter}
        rows.append(
            [
                _when(item.starts_at, item.ends_at),
                item.table,
                f"{item.counterpart_name_original}\n{item.counterpart_name_en}",
                about,
            ]
        )
    return rows


def _times_in(edition: Edition) -> str:
    return _("times in %(zone)s") % {"zone": zone_name(edition.timezone)}


def _agenda_section(
    *,
    name_original: str,
    name_en: str,
    release: Release | None,
    items: list[AgendaItem],
    edition: Edition,
) -> Section:
    # The release's name is the organisers' own: delegates read the number and the note.
    subtitle = _("The schedule is not published yet.")
    if release is not None:
        subtitle = _("Schedule version %(number)d") % {"number": release.number}
        subtitle += f" · {_times_in(edition)}"
        if release.public_note:
            subtitle += f" – {release.public_note}"
    return (f"{name_original} / {name_en}", subtitle, _agenda_rows(items), [38, 18, 60, 64])


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


@login_required
def agenda_pdf(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    agenda = agenda_for(participation=participation)
    section = _agenda_section(
        name_original=participation.enterprise.name_original,
        name_en=participation.enterprise.name_en,
        release=agenda.release,
        items=agenda.items,
        edition=edition_obj,
    )
    content = render_pdf(title=edition_obj.name, sections=[section])
    return _pdf(content, f"agenda-{edition_obj.slug}.pdf")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The secret feed: no login (calendar clients cannot log in). Unknown and replaced
    addresses, and delegates who no longer attend, are not found.

    Clients poll all day while a feed changes only with a release. One query says whether
    the address still answers and what the text is made of (release, language, names); a
    client that already has that text gets 304 at once, and the text itself is kept in the
    cache under its version, so it is built once per release, language and names."""
    live = live_feed(token)
    if live is None:
        raise Http404
    with override(live.language):
        title = f"{live.edition.name} – {live.enterprise.display_name}"
    version = feed_version(
        participation_id=live.participation_id,
        release_id=live.release_id,
        language=live.language,
        title=title,
        timezone=live.edition.timezone,
    )
    etag = f'"{version}"'
    # Weak comparison (RFC 9110): a proxy that compresses the text marks the tag weak.
    held = {tag.removeprefix("W/") for tag in parse_etags(request.headers.get("If-None-Match", ""))}
    if etag in held:
        response = HttpResponseNotModified()
    else:
        key = f"fairmatch:feed:{version}"
        content = cache.get(key)
        if content is None:
            content = _feed_text(live, title=title)
            cache.set(key, content, FEED_CACHE_SECONDS)
        response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    response["ETag"] = etag
    return _private(response, max_age=FEED_MAX_AGE)


def _feed_text(live: LiveFeed, *, title: str) -> bytes:
    """The feed's text, built from the release's rows (two more queries and the agenda's)."""
    participation = Participation.objects.select_related("edition", "enterprise").get(
        pk=live.participation_id
    )
    release = (
        None
        if live.release_id is None
        else Release.objects.defer("changes").get(pk=live.release_id)
    )
    with override(live.language):
        return agenda_calendar(
            agenda_for(participation=participation, release=release),
            title=title,
            texts={
                "summary": _("Negotiation with %(name)s"),
                "table": _("Table %(table)s"),
                "interpreter": _("Interpreter: %(language)s"),
            },
        )


def feed_version(**made_of: object) -> str:
    """A digest of what a feed's text is made of: a release's rows never change, so the
    release, the reader's language and the live names say everything."""
    text = "|".join(f"{name}={value}" for name, value in sorted(made_of.items()))
    return hashlib.sha256(f"{ICS_FORMAT}|{text}".encode()).hexdigest()[:32]


@organiser_required
def print_all(request: HttpRequest, edition: str) -> HttpResponse:
    """Every participant's agenda and the table plan of every slot, as one PDF: all read
    from the latest release's rows, so the pages agree with the delegates' agendas."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    release = latest_release(edition_obj)
    sections: list[Section] = []
    if release is not None:
        printed = print_out(release=release)
        for agenda in printed.agendas:
            sections.append(
                _agenda_section(
                    name_original=agenda.name_original,
                    name_en=agenda.name_en,
                    release=release,
                    items=agenda.items,
                    edition=edition_obj,
                )
            )
        for plan in printed.table_plans:
            rows = [[_("Table"), _("Participants")]]
            rows += [[row.table, f"{row.first_name} – {row.second_name}"] for row in plan.rows]
            subtitle = (
                f"{date_format(plan.starts_at, 'DATE_FORMAT')} {plan.starts_at:%H:%M}, "
                f"{_times_in(edition_obj)}"
            )
            sections.append((_("Table plan"), subtitle, rows, [20, 160]))
    content = render_pdf(title=edition_obj.name, sections=sections)
    return _pdf(content, f"schedule-{edition_obj.slug}.pdf")


@organiser_required
@require_http_methods(["GET", "POST"])
def participant_feeds(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """The organiser sees a participant's delegates' calendar addresses and replaces one
    (audited), e.g. when an address has leaked."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = get_object_or_404(
        Participation.objects.select_related("enterprise"), edition=edition_obj, pk=pk
    )
    delegates = participation.delegates.all()
    if request.method == "POST":
        form = DelegateForm(request.POST, delegates=delegates)
        if not form.is_valid():
            form_errors_to_messages(request, form)
        else:
            delegate = form.cleaned_data["delegate"]
            rotate_feed(delegate=delegate, user=request.user)
            messages.success(
                request,
                _("%(name)s has a new calendar address; the old one no longer works.")
                % {"name": delegate.full_name},
            )
        return redirect("scheduling_admin:participant_feeds", edition_obj.slug, participation.pk)
    feeds = {feed.delegate_id: feed for feed in CalendarFeed.objects.filter(delegate__in=delegates)}
    return render(
        request,
        "scheduling/participant_feeds.html",
        {
            "edition": edition_obj,
            "participation": participation,
            "delegates": [(delegate, feeds.get(delegate.pk)) for delegate in delegates],
        },
    )


@login_required
def availability(request: HttpRequest, edition: str) -> HttpResponse:
    """The participant ticks the slots it cannot attend; the next solver run respects them."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    participation = _own_participation(request, edition_obj)
    slots = list(Slot.objects.filter(session__edition=edition_obj).select_related("session"))
    if request.method == "POST":
        form = AvailabilityForm(request.POST, edition=edition_obj)
        if not form.is_valid():
            form_errors_to_messages(request, form)
            return redirect("scheduling:availability", edition_obj.slug)
        chosen = {slot.pk for slot in form.cleaned_data["slot"]}
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
