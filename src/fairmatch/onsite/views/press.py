"""Press accreditation: the public form, and the organiser's decisions."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.onsite.domain import press as press_domain
from fairmatch.onsite.interfaces.forms import PressDecisionForm, PressForm
from fairmatch.onsite.models import PressAccreditation


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, edition: str) -> HttpResponse:
    """A journalist asks for accreditation (public; the answer never says who else asked)."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    if not press_domain.accepts_press(edition_obj):
        raise Http404
    form = PressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        press_domain.register(edition=edition_obj, **form.cleaned_data)
        return render(request, "onsite/press_thanks.html", {"edition": edition_obj})
    status = 400 if request.method == "POST" else 200
    return render(
        request, "onsite/press_register.html", {"edition": edition_obj, "form": form}, status=status
    )


@organiser_required
def press_list(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    return render(
        request,
        "onsite/press_list.html",
        {
            "edition": edition_obj,
            "accreditations": PressAccreditation.objects.filter(edition=edition_obj).select_related(
                "badge"
            ),
        },
    )


@organiser_required
@require_POST
def decide(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    accreditation = get_object_or_404(PressAccreditation, edition__slug=edition, pk=pk)
    form = PressDecisionForm(request.POST)
    if not form.is_valid():
        form_errors_to_messages(request, form)
        return redirect("onsite_admin:press", edition=edition)
    try:
        press_domain.decide(
            accreditation=accreditation, state=form.cleaned_data["state"], user=request.user
        )
    except press_domain.PressError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(name)s: %(state)s.")
            % {"name": accreditation.full_name, "state": accreditation.get_state_display()},
        )
    return redirect("onsite_admin:press", edition=edition)
