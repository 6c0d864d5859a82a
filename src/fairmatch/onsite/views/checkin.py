"""Staff's check-in page (built for a phone), walk-in badges and the absentees action."""

import datetime
import zoneinfo

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.enterprises.models import Delegate
from fairmatch.onsite.domain import badges as badge_domain
from fairmatch.onsite.domain import tokens
from fairmatch.onsite.domain.checkin import (
    BadgeRefused,
    CheckInResult,
    check_in,
    find_badge,
    mark_absent_by,
    next_meeting,
    search_badges,
)
from fairmatch.onsite.interfaces.forms import AbsentByForm, CheckInForm, SearchForm
from fairmatch.onsite.interfaces.pdf import badges_pdf
from fairmatch.onsite.models import Badge, BadgeLayout, CheckInMethod, PressState


def _edition(slug: str) -> Edition:
    return get_object_or_404(Edition, slug=slug)


def _outcome(badge: Badge, result: CheckInResult | None) -> dict:
    return {
        "badge": badge,
        "code": tokens.display_code(badge.code),
        "result": result,
        "meeting": next_meeting(badge),
    }


def _unbadged(edition: Edition, query: str) -> list[Delegate]:
    if len(query.strip()) < 2:
        return []
    return list(
        badge_domain.badgeable_delegates(edition)
        .filter(badge__isnull=True)
        .filter(
            Q(full_name__icontains=query)
            | Q(participation__enterprise__name_original__icontains=query)
            | Q(participation__enterprise__name_en__icontains=query)
        )
        .order_by("full_name", "pk")[:10]
    )


@organiser_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, edition: str) -> HttpResponse:
    """Scan, type or search; check in once. A refused badge answers 400 with the reason."""
    edition_obj = _edition(edition)
    form = CheckInForm(request.POST or None)
    search = SearchForm(request.GET or None)
    context: dict = {"edition": edition_obj, "form": form, "search": search}
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            context["error"] = _("Scan a badge or type its code.")
            status = 400
        else:
            try:
                badge = find_badge(edition=edition_obj, text=form.cleaned_data["code"])
                if badge.press_id and badge.press.state != PressState.APPROVED:
                    raise BadgeRefused(_("This journalist's accreditation was withdrawn."))
            except BadgeRefused as refused:
                context["error"] = str(refused)
                status = 400
            else:
                method = form.cleaned_data.get("method") or CheckInMethod.CODE
                context.update(
                    _outcome(badge, check_in(badge=badge, user=request.user, method=method))
                )
                form = CheckInForm()
                context["form"] = form
    elif request.GET.get("badge"):
        badge = Badge.objects.filter(edition=edition_obj, pk=request.GET["badge"]).first()
        if badge is not None:
            shown = getattr(badge, "check_in", None)
            context.update(_outcome(badge, CheckInResult(shown, False) if shown else None))
    if search.is_valid() and search.cleaned_data["q"]:
        query = search.cleaned_data["q"]
        context["found"] = search_badges(edition=edition_obj, query=query)
        context["unbadged"] = _unbadged(edition_obj, query)
        context["searched"] = True
    if request.htmx and request.method == "POST":
        return render(request, "onsite/_checkin_result.html", context)
    return render(request, "onsite/checkin.html", context, status=status)


@organiser_required
@require_POST
def walk_in(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """A delegate arrives without a badge: issue one, check in, offer it to print."""
    edition_obj = _edition(edition)
    delegate = get_object_or_404(badge_domain.badgeable_delegates(edition_obj), pk=pk)
    badge = badge_domain.badge_for_delegate(delegate=delegate)
    check_in(badge=badge, user=request.user, method=CheckInMethod.WALK_IN)
    return redirect(reverse("onsite_admin:checkin", args=[edition_obj.slug]) + f"?badge={badge.pk}")


@organiser_required
def badge_pdf(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """One badge, card size, to print on the spot."""
    edition_obj = _edition(edition)
    badge = get_object_or_404(Badge, edition=edition_obj, pk=pk)
    pdf = badges_pdf([badge], layout=BadgeLayout.CARD, edition_name=edition_obj.name_en)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="badge-{badge.code}.pdf"'
    return response


@organiser_required
@require_POST
def replace(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """A lost badge: a new code; the old one stops working."""
    edition_obj = _edition(edition)
    badge = get_object_or_404(Badge, edition=edition_obj, pk=pk)
    badge = badge_domain.replace_badge(badge=badge, user=request.user)
    messages.success(request, _("A new badge was issued; the old one no longer works."))
    return redirect(reverse("onsite_admin:checkin", args=[edition_obj.slug]) + f"?badge={badge.pk}")


@organiser_required
@require_POST
def absent_by(request: HttpRequest, edition: str) -> HttpResponse:
    """Everyone not checked in by the time given is absent: their meetings are cancelled."""
    edition_obj = _edition(edition)
    form = AbsentByForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return HttpResponse(status=400, content=_("Give a day and a time."))
    if not edition_obj.start_date <= form.cleaned_data["day"] <= edition_obj.end_date:
        raise Http404
    deadline = datetime.datetime.combine(
        form.cleaned_data["day"],
        form.cleaned_data["deadline"],
        tzinfo=zoneinfo.ZoneInfo(edition_obj.timezone),
    )
    absent, cancelled = mark_absent_by(edition=edition_obj, deadline=deadline, user=request.user)
    messages.success(
        request,
        _(
            "%(absent)d participants not checked in by %(time)s are absent: "
            "%(count)d meetings cancelled."
        )
        % {"absent": absent, "time": f"{deadline:%H:%M}", "count": cancelled},
    )
    return redirect("onsite_admin:meetings", edition=edition_obj.slug)
