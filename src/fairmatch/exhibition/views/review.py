"""The organiser's part of reviewing an exhibitor: its sponsor tier."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required
from fairmatch.exhibition.domain.applications import set_sponsor_tier
from fairmatch.exhibition.interfaces.forms import SponsorTierForm
from fairmatch.exhibition.models import ExhibitorApplication


@organiser_required
@require_POST
def sponsor_tier(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    """Set the sponsor tier of the participation ``pk`` of the edition (audited)."""
    edition_obj = get_object_or_404(Edition, slug=edition)
    application = ExhibitorApplication.objects.filter(
        participation__pk=pk, participation__edition=edition_obj
    ).first()
    if application is None:
        raise Http404
    form = SponsorTierForm(request.POST, instance=ExhibitorApplication(sponsor_tier=""))
    if form.is_valid():
        set_sponsor_tier(
            application=application, tier=form.cleaned_data["sponsor_tier"], user=request.user
        )
        messages.success(request, _("The sponsor tier has been saved."))
    else:
        form_errors_to_messages(request, form)
    return redirect("review:detail", edition=edition_obj.slug, pk=pk)
