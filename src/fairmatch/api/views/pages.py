"""The pages: a user's API tokens (account) and an edition's webhooks (organisers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fairmatch.api.domain import tokens, webhooks
from fairmatch.api.interfaces.forms import TokenForm, WebhookForm
from fairmatch.api.models import ApiToken, WebhookDelivery, WebhookEndpoint
from fairmatch.conference.models import Edition
from fairmatch.core.views import form_errors_to_messages, organiser_required


def _may_have_tokens(request: HttpRequest) -> None:
    if not (request.user.is_organiser or request.user.enterprise_id):
        raise PermissionDenied


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """The user's tokens; POST creates one, shown once on the answer."""
    _may_have_tokens(request)
    organiser = bool(request.user.is_organiser)
    form = TokenForm(request.POST or None, organiser=organiser)
    issued = None
    if request.method == "POST":
        if form.is_valid():
            try:
                issued = tokens.issue_token(
                    user=request.user,
                    name=form.cleaned_data["name"],
                    scope=form.cleaned_data["scope"],
                    edition=form.cleaned_data.get("edition"),
                    expires_at=form.expires_at(),
                )
            except tokens.TokenError as error:
                messages.error(request, str(error))
            else:
                form = TokenForm(organiser=organiser)
        else:
            form_errors_to_messages(request, form)
    response = render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "issued": issued,
            "tokens": ApiToken.objects.filter(user=request.user).select_related("edition"),
        },
    )
    response["Cache-Control"] = "no-store"  # the new token is on this page once
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    tokens.revoke_token(token=token, user=request.user)
    messages.success(request, _("The token is revoked."))
    return redirect("api_pages:tokens")


@organiser_required
def webhook_list(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    form = WebhookForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            webhooks.register_endpoint(
                edition=edition_obj,
                url=form.cleaned_data["url"],
                events=form.cleaned_data["events"],
                user=request.user,
            )
            messages.success(request, _("The webhook is registered."))
            return redirect("webhooks:list", edition_obj.slug)
        form_errors_to_messages(request, form)
    endpoints = WebhookEndpoint.objects.filter(edition=edition_obj)
    deliveries = (
        WebhookDelivery.objects.filter(endpoint__edition=edition_obj)
        .select_related("endpoint")
        .order_by("-created_at", "-pk")[:50]
    )
    return render(
        request,
        "api/webhooks.html",
        {"edition": edition_obj, "form": form, "endpoints": endpoints, "deliveries": deliveries},
    )


@organiser_required
@require_POST
def webhook_delete(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    endpoint = get_object_or_404(WebhookEndpoint, edition__slug=edition, pk=pk)
    webhooks.delete_endpoint(endpoint=endpoint, user=request.user)
    messages.success(request, _("The webhook is deleted."))
    return redirect("webhooks:list", edition)


@organiser_required
@require_POST
def webhook_replay(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    delivery = get_object_or_404(WebhookDelivery, endpoint__edition__slug=edition, pk=pk)
    webhooks.replay(delivery=delivery, user=request.user)
    messages.success(request, _("The delivery is sent again."))
    return redirect("webhooks:list", edition)
