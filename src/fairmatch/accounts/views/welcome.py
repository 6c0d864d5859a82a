"""The first page after the e-mail address is verified."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fairmatch.accounts.domain.signup import (
    confirm_distinct_enterprise,
    similar_enterprises_to_answer,
)
from fairmatch.accounts.interfaces.forms import DistinctEnterpriseForm
from fairmatch.core.views import enterprise_member_required


@enterprise_member_required
@require_http_methods(["GET", "POST"])
def welcome(request: HttpRequest) -> HttpResponse:
    """Ask about the enterprises with very similar names, if any, then lead to the profile.

    Only a member with a verified address (allauth logs no one in before) sees the names.
    """
    enterprise = request.user.enterprise
    similar = similar_enterprises_to_answer(enterprise=enterprise)
    form = DistinctEnterpriseForm(request.POST if request.method == "POST" else None)
    if similar and request.method == "POST" and form.is_valid():
        confirm_distinct_enterprise(enterprise=enterprise)
        similar = []
    if not similar:
        messages.success(request, _("Welcome! Complete your enterprise profile, then apply."))
        return redirect("enterprises:profile")
    context = {"form": form, "similar": similar, "enterprise": enterprise}
    return render(request, "accounts/welcome.html", context)
