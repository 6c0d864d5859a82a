"""The organiser's plan editor: halls, zones and booths, drawn and edited in the page.

Each action posts a form and calls one domain function. Asked by htmx (the editor's forms
and its drag-and-keyboard script), an action answers with the editor's part of the page,
the refusal or success shown in place; asked without script, it redirects to the hall.
"""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import organiser_required
from fairmatch.exhibition.domain import plan
from fairmatch.exhibition.domain.plan import PlanError
from fairmatch.exhibition.interfaces.floorplan import STATES, render_svg, working_hall
from fairmatch.exhibition.interfaces.plan_forms import (
    BoothForm,
    HallForm,
    MergeForm,
    SplitForm,
    ZoneForm,
)
from fairmatch.exhibition.interfaces.plan_pdf import plan_pdf_response
from fairmatch.exhibition.models import Booth, Hall, Zone


def _legend() -> list[dict[str, str]]:
    return [
        {"state": state.value, "label": str(label), "fill": fill}
        for state, (label, fill, _ink) in STATES.items()
    ]


def _hall_url(hall: Hall, booth: Booth | None = None) -> str:
    url = reverse("floorplan_admin:hall", args=[hall.edition.slug, hall.pk])
    return f"{url}?booth={booth.pk}" if booth else url


def _context(
    hall: Hall,
    booth: Booth | None,
    *,
    booth_form: BoothForm | None = None,
    refusal: str = "",
    done: str = "",
) -> dict[str, Any]:
    drawn = working_hall(hall)
    selected = next((b for b in drawn.booths if booth and b.pk == booth.pk), None)
    edit_link = _hall_url(hall) + "?booth={pk}"
    return {
        "edition": hall.edition,
        "hall": hall,
        "halls": Hall.objects.filter(edition=hall.edition),
        "drawn": drawn,
        "svg": render_svg(
            drawn, mode="editor", selected=selected.key if selected else "", link=edit_link
        ),
        "legend": _legend(),
        "booth": booth,
        "selected": selected,
        "booth_form": booth_form
        or (BoothForm(initial=BoothForm.initial_for(booth), hall=hall) if booth else None),
        "split_form": SplitForm(initial={"version": booth.version, "new_code": f"{booth.code}B"})
        if booth
        else None,
        "merge_form": MergeForm(initial={"version": booth.version}, booth=booth) if booth else None,
        "add_form": BoothForm(hall=hall, prefix="add", initial={"x": 0, "y": 0}),
        "hall_form": HallForm(initial=HallForm.initial_for(hall), prefix="hall"),
        "zone_form": ZoneForm(prefix="zone"),
        "zone_forms": [
            (zone, ZoneForm(initial=ZoneForm.initial_for(zone), prefix=f"zone-{zone.pk}"))
            for zone in hall.zones.order_by("name_en")
        ],
        "refusal": refusal,
        "done": done,
    }


def _answer(
    request: HttpRequest,
    hall: Hall,
    booth: Booth | None,
    *,
    refusal: str = "",
    done: str = "",
    booth_form: BoothForm | None = None,
) -> HttpResponse:
    """The editor's part of the page (htmx), or a redirect to the hall with a message."""
    if request.htmx:
        return render(
            request,
            "exhibition/_plan_editor.html",
            _context(hall, booth, refusal=refusal, done=done, booth_form=booth_form),
        )
    if refusal:
        messages.error(request, refusal)
    elif done:
        messages.success(request, done)
    return redirect(_hall_url(hall, booth))


def _errors(form: Any) -> str:
    return " ".join(
        f"{form.fields[name].label}: {error}" if name in form.fields else str(error)
        for name, errors in form.errors.items()
        for error in errors
    )


