from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fairmatch.core.views import enterprise_member_required
from fairmatch.enterprises.domain.applications import (
    probable_duplicates,
    profile_changed,
)
from fairmatch.enterprises.interfaces.forms import EnterpriseForm


@enterprise_member_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    enterprise = request.user.enterprise
    form = EnterpriseForm(request.POST or None, instance=enterprise)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            profile_changed(enterprise=enterprise)
            duplicates = probable_duplicates(
                name_original=enterprise.name_original,
                name_en=enterprise.name_en,
                country=enterprise.country.code,
                exclude_pk=enterprise.pk,
            )
            if duplicates:
                messages.warning(
                    request,
                    _("Possibly registered twice: %(names)s. Tell the organiser if so.")
                    % {"names": ", ".join(e.name_original for e in duplicates)},
                )
            messages.success(request, _("Your enterprise profile has been saved."))
            return redirect("enterprises:profile")
        messages.error(request, _("Some entries need correcting; see the marked fields."))
    return render(request, "enterprises/profile.html", {"form": form, "enterprise": enterprise})