@organiser_required
def halls(request: HttpRequest, edition: str) -> HttpResponse:
    """The edition's halls, and a form to add one."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    form = HallForm(request.POST or None, prefix="hall")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            hall = plan.create_hall(
                edition=edition_obj,
                code=data["code"],
                name_en=data["name_en"],
                name_zh=data["name_zh"],
                width=data["width"],
                depth=data["depth"],
                entrances=data["entrances"],
                user=request.user,
            )
        except PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Hall %(hall)s added.") % {"hall": hall.code})
            return redirect(_hall_url(hall))
    halls_list = list(Hall.objects.filter(edition=edition_obj))
    for hall in halls_list:
        hall.drawn = working_hall(hall)  # type: ignore[attr-defined]
        hall.counts = hall.drawn.counts()  # type: ignore[attr-defined]
    return render(
        request,
        "exhibition/plan_halls.html",
        {"edition": edition_obj, "halls": halls_list, "form": form, "legend": _legend()},
        status=400 if request.method == "POST" else 200,
    )


def _hall(edition: str, pk: int) -> Hall:
    return get_object_or_404(Hall.objects.select_related("edition"), edition__slug=edition, pk=pk)


def _booth(edition: str, pk: int) -> Booth:
    return get_object_or_404(
        Booth.objects.select_related("hall__edition", "zone"), hall__edition__slug=edition, pk=pk
    )


@organiser_required
def hall(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """One hall's plan; ``?booth=`` selects a booth to edit."""
    hall_obj = _hall(edition, pk)
    booth = None
    if request.GET.get("booth", "").isdigit():
        booth = Booth.objects.filter(hall=hall_obj, pk=int(request.GET["booth"])).first()
    template = "exhibition/_plan_editor.html" if request.htmx else "exhibition/plan_hall.html"
    return render(request, template, _context(hall_obj, booth))


@organiser_required
@require_POST
def hall_update(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    hall_obj = _hall(edition, pk)
    form = HallForm(request.POST, prefix="hall")
    if not form.is_valid():
        return _answer(request, hall_obj, None, refusal=_errors(form))
    data = form.cleaned_data
    try:
        hall_obj = plan.update_hall(
            hall_id=hall_obj.pk,
            name_en=data["name_en"],
            name_zh=data["name_zh"],
            width=data["width"],
            depth=data["depth"],
            entrances=data["entrances"],
            user=request.user,
        )
    except PlanError as error:
        return _answer(request, _hall(edition, pk), None, refusal=str(error))
    return _answer(
        request, hall_obj, None, done=_("Hall %(hall)s saved.") % {"hall": hall_obj.code}
    )


@organiser_required
@require_POST
def zone_add(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    hall_obj = _hall(edition, pk)
    form = ZoneForm(request.POST, prefix="zone")
    if not form.is_valid():
        return _answer(request, hall_obj, None, refusal=_errors(form))
    zone = plan.create_zone(hall=hall_obj, user=request.user, **form.cleaned_data)
    return _answer(request, hall_obj, None, done=_("Zone %(zone)s added.") % {"zone": zone.name})


def _zone(edition: str, pk: int) -> Zone:
    return get_object_or_404(
        Zone.objects.select_related("hall__edition"), hall__edition__slug=edition, pk=pk
    )


@organiser_required
@require_POST
def zone_edit(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    zone = _zone(edition, pk)
    form = ZoneForm(request.POST, prefix=f"zone-{zone.pk}")
    if not form.is_valid():
        return _answer(request, zone.hall, None, refusal=_errors(form))
    plan.update_zone(zone=zone, country=zone.country, user=request.user, **form.cleaned_data)
    return _answer(request, zone.hall, None, done=_("Zone %(zone)s saved.") % {"zone": zone.name})


@organiser_required
@require_POST
def zone_delete(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    zone = _zone(edition, pk)
    name = zone.name
    plan.delete_zone(zone=zone, user=request.user)
    return _answer(
        request,
        zone.hall,
        None,
        done=_("Zone %(zone)s removed; its booths are kept.") % {"zone": name},
    )


@organiser_required
@require_POST
def booth_add(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    hall_obj = _hall(edition, pk)
    form = BoothForm(request.POST, hall=hall_obj, prefix="add")
    if not form.is_valid():
        return _answer(request, hall_obj, None, refusal=_errors(form))
    data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
    try:
        booth = plan.add_booth(hall=hall_obj, user=request.user, **data)
    except PlanError as error:
        return _answer(request, hall_obj, None, refusal=str(error))
    return _answer(
        request, hall_obj, booth, done=_("Booth %(booth)s added.") % {"booth": booth.code}
    )


@organiser_required
@require_POST
def booth_edit(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """Save a booth's fields: the side form, or a drag or arrow key (x, y and version only)."""
    booth = _booth(edition, pk)
    hall_obj = booth.hall
    if request.POST.get("move") == "1":
        form = BoothForm(
            {**BoothForm.initial_for(booth), **request.POST.dict(), "zone": booth.zone_id or ""},
            hall=hall_obj,
        )
        if booth.is_blocked:
            form.data["is_blocked"] = "on"
    else:
        form = BoothForm(request.POST, hall=hall_obj)
    if not form.is_valid():
        return _answer(request, hall_obj, booth, refusal=_errors(form), booth_form=form)
    data = dict(form.cleaned_data)
    version = data.pop("version")
    try:
        booth = plan.edit_booth(booth_id=booth.pk, version=version, user=request.user, **data)
    except PlanError as error:
        booth.refresh_from_db()
        return _answer(
            request,
            hall_obj,
            booth,
            refusal=str(error),
            booth_form=None if request.POST.get("move") == "1" else form,
        )
    return _answer(
        request, hall_obj, booth, done=_("Booth %(booth)s saved.") % {"booth": booth.code}
    )


@organiser_required
@require_POST
def booth_split(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    booth = _booth(edition, pk)
    form = SplitForm(request.POST)
    if not form.is_valid():
        return _answer(request, booth.hall, booth, refusal=_errors(form))
    data = form.cleaned_data
    try:
        first, second = plan.split_booth(
            booth_id=booth.pk,
            version=data["version"],
            axis=data["axis"],
            at=data["at"],
            new_code=data["new_code"],
            user=request.user,
        )
    except PlanError as error:
        return _answer(request, booth.hall, booth, refusal=str(error))
    return _answer(
        request,
        booth.hall,
        first,
        done=_("Booth %(booth)s split into %(first)s and %(second)s.")
        % {"booth": booth.code, "first": first.code, "second": second.code},
    )


@organiser_required
@require_POST
def booth_merge(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    booth = _booth(edition, pk)
    form = MergeForm(request.POST, booth=booth)
    if not form.is_valid():
        return _answer(request, booth.hall, booth, refusal=_errors(form))
    other = form.cleaned_data["other"]
    try:
        merged = plan.merge_booths(
            booth_id=booth.pk,
            version=form.cleaned_data["version"],
            other_id=other.pk,
            user=request.user,
        )
    except PlanError as error:
        return _answer(request, booth.hall, booth, refusal=str(error))
    return _answer(
        request,
        booth.hall,
        merged,
        done=_("Booths %(booth)s and %(other)s merged.")
        % {"booth": merged.code, "other": other.code},
    )


@organiser_required
@require_POST
def booth_delete(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    booth = _booth(edition, pk)
    try:
        plan.delete_booth(
            booth_id=booth.pk, version=_int(request.POST.get("version")), user=request.user
        )
    except PlanError as error:
        return _answer(request, booth.hall, booth, refusal=str(error))
    return _answer(
        request, booth.hall, None, done=_("Booth %(booth)s removed.") % {"booth": booth.code}
    )


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return -1  # no version sent: refused as stale


@organiser_required
def hall_pdf(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """The working plan of one hall, printable (states as on the editor)."""
    hall_obj = _hall(edition, pk)
    return plan_pdf_response(
        [working_hall(hall_obj)],
        title=f"{hall_obj.edition.name} · {hall_obj.name}",
        filename=f"plan-{hall_obj.edition.slug}-{hall_obj.code}.pdf",
        language=get_language(),
    )
